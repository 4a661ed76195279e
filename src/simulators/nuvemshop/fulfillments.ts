// Legacy tracking events on an order (v1 `/orders/{id}/fulfillments`, §1.6). Dates must be
// plain "YYYY-MM-DD".
import { formatTime, isIsoDate } from "./format.ts";
import { FieldErrors, notFound, positiveInt } from "./http.ts";
import type { Json, Order } from "./types.ts";

export const TRACKING_STATUSES = [
  "dispatched",
  "received_by_post_office",
  "in_transit",
  "out_for_delivery",
  "delivery_attempt_failed",
  "delayed",
  "ready_for_pickup",
  "delivered",
  "returned_to_sender",
  "lost",
  "failure",
];

export const validTrackingStatus = (value: unknown) =>
  typeof value === "string" && (TRACKING_STATUSES.includes(value) || /^custom_[a-z0-9_]+$/.test(value));

export class LegacyFulfillments {
  private readonly byOrder = new Map<number, Json[]>();
  private nextId = 4_000_001;

  list(order: Order): Json[] {
    return this.byOrder.get(order.id) ?? [];
  }

  create(order: Order, body: Json): Json {
    const errors = new FieldErrors();
    if (!validTrackingStatus(body.status)) errors.add("status", "is invalid");
    for (const field of ["description", "city", "province", "country"]) {
      const value = body[field];
      if (value !== undefined && value !== null && typeof value !== "string")
        errors.add(field, "must be a string");
    }
    if (!isIsoDate(body.happened_at)) errors.add("happened_at", "must be a date in the format YYYY-MM-DD");
    if (body.estimated_delivery_at !== undefined && body.estimated_delivery_at !== null) {
      if (!isIsoDate(body.estimated_delivery_at)) {
        errors.add("estimated_delivery_at", "must be a date in the format YYYY-MM-DD");
      }
    }
    errors.check();
    const now = formatTime(Date.now());
    const event: Json = {
      id: this.nextId++,
      status: body.status,
      description: body.description ?? null,
      city: body.city ?? null,
      province: body.province ?? null,
      country: body.country ?? null,
      happened_at: body.happened_at,
      estimated_delivery_at: body.estimated_delivery_at ?? null,
      created_at: now,
      updated_at: now,
    };
    const list = this.byOrder.get(order.id) ?? [];
    list.push(event);
    this.byOrder.set(order.id, list);
    return event;
  }

  find(order: Order, idText: string): Json {
    const event = this.list(order).find((e) => e.id === positiveInt(idText));
    if (!event) throw notFound("Fulfillment not found");
    return event;
  }

  remove(order: Order, idText: string): void {
    const event = this.find(order, idText);
    const list = this.list(order);
    list.splice(list.indexOf(event), 1);
  }
}
