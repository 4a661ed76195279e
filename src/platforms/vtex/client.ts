import { PlatformAccessError } from "../connector.ts";
import {
  type ApiResponse,
  basicsOf,
  type ClientBasics,
  type PlatformHttp,
  PlatformHttpError,
  platformRequest,
  retryAfterMs,
} from "../platform-request.ts";
import { getOrderBucket, type TokenBucket, TokenWaitTooLong } from "./token-bucket.ts";

export type { ApiResponse };

export interface VtexClientOptions extends ClientBasics {
  appKey: string;
  appToken: string;
  /** The wait after a 429 without Retry-After (VTEX advises about a minute). */
  rateLimitWaitMs?: number;
  /** The Get order throttle (default: the account's shared bucket). */
  getOrderBucket?: TokenBucket;
}

export class VtexRequestError extends PlatformHttpError {}

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

export class VtexClient {
  private readonly bucket: TokenBucket;
  private readonly http: PlatformHttp<VtexRequestError>;
  /** The only origin the key and token are sent to. */
  readonly origin: string;

  constructor(private readonly options: VtexClientOptions) {
    this.origin = new URL(options.apiBaseUrl).origin;
    this.bucket = options.getOrderBucket ?? getOrderBucket(this.origin);
    this.http = {
      label: "VTEX",
      secret: "the key",
      origin: this.origin,
      originName: "the account's API",
      errorClass: VtexRequestError,
      ...basicsOf(options, 15_000),
      headers: {
        "X-VTEX-API-AppKey": options.appKey,
        "X-VTEX-API-AppToken": options.appToken,
        "User-Agent": options.userAgent,
      },
      rateLimitWaitMs: (answer) =>
        Math.min(
          retryAfterMs(answer.headers) ?? options.rateLimitWaitMs ?? DEFAULT_RATE_LIMIT_WAIT_MS,
          MAX_RATE_LIMIT_WAIT_MS,
        ),
      maxRateLimitWaits: MAX_RATE_LIMIT_WAITS,
      refuse: async ({ status }, what, contact) => {
        if (status === 401 || status === 403) {
          await contact({ ok: false, kind: status === 401 ? "unauthorized" : "forbidden" });
          throw new PlatformAccessError(
            "invalid_credentials",
            status === 401
              ? "VTEX refused the app key and token (401)"
              : `VTEX refused ${what} to this app key (403): it lacks the OMS role`,
          );
        }
        if (status === 402) {
          await contact({ ok: false, kind: "suspended" });
          throw new PlatformAccessError("suspended", "the VTEX account is blocked (402)");
        }
      },
    };
  }

  url(path: string, query: Record<string, string | number | undefined> = {}): string {
    const url = new URL(`${this.options.apiBaseUrl.replace(/\/+$/, "")}${path}`);
    for (const [key, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.set(key, String(value));
    return url.toString();
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

  /** One call through the shared loop; `throttled` calls wait for the Get order bucket first. */
  request(
    method: string,
    url: string,
    options: { body?: unknown; throttled?: boolean } = {},
  ): Promise<ApiResponse> {
    const deadline = this.options.deadline;
    return platformRequest(this.http, method, url, {
      body: options.body,
      throttle: options.throttled
        ? {
            name: "the throttle",
            take: () => this.bucket.take(deadline),
            noRoom: (error) => error instanceof TokenWaitTooLong,
          }
        : undefined,
    });
  }
}
