// A WooCommerce order's money → the canonical totals and items, in integer cents read from the
// decimal strings (never through a float). WooCommerce has no order subtotal (platforms README
// §2.1): line items carry `subtotal` (before coupons, without tax) and `total` (after coupons);
// the order carries discount_total, shipping_total, their taxes, fee_lines and `total`
// (REST docs _orders.md "Order properties", "Line items properties", "Fee lines properties").
// WooCommerce's own sum (WC_Abstract_Order::calculate_totals) is
//   total = Σ line.total + Σ line.total_tax + shipping_total + shipping_tax + Σ fee.total + Σ fee.total_tax
// and Σ line.total = Σ line.subtotal − discount_total. The canonical order has no tax nor fee
// line, so (as VTEX's tax is) they are folded and flagged [U]:
// - subtotal = Σ line.subtotal + Σ line.total_tax + positive fees (and their tax);
// - discount = discount_total + negative fees (a "Desconto Pix" plugin adds a negative fee);
// - shipping = shipping_total + shipping_tax.
// When a store's rounding makes these differ from `total`, `total` (what the buyer paid) wins:
// the subtotal absorbs the difference and a flag says so.
import type { CanonicalOrder, Flag, OrderItem } from "../connector.ts";
import { cents, isObject, type Json, objects, text } from "./read-json.ts";

export function wooItems(raw: unknown, problems: string[], flags: Flag[]): OrderItem[] {
  if (!Array.isArray(raw)) {
    problems.push("line_items: missing or not a list");
    return [];
  }
  return raw.map((it, i) => {
    const field = `line_items[${i}]`;
    const item = isObject(it) ? it : {};
    if (!isObject(it)) problems.push(`${field}: not an object`);
    const quantity = typeof item.quantity === "number" && Number.isInteger(item.quantity) ? item.quantity : 0;
    if (quantity <= 0) problems.push(`${field}.quantity: must be a whole number of at least 1`);
    if (item.subtotal === undefined || item.subtotal === null) problems.push(`${field}.subtotal: missing`);
    // The unit price before coupons, without tax: subtotal ÷ quantity. `price` is a float of the
    // total after coupons (_orders.md sample: "price": 3 for "total": "6.00") and is not read.
    const subtotal = cents(item.subtotal, `${field}.subtotal`, problems);
    const unit = quantity > 0 ? Math.round(subtotal / quantity) : subtotal;
    if (quantity > 0 && unit * quantity !== subtotal) {
      flags.push({
        field: `${field}.subtotal`,
        value: String(item.subtotal),
        message: `line subtotal of ${subtotal} cents is not a whole number of cents per unit for quantity ${quantity}: unit price rounded to ${unit}`,
      });
    }
    const productId = text(item.product_id);
    const variationId = text(item.variation_id);
    return {
      // No SKU typed on the product: null, never an id standing in for it.
      sku: text(item.sku),
      name: text(item.name) ?? "",
      productId: productId === "0" ? null : productId,
      variantId: variationId === "0" ? null : variationId,
      // A variation's attributes are item meta (e.g. {key: "pa_tamanho", value: "M"}) [U].
      variant:
        variationId && variationId !== "0"
          ? objects(item.meta_data)
              .filter((m) => typeof m.key === "string" && !m.key.startsWith("_"))
              .map((m) => text(m.display_value) ?? text(m.value))
              .filter(Boolean)
              .join(" / ") || null
          : null,
      quantity,
      unitPriceCents: unit,
      totalCents: unit * quantity,
    };
  });
}

export function wooTotals(o: Json, problems: string[], flags: Flag[]): CanonicalOrder["totals"] {
  const lines = objects(o.line_items);
  const sum = (list: Json[], name: string, key: string) =>
    list.reduce((s, x, i) => s + cents(x[key], `${name}[${i}].${key}`, problems), 0);
  const itemsCents = sum(lines, "line_items", "subtotal");
  const itemTax = sum(lines, "line_items", "total_tax");
  const fees = objects(o.fee_lines).map((f, i) => ({
    name: text(f.name) ?? "",
    total: cents(f.total, `fee_lines[${i}].total`, problems),
    tax: cents(f.total_tax, `fee_lines[${i}].total_tax`, problems),
  }));
  const feesUp = fees.filter((f) => f.total + f.tax > 0).reduce((s, f) => s + f.total + f.tax, 0);
  const feesDown = fees.filter((f) => f.total + f.tax < 0).reduce((s, f) => s - (f.total + f.tax), 0);
  const discount = cents(o.discount_total, "discount_total", problems) + feesDown;
  const shipping =
    cents(o.shipping_total, "shipping_total", problems) + cents(o.shipping_tax, "shipping_tax", problems);
  if (o.total === undefined || o.total === null || o.total === "") problems.push("total: missing");
  const total = cents(o.total, "total", problems);

  const tax = itemTax + cents(o.shipping_tax, "shipping_tax", problems);
  if (tax !== 0)
    flags.push({
      field: "total_tax",
      value: String(o.total_tax ?? tax),
      message: `WooCommerce tax of ${tax} cents folded into the subtotal (items) and shipping`,
    });
  for (const fee of fees)
    flags.push({
      field: "fee_lines",
      value: `${fee.name}: ${fee.total + fee.tax}`,
      message:
        fee.total + fee.tax < 0
          ? `negative fee "${fee.name}" of ${-(fee.total + fee.tax)} cents read as a discount`
          : `fee "${fee.name}" of ${fee.total + fee.tax} cents added to the subtotal`,
    });
  const refunded = objects(o.refunds).reduce(
    (s, r, i) => s - cents(r.total, `refunds[${i}].total`, problems),
    0,
  );
  if (refunded !== 0)
    flags.push({
      field: "refunds",
      value: String(refunded),
      message: `${refunded} cents refunded on WooCommerce (the total is the amount charged)`,
    });

  let subtotal = itemsCents + itemTax + feesUp;
  const expected = subtotal - discount + shipping;
  if (expected !== total) {
    flags.push({
      field: "subtotal",
      value: String(subtotal),
      message: `items + tax + fees − discount + shipping = ${expected} cents, WooCommerce's total is ${total}: the subtotal takes the difference`,
    });
    subtotal = total + discount - shipping;
  }
  return { subtotalCents: subtotal, discountCents: discount, shippingCents: shipping, totalCents: total };
}
