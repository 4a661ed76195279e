import { PlatformAccessError } from "../connector.ts";
import {
  type ApiResponse,
  basicsOf,
  type ClientBasics,
  giveUp,
  numberHeader,
  type PlatformHttp,
  PlatformHttpError,
  platformRequest,
} from "../platform-request.ts";
import { BucketWaitTooLong, bucketFor, type LeakyBucket } from "./leaky-bucket.ts";

export type { ApiResponse };

export interface ClientOptions extends ClientBasics {
  storeId: string;
  accessToken: string;
  planMultiplier?: number;
}

export class PlatformRequestError extends PlatformHttpError {}

const MAX_RATE_LIMIT_WAITS = 200;

export class NuvemshopClient {
  private readonly bucket: LeakyBucket;
  private readonly http: PlatformHttp<PlatformRequestError>;
  /** The only origin the token is sent to. */
  readonly origin: string;

  constructor(private readonly options: ClientOptions) {
    this.bucket = bucketFor(options.apiBaseUrl, options.storeId, options.planMultiplier ?? 1);
    this.origin = new URL(options.apiBaseUrl).origin;
    this.http = {
      label: "Nuvemshop",
      secret: "the store's token",
      origin: this.origin,
      originName: "the store's API",
      errorClass: PlatformRequestError,
      ...basicsOf(options, 15_000),
      headers: { Authentication: `bearer ${options.accessToken}`, "User-Agent": options.userAgent },
      observe: (headers) =>
        this.bucket.observe(
          numberHeader(headers, "x-rate-limit-limit"),
          numberHeader(headers, "x-rate-limit-remaining"),
        ),
      // No Retry-After on Nuvemshop: the reset header says when the bucket is empty.
      rateLimitWaitMs: ({ headers }) => {
        this.bucket.full();
        return Math.min(Math.max(numberHeader(headers, "x-rate-limit-reset") ?? 1_000, 250), 60_000);
      },
      maxRateLimitWaits: MAX_RATE_LIMIT_WAITS,
      refuse: async ({ status }, _what, contact) => {
        if (status === 401) {
          await contact({ ok: false, kind: "unauthorized" });
          throw new PlatformAccessError("invalid_credentials", "Nuvemshop refused the access token (401)");
        }
        if (status === 402) {
          await contact({ ok: false, kind: "suspended" });
          throw new PlatformAccessError(
            "suspended",
            "the Nuvemshop store or app is suspended for payment (402)",
          );
        }
      },
    };
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
    return giveUp(this.http, new PlatformRequestError(message, null, null, false, "redirected"), url);
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

  /** One call through the shared loop, after a turn in the store's rate limit. */
  request(method: string, url: string, body?: unknown): Promise<ApiResponse> {
    const what = `${method} ${URL.canParse(url) ? this.pathOf(url) : url}`;
    return platformRequest(this.http, method, url, {
      body,
      what,
      throttle: {
        name: "the rate limit",
        take: () => this.takeTurn(),
        noRoom: (error) => error instanceof BucketWaitTooLong,
      },
    });
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
