// The control plane behind X-Simulator-Key: read and change settings and switches, move the
// simulator clock, place orders as a shopper, change them as the merchant would in wp-admin (each
// fires order.created / order.updated to the active webhooks), manage REST keys, and read the
// webhook deliveries with their outcome.

import type { FaultScript } from "../shared/fault-script.ts";
import type { Keys } from "./auth.ts";
import type { Clock } from "./clock.ts";
import type { Deliveries } from "./deliveries.ts";
import type { Reply } from "./http.ts";
import type { Settings } from "./options.ts";
import type { OrderStore } from "./orders.ts";
import type { OrderRecord } from "./record.ts";
import type { Json, KeyPermission, SimulatorOptions } from "./types.ts";
import type { WebhookRegistry } from "./webhooks.ts";

export interface ControlParts {
  settings(): Settings;
  setOptions(patch: Partial<SimulatorOptions>): void;
  advanceTime(ms: number): void;
  clock: Clock;
  store: OrderStore;
  keys: Keys;
  registry: WebhookRegistry;
  deliveries: Deliveries;
  faults: FaultScript;
  render(record: OrderRecord): Json;
}

/** The merchant's name on notes written from wp-admin. */
export const MERCHANT = "Loja Simulada";

/** A wp-admin edit: fields as the REST update takes them, plus trash / restore. */
export function merchantEdit(store: OrderStore, id: number, body: Json): OrderRecord {
  const record = store.require(id);
  if (body.trash === true) store.trash(record);
  else if (body.restore === true) store.restore(record);
  else store.apply(record, body, MERCHANT);
  return record;
}

const ORDER = /^\/orders\/(\d+)$/;
const KEY = /^\/keys\/(\d+)$/;

export function createControl(parts: ControlParts): (method: string, path: string, body: Json) => Reply {
  const state = (): Json => {
    const { controlKey: _hidden, ...shown } = parts.settings();
    return {
      ...shown,
      clock: parts.clock.iso(),
      clockOffsetMs: parts.clock.offsetMs(),
      faultsRemaining: parts.faults.remaining(),
      keys: parts.keys.list(),
      webhooks: parts.registry.all().map((h) => ({
        id: h.id,
        topic: h.topic,
        status: h.status,
        delivery_url: h.delivery_url,
        failureCount: h.failureCount,
        pendingDelivery: h.pendingDelivery,
      })),
    };
  };
  return (method, path, body) => {
    if (path === "/" && method === "GET") return { status: 200, body: state() };
    if (path === "/" && method === "POST") {
      parts.setOptions(body as Partial<SimulatorOptions>);
      return { status: 200, body: state() };
    }
    if (path === "/time" && method === "POST") {
      parts.advanceTime(Number(body.advanceMs));
      return { status: 200, body: { clock: parts.clock.iso(), clockOffsetMs: parts.clock.offsetMs() } };
    }
    if (path === "/orders" && method === "POST") {
      const { count = 1, ...overrides } = body;
      if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > 1000)
        throw new Error("count must be an integer from 1 to 1000");
      const created = Array.from({ length: count as number }, () =>
        parts.render(parts.store.place(overrides)),
      );
      return { status: 201, body: created };
    }
    const order = ORDER.exec(path);
    if (order && method === "POST")
      return { status: 200, body: parts.render(merchantEdit(parts.store, Number(order[1]), body)) };
    if (path === "/deliveries" && method === "GET") return { status: 200, body: parts.deliveries.list() };
    if (path === "/deliveries" && method === "DELETE") {
      parts.deliveries.clear();
      return { status: 200, body: {} };
    }
    if (path === "/keys" && method === "GET") return { status: 200, body: parts.keys.list() };
    if (path === "/keys" && method === "POST") {
      const permissions = (body.permissions ?? "read_write") as KeyPermission;
      if (!["read", "write", "read_write"].includes(permissions))
        throw new Error("permissions must be read, write or read_write");
      return {
        status: 201,
        body: parts.keys.add(permissions, String(body.description ?? "Chave criada no simulador")),
      };
    }
    const key = KEY.exec(path);
    if (key && method === "DELETE") {
      parts.keys.remove(Number(key[1]));
      return { status: 200, body: {} };
    }
    return { status: 404, body: { error: `unknown control endpoint ${method} /__control${path}` } };
  };
}
