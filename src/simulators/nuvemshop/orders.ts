// The store's orders and the v1 order actions (§1.6) with their state rules. Every change
// bumps updated_at and emits the matching webhook event.
//
// Rules (Nuvemshop documents none of them, so these are chosen to be strict but sensible):
// - close: refused for a cancelled order; closing a closed order changes nothing.
// - open: re-opens a closed order; refused for a cancelled one; opening an open order changes nothing.
// - pack: refused for a cancelled order and for one already shipped; packing twice changes nothing.
// - fulfill: refused for a cancelled order; fulfilling again only replaces the tracking data.
// - cancel: refused for a closed order (re-open it first) and for one already cancelled.
//   An authorized or pending payment becomes voided; a paid one stays paid (refunds are the gateway's).
import { formatTime, parseTime } from "./format.ts";
import { copy, FieldErrors, failure, isObject, notFound, positiveInt } from "./http.ts";
import { type IndexedField, OrderIndex } from "./order-index.ts";
import type { OrderFactory } from "./seed.ts";
import type { ActionRecord, Json, Order } from "./types.ts";

export type EmitOrderEvent = (event: string, orderId: number) => void;

const CANCEL_REASONS = ["customer", "inventory", "fraud", "other"];
const SHIPPED = new Set(["fulfilled", "shipped", "delivered"]);

/** Orders whose shipping_status uses the docs' samples vocabulary (unshipped/shipped). */
const legacyVocabulary = (order: Order) =>
  order.shipping_status === "unshipped" || order.shipping_status === "shipped";

export const isShipped = (order: Order) => SHIPPED.has(order.shipping_status);

export class OrderStore {
  private readonly orders = new Map<number, Order>();
  /** Packed but not shipped: "unshipped" cannot tell, so it is kept aside. */
  private readonly packed = new Set<number>();
  private readonly records: ActionRecord[] = [];
  /** The orders by created_at and by updated_at (then id), for listing without sorting. */
  private readonly indexes = {
    created_at: new OrderIndex("created_at"),
    updated_at: new OrderIndex("updated_at"),
  };

  constructor(
    private readonly factory: OrderFactory,
    private readonly emit: EmitOrderEvent,
  ) {}

  load(orders: Order[]): void {
    for (const order of orders) {
      const replaced = this.orders.get(order.id);
      if (replaced && replaced !== order) {
        this.indexes.created_at.remove(replaced);
        this.indexes.updated_at.remove(replaced);
      }
      this.orders.set(order.id, order);
      if (["waiting_shipment", "waiting_client_pickup"].includes(order.next_action))
        this.packed.add(order.id);
    }
    this.indexes.created_at.load(orders);
    this.indexes.updated_at.load(orders);
  }

  all(): Order[] {
    return [...this.orders.values()];
  }

  /** Every order, sorted by `field` then id (kept sorted as orders change). */
  sorted(field: IndexedField): OrderIndex {
    return this.indexes[field];
  }

  /** Re-files the order after a change to its timestamps. */
  private reindex(order: Order): void {
    this.indexes.created_at.put(order);
    this.indexes.updated_at.put(order);
  }

  get(id: number): Order | undefined {
    return this.orders.get(id);
  }

  /** The order named in a path, or 404. */
  find(idText: string): Order {
    const order = this.orders.get(positiveInt(idText) ?? -1);
    if (!order) throw notFound("Order not found");
    return order;
  }

  isPacked(order: Order): boolean {
    return (
      this.packed.has(order.id) ||
      order.shipping_status === "unfulfilled" ||
      order.shipping_status === "packed"
    );
  }

  actionLog(): ActionRecord[] {
    return copy(this.records);
  }

  create(overrides: Json = {}): Order {
    const order = this.factory.next(Date.now());
    Object.assign(order, copy(overrides));
    if (this.orders.has(order.id)) throw new Error(`order ${order.id} already exists`);
    if (order.payment_status === "paid" && !order.paid_at) order.paid_at = order.created_at;
    this.orders.set(order.id, order);
    this.reindex(order);
    this.emit("order/created", order.id);
    if (order.payment_status === "paid") this.emit("order/paid", order.id);
    return order;
  }

