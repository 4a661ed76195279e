// Tests only: a small in-memory fake of VTEX's OMS API, answered through an injected `fetch`
// (no sockets, no DNS), enough for the module's unit tests. The real simulator
// (src/simulators/vtex/) and the contract suite are wired by the integrator. It follows the same
// documented facts as the module (platforms README §4), kept small on purpose.
import { createLogger } from "../../logger.ts";
import { VtexClient, type VtexClientOptions } from "./client.ts";
import { TokenBucket } from "./token-bucket.ts";

type Json = Record<string, unknown>;

export const silentLogger = createLogger({ logLevel: "silent", logPretty: false });

/** A client of `oms`'s account: quick backoff, no throttle wait unless a test sets one. */
export function fakeClient(oms: FakeOms, options: Partial<VtexClientOptions> = {}): VtexClient {
  return new VtexClient({
    apiBaseUrl: FAKE_BASE_URL,
    appKey: FAKE_KEY,
    appToken: FAKE_TOKEN,
    userAgent: "ponte-test",
    logger: silentLogger,
    fetch: oms.fetch,
    baseDelayMs: 1,
    getOrderBucket: new TokenBucket(1_000_000, 1_000_000),
    ...options,
  });
}

export const FAKE_BASE_URL = "http://127.0.0.1:9";
export const FAKE_KEY = "vtexappkey-acme-TEST01";
export const FAKE_TOKEN = "TOKEN-0123456789abcdef";

export interface LoggedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

interface FeedEvent {
  handle: string;
  orderId: string;
  state: string;
  invisible: boolean;
}

/** A compact raw VTEX order whose totals add up; `overrides` win. */
export function fakeOrder(overrides: Json & { orderId: string }): Json {
  const created = (overrides.creationDate as string | undefined) ?? "2026-11-01T12:00:00.000Z";
  return {
    sequence: overrides.orderId.replace(/\D/g, "").slice(0, 8) || "1",
    status: "ready-for-handling",
    statusDescription: null,
    creationDate: created,
    lastChange: created,
    authorizedDate: created,
    value: 2990,
    totals: [
      { id: "Items", value: 2500 },
      { id: "Discounts", value: -500 },
      { id: "Shipping", value: 990 },
      { id: "Tax", value: 0 },
    ],
    items: [
      {
        id: "31",
        productId: "3",
        refId: "CAM-P",
        name: "Camiseta P",
        quantity: 1,
        price: 2500,
        sellingPrice: 2000,
      },
    ],
    clientProfileData: {
      firstName: "Ana",
      lastName: "Souza",
      document: "845.134.270-19",
      isCorporate: false,
    },
    shippingData: {
      address: {
        receiverName: "Ana Souza",
        postalCode: "01310-100",
        city: "São Paulo",
        state: "SP",
        street: "Av. Paulista",
        number: "1000",
      },
      logisticsInfo: [
        { selectedSla: "Normal", deliveryCompany: "Correios", price: 990, deliveryChannel: "delivery" },
      ],
    },
    paymentData: {
      transactions: [
        { payments: [{ paymentSystemName: "Pix", group: "instantPayment", value: 2990, installments: 1 }] },
      ],
    },
    packageAttachment: { packages: [] },
    storePreferencesData: { currencyCode: "BRL" },
    ...overrides,
  };
}

export class FakeOms {
  readonly orders = new Map<string, Json>();
  /** Orders not in the list's index yet (it lags). */
  readonly unindexed = new Set<string>();
  feedConfig: Json | null = null;
  hookConfig: Json | null = null;
  readonly feed: FeedEvent[] = [];
  readonly requests: LoggedRequest[] = [];
  readonly faults = {
    unauthorized: false,
    forbidden: false,
    suspended: false,
    /** The next N requests answer 429. */
    rateLimited: 0,
    retryAfter: null as string | null,
    /** The next N requests answer 503. */
    serverErrors: 0,
  };
  private handles = 0;

  add(...orders: Json[]): void {
    for (const o of orders) this.orders.set(String(o.orderId), structuredClone(o));
  }

