// The request loop every platform's HTTP client runs: credentials only to the platform's API
// origin (anything else is refused before a byte is sent; a redirect is never followed), each
// try within the caller's deadline, 5xx and network failures retried with full-jitter backoff a
// bounded number of times, 429 waited out without spending a retry, the answer read as JSON,
// and every answer reported to the engine's contact log. What differs — the headers, the
// throttle, how long a 429 waits, how a refusal reads — each platform's client passes in.
// Errors carry their kind and the path only; the full URL and the cause go to the log.
import type { Logger } from "../logger.ts";
import type { PlatformContact } from "./connector.ts";
import { kindOfStatus, type PlatformErrorKind } from "./platform-errors.ts";

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

/** A request that failed: a refusal, an answer that cannot be used, or no answer at all. */
export class PlatformHttpError extends Error {
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
    this.name = new.target.name;
    this.status = status;
    this.body = body;
    this.retryable = retryable;
    this.kind = kind ?? (status === null ? "unreachable" : kindOfStatus(status));
  }
}

export type ErrorClass<E extends PlatformHttpError> = new (
  ...args: ConstructorParameters<typeof PlatformHttpError>
) => E;

/** An answer as the loop read it, for the platform's own checks. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The JSON body, or the text when it is not JSON. */
  parsed: unknown;
  json: boolean;
}

/** What a platform's client tells the loop; one per client, shared by its requests. */
export interface PlatformHttp<E extends PlatformHttpError> {
  /** In log lines: "<label> request failed: …". */
  label: string;
  /** In messages: what would leak if sent elsewhere ("the key", "the store's token"). */
  secret: string;
  /** The only origin the credentials go to, and what it is called in messages ("the store's API"). */
  origin: string;
  originName: string;
  errorClass: ErrorClass<E>;
  logger: Logger;
  fetch: typeof fetch;
  timeoutMs: number;
  maxRetries: number;
  baseDelayMs: number;
  /** Epoch milliseconds no request, retry or wait runs past. */
  deadline?: number;
  onContact?: (contact: PlatformContact) => Promise<void> | void;
  /** Every try's headers: credentials, User-Agent. */
  headers: Record<string, string>;
  /** How long a 429 waits (the platform's header or advice), and how many it may wait. */
  rateLimitWaitMs(answer: Answer): number;
  maxRateLimitWaits: number;
  /** Called with each answer's headers (a leaky bucket reads its level). */
  observe?(headers: Headers): void;
  /** A redirect's Location before it is refused (a host's "suspended" page): throw to say more. */
  onRedirect?(location: string | null, what: string): Promise<void>;
  /** The platform's own refusals (401, 402, 403, a host's page): throw to end the request. */
  refuse?(answer: Answer, what: string, contact: (c: PlatformContact) => Promise<void>): Promise<void>;
}

/** What every platform client is built with, besides its credentials. */
export interface ClientBasics {
  apiBaseUrl: string;
  userAgent: string;
  logger: Logger;
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxRetries?: number;
  baseDelayMs?: number;
  /** Epoch milliseconds: see ConnectorDeps.deadline. */
  deadline?: number;
  onContact?: (contact: PlatformContact) => Promise<void> | void;
}

/** The loop's settings that come straight from the client's basics (5 retries, 500 ms base). */
export function basicsOf(options: ClientBasics, timeoutMs: number) {
  return {
    logger: options.logger,
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? timeoutMs,
    maxRetries: options.maxRetries ?? 5,
    baseDelayMs: options.baseDelayMs ?? 500,
    deadline: options.deadline,
    onContact: options.onContact,
  };
}