  /**
   * The order deleted in the store's admin: gone from the API (404) and the listings. Returns it,
   * so a test can put it back with restore() (a platform restore).
   */
  delete(id: number): Order {
    const order = this.orders.get(id);
    if (!order) throw new Error(`no order ${id}`);
    this.orders.delete(id);
    this.packed.delete(id);
    this.indexes.created_at.remove(order);
    this.indexes.updated_at.remove(order);
    return order;
  }

  /** A deleted order back, as it was (its updated_at moves on, as any change's does). */
  restore(order: Order): Order {
    if (this.orders.has(order.id)) throw new Error(`order ${order.id} already exists`);
    const restored = copy(order);
    this.orders.set(restored.id, restored);
    this.touch(restored);
    this.reindex(restored);
    return restored;
  }

  /** A change "made in the store's admin": merges the patch, bumps updated_at unless the patch sets it. */
  update(id: number, patch: Json): Order {
    const order = this.orders.get(id);
    if (!order) throw new Error(`no order ${id}`);
    const wasPaid = order.payment_status === "paid";
    Object.assign(order, copy(patch));
    if (!("updated_at" in patch)) this.touch(order);
    this.reindex(order);
    this.emit("order/updated", order.id);
    if (!wasPaid && order.payment_status === "paid") this.emit("order/paid", order.id);
    return order;
  }

  /**
   * Moves updated_at to now, and always forward by at least a second, so every change is visible to
   * a client that compares updated_at (the API has one-second resolution).
   */
  touch(order: Order): void {
    const previous = parseTime(order.updated_at) ?? 0;
    order.updated_at = formatTime(Math.max(Date.now(), previous + 1000));
    this.indexes.updated_at.put(order);
  }

  private record(order: Order, action: string, body: Json): void {
    this.records.push({ at: new Date().toISOString(), orderId: order.id, action, body: copy(body) });
    if (this.records.length > 10_000) this.records.shift();
  }

  put(order: Order, body: Json): Order {
    this.record(order, "update", body);
    const errors = new FieldErrors();
    if ("owner_note" in body && body.owner_note !== null && typeof body.owner_note !== "string") {
      errors.add("owner_note", "must be a string");
    }
    if ("status" in body && !["paid", "open", "closed"].includes(String(body.status))) {
      errors.add("status", "is invalid");
    }
    errors.check();
    if (body.status === "closed") this.setClosed(order);
    if (body.status === "open") this.setOpen(order);
    let paid = false;
    if (body.status === "paid" && order.payment_status !== "paid") {
      // The docs send {"status":"paid"} and the answer shows payment_status "paid".
      if (order.status === "cancelled") throw failure(422, "A cancelled order cannot be marked as paid");
      order.payment_status = "paid";
      order.paid_at = formatTime(Date.now());
      order.next_action = nextAction(order, this.isPacked(order));
      paid = true;
    }
    if ("owner_note" in body) order.owner_note = body.owner_note;
    this.touch(order);
    this.emit("order/updated", order.id);
    if (paid) this.emit("order/paid", order.id);
    return order;
  }

  close(order: Order): Order {
    this.record(order, "close", {});
    if (this.setClosed(order)) this.changed(order, "order/updated");
    return order;
  }

  open(order: Order): Order {
    this.record(order, "open", {});
    if (this.setOpen(order)) this.changed(order, "order/updated");
    return order;
  }

  /** True when the order changed. */
  private setClosed(order: Order): boolean {
    if (order.status === "cancelled") throw failure(422, "A cancelled order cannot be closed");
    if (order.status === "closed") return false;
    order.status = "closed";
    order.closed_at = formatTime(Date.now());
    order.next_action = "noop";
    return true;
  }

  private setOpen(order: Order): boolean {
    if (order.status === "cancelled") throw failure(422, "A cancelled order cannot be re-opened");
    if (order.status === "open") return false;
    order.status = "open";
    order.closed_at = null;
    order.next_action = nextAction(order, this.isPacked(order));
    return true;
  }

  pack(order: Order, record = true): Order {
    if (record) this.record(order, "pack", {});
    if (order.status === "cancelled") throw failure(422, "A cancelled order cannot be packed");
    if (isShipped(order)) throw failure(422, "The order has already been fulfilled");
    if (this.isPacked(order)) return order;
    this.packed.add(order.id);
    if (order.shipping_status === "unpacked") order.shipping_status = "unfulfilled";
    order.next_action = nextAction(order, true);
    this.changed(order, "order/packed");
    return order;
  }