  /** Moves an order to `state` and, when the feed's filter has it, queues a feed event. */
  move(orderId: string, state: string, at = new Date().toISOString()): void {
    const order = this.orders.get(orderId);
    if (order) Object.assign(order, { status: state, lastChange: at });
    const statuses = (this.feedConfig?.filter as { status?: string[] } | undefined)?.status ?? [];
    if (statuses.includes(state))
      this.feed.push({ handle: `h${++this.handles}`, orderId, state, invisible: false });
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const method = (init?.method ?? "GET").toUpperCase();
    const headers = Object.fromEntries(
      Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]),
    );
    const body = typeof init?.body === "string" && init.body !== "" ? JSON.parse(init.body) : undefined;
    this.requests.push({ method, path: url.pathname, query: url.searchParams, body });
    if (
      headers["x-vtex-api-appkey"] !== FAKE_KEY ||
      headers["x-vtex-api-apptoken"] !== FAKE_TOKEN ||
      this.faults.unauthorized
    )
      return json(401, { error: { code: "1", message: "Unauthorized access", exception: null } });
    if (this.faults.forbidden) return json(403, { error: { code: "1", message: "Forbidden" } });
    if (this.faults.suspended) return json(402, { error: { message: "Account blocked" } });
    if (this.faults.rateLimited > 0) {
      this.faults.rateLimited--;
      return json(
        429,
        { error: "Too many requests" },
        this.faults.retryAfter ? { "Retry-After": this.faults.retryAfter } : {},
      );
    }
    if (this.faults.serverErrors > 0) {
      this.faults.serverErrors--;
      return json(503, { error: "unavailable" });
    }
    return this.route(method, url, body);
  };

  private route(method: string, url: URL, body: unknown): Response {
    const path = url.pathname;
    if (path === "/api/oms/pvt/orders" && method === "GET") return this.list(url.searchParams);
    const m = /^\/api\/oms\/pvt\/orders\/([^/]+)(?:\/(.+))?$/.exec(path);
    if (m) return this.order(method, decodeURIComponent(m[1]!), m[2] ?? "", body as Json | undefined);
    if (path === "/api/orders/feed/config") {
      if (method === "GET")
        return this.feedConfig ? json(200, this.feedConfig) : json(404, { error: "not found" });
      if (method === "POST") {
        this.feedConfig = body as Json;
        return new Response(null, { status: 200 });
      }
      this.feedConfig = null;
      return new Response(null, { status: 204 });
    }
    if (path === "/api/orders/feed") {
      if (!this.feedConfig) return json(404, { error: "Feed configuration not found" });
      if (method === "GET") {
        const max = Math.min(Number(url.searchParams.get("maxlot") ?? 1), 10);
        const lot = this.feed.filter((e) => !e.invisible).slice(0, max);
        for (const e of lot) e.invisible = true;
        return json(
          200,
          lot.map((e) => ({
            eventId: e.handle,
            handle: e.handle,
            domain: "Fulfillment",
            state: e.state,
            orderId: e.orderId,
          })),
        );
      }
      const done = new Set((body as { handles: string[] }).handles);
      for (let i = this.feed.length - 1; i >= 0; i--)
        if (done.has(this.feed[i]!.handle)) this.feed.splice(i, 1);
      return new Response(null, { status: 200 });
    }
    if (path === "/api/orders/hook/config") {
      if (method === "GET")
        return this.hookConfig ? json(200, this.hookConfig) : json(404, { error: "not found" });
      if (method === "POST") {
        this.hookConfig = body as Json;
        return new Response(null, { status: 200 });
      }
      this.hookConfig = null;
      return new Response(null, { status: 204 });
    }
    return json(404, { error: "no route" });
  }

  private list(q: URLSearchParams): Response {
    const perPage = Math.min(Number(q.get("per_page") ?? 15), 100);
    const page = Number(q.get("page") ?? 1);
    if (page > 30) return json(400, { error: { message: "page limit is 30" } });
    const range = /^creationDate:\[(.+) TO (.+)\]$/.exec(q.get("f_creationDate") ?? "");
    const from = range ? Date.parse(range[1]!) : Number.NEGATIVE_INFINITY;
    const to = range ? Date.parse(range[2]!) : Number.POSITIVE_INFINITY;
    const all = [...this.orders.values()]
      .filter((o) => !this.unindexed.has(String(o.orderId)))
      .filter((o) => {
        const t = Date.parse(String(o.creationDate));
        return t >= from && t <= to;
      })
      .sort((a, b) => Date.parse(String(a.creationDate)) - Date.parse(String(b.creationDate)));
    const list = all.slice((page - 1) * perPage, page * perPage).map((o) => ({
      orderId: o.orderId,
      creationDate: o.creationDate,
      status: o.status,
      sequence: o.sequence,
      totalValue: o.value,
    }));
    return json(200, {
      list,
      paging: { total: all.length, pages: Math.ceil(all.length / perPage), currentPage: page, perPage },
    });
  }

  private order(method: string, id: string, action: string, body: Json | undefined): Response {
    const order = this.orders.get(id);
    if (!order) return json(404, { error: { code: "OMS002", message: "Order not found" } });
    const receipt = { date: new Date().toISOString(), orderId: id, receipt: "r" };
    const packages = (order.packageAttachment as { packages: Json[] }).packages;
    if (method === "GET" && action === "") return json(200, order);
    if (method === "POST" && action === "start-handling") {
      if (order.status !== "ready-for-handling")
        return json(409, {
          error: {
            code: "OMS003",
            message: "Order status should be ready-for-handling to perform this action",
          },
        });
      this.move(id, "handling");
      return new Response(null, { status: 204 });
    }
    if (method === "POST" && action === "cancel") {
      if (order.status === "invoiced") return json(400, { error: { message: "Order already invoiced" } });
      this.move(id, "canceled");
      return json(200, receipt);
    }
    if (method === "POST" && action === "invoice") {
      packages.push({ ...body, invoiceValue: Number(body?.invoiceValue) });
      const invoiced = packages
        .filter((p) => p.type === "Output")
        .reduce((sum, p) => sum + Number(p.invoiceValue), 0);
      if (invoiced >= Number(order.value)) this.move(id, "invoiced");
      return json(200, receipt);
    }
    const patch = /^invoice\/(.+)$/.exec(action);
    if (method === "PATCH" && patch) {
      const pkg = packages.find((p) => p.invoiceNumber === decodeURIComponent(patch[1]!));
      if (!pkg) return json(404, { error: { message: "Invoice not found" } });
      Object.assign(pkg, body);
      return json(200, receipt);
    }
    return json(404, { error: "no route" });
  }

  /** Requests of `method` to paths matching `path`. */
  sent(method: string, path: RegExp): LoggedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}
