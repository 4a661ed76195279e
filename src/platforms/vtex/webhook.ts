// VTEX order hooks (platforms README §4.5; Orders Feed v3 guide, "Hook"): no signature. Ponte
// registers the hook with a header of its own, `x-ponte-hook-secret: <secret>` (hook-config.ts),
// and `verify` compares it in constant time. Saving a hook makes VTEX POST {"hookConfig":"ping"}
// and anything but 200 fails the save; whether the ping carries the configured headers is not
// documented, so a body that is exactly that ping is accepted without the header (it carries no
// order and is answered as "other"). A notice is thin: {Domain, OrderId, State, LastChange,
// Origin{Account, Key}}; the order is re-read.
import crypto from "node:crypto";
import { type Headers, type WebhookNotice, WebhookPayloadError } from "../connector.ts";

export const HOOK_SECRET_HEADER = "x-ponte-hook-secret";

/** Bigger than any formatting of the ping; keeps the parse cheap before any check. */
const PING_MAX_BYTES = 128;

/** True for a body that is exactly VTEX's hook ping, however it is spaced. */
export function isHookPing(rawBody: Buffer): boolean {
  if (rawBody.length > PING_MAX_BYTES) return false;
  try {
    const body = JSON.parse(rawBody.toString("utf8")) as unknown;
    return (
      typeof body === "object" &&
      body !== null &&
      !Array.isArray(body) &&
      Object.keys(body).length === 1 &&
      (body as { hookConfig?: unknown }).hookConfig === "ping"
    );
  } catch {
    return false;
  }
}

export function verifyVtexWebhook(rawBody: Buffer, headers: Headers, secret: string): boolean {
  if (isHookPing(rawBody)) return true;
  const given = headers[HOOK_SECRET_HEADER];
  const value = Array.isArray(given) ? given[0] : given;
  if (!value || !secret) return false;
  // Hashing first gives equal lengths, so the comparison time says nothing about the secret.
  const digest = (s: string) => crypto.createHash("sha256").update(s, "utf8").digest();
  return crypto.timingSafeEqual(digest(value), digest(secret));
}

const field = (body: Record<string, unknown>, name: string): string | null => {
  const v = body[name];
  return typeof v === "string" && v !== "" ? v : null;
};

export function parseVtexWebhook(rawBody: Buffer): WebhookNotice {
  if (isHookPing(rawBody)) {
    return {
      event: "hook/ping",
      storeExternalId: "",
      externalOrderId: null,
      kind: "other",
      dedupeKey: "hook-ping",
    };
  }
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString("utf8"));
  } catch {
    throw new WebhookPayloadError("the hook body is not JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new WebhookPayloadError("the hook body is not an object");
  const b = body as Record<string, unknown>;
  const origin =
    typeof b.Origin === "object" && b.Origin !== null ? (b.Origin as Record<string, unknown>) : {};
  const orderId = field(b, "OrderId");
  const state = field(b, "State");
  const account = field(origin, "Account");
  if (orderId === null || state === null || account === null)
    throw new WebhookPayloadError("the hook body lacks OrderId, State or Origin.Account");
  // At least once delivery: dedupe on OrderId + State + LastChange (platforms README §4.5 [3P]).
  return {
    event: `order/${state}`,
    storeExternalId: account,
    externalOrderId: orderId,
    kind: "order",
    dedupeKey: `${orderId}:${state}:${field(b, "LastChange") ?? ""}`,
  };
}
