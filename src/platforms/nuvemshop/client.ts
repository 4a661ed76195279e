// HTTP client for Nuvemshop's REST API: auth header, User-Agent, rate limit, retries.
// 429 waits for the bucket's reset and never spends a retry; 5xx and timeouts back off
// exponentially with jitter, a bounded number of times; 401/402 become PlatformAccessError.
// With a deadline (a person waits on a panel action) no request, retry or wait runs past it.
// Errors carry their kind and the path only: the base URL and the cause go to the log.
// The token goes only to the store's API origin: a URL elsewhere (a listing's next link) is
// refused before anything is sent, and a redirect is never followed (a 3xx is an error).

import type { Logger } from "../../logger.ts";
import { PlatformAccessError, type PlatformContact } from "../connector.ts";
import { kindOfStatus, type PlatformErrorKind } from "../platform-errors.ts";
import { BucketWaitTooLong, bucketFor, type LeakyBucket } from "./leaky-bucket.ts";

export interface ClientOptions {
  apiBaseUrl: string;
  storeId: string;
  accessToken: string;
  userAgent: string;
  planMultiplier?: number;
  logger: Logger;
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxRetries?: number;
  baseDelayMs?: number;
  /** Epoch milliseconds: see ConnectorDeps.deadline. */
  deadline?: number;
  onContact?: (contact: PlatformContact) => Promise<void> | void;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export class PlatformRequestError extends Error {
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
    this.name = "PlatformRequestError";
    this.status = status;
    this.body = body;
    this.retryable = retryable;
    this.kind = kind ?? (status === null ? "unreachable" : kindOfStatus(status));
  }
}

const MAX_RATE_LIMIT_WAITS = 200;

