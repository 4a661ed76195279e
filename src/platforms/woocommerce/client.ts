// HTTP client for one WooCommerce site's REST API v3: the key pair as HTTP Basic
// (_authentication.md "Authentication over HTTPS"), only to the site's API origin (a redirect is
// never followed: it would carry the key elsewhere), retries of 5xx and timeouts with backoff, the
// caller's deadline, and the engine's contact log.
// - 401 → PlatformAccessError("invalid_credentials"). WooCommerce answers 401 both for a refused
//   key and for a read-only key that writes (core class-wc-rest-authentication.php
//   check_permissions: "The API key provided does not have write permissions."): that one's
//   message says "sem permissão de escrita", so the person knows to fix the key's permission.
// - 403 → PlatformAccessError("invalid_credentials") too: the key's user lacks the capability
//   (e.g. a key of a Shop manager demoted since). [U]
// - WooCommerce has no suspension of its own (no 402): a store is "suspended" when its hosting
//   account is, and the host then answers with its own HTML page instead of WordPress — a 503 or
//   403 "Account Suspended" page, or a redirect to cPanel's /suspendedpage.cgi. An answer that is
//   not JSON and says "suspended" is read as PlatformAccessError("suspended"). [U]
// - 429 → waited out per Retry-After (seconds or a date), without spending a retry and never past
//   the deadline. Core has no rate limit; hosts and security plugins add one (platforms README
//   §2.1 "Errors") [U]; without Retry-After Ponte waits 30 s.
// Errors carry their kind and the path only; the base URL and the cause go to the log.
import type { Logger } from "../../logger.ts";
import { PlatformAccessError, type PlatformContact } from "../connector.ts";
import { kindOfStatus, type PlatformErrorKind } from "../platform-errors.ts";

