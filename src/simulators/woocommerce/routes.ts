// The REST routes under /wp-json/wc/v3: orders, batch, notes and webhooks. Each route names its
// action, so an unauthenticated call gets that route's permission error (auth.ts). WordPress
// registers the edit routes for POST, PUT and PATCH alike (WP_REST_Server::EDITABLE).

import type { Random } from "../shared/random.ts";
import type { RouteAction } from "./auth.ts";
import type { Deliveries } from "./deliveries.ts";
import { ApiError, isObject, ok, type Reply, wcError } from "./http.ts";
import { listOrders } from "./listing.ts";
import { notesRoute } from "./notes.ts";
import type { OrderStore } from "./orders.ts";
import type { OrderRecord } from "./record.ts";
import type { Json } from "./types.ts";
import { listWebhooks, type WebhookRegistry } from "./webhooks.ts";

export const API_PREFIX = "/wp-json/wc/v3";
/** Batch limit (_orders.md "Batch update orders": "limited to up to 100 objects"). */
export const MAX_BATCH = 100;

export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Json;
  /** The site's loopback origin. */
  origin: string;
}

export interface RouterParts {
  store: OrderStore;
  registry: WebhookRegistry;
  deliveries: Deliveries;
  chaos: Random;
  render: (record: OrderRecord) => Json;
  offsetMinutes: () => number;
  churnPerList: () => number;
}

export interface Route {
  action: RouteAction;
  run: (req: ApiRequest) => Reply | Promise<Reply>;
}

const EDIT = new Set(["POST", "PUT", "PATCH"]);

export function resolveRoute(method: string, path: string, parts: RouterParts): Route | null {
  if (!path.startsWith(`${API_PREFIX}/`)) return null;
  const rest = path.slice(API_PREFIX.length).replace(/\/+$/, "");
  const { store, registry, render } = parts;
  const id = (text: string | undefined) => Number(text);

  if (rest === "/orders") {
    if (method === "GET")
      return {
        action: "list",
        run: (req) => {
          const reply = listOrders(req.query, {
            orders: store.all(),
            statuses: store.statuses(),
            offsetMinutes: parts.offsetMinutes(),
            selfUrl: new URL(`${req.origin}${req.path}?${req.query.toString()}`),
            render,
          });
          churn(parts);
          return reply;
        },
      };
    if (method === "POST")
      return { action: "create", run: (req) => ok(render(store.place(req.body, "rest-api")), 201) };
  }
  if (rest === "/orders/batch" && EDIT.has(method))
    return { action: "batch", run: (req) => batch(req, parts) };
  const order = /^\/orders\/(\d+)$/.exec(rest);
  if (order) {
    const orderId = id(order[1]);
    if (method === "GET") return { action: "read", run: () => ok(render(store.require(orderId))) };
    if (EDIT.has(method))
      return {
        action: "edit",
        run: (req) => {
          const record = store.require(orderId);
          store.apply(record, req.body, "system");
          return ok(render(record));
        },
      };
    if (method === "DELETE") return { action: "delete", run: (req) => remove(store, orderId, req, render) };
  }
  const notes = /^\/orders\/(\d+)\/notes(?:\/(\d+))?$/.exec(rest);
  if (notes) {
    const orderId = id(notes[1]);
    const noteId = notes[2] === undefined ? undefined : id(notes[2]);
    const action: RouteAction =
      method === "GET" ? (noteId ? "read" : "list") : method === "DELETE" ? "delete" : "create";
    if (method === "GET" || method === "DELETE" || (method === "POST" && noteId === undefined))
      return {
        action,
        run: (req) =>
          notesRoute(store, method, orderId, noteId, req.body, req.query, req.origin, parts.offsetMinutes()),
      };
  }
  if (rest === "/webhooks") {
    if (method === "GET")
      return { action: "list", run: (req) => listWebhooks(registry, req.query, req.origin) };
    if (method === "POST")
      return {
        action: "create",
        run: (req) => {
          const hook = registry.create(req.body);
          // The REST controller pings after creating, and answers 201 whatever the ping got.
          if (hook.status === "active") parts.deliveries.ping(hook);
          return ok(registry.render(hook, req.origin), 201);
        },
      };
  }
  const hook = /^\/webhooks\/(\d+)$/.exec(rest);
  if (hook) {
    const hookId = id(hook[1]);
    if (method === "GET")
      return { action: "read", run: (req) => ok(registry.render(registry.get(hookId), req.origin)) };
    if (EDIT.has(method))
      return {
        action: "edit",
        run: (req) => ok(registry.render(registry.update(hookId, req.body), req.origin)),
      };
    if (method === "DELETE")
      return {
        action: "delete",
        run: (req) =>
          ok(registry.render(registry.remove(hookId, req.query.get("force") === "true"), req.origin)),
      };
  }
  return null;
}