function numberHeader(headers: Headers, name: string): number | null {
  const raw = headers.get(name);
  if (raw === null) return null;
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A request that got no answer: timed out, or could not connect (the code says how). */
function networkFailure(error: unknown, timeoutMs: number): { kind: PlatformErrorKind; text: string } {
  const e = error as { name?: string; cause?: { code?: string; name?: string } } | null;
  const code = e?.cause?.code;
  if (e?.name === "TimeoutError" || e?.name === "AbortError" || code === "UND_ERR_HEADERS_TIMEOUT") {
    return { kind: "timeout", text: `no answer within ${timeoutMs} ms (timeout)` };
  }
  return { kind: "unreachable", text: `connection failed (${code ?? e?.cause?.name ?? e?.name ?? "error"})` };
}

export class NuvemshopClient {
  private readonly bucket: LeakyBucket;
  private readonly fetch: typeof fetch;
  /** The only origin the token is sent to. */
  readonly origin: string;

  constructor(private readonly options: ClientOptions) {
    this.bucket = bucketFor(options.apiBaseUrl, options.storeId, options.planMultiplier ?? 1);
    this.fetch = options.fetch ?? globalThis.fetch;
    this.origin = new URL(options.apiBaseUrl).origin;
  }

  /** True when `url` is on the store's API origin, where the token may go. */
  isOwnOrigin(url: string): boolean {
    return URL.canParse(url) && new URL(url).origin === this.origin;
  }

  /**
   * A link the platform gave (a listing's next page) that points at another origin: refused and
   * logged, never followed with the token.
   */
  refuseForeignLink(what: string, url: string): PlatformRequestError {
    return this.refuseOrigin(
      `${what}: the next link points at another origin than the store's API, not followed with the store's token`,
      url,
    );
  }

  /** A request for another origin than the store's API: refused and logged, the token never sent. */
  private refuseOrigin(message: string, url: string): PlatformRequestError {
    return this.giveUp(new PlatformRequestError(message, null, null, false, "redirected"), url);
  }

  /** `${apiBaseUrl}/${storeId}${path}` with query parameters. */
  url(path: string, query: Record<string, string | number | undefined> = {}): string {
    const url = new URL(`${this.storeBase()}${path}`);
    for (const [key, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.set(key, String(value));
    return url.toString();
  }

  private storeBase(): string {
    return `${this.options.apiBaseUrl.replace(/\/+$/, "")}/${encodeURIComponent(this.options.storeId)}`;
  }

  /** The path under the store, for messages that may be shown: never the host or the base URL. */
  private pathOf(url: string): string {
    const base = this.storeBase();
    const rest = url.startsWith(base) ? url.slice(base.length) : new URL(url).pathname;
    return rest.split("?")[0] || "/";
  }

  /** Milliseconds left before the deadline (Infinity without one). */
  private remaining(): number {
    return this.options.deadline === undefined
      ? Number.POSITIVE_INFINITY
      : this.options.deadline - Date.now();
  }

  /** A slot in the rate limit; with a deadline, not waiting past it (even behind others' turns). */
  private async takeTurn(): Promise<void> {
    const deadline = this.options.deadline;
    const turn = this.bucket.take(deadline);
    if (deadline === undefined) return turn;
    turn.catch(() => undefined); // may settle after the deadline
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new BucketWaitTooLong(deadline - Date.now())),
        Math.max(0, this.remaining()),
      );
    });
    try {
      await Promise.race([turn, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async contact(contact: PlatformContact): Promise<void> {
    try {
      await this.options.onContact?.(contact);
    } catch {
      // recording how the platform answered must never fail the call itself
    }
  }

  /** The last failure of a request, logged with what the message leaves out. */
  private giveUp(error: PlatformRequestError, url: string, location?: string | null): PlatformRequestError {
    this.options.logger.warn(
      {
        url,
        status: error.status,
        kind: error.kind,
        err: error.cause ?? error,
        ...(location ? { location } : {}),
      },
      `Nuvemshop request failed: ${error.message}`,
    );
    return error;
  }

  async request(method: string, url: string, body?: unknown): Promise<ApiResponse> {
    const maxRetries = this.options.maxRetries ?? 5;
    const baseDelay = this.options.baseDelayMs ?? 500;
    const timeoutMs = this.options.timeoutMs ?? 15_000;
    const what = `${method} ${this.pathOf(url)}`;
    if (!this.isOwnOrigin(url)) {
      throw this.refuseOrigin(
        `${what}: not the store's API origin, the store's token is not sent there`,
        url,
      );
    }
    let failures = 0;
    let rateLimitWaits = 0;
    /** Retry after a backoff, unless the retries are spent or the wait would end past the deadline. */
    const retryAfterBackoff = async (failure: PlatformRequestError) => {
      const delay = this.backoff(failures + 1, baseDelay);
      if (failures >= maxRetries || delay >= this.remaining()) throw this.giveUp(failure, url);
      failures++;
      await sleep(delay);
    };
    for (;;) {
      try {
        await this.takeTurn();
      } catch (error) {
        if (!(error instanceof BucketWaitTooLong)) throw error;
        throw this.giveUp(
          new PlatformRequestError(
            `${what}: the rate limit leaves no room before the deadline`,
            429,
            null,
            true,
          ),
          url,
        );
      }
      const budget = Math.min(timeoutMs, this.remaining());
      if (budget <= 0) {
        throw this.giveUp(
          new PlatformRequestError(
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
            Authentication: `bearer ${this.options.accessToken}`,
            "User-Agent": this.options.userAgent,
            Accept: "application/json",
            ...(body === undefined ? {} : { "Content-Type": "application/json" }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          // A redirect would carry the token header to wherever it points: it is answered as an error.
          redirect: "manual",
          signal: AbortSignal.timeout(Math.max(1, Math.ceil(budget))),
        });
      } catch (error) {
        const { kind, text } = networkFailure(error, Math.ceil(budget));
        await this.contact({ ok: false, kind });
        await retryAfterBackoff(new PlatformRequestError(`${what}: ${text}`, null, null, true, kind, error));
        continue;
      }
      this.bucket.observe(
        numberHeader(response.headers, "x-rate-limit-limit"),
        numberHeader(response.headers, "x-rate-limit-remaining"),
      );
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel().catch(() => undefined);
        await this.contact({ ok: false, kind: "redirected" });
        throw this.giveUp(
          new PlatformRequestError(
            `${what} answered ${response.status}: a redirect, not followed with the store's token`,
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
        json = false; // keep the text: error pages are not always JSON
      }
      if (response.status === 429) {
        await this.contact({ ok: false, kind: "rate_limited" });
        // No Retry-After on Nuvemshop: the reset header says when the bucket is empty.
        this.bucket.full();
        const waitMs = Math.min(
          Math.max(numberHeader(response.headers, "x-rate-limit-reset") ?? 1_000, 250),
          60_000,
        );
        if (++rateLimitWaits > MAX_RATE_LIMIT_WAITS || waitMs >= this.remaining()) {
          throw this.giveUp(
            new PlatformRequestError(`${what} answered 429 (rate limited)`, 429, parsed, true),
            url,
          );
        }
        await sleep(waitMs);
        continue;
      }
      if (response.status === 401) {
        await this.contact({ ok: false, kind: "unauthorized" });
        throw new PlatformAccessError("invalid_credentials", "Nuvemshop refused the access token (401)");
      }
      if (response.status === 402) {
        await this.contact({ ok: false, kind: "suspended" });
        throw new PlatformAccessError(
          "suspended",
          "the Nuvemshop store or app is suspended for payment (402)",
        );
      }
      if (response.status >= 500) {
        await this.contact({ ok: false, kind: "server_error" });
        await retryAfterBackoff(
          new PlatformRequestError(`${what} answered ${response.status}`, response.status, parsed, true),
        );
        continue;
      }
      if (!json && response.status < 300) {
        // A success that is not the API's JSON: a proxy's page, or an address that is not the API.
        await this.contact({ ok: false, kind: "unreadable" });
        throw this.giveUp(
          new PlatformRequestError(
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

  /** The order as Nuvemshop has it now; null when it does not exist. */
  async getOrder(id: string): Promise<unknown | null> {
    const res = await this.request("GET", this.url(`/orders/${encodeURIComponent(id)}`));
    if (res.status === 404) return null;
    if (res.status >= 400) {
      throw new PlatformRequestError(
        `reading order ${id} answered ${res.status}`,
        res.status,
        res.body,
        false,
      );
    }
    return res.body;
  }

  /** Full jitter: a random wait up to base·2^n, capped at 30 s. */
  private backoff(attempt: number, baseMs: number): number {
    return Math.random() * Math.min(30_000, baseMs * 2 ** attempt);
  }
}

/** The URL of rel="next" in a Link header, if any. */
export function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(",")) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(part);
    if (match) return match[1]!;
  }
  return null;
}
