// HTTP client for Nuvemshop's REST API: auth header, User-Agent, rate limit, retries.
// 429 waits for the bucket's reset and never spends a retry; 5xx and timeouts back off
// exponentially with jitter, a bounded number of times; 401/402 become PlatformAccessError.

import type { Logger } from "../../logger.ts";
import { PlatformAccessError } from "../connector.ts";
import { bucketFor, type LeakyBucket } from "./leaky-bucket.ts";

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
  constructor(message: string, status: number | null, body: unknown, retryable: boolean) {
    super(message);
    this.name = "PlatformRequestError";
    this.status = status;
    this.body = body;
    this.retryable = retryable;
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

export class NuvemshopClient {
  private readonly bucket: LeakyBucket;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: ClientOptions) {
    this.bucket = bucketFor(options.apiBaseUrl, options.storeId, options.planMultiplier ?? 1);
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  /** `${apiBaseUrl}/${storeId}${path}` with query parameters. */
  url(path: string, query: Record<string, string | number | undefined> = {}): string {
    const base = this.options.apiBaseUrl.replace(/\/+$/, "");
    const url = new URL(`${base}/${encodeURIComponent(this.options.storeId)}${path}`);
    for (const [key, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.set(key, String(value));
    return url.toString();
  }

  async request(method: string, url: string, body?: unknown): Promise<ApiResponse> {
    const maxRetries = this.options.maxRetries ?? 5;
    const baseDelay = this.options.baseDelayMs ?? 500;
    let failures = 0;
    let rateLimitWaits = 0;
    for (;;) {
      await this.bucket.take();
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
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
        });
      } catch (error) {
        if (failures >= maxRetries) {
          throw new PlatformRequestError(
            `${method} ${url} failed: ${(error as Error).message}`,
            null,
            null,
            true,
          );
        }
        failures++;
        await sleep(this.backoff(failures, baseDelay));
        continue;
      }
      this.bucket.observe(
        numberHeader(response.headers, "x-rate-limit-limit"),
        numberHeader(response.headers, "x-rate-limit-remaining"),
      );
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // keep the text: error pages are not always JSON
      }
      if (response.status === 429) {
        // No Retry-After on Nuvemshop: the reset header says when the bucket is empty.
        this.bucket.full();
        if (++rateLimitWaits > MAX_RATE_LIMIT_WAITS) {
          throw new PlatformRequestError("rate limited for too long", 429, parsed, true);
        }
        const resetMs = numberHeader(response.headers, "x-rate-limit-reset") ?? 1_000;
        await sleep(Math.min(Math.max(resetMs, 250), 60_000));
        continue;
      }
      if (response.status === 401) {
        throw new PlatformAccessError("invalid_credentials", "Nuvemshop refused the access token (401)");
      }
      if (response.status === 402) {
        throw new PlatformAccessError(
          "suspended",
          "the Nuvemshop store or app is suspended for payment (402)",
        );
      }
      if (response.status >= 500) {
        if (failures >= maxRetries) {
          throw new PlatformRequestError(
            `${method} ${url} answered ${response.status}`,
            response.status,
            parsed,
            true,
          );
        }
        failures++;
        await sleep(this.backoff(failures, baseDelay));
        continue;
      }
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
