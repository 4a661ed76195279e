// The API's routes under /v1/{store_id} and /2025-03/{store_id}: path → handler. Request checks
// (auth, User-Agent, rate limit, 402, 415, JSON) happen before, in server.ts.
import { customersOf, findCustomer, searchCustomers } from "./customers.ts";
import type { FulfillmentOrders } from "./fulfillment-orders.ts";
import type { LegacyFulfillments } from "./fulfillments.ts";
import { notFound, ok, type Reply } from "./http.ts";
import { listOrders, paginate } from "./listing.ts";
import type { Metafields } from "./metafields.ts";
import type { Settings } from "./options.ts";
import { type OrderStore, parseFields, presentOrder } from "./orders.ts";
import type { Subscriptions } from "./subscriptions.ts";
import type { Json, Order } from "./types.ts";

export interface ApiRequest {
  /** GET for HEAD. */
  method: string;
  /** The path after /v1/{store_id}, e.g. "/orders/123/close". */
  path: string;
  query: URLSearchParams;
  body: Json;
  /** The absolute request URL, for Link headers. */
  selfUrl: URL;
}

export interface ApiParts {
  settings: () => Settings;
  store: OrderStore;
  fulfillmentOrders: FulfillmentOrders;
  fulfillments: LegacyFulfillments;
  metafields: Metafields;
  subscriptions: Subscriptions;
}

type Handler = (params: string[], request: ApiRequest) => Reply;

const METAFIELD_OWNERS: Record<string, string> = {
  orders: "Order",
  products: "Product",
  customers: "Customer",
  categories: "Category",
  pages: "Page",
  variants: "Variant",
};