/** Rows that change between two page reads: after a list answer, some orders are edited. */
function churn(parts: RouterParts): void {
  const count = parts.churnPerList();
  const live = parts.store.all().filter((r) => r.status !== "trash");
  for (let i = 0; i < count && live.length > 0; i++) {
    const record = parts.chaos.pick(live);
    parts.store.apply(
      record,
      { meta_data: [{ key: "_sim_touched", value: String(parts.chaos.int(1, 1e9)) }] },
      "system",
    );
  }
}

function remove(
  store: OrderStore,
  orderId: number,
  req: ApiRequest,
  render: (r: OrderRecord) => Json,
): Reply {
  const record = store.require(orderId);
  if (req.query.get("force") === "true") {
    const shown = render(record);
    store.remove(record);
    return ok(shown);
  }
  store.trash(record);
  return ok(render(record));
}

function itemError(error: unknown, id: number): Json {
  if (error instanceof ApiError && isObject(error.body)) return { id, error: error.body };
  throw error;
}

/**
 * POST /orders/batch {create, update, delete}: more than 100 objects in all → 413
 * woocommerce_rest_request_entity_too_large "Unable to accept more than 100 items for this
 * request." (WC_REST_Controller::check_batch_limit); otherwise each object succeeds or carries its
 * own {id, error} (WC_REST_Controller::batch_items).
 */
function batch(req: ApiRequest, parts: RouterParts): Reply {
  const { store, render } = parts;
  const lists = {
    create: Array.isArray(req.body.create) ? (req.body.create as unknown[]) : [],
    update: Array.isArray(req.body.update) ? (req.body.update as unknown[]) : [],
    delete: Array.isArray(req.body.delete) ? (req.body.delete as unknown[]) : [],
  };
  const total = lists.create.length + lists.update.length + lists.delete.length;
  if (total > MAX_BATCH)
    throw wcError(
      413,
      "woocommerce_rest_request_entity_too_large",
      `Unable to accept more than ${MAX_BATCH} items for this request.`,
    );
  const out: Json = {};
  if (lists.create.length)
    out.create = lists.create.map((item) => {
      try {
        return render(store.place(isObject(item) ? item : {}, "rest-api"));
      } catch (e) {
        return itemError(e, 0);
      }
    });
  if (lists.update.length)
    out.update = lists.update.map((item) => {
      const body = isObject(item) ? item : {};
      const orderId = Number(body.id);
      try {
        const record = store.require(orderId);
        store.apply(record, body, "system");
        return render(record);
      } catch (e) {
        return itemError(e, orderId || 0);
      }
    });
  if (lists.delete.length)
    out.delete = lists.delete.map((item) => {
      const orderId = Number(item);
      try {
        const record = store.require(orderId);
        const shown = render(record);
        // Batch deletes are forced (batch_items sets force=true on each delete request).
        store.remove(record);
        return shown;
      } catch (e) {
        return itemError(e, orderId || 0);
      }
    });
  return ok(out);
}
