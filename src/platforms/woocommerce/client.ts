import { PlatformAccessError, type PlatformContact } from "../connector.ts";
import {
  type Answer,
  type ApiResponse,
  basicsOf,
  type ClientBasics,
  type PlatformHttp,
  PlatformHttpError,
  platformRequest,
  retryAfterMs,
} from "../platform-request.ts";

export type { ApiResponse };

/** apiBaseUrl: the site's API base, `${siteUrl}/wp-json/wc/v3` (or a simulator's). */
export interface WooClientOptions extends ClientBasics {
  consumerKey: string;
  consumerSecret: string;
  /** The wait after a 429 without Retry-After. */
  rateLimitWaitMs?: number;
}

export class WooRequestError extends PlatformHttpError {}

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

/** A hosting company's "account suspended" page (cPanel, Plesk, pt-BR hosts). [U] */
const SUSPENDED_PAGE = /account (has been )?suspended|conta (foi )?suspensa|suspendedpage/i;

/** The store's hosting account is suspended: no WooCommerce answers, a person must act. */
async function suspended(what: string, contact: (c: PlatformContact) => Promise<void>): Promise<never> {
  await contact({ ok: false, kind: "suspended" });
  throw new PlatformAccessError(
    "suspended",
    `${what}: the site answers its host's "account suspended" page instead of WooCommerce`,
  );
}

/** 401/403: the key refused, or (core check_permissions) a permission it lacks; a host's suspended page. */
async function refuse(
  { status, text, parsed, json }: Answer,
  what: string,
  contact: (c: PlatformContact) => Promise<void>,
): Promise<void> {
  if (!json && status >= 400 && SUSPENDED_PAGE.test(text)) return suspended(what, contact);
  if (status !== 401 && status !== 403) return;
  await contact({ ok: false, kind: status === 401 ? "unauthorized" : "forbidden" });
  const message =
    json && typeof (parsed as { message?: unknown })?.message === "string"
      ? (parsed as { message: string }).message
      : "";
  const missing = /\b(read|write) permissions?\b/i.exec(message)?.[1]?.toLowerCase();
  if (missing === "write")
    throw new WooKeyPermissionError(
      "write",
      `A chave da API do WooCommerce está sem permissão de escrita: gere uma chave Leitura/Escrita (${what} answered ${status})`,
    );
  if (missing === "read")
    throw new WooKeyPermissionError(
      "read",
      `A chave da API do WooCommerce está sem permissão de leitura: gere uma chave Leitura/Escrita (${what} answered ${status})`,
    );
  throw new PlatformAccessError(
    "invalid_credentials",
    `WooCommerce refused the consumer key and secret (${what} answered ${status}${errorCode(parsed) ? `, ${errorCode(parsed)}` : ""})`,
  );
}

export class WooClient {
  private readonly http: PlatformHttp<WooRequestError>;
  /** The only origin the key pair is sent to. */
  readonly origin: string;

  constructor(private readonly options: WooClientOptions) {
    this.origin = new URL(options.apiBaseUrl).origin;
    const basic = Buffer.from(`${options.consumerKey}:${options.consumerSecret}`, "utf8").toString("base64");
    this.http = {
      label: "WooCommerce",
      secret: "the key",
      origin: this.origin,
      originName: "the site's API",
      errorClass: WooRequestError,
      ...basicsOf(options, 20_000),
      headers: { Authorization: `Basic ${basic}`, "User-Agent": options.userAgent },
      rateLimitWaitMs: (answer) =>
        Math.min(
          retryAfterMs(answer.headers) ?? options.rateLimitWaitMs ?? DEFAULT_RATE_LIMIT_WAIT_MS,
          MAX_RATE_LIMIT_WAIT_MS,
        ),
      maxRateLimitWaits: MAX_RATE_LIMIT_WAITS,
      onRedirect: async (location, what) => {
        if (location !== null && SUSPENDED_PAGE.test(location)) await suspended(what, this.report);
      },
      refuse,
    };
  }

  /** The engine's contact log, never failing the call (for the suspended page seen on a redirect). */
  private readonly report = async (contact: PlatformContact): Promise<void> => {
    try {
      await this.options.onContact?.(contact);
    } catch {
      // recording how the platform answered must never fail the call itself
    }
  };

  /** An API URL: `path` under the API base, with the query's defined values. */
  url(path: string, query: Record<string, string | number | boolean | undefined> = {}): string {
    const url = new URL(`${this.options.apiBaseUrl.replace(/\/+$/, "")}${path}`);
    for (const [key, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.set(key, String(value));
    return url.toString();
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

  /** One call through the shared loop. */
  request(method: string, url: string, options: { body?: unknown } = {}): Promise<ApiResponse> {
    return platformRequest(this.http, method, url, { body: options.body });
  }
}
