// VTEX order JSON (Orders API OpenAPI, "Get order") → Ponte's canonical order. Money comes in
// integer cents (platforms README §4.2) and is taken as is; a non-integer amount is a problem,
// never rounded. `totals[]` (Items, Discounts ≤ 0, Shipping, Tax) must add up to `value`.
import { checkDocument, normalizeDocument } from "../../domain/document.ts";
import { type Address, type CanonicalOrder, type Flag, MappingError, type OrderItem } from "../connector.ts";
import { readVtexStatus } from "./status.ts";

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const objects = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

/** Text as received, null when absent or empty. */
export function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v.trim() === "" ? null : v;
  if (typeof v === "number") return String(v);
  return null;
}

function time(v: unknown, field: string, problems: string[]): string | null {
  const s = text(v);
  if (s === null) return null;
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) {
    problems.push(`${field}: "${s}" is not a date`);
    return null;
  }
  return d.toISOString();
}

/** Integer cents as VTEX sends them; absent is 0. */
function cents(v: unknown, field: string, problems: string[]): number {
  if (v === null || v === undefined) return 0;
  if (typeof v !== "number" || !Number.isInteger(v)) {
    problems.push(`${field}: "${String(v)}" is not an amount in cents`);
    return 0;
  }
  return v;
}

/** A document VTEX hid from a key without PII rights (platforms README §4.2 [U]): "***.***.***-**". */
function customer(profile: Json): CanonicalOrder["customer"] {
  const corporate = profile.isCorporate === true;
  // CPF in `document`; CNPJ in `corporateDocument` when isCorporate (platforms README §4.2, §8).
  const raw = corporate
    ? (text(profile.corporateDocument) ?? text(profile.document))
    : text(profile.document);
  const person = [text(profile.firstName), text(profile.lastName)].filter(Boolean).join(" ") || null;
  const base = {
    externalId: text(profile.userProfileId) ?? text(profile.id),
    name: corporate ? (text(profile.corporateName) ?? person) : person,
    email: text(profile.email),
    phone: corporate ? (text(profile.corporatePhone) ?? text(profile.phone)) : text(profile.phone),
  };
  const check = checkDocument(raw);
  return {
    ...base,
    document: raw === null ? null : normalizeDocument(raw),
    documentKind: check.ok ? check.kind : null,
    documentProblem: check.ok ? null : check.reason,
  };
}

function address(a: Json, phone: string | null): Address {
  return {
    name: text(a.receiverName),
    street: text(a.street),
    number: text(a.number),
    complement: text(a.complement),
    neighborhood: text(a.neighborhood),
    city: text(a.city),
    state: text(a.state),
    zipcode: text(a.postalCode),
    country: text(a.country),
    phone,
  };
}

function items(raw: unknown, problems: string[]): OrderItem[] {
  if (!Array.isArray(raw)) {
    problems.push("items: missing or not a list");
    return [];
  }
  return raw.map((it, i) => {
    const field = `items[${i}]`;
    const item = isObject(it) ? it : {};
    if (!isObject(it)) problems.push(`${field}: not an object`);
    const quantity = typeof item.quantity === "number" && Number.isInteger(item.quantity) ? item.quantity : 0;
    if (quantity <= 0) problems.push(`${field}.quantity: must be a whole number of at least 1`);
    // sellingPrice is the unit price after the item's discounts; price when it is absent.
    const present = (v: unknown) => v !== undefined && v !== null;
    if (!present(item.sellingPrice) && !present(item.price))
      problems.push(`${field}: no sellingPrice nor price`);
    const unit =
      item.sellingPrice !== undefined && item.sellingPrice !== null
        ? cents(item.sellingPrice, `${field}.sellingPrice`, problems)
        : cents(item.price, `${field}.price`, problems);
    return {
      // The SKU id (items[].id); refId is the merchant's own code, used only when the id is absent.
      sku: text(item.id) ?? text(item.refId),
      name: text(item.name) ?? "",
      productId: text(item.productId),
      variantId: text(item.id),
      variant: text(item.skuName),
      quantity,
      unitPriceCents: unit,
      totalCents: unit * quantity,
    };
  });
}

function totals(o: Json, problems: string[], flags: Flag[]): CanonicalOrder["totals"] {
  const byId = new Map<string, unknown>(objects(o.totals).map((t) => [String(t.id), t.value]));
  const part = (id: string) => cents(byId.get(id), `totals.${id}`, problems);
  const itemsCents = part("Items");
  const discounts = part("Discounts");
  const shipping = part("Shipping");
  const tax = part("Tax");
  const value = cents(o.value, "value", problems);
  if (o.value === undefined || o.value === null) problems.push("value: missing");
  if (!Array.isArray(o.totals)) problems.push("totals: missing or not a list");
  else if (itemsCents + discounts + shipping + tax !== value) {
    problems.push(
      `totals: Items ${itemsCents} + Discounts ${discounts} + Shipping ${shipping} + Tax ${tax} is not value ${value}`,
    );
  }
  if (tax !== 0) {
    // No tax line in the canonical order: the tax goes with the items so the totals still add up. [U]
    flags.push({
      field: "totals.Tax",
      value: String(tax),
      message: `VTEX tax of ${tax} cents added to the subtotal`,
    });
  }
  return {
    subtotalCents: itemsCents + tax,
    discountCents: -discounts || 0,
    shippingCents: shipping,
    totalCents: value,
  };
}

