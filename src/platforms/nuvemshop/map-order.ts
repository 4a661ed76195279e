// Nuvemshop order JSON → Ponte's canonical order. Follows the documented fields and the
// quirks seen in real payloads: money as decimal strings, quantity/variant_id as string or
// number, billing flat on the order (billing_address is the street), floor = complemento,
// locality = bairro, the CPF/CNPJ in customer.identification or contact_identification.
import { checkDocument, normalizeDocument } from "../../domain/document.ts";
import { parseMoney } from "../../domain/money.ts";
import { type Address, type CanonicalOrder, type Flag, MappingError, type OrderItem } from "../connector.ts";
import { readStatus } from "./status.ts";

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Text as received (trimmed of surrounding space only), null when absent or empty. */
function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v.trim() === "" ? null : v;
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  return null;
}

/** Nuvemshop's "2022-02-23T12:25:18+0000" (or ISO) → ISO 8601 UTC; null when absent. */
function time(v: unknown, field: string, problems: string[]): string | null {
  const s = text(v);
  if (s === null) return null;
  const d = new Date(s.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  if (Number.isNaN(d.getTime())) {
    problems.push(`${field}: "${s}" is not a date`);
    return null;
  }
  return d.toISOString();
}

function cents(v: unknown, field: string, problems: string[]): number {
  if (v === null || v === undefined || v === "") return 0;
  try {
    return parseMoney(v as string | number);
  } catch {
    problems.push(`${field}: "${String(v)}" is not an amount of money`);
    return 0;
  }
}

function wholeNumber(v: unknown, field: string, problems: string[], fallback: number): number {
  if (v === null || v === undefined || v === "") return fallback;
  const n = typeof v === "number" ? v : Number(String(v).trim());
  if (!Number.isInteger(n)) {
    problems.push(`${field}: "${String(v)}" is not a whole number`);
    return fallback;
  }
  return n;
}

function shippingAddress(raw: unknown): Address | null {
  if (!isObject(raw)) return null;
  return {
    name: text(raw.name),
    street: text(raw.address),
    number: text(raw.number),
    complement: text(raw.floor),
    neighborhood: text(raw.locality),
    city: text(raw.city),
    state: text(raw.province),
    zipcode: text(raw.zipcode),
    country: text(raw.country),
    phone: text(raw.phone),
  };
}

function billingAddress(o: Json): Address {
  return {
    name: text(o.billing_name),
    street: text(o.billing_address),
    number: text(o.billing_number),
    complement: text(o.billing_floor),
    neighborhood: text(o.billing_locality),
    city: text(o.billing_city),
    state: text(o.billing_province),
    zipcode: text(o.billing_zipcode),
    country: text(o.billing_country),
    phone: text(o.billing_phone),
  };
}

function items(raw: unknown, problems: string[]): OrderItem[] {
  if (!Array.isArray(raw)) {
    problems.push("products: missing or not a list");
    return [];
  }
  return raw.map((p, i) => {
    const field = `products[${i}]`;
    if (!isObject(p)) {
      problems.push(`${field}: not an object`);
      return {
        sku: null,
        name: "",
        productId: null,
        variantId: null,
        variant: null,
        quantity: 0,
        unitPriceCents: 0,
        totalCents: 0,
      };
    }
    const quantity = wholeNumber(p.quantity, `${field}.quantity`, problems, 0);
    if (quantity <= 0) problems.push(`${field}.quantity: must be at least 1`);
    const unitPriceCents = cents(p.price, `${field}.price`, problems);
    const variantValues = Array.isArray(p.variant_values)
      ? p.variant_values.map(text).filter(Boolean).join(" / ")
      : "";
    return {
      sku: text(p.sku),
      name: text(p.name) ?? "",
      productId: text(p.product_id),
      variantId: text(p.variant_id),
      variant: variantValues || null,
      quantity,
      unitPriceCents,
      totalCents: unitPriceCents * quantity,
    };
  });
}

function customer(o: Json): CanonicalOrder["customer"] {
  const c = isObject(o.customer) ? o.customer : undefined;
  const rawDocument = text(c?.identification) ?? text(o.contact_identification);
  const check = checkDocument(rawDocument);
  return {
    externalId: text(c?.id),
    name: text(c?.name) ?? text(o.contact_name) ?? text(o.billing_name),
    email: text(c?.email) ?? text(o.contact_email),
    phone: text(c?.phone) ?? text(o.contact_phone) ?? text(o.billing_phone),
    document: rawDocument === null ? null : normalizeDocument(rawDocument),
    documentKind: check.ok ? check.kind : null,
    documentProblem: check.ok ? null : check.reason,
  };
}

export function mapNuvemshopOrder(raw: unknown): CanonicalOrder {
  if (!isObject(raw)) throw new MappingError(["the payload is not a JSON object"]);
  const o = raw;
  const problems: string[] = [];
  const externalId = text(o.id);
  if (externalId === null) problems.push("id: missing");

  const statusFields = {
    status: text(o.status),
    payment_status: text(o.payment_status),
    shipping_status: text(o.shipping_status),
  };
  const status = readStatus(statusFields);
  const flags: Flag[] = [...status.flags];

  const totals = {
    subtotalCents: cents(o.subtotal, "subtotal", problems),
    discountCents: cents(o.discount, "discount", problems),
    shippingCents: cents(o.shipping_cost_customer, "shipping_cost_customer", problems),
    // The 2023 docs' samples carry the order total as `price`; current payloads as `total`.
    totalCents: cents(o.total ?? o.price, "total", problems),
  };
  if ((o.total ?? o.price) === undefined || (o.total ?? o.price) === null) problems.push("total: missing");
  const expected = totals.subtotalCents - totals.discountCents + totals.shippingCents;
  if (expected !== totals.totalCents) {
    flags.push({
      field: "total",
      value: String(o.total),
      message: `subtotal − discount + shipping = ${expected} cents, total says ${totals.totalCents}`,
    });
  }

  const details = isObject(o.payment_details) ? o.payment_details : {};
  const pickup = text(o.shipping_pickup_type) === "pickup";
  const order: CanonicalOrder = {
    platform: "nuvemshop",
    externalId: externalId ?? "",
    number: text(o.number),
    createdAt: time(o.created_at, "created_at", problems),
    updatedAt: time(o.updated_at, "updated_at", problems),
    currency: text(o.currency) ?? "BRL",
    status: { key: status.key, fields: statusFields, cancelled: status.cancelled, paid: status.paid },
    customer: customer(o),
    billingAddress: billingAddress(o),
    shippingAddress: shippingAddress(o.shipping_address),
    items: items(o.products, problems),
    totals,
    payment: {
      gateway: text(o.gateway_name) ?? text(o.gateway),
      method: text(details.method),
      installments: Math.max(
        1,
        wholeNumber(details.installments, "payment_details.installments", problems, 1),
      ),
      paidAt: time(o.paid_at, "paid_at", problems),
    },
    shipping: {
      carrier: text(o.shipping),
      option: pickup
        ? (text(o.shipping_store_branch_name) ?? text(o.shipping_option))
        : text(o.shipping_option),
      code: text(o.shipping_option_code),
      pickup,
      trackingNumber: text(o.shipping_tracking_number),
      trackingUrl: text(o.shipping_tracking_url),
    },
    notes: { buyer: text(o.note), merchant: text(o.owner_note) },
    flags,
  };
  if (problems.length > 0) throw new MappingError(problems);
  return order;
}
