// The simulator's stored order: the fields of the REST order (_orders.md "Order properties") with
// money in integer cents and dates in epoch ms, turned into WooCommerce's strings by render.ts.
// Meta, including the Brazilian Market plugin's (_billing_cpf…), is one list, as WC_Data keeps it.

export interface MetaEntry {
  id: number;
  key: string;
  value: unknown;
}

export interface NoteRecord {
  id: number;
  author: string;
  created: number;
  note: string;
  customer_note: boolean;
}

export interface Address {
  first_name: string;
  last_name: string;
  company: string;
  address_1: string;
  address_2: string;
  city: string;
  state: string;
  postcode: string;
  country: string;
}

export interface LineRecord {
  id: number;
  name: string;
  product_id: number;
  variation_id: number;
  quantity: number;
  sku: string;
  /** Before discounts. */
  subtotal: number;
  /** After discounts. */
  total: number;
  /** Tax on the line total (0 on most Brazilian stores, whose prices include taxes). */
  tax: number;
  subtotalTax: number;
  meta: MetaEntry[];
}

export interface OrderRecord {
  id: number;
  parentId: number;
  orderKey: string;
  createdVia: string;
  status: string;
  currency: string;
  created: number;
  modified: number;
  paid: number | null;
  completed: number | null;
  pricesIncludeTax: boolean;
  customerId: number;
  customerIp: string;
  customerUserAgent: string;
  customerNote: string;
  billing: Address & { email: string; phone: string };
  shipping: Address;
  paymentMethod: string;
  paymentMethodTitle: string;
  transactionId: string;
  cartHash: string;
  meta: MetaEntry[];
  lines: LineRecord[];
  shippingLines: {
    id: number;
    methodId: string;
    methodTitle: string;
    instanceId: string;
    total: number;
    tax: number;
  }[];
  /** Fees may be negative (a Pix discount added as a fee). */
  feeLines: { id: number; name: string; total: number }[];
  couponLines: { id: number; code: string; discount: number }[];
  /** Set when taxes apply: one rate for the whole order. */
  taxLine: { id: number; rateId: number; rateCode: string; label: string } | null;
  refunds: { id: number; reason: string; total: number }[];
  notes: NoteRecord[];
}

/** The plugin's order meta keys (shared platform notes §2.3; plugin's REST class). */
export const PLUGIN_META_KEYS = [
  "_billing_persontype",
  "_billing_cpf",
  "_billing_rg",
  "_billing_cnpj",
  "_billing_ie",
  "_billing_birthdate",
  "_billing_gender",
  "_billing_cellphone",
  "_billing_number",
  "_billing_neighborhood",
  "_shipping_number",
  "_shipping_neighborhood",
] as const;

export function metaValue(record: { meta: MetaEntry[] }, key: string): string {
  const entry = record.meta.find((m) => m.key === key);
  return entry === undefined || entry.value === null || entry.value === undefined ? "" : String(entry.value);
}

/** Order totals in cents: what `total` must add up to. */
export function totalsOf(record: OrderRecord) {
  const lineTotal = record.lines.reduce((s, l) => s + l.total, 0);
  const lineSubtotal = record.lines.reduce((s, l) => s + l.subtotal, 0);
  const cartTax = record.lines.reduce((s, l) => s + l.tax, 0);
  const shipping = record.shippingLines.reduce((s, l) => s + l.total, 0);
  const shippingTax = record.shippingLines.reduce((s, l) => s + l.tax, 0);
  const fees = record.feeLines.reduce((s, l) => s + l.total, 0);
  const totalTax = cartTax + shippingTax;
  return {
    discount: lineSubtotal - lineTotal,
    cartTax,
    shipping,
    shippingTax,
    totalTax,
    total: lineTotal + shipping + fees + totalTax,
  };
}
