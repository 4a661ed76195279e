// The API routes, paths exactly as VTEX's (Orders API OpenAPI; shared platform notes §4.1).
import type { OrderActions } from "./actions.ts";
import type { Feeds } from "./feed.ts";
import type { Hooks } from "./hook.ts";
import { copy, ok, omsError, orderNotFound, type Reply } from "./http.ts";
import { listOrders } from "./listing.ts";
import type { OrderStore } from "./orders.ts";
import type { Json } from "./types.ts";

export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Json;
  appKey: string;
}

export interface RouteParts {
  store: OrderStore;
  actions: OrderActions;
  feeds: Feeds;
  hooks: Hooks;
}

const ORDER = /^\/api\/oms\/pvt\/orders\/([^/]+)$/;
const ACTION = /^\/api\/oms\/pvt\/orders\/([^/]+)\/(start-handling|cancel|invoice)$/;
const INVOICE = /^\/api\/oms\/pvt\/orders\/([^/]+)\/invoice\/([^/]+)$/;
const TRACKING = /^\/api\/oms\/pvt\/orders\/([^/]+)\/invoice\/([^/]+)\/tracking$/;

/** True for the route the per-account Get order limit counts. */
export const isGetOrder = (method: string, path: string) => method === "GET" && ORDER.test(path);

export function createRouter(parts: RouteParts): (req: ApiRequest) => Promise<Reply> {
  const { store, actions, feeds, hooks } = parts;
  return async ({ method, path, query, body, appKey }) => {
    if (path === "/api/oms/pvt/orders" && method === "GET") return listOrders(store, query);
    let m = ORDER.exec(path);
    if (m && method === "GET") {
      const id = decodeURIComponent(m[1]!);
      // The OMS also finds an order by its sequence number (OpenAPI "Get order").
      const record = store.get(id) ?? store.all().find((r) => r.order.sequence === id);
      if (!record) throw orderNotFound(id);
      return ok(copy(record.order));
    }
    m = ACTION.exec(path);
    if (m && method === "POST") {
      const id = decodeURIComponent(m[1]!);
      if (m[2] === "start-handling") return actions.startHandling(id);
      if (m[2] === "cancel") return actions.cancel(id, body);
      return actions.invoice(id, body);
    }
    m = INVOICE.exec(path);
    if (m && method === "PATCH")
      return actions.patchInvoice(decodeURIComponent(m[1]!), decodeURIComponent(m[2]!), body);
    m = TRACKING.exec(path);
    if (m && method === "PUT")
      return actions.tracking(decodeURIComponent(m[1]!), decodeURIComponent(m[2]!), body);

    if (path === "/api/orders/feed/config") {
      if (method === "GET") return feeds.getConfig(appKey);
      if (method === "POST") return feeds.configure(appKey, body);
      if (method === "DELETE") return feeds.deleteConfig(appKey);
    }
    if (path === "/api/orders/feed") {
      if (method === "GET") return feeds.read(appKey, query.get("maxlot"));
      if (method === "POST") return feeds.commit(appKey, body);
    }
    if (path === "/api/orders/hook/config") {
      if (method === "GET") return hooks.getConfig(appKey);
      if (method === "POST") return hooks.configure(appKey, body);
      if (method === "DELETE") return hooks.deleteConfig(appKey);
    }
    // [U] Body of an unknown route.
    throw omsError(404, "1", `No route for ${method} ${path}`);
  };
}