export function createRouter(parts: ApiParts): (request: ApiRequest) => Reply {
  const { store, fulfillmentOrders: fos, fulfillments, metafields, subscriptions } = parts;
  const paging = () => ({ pastLastPage: parts.settings().pastLastPage, pageCap: parts.settings().pageCap });
  const show = (order: Order, request?: ApiRequest) =>
    ok(
      presentOrder(order, parts.settings().readCustomers, parseFields(request?.query.get("fields") ?? null)),
    );
  const order = (id: string | undefined) => store.find(id ?? "");

  const routes: [string, RegExp, Handler][] = [
    [
      "GET",
      /^\/orders$/,
      (_, r) => listOrders(store, r.query, parts.settings().readCustomers, paging(), r.selfUrl),
    ],
    ["GET", /^\/orders\/([^/]+)$/, ([id], r) => show(order(id), r)],
    ["PUT", /^\/orders\/([^/]+)$/, ([id], r) => show(store.put(order(id), r.body))],
    ["POST", /^\/orders\/([^/]+)\/close$/, ([id]) => show(store.close(order(id)))],
    ["POST", /^\/orders\/([^/]+)\/open$/, ([id]) => show(store.open(order(id)))],
    ["POST", /^\/orders\/([^/]+)\/pack$/, ([id]) => show(store.pack(order(id)))],
    ["POST", /^\/orders\/([^/]+)\/fulfill$/, ([id], r) => show(store.fulfill(order(id), r.body))],
    ["POST", /^\/orders\/([^/]+)\/cancel$/, ([id], r) => show(store.cancel(order(id), r.body))],

    ["GET", /^\/orders\/([^/]+)\/fulfillments$/, ([id]) => ok(fulfillments.list(order(id)))],
    [
      "POST",
      /^\/orders\/([^/]+)\/fulfillments$/,
      ([id], r) => ok(fulfillments.create(order(id), r.body), 201),
    ],
    ["GET", /^\/orders\/([^/]+)\/fulfillments\/([^/]+)$/, ([id, f]) => ok(fulfillments.find(order(id), f!))],
    [
      "DELETE",
      /^\/orders\/([^/]+)\/fulfillments\/([^/]+)$/,
      ([id, f]) => {
        fulfillments.remove(order(id), f!);
        return ok({});
      },
    ],

    ["GET", /^\/orders\/([^/]+)\/fulfillment-orders$/, ([id]) => ok(fos.list(order(id)))],
    ["GET", /^\/orders\/([^/]+)\/fulfillment-orders\/([^/]+)$/, ([id, fo]) => ok(fos.find(order(id), fo!))],
    [
      "PATCH",
      /^\/orders\/([^/]+)\/fulfillment-orders\/([^/]+)$/,
      ([id, fo], r) => ok(fos.patch(order(id), fo!, r.body)),
    ],
    [
      "GET",
      /^\/orders\/([^/]+)\/fulfillment-orders\/([^/]+)\/tracking-events$/,
      ([id, fo]) => ok(fos.events(order(id), fo!)),
    ],
    [
      "POST",
      /^\/orders\/([^/]+)\/fulfillment-orders\/([^/]+)\/tracking-events$/,
      ([id, fo], r) => ok(fos.addEvent(order(id), fo!, r.body), 201),
    ],
    [
      "GET",
      /^\/orders\/([^/]+)\/fulfillment-orders\/([^/]+)\/tracking-events\/([^/]+)$/,
      ([id, fo, ev]) => ok(fos.findEvent(order(id), fo!, ev!)),
    ],

    ["POST", /^\/metafields$/, (_, r) => ok(metafields.create(r.body), 201)],
    [
      "GET",
      /^\/metafields\/([a-z]+)$/,
      ([resource], r) => {
        const owner = METAFIELD_OWNERS[resource ?? ""];
        if (!owner) throw notFound();
        return ok(metafields.query(owner, r.query));
      },
    ],
    ["GET", /^\/metafields\/(\d+)$/, ([id]) => ok(metafields.find(id!))],
    ["PUT", /^\/metafields\/(\d+)$/, ([id], r) => ok(metafields.update(id!, r.body))],
    [
      "DELETE",
      /^\/metafields\/(\d+)$/,
      ([id]) => {
        metafields.remove(id!);
        return ok({});
      },
    ],

    [
      "GET",
      /^\/customers$/,
      (_, r) => {
        const all = customersOf(store.all(), parts.settings().readCustomers);
        return paginate(searchCustomers(all, r.query), r.query, paging(), r.selfUrl, (c) => c);
      },
    ],
    [
      "GET",
      /^\/customers\/([^/]+)$/,
      ([id]) => ok(findCustomer(customersOf(store.all(), parts.settings().readCustomers), id!)),
    ],

    ["GET", /^\/webhooks$/, (_, r) => subscriptions.query(r.query, paging(), r.selfUrl)],
    ["POST", /^\/webhooks$/, (_, r) => ok(subscriptions.create(r.body), 201)],
    ["GET", /^\/webhooks\/([^/]+)$/, ([id]) => ok(subscriptions.find(id!))],
    ["PUT", /^\/webhooks\/([^/]+)$/, ([id], r) => ok(subscriptions.update(id!, r.body))],
    [
      "DELETE",
      /^\/webhooks\/([^/]+)$/,
      ([id]) => {
        subscriptions.remove(id!);
        return ok({});
      },
    ],

    ["GET", /^\/store$/, () => ok(storeInfo(parts.settings()))],
  ];

  return (request) => {
    for (const [method, pattern, handler] of routes) {
      if (method !== request.method) continue;
      const match = pattern.exec(request.path);
      if (match) return handler(match.slice(1).map(decodeURIComponent), request);
    }
    throw notFound();
  };
}

function storeInfo(settings: Settings): Json {
  return {
    id: settings.storeId,
    name: { pt: "Loja Simulada" },
    email: "loja@example.com",
    country: "BR",
    main_currency: "BRL",
    main_language: "pt",
    languages: { pt: { currency: "BRL", active: true, main: true } },
    plan_name: settings.planMultiplier === 10 ? "evolution" : "basic",
    original_domain: "loja-simulada.lojavirtualnuvem.com.br",
    url_with_protocol: "https://loja-simulada.lojavirtualnuvem.com.br",
  };
}