  /** Back to unpacked (a fulfillment order moved from PACKED to UNPACKED). */
  unpack(order: Order): Order {
    if (!this.isPacked(order) || isShipped(order)) return order;
    this.packed.delete(order.id);
    order.shipping_status = legacyVocabulary(order) ? "unshipped" : "unpacked";
    order.next_action = nextAction(order, false);
    this.changed(order, "order/unpacked");
    return order;
  }

  fulfill(order: Order, body: Json, record = true): Order {
    if (record) this.record(order, "fulfill", body);
    const errors = new FieldErrors();
    for (const field of ["shipping_tracking_number", "shipping_tracking_url"]) {
      const value = body[field];
      if (value !== undefined && value !== null && typeof value !== "string")
        errors.add(field, "must be a string");
    }
    const url = body.shipping_tracking_url;
    if (typeof url === "string" && url !== "" && !/^https?:\/\/\S+$/i.test(url)) {
      errors.add("shipping_tracking_url", "is not a valid URL");
    }
    if ("notify_customer" in body && typeof body.notify_customer !== "boolean") {
      errors.add("notify_customer", "must be a boolean");
    }
    errors.check();
    if (order.status === "cancelled") throw failure(422, "A cancelled order cannot be fulfilled");
    if ("shipping_tracking_number" in body)
      order.shipping_tracking_number = body.shipping_tracking_number ?? null;
    if ("shipping_tracking_url" in body) order.shipping_tracking_url = body.shipping_tracking_url ?? null;
    if (!isShipped(order)) {
      order.shipping_status = legacyVocabulary(order) ? "shipped" : "fulfilled";
      order.shipped_at = formatTime(Date.now());
      this.packed.delete(order.id);
    }
    order.next_action = nextAction(order, false);
    this.changed(order, "order/fulfilled");
    return order;
  }

  cancel(order: Order, body: Json, record = true): Order {
    if (record) this.record(order, "cancel", body);
    const errors = new FieldErrors();
    if ("reason" in body && !CANCEL_REASONS.includes(String(body.reason))) {
      errors.add("reason", `must be one of ${CANCEL_REASONS.join(", ")}`);
    }
    for (const field of ["email", "restock"]) {
      if (field in body && typeof body[field] !== "boolean") errors.add(field, "must be a boolean");
    }
    errors.check();
    if (order.status === "cancelled") throw failure(422, "The order is already cancelled");
    if (order.status === "closed") throw failure(422, "A closed order cannot be cancelled: re-open it first");
    order.status = "cancelled";
    order.cancelled_at = formatTime(Date.now());
    order.cancel_reason = typeof body.reason === "string" ? body.reason : "other";
    if (order.payment_status === "authorized" || order.payment_status === "pending")
      order.payment_status = "voided";
    order.next_action = "noop";
    this.packed.delete(order.id);
    this.changed(order, "order/cancelled");
    return order;
  }

  private changed(order: Order, event: string): void {
    this.touch(order);
    this.emit(event, order.id);
  }
}

/** What the store owner has to do next (the `next_action` enum). */
export function nextAction(order: Order, packed: boolean): string {
  if (order.status !== "open") return "noop";
  if (order.payment_status === "pending") return "waiting_ipn";
  if (order.payment_status === "authorized") return "waiting_manual_confirmation";
  if (order.payment_status !== "paid") return "noop";
  if (isShipped(order)) return "close";
  if (packed) return order.shipping_pickup_type === "pickup" ? "waiting_client_pickup" : "waiting_shipment";
  return "waiting_packing";
}

/** An order as the API returns it: without `customer` unless the app has read_customers, and `fields`. */
export function presentOrder(order: Order, readCustomers: boolean, fields?: string[]): Json {
  const out: Json = { ...order };
  if (!readCustomers) delete out.customer;
  if (!fields) return out;
  const picked: Json = {};
  for (const field of fields) if (field in out) picked[field] = out[field];
  return picked;
}

export function parseFields(raw: string | null): string[] | undefined {
  if (raw === null || raw.trim() === "") return undefined;
  return raw
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean);
}

export function requireObject(body: unknown): Json {
  if (body === undefined || body === null) return {};
  if (!isObject(body)) throw failure(422, "The request body must be a JSON object");
  return body;
}
