// One attempt at one push, through its channel: the platform's API (the connector reads the
// order first, so an action already applied is not applied again), an XML POST, or a signed JSON
// webhook (SSRF-guarded, no redirects). Says whether it worked and, when not, whether trying
// again may help and how long the receiver asked us to wait.
import type { AppContext } from "../context.ts";
import { RequestFailedError, safeRequest, UnsafeUrlError } from "../net/safe-fetch.ts";
import { PlatformAccessError } from "../platforms/connector.ts";
import { openStore } from "../stores/stores.ts";
import { handleAccessError } from "../sync/access.ts";
import { parseRetryAfter } from "./backoff.ts";
import { readPushChannel, webhookSecret } from "./channel.ts";
import type { OutboxPayload } from "./plan.ts";
import { urlPolicy } from "./settings.ts";
import { SIGNATURE_HEADER, signatureFor, TIMESTAMP_HEADER } from "./signature.ts";
import { statusEventJson, statusEventXml } from "./status-event.ts";

export interface PushRow {
  id: number;
  orgId: number;
  storeId: number;
  channel: "platform" | "xml" | "webhook";
  action: string;
  dedupeKey: string;
  payload: OutboxPayload;
  /** This attempt's number (1-based). */
  attempt: number;
}

export type SendOutcome =
  | { ok: true; alreadyApplied: boolean; target: string | null }
  | { ok: false; retryable: boolean; message: string; retryAfterMs: number | null };

const permanent = (message: string): SendOutcome => ({
  ok: false,
  retryable: false,
  message,
  retryAfterMs: null,
});
const transient = (message: string, retryAfterMs: number | null = null): SendOutcome => ({
  ok: false,
  retryable: true,
  message,
  retryAfterMs,
});

const ACCESS_PT = {
  invalid_credentials: "a plataforma recusou as credenciais da loja (reconecte a loja)",
  suspended: "loja ou aplicativo suspenso na plataforma (pagamento pendente)",
} as const;

async function sendToPlatform(ctx: AppContext, row: PushRow): Promise<SendOutcome> {
  const { action, externalOrderId } = row.payload;
  if (!action || !externalOrderId) return permanent("push without a platform action or order id");
  // The job retries with its own backoff: the connector sends each request once.
  const { store, connector } = await openStore(ctx, row.storeId, {
    maxRetries: 0,
    timeoutMs: ctx.push.timeoutMs,
  });
  try {
    const result = await connector.push(externalOrderId, action);
    if (result.ok) return { ok: true, alreadyApplied: result.alreadyApplied, target: store.platform };
    const status = result.status === null ? "" : ` (${result.status})`;
    return result.retryable
      ? transient(`${result.message}${status}`)
      : permanent(`${result.message}${status}`);
  } catch (error) {
    if (error instanceof PlatformAccessError) {
      await handleAccessError(ctx, store, error);
      return transient(ACCESS_PT[error.state]);
    }
    throw error;
  }
}

/** Statuses worth another try: the receiver is busy, down or asked us to come back. */
const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

async function sendToUrl(ctx: AppContext, row: PushRow): Promise<SendOutcome> {
  const event = row.payload.event;
  if (!event) return permanent("push without a status event");
  const { rows } = await ctx.db.query<{ settings: Record<string, unknown> }>(
    "select settings from stores where id = $1",
    [row.storeId],
  );
  if (!rows[0]) return permanent(`store ${row.storeId} no longer exists`);
  // The URL and secret in force now: a corrected URL applies to pushes still pending.
  const channel = readPushChannel(rows[0].settings);
  if (channel.kind === "platform" || channel.kind !== row.channel) {
    return permanent(
      `o canal de envio da loja mudou para "${channel.kind}"; este envio era "${row.channel}"`,
    );
  }
  const body = channel.kind === "xml" ? statusEventXml(event) : statusEventJson(event);
  const timestamp = Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    "Content-Type":
      channel.kind === "xml" ? "application/xml; charset=utf-8" : "application/json; charset=utf-8",
    "User-Agent": ctx.userAgent,
    "X-Ponte-Event-Id": event.id,
    "X-Ponte-Event": event.type,
    "X-Ponte-Attempt": String(row.attempt),
    [TIMESTAMP_HEADER]: String(timestamp),
  };
  if (channel.kind === "webhook") {
    const secret = webhookSecret(ctx, row.orgId, row.storeId, channel.secret);
    headers[SIGNATURE_HEADER] = signatureFor(secret, timestamp, body);
  }
  let host = channel.url;
  try {
    host = new URL(channel.url).host;
    const res = await safeRequest(
      channel.url,
      {
        method: "POST",
        headers,
        body,
        timeoutMs: ctx.push.timeoutMs,
        maxResponseBytes: ctx.push.maxResponseBytes,
      },
      urlPolicy(ctx.push),
    );
    if (res.status >= 200 && res.status < 300) return { ok: true, alreadyApplied: false, target: host };
    const said = res.body.trim().slice(0, 300);
    const message = `${host} answered ${res.status}${said ? `: ${said}` : ""}`;
    if (res.status >= 300 && res.status < 400) {
      return permanent(
        `${host} answered ${res.status} (redirect): redirects are not followed; configure the final URL`,
      );
    }
    if (RETRYABLE_STATUS.has(res.status))
      return transient(message, parseRetryAfter(res.headers["retry-after"]));
    return permanent(message);
  } catch (error) {
    if (error instanceof UnsafeUrlError) return permanent(`URL recusada: ${error.reasonPt}`);
    if (error instanceof RequestFailedError) return transient(`${host}: ${error.message}`);
    throw error;
  }
}

/** One attempt. Unexpected errors (database, bugs) are thrown: the caller counts them as transient. */
export function sendPush(ctx: AppContext, row: PushRow): Promise<SendOutcome> {
  return row.channel === "platform" ? sendToPlatform(ctx, row) : sendToUrl(ctx, row);
}