/** The payment that carries the most of the order (an order may split it: gift card + card). */
function mainPayment(o: Json): Json | null {
  const payments = objects(isObject(o.paymentData) ? o.paymentData.transactions : undefined).flatMap((t) =>
    objects(t.payments),
  );
  return payments.reduce<Json | null>(
    (best, p) => (best === null || Number(p.value ?? 0) > Number(best.value ?? 0) ? p : best),
    null,
  );
}

/** The last Output invoice's package (packageAttachment.packages): where tracking lives. */
export function lastOutputPackage(o: Json): Json | null {
  const packages = objects(isObject(o.packageAttachment) ? o.packageAttachment.packages : undefined);
  const outputs = packages.filter((p) => (text(p.type) ?? "Output") === "Output");
  return outputs[outputs.length - 1] ?? null;
}

export function mapVtexOrder(raw: unknown): CanonicalOrder {
  if (!isObject(raw)) throw new MappingError(["the payload is not a JSON object"]);
  const o = raw;
  const problems: string[] = [];
  const externalId = text(o.orderId);
  if (externalId === null) problems.push("orderId: missing");
  const status = readVtexStatus(text(o.status), text(o.authorizedDate) !== null);
  const flags: Flag[] = [...status.flags];
  const profile = isObject(o.clientProfileData) ? o.clientProfileData : {};
  const shippingData = isObject(o.shippingData) ? o.shippingData : {};
  const logistics = objects(shippingData.logisticsInfo)[0] ?? {};
  const pickupInfo = isObject(logistics.pickupStoreInfo) ? logistics.pickupStoreInfo : {};
  const pickup = pickupInfo.isPickupStore === true || text(logistics.deliveryChannel) === "pickup-in-point";
  const payment = mainPayment(o);
  const billing = payment && isObject(payment.billingAddress) ? payment.billingAddress : null;
  const shipped = lastOutputPackage(o);
  const buyer = customer(profile);
  const orderTotals = totals(o, problems, flags);
  const installments = typeof payment?.installments === "number" ? payment.installments : 1;

  const order: CanonicalOrder = {
    platform: "vtex",
    externalId: externalId ?? "",
    number: text(o.sequence),
    createdAt: time(o.creationDate, "creationDate", problems),
    updatedAt: time(o.lastChange, "lastChange", problems),
    currency:
      text(isObject(o.storePreferencesData) ? o.storePreferencesData.currencyCode : undefined) ?? "BRL",
    status: {
      key: status.key,
      fields: {
        status: text(o.status),
        statusDescription: text(o.statusDescription),
        origin: text(o.origin),
        marketplaceOrderId: text(o.marketplaceOrderId),
        sellerOrderId: text(o.sellerOrderId),
      },
      cancelled: status.cancelled,
      paid: status.paid,
    },
    customer: buyer,
    // The payment's billing address when the payment has one; else only who pays is known.
    billingAddress: billing
      ? { ...address(billing, buyer.phone), name: buyer.name }
      : {
          name: buyer.name,
          street: null,
          number: null,
          complement: null,
          neighborhood: null,
          city: null,
          state: null,
          zipcode: null,
          country: null,
          phone: buyer.phone,
        },
    shippingAddress: isObject(shippingData.address) ? address(shippingData.address, buyer.phone) : null,
    items: items(o.items, problems),
    totals: orderTotals,
    payment: {
      gateway: text(payment?.group),
      method: text(payment?.paymentSystemName),
      installments: Math.max(1, Number.isInteger(installments) ? installments : 1),
      paidAt: status.paid ? time(o.authorizedDate, "authorizedDate", problems) : null,
    },
    shipping: {
      carrier: text(logistics.deliveryCompany),
      option: pickup
        ? (text(pickupInfo.friendlyName) ?? text(logistics.selectedSla))
        : text(logistics.selectedSla),
      code: text(logistics.selectedSla),
      pickup,
      trackingNumber: text(shipped?.trackingNumber),
      trackingUrl: text(shipped?.trackingUrl),
    },
    notes: {
      buyer: text(isObject(o.openTextField) ? o.openTextField.value : o.openTextField),
      merchant: null,
    },
    flags,
  };
  if (problems.length > 0) throw new MappingError(problems);
  return order;
}
