// HTTP client for VTEX's OMS on one account: the two key headers (X-VTEX-API-AppKey and
// X-VTEX-API-AppToken, platforms README §4.1), only to the account's API origin (a redirect is
// never followed: it would carry the token elsewhere), retries of 5xx and timeouts with backoff,
// the caller's deadline, and the engine's contact log.
// - 401 → PlatformAccessError("invalid_credentials").
// - 403 → also invalid_credentials: the key lacks the OMS role the call needs (Orders API
//   OpenAPI: "Otherwise they will receive a status code 403 error") — a person must fix the key. [U]
// - 402 → PlatformAccessError("suspended"): VTEX documents no answer for a blocked account. [U]
// - 429 → waited out per Retry-After (seconds) or 60 s, as VTEX advises (platforms README §4.5),
//   without spending a retry and never past the deadline.
// Errors carry their kind and the path only; the base URL and the cause go to the log.
import type { Logger } from "../../logger.ts";
import { PlatformAccessError, type PlatformContact } from "../connector.ts";
import { kindOfStatus, type PlatformErrorKind } from "../platform-errors.ts";
import { getOrderBucket, type TokenBucket, TokenWaitTooLong } from "./token-bucket.ts";

export interface VtexClientOptions {
  apiBaseUrl: string;
  appKey: string;
  appToken: string;
  userAgent: string;
  logger: Logger;
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxRetries?: number;
  baseDelayMs?: number;
  /** Epoch milliseconds: see ConnectorDeps.deadline. */
  deadline?: number;
  onContact?: (contact: PlatformContact) => Promise<void> | void;
  /** The wait after a 429 without Retry-After (VTEX advises about a minute). */
  rateLimitWaitMs?: number;
  /** The Get order throttle (default: the account's shared bucket). */
  getOrderBucket?: TokenBucket;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export class VtexRequestError extends Error {
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
    this.name = "VtexRequestError";
    this.status = status;
    this.body = body;
    this.retryable = retryable;
    this.kind = kind ?? (status === null ? "unreachable" : kindOfStatus(status));
  }
}

/** A refusal of an answered request: 5xx, 408 and 429 may work later, other 4xx not. */
export const refused = (what: string, res: ApiResponse): VtexRequestError =>
  new VtexRequestError(
    `${what} answered ${res.status}`,
    res.status,
    res.body,
    res.status >= 500 || res.status === 408 || res.status === 429,
  );

const MAX_RATE_LIMIT_WAITS = 20;
const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;
/** A Retry-After longer than this is waited this long (then the request tries again). [U] */
const MAX_RATE_LIMIT_WAIT_MS = 120_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

export class VtexClient {
  private readonly fetch: typeof fetch;
  private readonly bucket: TokenBucket;
  /** The only origin the key and token are sent to. */
  readonly origin: string;

  constructor(private readonly options: VtexClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.origin = new URL(options.apiBaseUrl).origin;
    this.bucket = options.getOrderBucket ?? getOrderBucket(this.origin);
  }

