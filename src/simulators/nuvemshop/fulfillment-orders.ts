// Fulfillment orders (2025-03, §1.6): one per order here, created on first read from the order's
// state and kept in step with the v1 actions. PATCH enforces the status rules; tracking events
// need DISPATCHED, stop at 100, and refuse an identical event.
//
// Transitions: forward only (a step may be skipped, e.g. UNPACKED → DISPATCHED), except
// PACKED → UNPACKED. READY_FOR_PICKUP only for pickup (which is never DISPATCHED);
// non-shippable goes straight to DELIVERED. CANCELLED and DELIVERED are final.

import type { Random } from "../shared/random.ts";
import { formatTime, parseTime } from "./format.ts";
import { validTrackingStatus } from "./fulfillments.ts";
import { FieldErrors, failure, isObject, notFound } from "./http.ts";
import { isShipped, type OrderStore } from "./orders.ts";
import type { Json, Order } from "./types.ts";

export type EmitExtra = (event: string, id: number | string, extra: Json) => void;

const NEXT: Record<string, Record<string, string[]>> = {
  ship: {
    UNPACKED: ["PACKED", "DISPATCHED", "DELIVERED"],
    PACKED: ["UNPACKED", "DISPATCHED", "DELIVERED"],
    DISPATCHED: ["DELIVERED"],
  },
  pickup: {
    UNPACKED: ["PACKED", "READY_FOR_PICKUP", "DELIVERED"],
    PACKED: ["UNPACKED", "READY_FOR_PICKUP", "DELIVERED"],
    READY_FOR_PICKUP: ["DELIVERED"],
  },
  "non-shippable": { UNPACKED: ["DELIVERED"] },
};
const STATUSES = [
  "UNPACKED",
  "PACKED",
  "DISPATCHED",
  "READY_FOR_PICKUP",
  "DELIVERED",
  "NOT_DELIVERED",
  "CANCELLED",
];
const MAX_EVENTS = 100;
const EVENT_FIELDS = [
  "status",
  "description",
  "address",
  "geolocation",
  "happened_at",
  "estimated_delivery_at",
];

export class FulfillmentOrders {
  private readonly byOrder = new Map<number, Json>();
  /** Tracking event id → when it was created, for the 60-second duplicate window. */
  private readonly eventTimes = new Map<string, number>();

  constructor(
    private readonly store: OrderStore,
    private readonly rng: Random,
    private readonly emit: EmitExtra,
  ) {}

  list(order: Order): Json[] {
    return [this.current(order)];
  }

  find(order: Order, foId: string): Json {
    const fo = this.current(order);
    if (fo.id !== foId) throw notFound("Fulfillment order not found");
    return fo;
  }

  patch(order: Order, foId: string, body: Json): Json {
    const fo = this.find(order, foId);
    const from = String(fo.status);
    const type = String((fo.shipping as Json).type);
    if (from === "CANCELLED" || from === "DELIVERED")
      throw failure(422, `A ${from} fulfillment order cannot change`);
    const errors = new FieldErrors();
    const to = body.status === undefined ? undefined : String(body.status);
    if (to !== undefined && to !== from) {
      if (!STATUSES.includes(to)) errors.add("status", "is invalid");
      else if (!NEXT[type]?.[from]?.includes(to)) errors.add("status", `cannot change from ${from} to ${to}`);
    }
    const dispatched = ["DISPATCHED", "DELIVERED"].includes(from);
    for (const field of ["destination", "shipping", "recipient"]) {
      if (!(field in body)) continue;
      if (!isObject(body[field])) errors.add(field, "must be an object");
      else if (dispatched) errors.add(field, "cannot be changed after the fulfillment order is dispatched");
    }
    if ("assigned_location" in body) {
      if (!isObject(body.assigned_location)) errors.add("assigned_location", "must be an object");
      else if (from !== "UNPACKED") errors.add("assigned_location", "cannot be changed once packed");
    }
    const tracking = body.tracking_info;
    if (tracking !== undefined) {
      if (!isObject(tracking)) errors.add("tracking_info", "must be an object");
      else {
        for (const f of ["code", "url"]) {
          if (tracking[f] !== undefined && tracking[f] !== null && typeof tracking[f] !== "string") {
            errors.add(`tracking_info.${f}`, "must be a string");
          }
        }
        if (tracking.notify_customer !== undefined && typeof tracking.notify_customer !== "boolean") {
          errors.add("tracking_info.notify_customer", "must be a boolean");
        }
      }
    }
    errors.check();

    const now = formatTime(Date.now());
    for (const field of ["destination", "recipient", "assigned_location"]) {
      if (field in body) fo[field] = { ...(fo[field] as Json), ...(body[field] as Json) };
    }
    if ("shipping" in body) fo.shipping = { ...(fo.shipping as Json), ...(body.shipping as Json), type };
    if (isObject(tracking)) {
      if (fo.tracking_info) (fo.tracking_info_history as Json[]).push(fo.tracking_info as Json);
      fo.tracking_info = {
        code: tracking.code ?? null,
        url: tracking.url ?? null,
        notify_customer: tracking.notify_customer ?? false,
      };
    }
    if (to !== undefined && to !== from) this.move(order, fo, to, now);
    else if (isObject(tracking) && isShipped(order)) {
      this.store.fulfill(
        order,
        { shipping_tracking_number: tracking.code, shipping_tracking_url: tracking.url },
        false,
      );
    }
    fo.updated_at = now;
    return fo;
  }

