// A stored order → the REST order JSON, in the field order of _orders.md "Retrieve an order":
// money as decimal strings, `price` a number, dates without an offset in site time and GMT, and
// the Brazilian Market plugin's fields as its REST class adds them (orders_response: billing.number,
// neighborhood, persontype, cpf, rg, cnpj, ie, birthdate, gender, cellphone; shipping.number,
// neighborhood; cpf/rg/cnpj/ie with ".", "-" and "/" removed — not spaces; birthdate "dd/mm/yyyy"
// rewritten as "mm-dd-yyyyT00:00:00"; gender its first letter; persontype "F"/"J" by the
// person_type setting, "" when the setting is 0).
import { gmt, money, siteTime, unitPrice } from "./format.ts";
import { type MetaEntry, metaValue, type OrderRecord, PLUGIN_META_KEYS, totalsOf } from "./record.ts";
import type { Json, PluginMode } from "./types.ts";

export interface RenderContext {
  plugin: PluginMode;
  personType: number;
  offsetMinutes: number;
  wcVersion: string;
  /** The site's loopback origin, for _links. */
  origin: string;
}

const stripDocument = (text: string) => text.replace(/[./-]/g, "");

function personType(stored: string, setting: number): string {
  if (setting === 1) return Number(stored) === 2 ? "J" : "F";
  if (setting === 2) return "F";
  if (setting === 3) return "J";
  return "";
}

function birthdate(stored: string): string {
  const [day, month, year] = stored.split("/");
  return month ? `${month}-${day}-${year}T00:00:00` : "";
}

const metaList = (meta: MetaEntry[]) => meta.map((m) => ({ id: m.id, key: m.key, value: m.value }));

function dates(name: string, ms: number | null, ctx: RenderContext): Json {
  return {
    [name]: ms === null ? null : siteTime(ms, ctx.offsetMinutes),
    [`${name}_gmt`]: ms === null ? null : gmt(ms),
  };
}

export function renderOrder(record: OrderRecord, ctx: RenderContext): Json {
  const t = totalsOf(record);
  const withPlugin = ctx.plugin === "rest";
  const noPlugin = ctx.plugin === "absent";
  const m = (key: string) => metaValue(record, key);
  // Without the plugin the shopper types the number into address_1 and the neighborhood into
  // address_2 [U]: Woo's core checkout has no such fields.
  const street = (address: { address_1: string; address_2: string }, prefix: string) =>
    noPlugin && address.address_1
      ? {
          address_1: `${address.address_1}, ${m(`_${prefix}_number`)}`,
          address_2: [address.address_2, m(`_${prefix}_neighborhood`)].filter(Boolean).join(" - "),
        }
      : {};
  const billing: Json = { ...record.billing, ...street(record.billing, "billing") };
  const shipping: Json = { ...record.shipping, ...street(record.shipping, "shipping") };
  if (withPlugin) {
    Object.assign(billing, {
      number: m("_billing_number"),
      neighborhood: m("_billing_neighborhood"),
      persontype: personType(m("_billing_persontype"), ctx.personType),
      cpf: stripDocument(m("_billing_cpf")),
      rg: stripDocument(m("_billing_rg")),
      cnpj: stripDocument(m("_billing_cnpj")),
      ie: stripDocument(m("_billing_ie")),
      birthdate: birthdate(m("_billing_birthdate")),
      gender: m("_billing_gender").slice(0, 1),
      cellphone: m("_billing_cellphone"),
    });
    Object.assign(shipping, { number: m("_shipping_number"), neighborhood: m("_shipping_neighborhood") });
  }
  const pluginKeys = new Set<string>(PLUGIN_META_KEYS);
  const meta = noPlugin ? record.meta.filter((e) => !pluginKeys.has(e.key)) : record.meta;
  const rateId = record.taxLine?.rateId;
  const taxes = (total: number, subtotal?: number) =>
    rateId === undefined
      ? []
      : [
          {
            id: rateId,
            total: money(total),
            ...(subtotal === undefined ? {} : { subtotal: money(subtotal) }),
          },
        ];
  const self = `${ctx.origin}/wp-json/wc/v3/orders/${record.id}`;
  return {
    id: record.id,
    parent_id: record.parentId,
    number: String(record.id),
    order_key: record.orderKey,
    created_via: record.createdVia,
    version: ctx.wcVersion,
    status: record.status,
    currency: record.currency,
    ...dates("date_created", record.created, ctx),
    ...dates("date_modified", record.modified, ctx),
    discount_total: money(t.discount),
    discount_tax: money(0),
    shipping_total: money(t.shipping),
    shipping_tax: money(t.shippingTax),
    cart_tax: money(t.cartTax),
    total: money(t.total),
    total_tax: money(t.totalTax),
    prices_include_tax: record.pricesIncludeTax,
    customer_id: record.customerId,
    customer_ip_address: record.customerIp,
    customer_user_agent: record.customerUserAgent,
    customer_note: record.customerNote,
    billing,
    shipping,
    payment_method: record.paymentMethod,
    payment_method_title: record.paymentMethodTitle,
    transaction_id: record.transactionId,
    ...dates("date_paid", record.paid, ctx),
    ...dates("date_completed", record.completed, ctx),
    cart_hash: record.cartHash,
    meta_data: metaList(meta),
    line_items: record.lines.map((l) => ({
      id: l.id,
      name: l.name,
      product_id: l.product_id,
      variation_id: l.variation_id,
      quantity: l.quantity,
      tax_class: "",
      subtotal: money(l.subtotal),
      subtotal_tax: money(l.subtotalTax),
      total: money(l.total),
      total_tax: money(l.tax),
      taxes: taxes(l.tax, l.subtotalTax),
      meta_data: metaList(l.meta),
      sku: l.sku,
      price: unitPrice(l.total, l.quantity),
    })),
    tax_lines: record.taxLine
      ? [
          {
            id: record.taxLine.id,
            rate_code: record.taxLine.rateCode,
            rate_id: record.taxLine.rateId,
            label: record.taxLine.label,
            compound: false,
            tax_total: money(t.cartTax),
            shipping_tax_total: money(t.shippingTax),
            meta_data: [],
          },
        ]
      : [],
    shipping_lines: record.shippingLines.map((s) => ({
      id: s.id,
      method_title: s.methodTitle,
      method_id: s.methodId,
      instance_id: s.instanceId,
      total: money(s.total),
      total_tax: money(s.tax),
      taxes: taxes(s.tax),
      meta_data: [],
    })),
    fee_lines: record.feeLines.map((f) => ({
      id: f.id,
      name: f.name,
      tax_class: "",
      tax_status: "none",
      amount: money(f.total),
      total: money(f.total),
      total_tax: money(0),
      taxes: [],
      meta_data: [],
    })),
    coupon_lines: record.couponLines.map((c) => ({
      id: c.id,
      code: c.code,
      discount: money(c.discount),
      discount_tax: money(0),
      meta_data: [],
    })),
    refunds: record.refunds.map((r) => ({ id: r.id, reason: r.reason, total: money(r.total) })),
    _links: {
      self: [{ href: self }],
      collection: [{ href: `${ctx.origin}/wp-json/wc/v3/orders` }],
      ...(record.customerId
        ? { customer: [{ href: `${ctx.origin}/wp-json/wc/v3/customers/${record.customerId}` }] }
        : {}),
    },
  };
}