  url(path: string, query: Record<string, string | number | undefined> = {}): string {
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

  private giveUp(error: VtexRequestError, url: string, location?: string | null): VtexRequestError {
    this.options.logger.warn(
      {
        url,
        status: error.status,
        kind: error.kind,
        err: error.cause ?? error,
        ...(location ? { location } : {}),
      },
      `VTEX request failed: ${error.message}`,
    );
    return error;
  }

  /** GET /api/oms/pvt/orders/{id}: the order, null when VTEX does not have it (404). */
  async getOrder(orderId: string): Promise<Record<string, unknown> | null> {
    const res = await this.request("GET", this.url(`/api/oms/pvt/orders/${encodeURIComponent(orderId)}`), {
      throttled: true,
    });
    if (res.status === 404) return null;
    if (res.status >= 400) throw refused(`reading order ${orderId}`, res);
    if (typeof res.body !== "object" || res.body === null)
      throw new VtexRequestError(
        `reading order ${orderId}: not an order`,
        res.status,
        null,
        false,
        "unreadable",
      );
    return res.body as Record<string, unknown>;
  }

  async request(
    method: string,
    url: string,
    options: { body?: unknown; throttled?: boolean } = {},
  ): Promise<ApiResponse> {
    const maxRetries = this.options.maxRetries ?? 5;
    const baseDelay = this.options.baseDelayMs ?? 500;
    const timeoutMs = this.options.timeoutMs ?? 15_000;
    const path = URL.canParse(url) ? new URL(url).pathname : url;
    const what = `${method} ${path}`;
    if (!URL.canParse(url) || new URL(url).origin !== this.origin) {
      throw this.giveUp(
        new VtexRequestError(
          `${what}: not the account's API origin, the key is not sent there`,
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
    const retryAfterBackoff = async (failure: VtexRequestError) => {
      const delay = Math.random() * Math.min(30_000, baseDelay * 2 ** (failures + 1));
      if (failures >= maxRetries || delay >= this.remaining()) throw this.giveUp(failure, url);
      failures++;
      await sleep(delay);
    };
    for (;;) {
      if (options.throttled) {
        try {
          await this.bucket.take(this.options.deadline);
        } catch (error) {
          if (!(error instanceof TokenWaitTooLong)) throw error;
          throw this.giveUp(
            new VtexRequestError(`${what}: the throttle leaves no room before the deadline`, 429, null, true),
            url,
          );
        }
      }
      const budget = Math.min(timeoutMs, this.remaining());
      if (budget <= 0) {
        throw this.giveUp(
          new VtexRequestError(
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
            "X-VTEX-API-AppKey": this.options.appKey,
            "X-VTEX-API-AppToken": this.options.appToken,
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
        await retryAfterBackoff(new VtexRequestError(`${what}: ${text}`, null, null, true, kind, error));
        continue;
      }
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel().catch(() => undefined);
        await this.contact({ ok: false, kind: "redirected" });
        throw this.giveUp(
          new VtexRequestError(
            `${what} answered ${response.status}: a redirect, not followed with the key`,
            response.status,
            null,
            false,
            "redirected",
          ),
          url,
          response.headers.get("location"),
        );
      }
      const text = await response.text();
      let parsed: unknown = text;
      let json = true;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        json = false; // error pages are not always JSON
      }
      if (response.status === 429) {
        await this.contact({ ok: false, kind: "rate_limited" });
        const waitMs = Math.min(
          retryAfterMs(response.headers) ?? this.options.rateLimitWaitMs ?? DEFAULT_RATE_LIMIT_WAIT_MS,
          MAX_RATE_LIMIT_WAIT_MS,
        );
        if (++rateLimitWaits > MAX_RATE_LIMIT_WAITS || waitMs >= this.remaining()) {
          throw this.giveUp(
            new VtexRequestError(`${what} answered 429 (rate limited)`, 429, parsed, true),
            url,
          );
        }
        await sleep(waitMs);
        continue;
      }
      if (response.status === 401 || response.status === 403) {
        await this.contact({ ok: false, kind: response.status === 401 ? "unauthorized" : "forbidden" });
        throw new PlatformAccessError(
          "invalid_credentials",
          response.status === 401
            ? "VTEX refused the app key and token (401)"
            : `VTEX refused ${what} to this app key (403): it lacks the OMS role`,
        );
      }
      if (response.status === 402) {
        await this.contact({ ok: false, kind: "suspended" });
        throw new PlatformAccessError("suspended", "the VTEX account is blocked (402)");
      }
      if (response.status >= 500) {
        await this.contact({ ok: false, kind: "server_error" });
        await retryAfterBackoff(
          new VtexRequestError(`${what} answered ${response.status}`, response.status, parsed, true),
        );
        continue;
      }
      if (!json && response.status < 300) {
        await this.contact({ ok: false, kind: "unreadable" });
        throw this.giveUp(
          new VtexRequestError(
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