  events(order: Order, foId: string): Json[] {
    return this.find(order, foId).tracking_events as Json[];
  }

  addEvent(order: Order, foId: string, body: Json): Json {
    const fo = this.find(order, foId);
    const events = fo.tracking_events as Json[];
    const errors = new FieldErrors();
    if (!validTrackingStatus(body.status)) errors.add("status", "is invalid");
    if (body.description !== undefined && body.description !== null && typeof body.description !== "string") {
      errors.add("description", "must be a string");
    }
    for (const field of ["happened_at", "estimated_delivery_at"]) {
      const value = body[field];
      if (
        value !== undefined &&
        value !== null &&
        (typeof value !== "string" || parseTime(value) === undefined)
      ) {
        errors.add(field, "must be an ISO 8601 date");
      }
    }
    if (body.geolocation !== undefined && body.geolocation !== null && !isObject(body.geolocation)) {
      errors.add("geolocation", "must be an object");
    }
    errors.check();
    if (fo.status !== "DISPATCHED") {
      throw failure(422, "Tracking events can only be added to a DISPATCHED fulfillment order");
    }
    if (events.length >= MAX_EVENTS)
      throw failure(422, `A fulfillment order has at most ${MAX_EVENTS} tracking events`);
    const nowMs = Date.now();
    const fields = Object.fromEntries(EVENT_FIELDS.map((f) => [f, body[f] ?? null]));
    const same = events.find((e) =>
      EVENT_FIELDS.every((f) => JSON.stringify(e[f]) === JSON.stringify(fields[f])),
    );
    // With happened_at set, an identical event is a duplicate only within 60 s of the first.
    if (
      same &&
      (fields.happened_at === null || nowMs - (this.eventTimes.get(String(same.id)) ?? 0) <= 60_000)
    ) {
      throw failure(400, "The tracking event must not be identical to an existing tracking event");
    }
    const now = formatTime(nowMs);
    const event: Json = { id: this.rng.ulid(nowMs), ...fields, created_at: now, updated_at: now };
    events.push(event);
    this.eventTimes.set(String(event.id), nowMs);
    fo.updated_at = now;
    this.emit("fulfillment_order/tracking_event_created", String(fo.id), {
      id: undefined, // not part of fulfillment_order/* bodies (JSON.stringify drops it)
      order_id: order.id,
      fulfillment_id: fo.id,
      tracking_event_id: event.id,
      status: fo.status,
    });
    // A "delivered" event is the preferred way to deliver: its happened_at becomes fulfilled_at.
    if (fields.status === "delivered") {
      this.move(order, fo, "DELIVERED", now);
      if (typeof fields.happened_at === "string") fo.fulfilled_at = fields.happened_at;
    }
    return event;
  }

  findEvent(order: Order, foId: string, eventId: string): Json {
    const event = this.events(order, foId).find((e) => e.id === eventId);
    if (!event) throw notFound("Tracking event not found");
    return event;
  }

  /** The order's fulfillment order, created on first use and brought in line with the order. */
  private current(order: Order): Json {
    let fo = this.byOrder.get(order.id);
    if (!fo) {
      fo = this.create(order);
      this.byOrder.set(order.id, fo);
    }
    this.reconcile(order, fo);
    return fo;
  }