export interface RequestOptions {
  body?: unknown;
  /** A throttle's turn before each try; `noRoom` tells its "not before the deadline" error apart. */
  throttle?: { take(): Promise<void>; noRoom(error: unknown): boolean; name: string };
  /** How the request is named in messages (default: method and the URL's path). */
  what?: string;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A request that got no answer: timed out, or could not connect (the code says how). */
function networkFailure(error: unknown, timeoutMs: number): { kind: PlatformErrorKind; text: string } {
  const e = error as { name?: string; cause?: { code?: string; name?: string } } | null;
  const code = e?.cause?.code;
  if (e?.name === "TimeoutError" || e?.name === "AbortError" || code === "UND_ERR_HEADERS_TIMEOUT") {
    return { kind: "timeout", text: `no answer within ${timeoutMs} ms (timeout)` };
  }
  return { kind: "unreachable", text: `connection failed (${code ?? e?.cause?.name ?? e?.name ?? "error"})` };
}

/** Retry-After in milliseconds: seconds, or (RFC 9110) a date. */
export function retryAfterMs(headers: Headers): number | null {
  const raw = headers.get("retry-after");
  if (raw === null || raw.trim() === "") return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

/** A header's number, or null. */
export function numberHeader(headers: Headers, name: string): number | null {
  const raw = headers.get(name);
  if (raw === null) return null;
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

const remaining = (deadline: number | undefined) =>
  deadline === undefined ? Number.POSITIVE_INFINITY : deadline - Date.now();

async function report(http: PlatformHttp<PlatformHttpError>, contact: PlatformContact): Promise<void> {
  try {
    await http.onContact?.(contact);
  } catch {
    // recording how the platform answered must never fail the call itself
  }
}

/** The last failure of a request, logged with what its message leaves out. */
export function giveUp<E extends PlatformHttpError>(
  http: PlatformHttp<E>,
  error: E,
  url: string,
  location?: string | null,
): E {
  http.logger.warn(
    {
      url,
      status: error.status,
      kind: error.kind,
      err: error.cause ?? error,
      ...(location ? { location } : {}),
    },
    `${http.label} request failed: ${error.message}`,
  );
  return error;
}

/** One request through the loop (see the file's head). */
export async function platformRequest<E extends PlatformHttpError>(
  http: PlatformHttp<E>,
  method: string,
  url: string,
  options: RequestOptions = {},
): Promise<ApiResponse> {
  const E = http.errorClass;
  const path = URL.canParse(url) ? new URL(url).pathname : url;
  const what = options.what ?? `${method} ${path}`;
  const contact = (c: PlatformContact) => report(http as PlatformHttp<PlatformHttpError>, c);
  if (!URL.canParse(url) || new URL(url).origin !== http.origin) {
    throw giveUp(
      http,
      new E(
        `${what}: not the API's origin, ${http.secret} is not sent there`,
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
  /** Retry after a backoff, unless the retries are spent or the wait would end past the deadline. */
  const retryAfterBackoff = async (failure: E) => {
    const delay = Math.random() * Math.min(30_000, http.baseDelayMs * 2 ** (failures + 1));
    if (failures >= http.maxRetries || delay >= remaining(http.deadline)) throw giveUp(http, failure, url);
    failures++;
    await sleep(delay);
  };
  for (;;) {
    if (options.throttle) {
      try {
        await options.throttle.take();
      } catch (error) {
        if (!options.throttle.noRoom(error)) throw error;
        throw giveUp(
          http,
          new E(`${what}: ${options.throttle.name} leaves no room before the deadline`, 429, null, true),
          url,
        );
      }
    }
    const budget = Math.min(http.timeoutMs, remaining(http.deadline));
    if (budget <= 0) {
      throw giveUp(
        http,
        new E(`${what}: no answer before the deadline (timeout)`, null, null, true, "timeout"),
        url,
      );
    }
    let response: Response;
    try {
      response = await http.fetch(url, {
        method,
        headers: {
          ...http.headers,
          Accept: "application/json",
          ...(options.body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        // A redirect would carry the credentials to wherever it points: it is answered as an error.
        redirect: "manual",
        signal: AbortSignal.timeout(Math.max(1, Math.ceil(budget))),
      });
    } catch (error) {
      const { kind, text } = networkFailure(error, Math.ceil(budget));
      await contact({ ok: false, kind });
      await retryAfterBackoff(new E(`${what}: ${text}`, null, null, true, kind, error));
      continue;
    }
    http.observe?.(response.headers);
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get("location");
      await http.onRedirect?.(location, what);
      await contact({ ok: false, kind: "redirected" });
      throw giveUp(
        http,
        new E(
          `${what} answered ${response.status}: a redirect, not followed with ${http.secret}`,
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
      json = false; // keep the text: error pages are not always JSON
    }
    const answer: Answer = { status: response.status, headers: response.headers, text, parsed, json };
    await http.refuse?.(answer, what, contact);
    if (response.status === 429) {
      await contact({ ok: false, kind: "rate_limited" });
      const waitMs = http.rateLimitWaitMs(answer);
      if (++rateLimitWaits > http.maxRateLimitWaits || waitMs >= remaining(http.deadline)) {
        throw giveUp(http, new E(`${what} answered 429 (rate limited)`, 429, parsed, true), url);
      }
      await sleep(waitMs);
      continue;
    }
    if (response.status >= 500) {
      await contact({ ok: false, kind: "server_error" });
      await retryAfterBackoff(new E(`${what} answered ${response.status}`, response.status, parsed, true));
      continue;
    }
    if (!json && response.status < 300) {
      // A success that is not the API's JSON: a proxy's page, or an address that is not the API.
      await contact({ ok: false, kind: "unreadable" });
      throw giveUp(
        http,
        new E(
          `${what} answered ${response.status} with a body that is not JSON`,
          response.status,
          null,
          false,
          "unreadable",
        ),
        url,
      );
    }
    await contact({ ok: true });
    return { status: response.status, headers: response.headers, body: parsed };
  }
}