export interface WooClientOptions {
  /** The site's API base, `${siteUrl}/wp-json/wc/v3` (or a simulator's). */
  apiBaseUrl: string;
  consumerKey: string;
  consumerSecret: string;
  userAgent: string;
  logger: Logger;
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxRetries?: number;
  baseDelayMs?: number;
  /** Epoch milliseconds: see ConnectorDeps.deadline. */
  deadline?: number;
  onContact?: (contact: PlatformContact) => Promise<void> | void;
  /** The wait after a 429 without Retry-After. */
  rateLimitWaitMs?: number;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export class WooRequestError extends Error {
  readonly status: number | null;
  readonly body: unknown;
  readonly retryable: boolean;
  readonly kind: PlatformErrorKind;
  constructor(
    message: string,
    status: number | null,
    body: unknown,
    retryable: boolean,
    kind?: PlatformErrorKind,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "WooRequestError";
    this.status = status;
    this.body = body;
    this.retryable = retryable;
    this.kind = kind ?? (status === null ? "unreachable" : kindOfStatus(status));
  }
}

/**
 * A 401 for the key's permission, not for the key itself (core check_permissions: "The API key
 * provided does not have read|write permissions."): still an access problem the store needs a
 * person for, and Testar conexão reads which permission is missing.
 */
export class WooKeyPermissionError extends PlatformAccessError {
  readonly missing: "read" | "write";
  constructor(missing: "read" | "write", message: string) {
    super("invalid_credentials", message);
    this.missing = missing;
  }
}

/** WooCommerce's error body {"code","message","data":{"status"}} (_introduction.md "Errors"): its code. */
export function errorCode(body: unknown): string | null {
  const code = (body as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : null;
}

/** A refusal of an answered request: 5xx, 408 and 429 may work later, other 4xx not. */
export const refused = (what: string, res: ApiResponse): WooRequestError =>
  new WooRequestError(
    `${what} answered ${res.status}${errorCode(res.body) ? ` (${errorCode(res.body)})` : ""}`,
    res.status,
    res.body,
    res.status >= 500 || res.status === 408 || res.status === 429,
  );

const MAX_RATE_LIMIT_WAITS = 20;
const DEFAULT_RATE_LIMIT_WAIT_MS = 30_000;
/** A Retry-After longer than this is waited this long (then the request tries again). [U] */
const MAX_RATE_LIMIT_WAIT_MS = 120_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A hosting company's "account suspended" page (cPanel, Plesk, pt-BR hosts). [U] */
const SUSPENDED_PAGE = /account (has been )?suspended|conta (foi )?suspensa|suspendedpage/i;

function networkFailure(error: unknown, timeoutMs: number): { kind: PlatformErrorKind; text: string } {
  const e = error as { name?: string; cause?: { code?: string; name?: string } } | null;
  const code = e?.cause?.code;
  if (e?.name === "TimeoutError" || e?.name === "AbortError" || code === "UND_ERR_HEADERS_TIMEOUT") {
    return { kind: "timeout", text: `no answer within ${timeoutMs} ms (timeout)` };
  }
  return { kind: "unreachable", text: `connection failed (${code ?? e?.cause?.name ?? e?.name ?? "error"})` };
}

/** Retry-After in seconds (RFC 9110 also allows a date: read too). */
function retryAfterMs(headers: Headers): number | null {
  const raw = headers.get("retry-after");
  if (raw === null || raw.trim() === "") return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

export class WooClient {
  private readonly fetch: typeof fetch;
  private readonly authorization: string;
  /** The only origin the key pair is sent to. */
  readonly origin: string;

  constructor(private readonly options: WooClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.origin = new URL(options.apiBaseUrl).origin;
    this.authorization = `Basic ${Buffer.from(`${options.consumerKey}:${options.consumerSecret}`, "utf8").toString("base64")}`;
  }

  /** An API URL: `path` under the API base, with the query's defined values. */
  url(path: string, query: Record<string, string | number | boolean | undefined> = {}): string {
    const url = new URL(`${this.options.apiBaseUrl.replace(/\/+$/, "")}${path}`);
    for (const [key, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.set(key, String(value));
    return url.toString();
  }

  private remaining(): number {
    return this.options.deadline === undefined
      ? Number.POSITIVE_INFINITY
      : this.options.deadline - Date.now();
  }

  private async contact(contact: PlatformContact): Promise<void> {
    try {
      await this.options.onContact?.(contact);
    } catch {
      // recording how the platform answered must never fail the call itself
    }
  }

  private giveUp(error: WooRequestError, url: string, location?: string | null): WooRequestError {
    this.options.logger.warn(
      {
        url,
        status: error.status,
        kind: error.kind,
        err: error.cause ?? error,
        ...(location ? { location } : {}),
      },
      `WooCommerce request failed: ${error.message}`,
    );
    return error;
  }

  private async suspended(what: string): Promise<never> {
    await this.contact({ ok: false, kind: "suspended" });
    throw new PlatformAccessError(
      "suspended",
      `${what}: the site answers its host's "account suspended" page instead of WooCommerce`,
    );
  }

  /** GET /orders/{id}: the order, null when WooCommerce says there is no such order (404). */
  async getOrder(orderId: string): Promise<Record<string, unknown> | null> {
    if (!/^\d+$/.test(orderId)) return null; // order ids are post ids: digits only (_orders.md "id")
    const res = await this.request("GET", this.url(`/orders/${orderId}`));
    // A 404 with WooCommerce's body is "no such order" (woocommerce_rest_shop_order_invalid_id);
    // rest_no_route means the API itself is not there (permalinks off, WooCommerce inactive).
    if (res.status === 404 && errorCode(res.body) !== null && errorCode(res.body) !== "rest_no_route")
      return null;
    if (res.status >= 400) throw refused(`reading order ${orderId}`, res);
    if (typeof res.body !== "object" || res.body === null || Array.isArray(res.body))
      throw new WooRequestError(
        `reading order ${orderId}: not an order`,
        res.status,
        null,
        false,
        "unreadable",
      );
    return res.body as Record<string, unknown>;
  }

  async request(method: string, url: string, options: { body?: unknown } = {}): Promise<ApiResponse> {
    const maxRetries = this.options.maxRetries ?? 5;
    const baseDelay = this.options.baseDelayMs ?? 500;
    const timeoutMs = this.options.timeoutMs ?? 20_000;
    const path = URL.canParse(url) ? new URL(url).pathname : url;
    const what = `${method} ${path}`;
    if (!URL.canParse(url) || new URL(url).origin !== this.origin) {
      throw this.giveUp(
        new WooRequestError(
          `${what}: not the site's API origin, the key is not sent there`,
          null,
          null,
          false,
          "redirected",
        ),
        url,
      );
    }
    let failures = 0;
    let rateLimitWaits = 0;
    const retryAfterBackoff = async (failure: WooRequestError) => {
      const delay = Math.random() * Math.min(30_000, baseDelay * 2 ** (failures + 1));
      if (failures >= maxRetries || delay >= this.remaining()) throw this.giveUp(failure, url);
      failures++;
      await sleep(delay);
    };
    for (;;) {
      const budget = Math.min(timeoutMs, this.remaining());
      if (budget <= 0) {
        throw this.giveUp(
          new WooRequestError(
            `${what}: no answer before the deadline (timeout)`,
            null,
            null,
            true,
            "timeout",
          ),
          url,
        );
      }
      let response: Response;
      try {
        response = await this.fetch(url, {
          method,
          headers: {
            Authorization: this.authorization,
            "User-Agent": this.options.userAgent,
            Accept: "application/json",
            ...(options.body === undefined ? {} : { "Content-Type": "application/json" }),
          },
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          redirect: "manual",
          signal: AbortSignal.timeout(Math.max(1, Math.ceil(budget))),
        });
      } catch (error) {
        const { kind, text } = networkFailure(error, Math.ceil(budget));
        await this.contact({ ok: false, kind });
        await retryAfterBackoff(new WooRequestError(`${what}: ${text}`, null, null, true, kind, error));
        continue;
      }
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel().catch(() => undefined);
        const location = response.headers.get("location");
        if (location !== null && SUSPENDED_PAGE.test(location)) return this.suspended(what);
        await this.contact({ ok: false, kind: "redirected" });
        throw this.giveUp(
          new WooRequestError(
            `${what} answered ${response.status}: a redirect, not followed with the key`,
            response.status,
            null,
            false,
            "redirected",
          ),
          url,
          location,
        );
      }
      const text = await response.text();
      let parsed: unknown = text;
      let json = true;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        json = false; // hosts and proxies answer HTML pages
      }
      if (!json && response.status >= 400 && SUSPENDED_PAGE.test(text)) return this.suspended(what);
      if (response.status === 429) {
        await this.contact({ ok: false, kind: "rate_limited" });
        const waitMs = Math.min(
          retryAfterMs(response.headers) ?? this.options.rateLimitWaitMs ?? DEFAULT_RATE_LIMIT_WAIT_MS,
          MAX_RATE_LIMIT_WAIT_MS,
        );
        if (++rateLimitWaits > MAX_RATE_LIMIT_WAITS || waitMs >= this.remaining()) {
          throw this.giveUp(
            new WooRequestError(`${what} answered 429 (rate limited)`, 429, parsed, true),
            url,
          );
        }
        await sleep(waitMs);
        continue;
      }
      if (response.status === 401 || response.status === 403) {
        await this.contact({ ok: false, kind: response.status === 401 ? "unauthorized" : "forbidden" });
        const message =
          json && typeof (parsed as { message?: unknown })?.message === "string"
            ? (parsed as { message: string }).message
            : "";
        const missing = /\b(read|write) permissions?\b/i.exec(message)?.[1]?.toLowerCase();
        if (missing === "write")
          throw new WooKeyPermissionError(
            "write",
            `A chave da API do WooCommerce está sem permissão de escrita: gere uma chave Leitura/Escrita (${what} answered ${response.status})`,
          );
        if (missing === "read")
          throw new WooKeyPermissionError(
            "read",
            `A chave da API do WooCommerce está sem permissão de leitura: gere uma chave Leitura/Escrita (${what} answered ${response.status})`,
          );
        throw new PlatformAccessError(
          "invalid_credentials",
          `WooCommerce refused the consumer key and secret (${what} answered ${response.status}${errorCode(parsed) ? `, ${errorCode(parsed)}` : ""})`,
        );
      }
      if (response.status >= 500) {
        await this.contact({ ok: false, kind: "server_error" });
        await retryAfterBackoff(
          new WooRequestError(`${what} answered ${response.status}`, response.status, parsed, true),
        );
        continue;
      }
      if (!json && response.status < 300) {
        await this.contact({ ok: false, kind: "unreadable" });
        throw this.giveUp(
          new WooRequestError(
            `${what} answered ${response.status} with a body that is not JSON`,
            response.status,
            null,
            false,
            "unreadable",
          ),
          url,
        );
      }
      await this.contact({ ok: true });
      return { status: response.status, headers: response.headers, body: parsed };
    }
  }
}