  private create(order: Order): Json {
    const createdMs = parseTime(order.created_at) ?? Date.now();
    const pickup = order.shipping_pickup_type === "pickup";
    const address = (order.shipping_address ?? {}) as Json;
    return {
      id: this.rng.ulid(createdMs),
      number: 1,
      status: "UNPACKED",
      total_price: { value: order.subtotal, currency: order.currency ?? "BRL" },
      line_items: order.products.map((p) => ({
        id: this.rng.ulid(createdMs),
        quantity: Number(p.quantity),
        variant: { variant_id: Number(p.variant_id) },
        product: { product_id: Number(p.product_id) },
        unit_price: { value: p.price, currency: order.currency ?? "BRL" },
      })),
      shipping: {
        type: pickup ? "pickup" : "ship",
        carrier: { code: order.shipping, name: order.shipping_option },
        option: { code: order.shipping_option_code, name: order.shipping_option },
        price: { value: order.shipping_cost_customer, currency: order.currency ?? "BRL" },
      },
      destination: pickup
        ? null
        : Object.fromEntries(
            ["address", "number", "floor", "locality", "city", "province", "zipcode", "country"].map((k) => [
              k,
              address[k] ?? null,
            ]),
          ),
      recipient: {
        name: address.name ?? order.contact_name,
        phone: order.contact_phone,
        identifier: order.contact_identification,
      },
      assigned_location: { location_id: "01HZX4N0SIMULADOR0DEPOSIT0", name: "Depósito Principal" },
      status_history: [{ status: "UNPACKED", created_at: order.created_at }],
      tracking_info: null,
      tracking_info_history: [],
      tracking_events: [],
      fulfilled_at: null,
      created_at: order.created_at,
      updated_at: order.created_at,
    };
  }

  /** Follows the order's v1 state forward (pack, fulfill, cancel done through the order actions). */
  private reconcile(order: Order, fo: Json): void {
    const status = String(fo.status);
    if (status === "CANCELLED" || status === "DELIVERED") return;
    const at = order.updated_at;
    if (order.status === "cancelled" || order.shipping_status === "delivered") {
      this.setStatus(fo, order.status === "cancelled" ? "CANCELLED" : "DELIVERED", at);
      return;
    }
    if (isShipped(order)) {
      const pickup = order.shipping_pickup_type === "pickup";
      if (
        !pickup &&
        order.shipping_tracking_number &&
        (fo.tracking_info as Json | null)?.code !== order.shipping_tracking_number
      ) {
        if (fo.tracking_info) (fo.tracking_info_history as Json[]).push(fo.tracking_info as Json);
        fo.tracking_info = {
          code: order.shipping_tracking_number,
          url: order.shipping_tracking_url ?? null,
          notify_customer: false,
        };
      }
      if (pickup) {
        this.setStatus(fo, "DELIVERED", at);
        fo.fulfilled_at = order.shipped_at ?? at;
      } else if (status !== "DISPATCHED") this.setStatus(fo, "DISPATCHED", at);
      return;
    }
    if (status === "UNPACKED" && this.store.isPacked(order)) this.setStatus(fo, "PACKED", at);
  }

  private setStatus(fo: Json, status: string, at: string): void {
    if (fo.status === status) return;
    fo.status = status;
    (fo.status_history as Json[]).push({ status, created_at: at });
    if (status === "DELIVERED" && !fo.fulfilled_at) fo.fulfilled_at = at;
    fo.updated_at = at;
  }

  /** A PATCH or tracking event moved the status: apply it to the order too, and tell webhooks. */
  private move(order: Order, fo: Json, to: string, now: string): void {
    const info = (fo.tracking_info ?? {}) as Json;
    if (to === "UNPACKED") this.store.unpack(order);
    if (to === "PACKED" || to === "READY_FOR_PICKUP") this.store.pack(order, false);
    if ((to === "DISPATCHED" || to === "DELIVERED") && !isShipped(order)) {
      const tracking = info.code
        ? { shipping_tracking_number: info.code, shipping_tracking_url: info.url ?? null }
        : {};
      this.store.fulfill(order, tracking, false);
    }
    this.setStatus(fo, to, now);
    this.emit("fulfillment_order/status_updated", String(fo.id), {
      id: undefined,
      order_id: order.id,
      fulfillment_id: fo.id,
      status: to,
    });
  }
}
