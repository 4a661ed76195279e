// WooCommerce REST order JSON (REST docs _orders.md "Retrieve an order", v3) → Ponte's canonical
// order: money from decimal strings (totals.ts), the buyer and addresses with the Brazilian Market
// plugin's fields (customer.ts), dates from the *_gmt fields (UTC without an offset), the status
// slug as the status key (status.ts).
import { type CanonicalOrder, type Flag, MappingError } from "../connector.ts";
import { hasAddress, wooAddress, wooCustomer } from "./customer.ts";
import { gmtTime, isObject, meta, objects, text } from "./read-json.ts";
import { readWooStatus } from "./status.ts";
import { wooItems, wooTotals } from "./totals.ts";

/** Where Ponte writes what it pushed (push.ts): order meta, shown in wp-admin's custom fields. */
export const TRACKING_META = "_ponte_tracking_code";
export const TRACKING_URL_META = "_ponte_tracking_url";
export const NFE_KEY_META = "_ponte_nfe_key";
/** The Correios plugin's tracking meta (woocommerce-correios, `_correios_tracking_code`). [U] */
const CORREIOS_TRACKING_META = "_correios_tracking_code";

/** Core's pickup shipping methods (method_id): Local pickup, and the block checkout's pickup location. */
const PICKUP_METHODS = new Set(["local_pickup", "pickup_location"]);

/** The order's id (a post id) as text; null when it is not a positive whole number. */
export function orderIdOf(raw: unknown): string | null {
  const id = isObject(raw) ? raw.id : undefined;
  if (typeof id === "number" && Number.isSafeInteger(id) && id > 0) return String(id);
  if (typeof id === "string" && /^[1-9]\d*$/.test(id)) return id;
  return null;
}

export function mapWooOrder(raw: unknown): CanonicalOrder {
  if (!isObject(raw)) throw new MappingError(["the payload is not a JSON object"]);
  const o = raw;
  const problems: string[] = [];
  const externalId = orderIdOf(o);
  if (externalId === null) problems.push("id: missing or not an order id");
  const statusText = text(o.status);
  if (statusText === null) problems.push("status: missing");
  const datePaid = text(o.date_paid_gmt) ?? text(o.date_paid);
  const status = readWooStatus(statusText ?? "", datePaid !== null);
  const flags: Flag[] = [...status.flags];
  const items = wooItems(o.line_items, problems, flags);
  const totals = wooTotals(o, problems, flags);
  const buyer = wooCustomer(o);
  const shippingLine = objects(o.shipping_lines)[0] ?? {};
  const methodId = text(shippingLine.method_id);
  const pickup = methodId !== null && PICKUP_METHODS.has(methodId);

  const order: CanonicalOrder = {
    platform: "woocommerce",
    externalId: externalId ?? "",
    // `number` is a string, the id unless a sequential-numbers plugin changes it (_orders.md "number").
    number: text(o.number),
    createdAt: gmtTime(o.date_created_gmt, "date_created_gmt", problems),
    updatedAt: gmtTime(o.date_modified_gmt, "date_modified_gmt", problems),
    currency: text(o.currency) ?? "BRL",
    status: {
      key: status.key,
      fields: {
        status: statusText,
        payment_method: text(o.payment_method),
        created_via: text(o.created_via),
        date_paid_gmt: text(o.date_paid_gmt),
        date_completed_gmt: text(o.date_completed_gmt),
      },
      cancelled: status.cancelled,
      paid: status.paid,
    },
    customer: buyer,
    billingAddress: { ...wooAddress(o.billing, o, "billing", buyer.phone), name: buyer.name },
    shippingAddress: hasAddress(o.shipping) ? wooAddress(o.shipping, o, "shipping", buyer.phone) : null,
    items,
    totals,
    payment: {
      gateway: text(o.payment_method_title),
      // The gateway's id (bacs, woo-mercado-pago-pix…): the key of the payment table (defaults.ts).
      method: text(o.payment_method),
      // Installments are each gateway's own meta; core has none. [U]
      installments: 1,
      paidAt:
        status.paid && datePaid !== null
          ? gmtTime(o.date_paid_gmt ?? o.date_paid, "date_paid_gmt", problems)
          : null,
    },
    shipping: {
      carrier: text(shippingLine.method_title),
      option: text(shippingLine.method_title),
      code: methodId,
      pickup,
      trackingNumber: meta(o.meta_data, TRACKING_META) ?? meta(o.meta_data, CORREIOS_TRACKING_META),
      trackingUrl: meta(o.meta_data, TRACKING_URL_META),
    },
    notes: { buyer: text(o.customer_note), merchant: null },
    flags,
  };
  if (problems.length > 0) throw new MappingError(problems);
  return order;
}
