// Reads what a customer e-mail says about one sales order: the template variables (amounts
// formatted, CPF/CNPJ masked, the latest shipment and the live invoice) and the recipient.
import type { Queryable } from "../db/db.ts";
import { formatBusinessDate } from "../domain/business-date.ts";
import { maskDocument } from "../domain/document.ts";
import { formatBRL } from "../domain/money.ts";
import { CANONICAL_LABELS, type CanonicalStatus } from "../domain/order-status.ts";
import { PonteError } from "../errors.ts";
import type { EmailVariables } from "./variables.ts";

export interface EmailOrder {
  salesOrderId: number;
  orgId: number;
  storeId: number | null;
  /** The customer's address; null when the order has none usable. */
  to: string | null;
  variables: EmailVariables;
}

interface OrderRow {
  org_id: number;
  number: number;
  origin_store_id: number | null;
  store_order_number: string | null;
  ordered_at: Date;
  subtotal_cents: number;
  discount_cents: number;
  shipping_cents: number;
  total_cents: number;
  customer_snapshot: { name?: unknown; email?: unknown; document?: unknown };
  store_name: string | null;
  org_name: string;
  customer_name: string | null;
  customer_email: string | null;
  customer_document: string | null;
}

// One mailbox, no display name, no list: anything else is not an address we send to.
const MAILBOX = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]+$/;

const text = (value: unknown): string | null =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : null;

export function usableAddress(value: unknown): string | null {
  const address = text(value);
  return address && address.length <= 254 && MAILBOX.test(address) ? address : null;
}

/** Only web links go in an e-mail's href. */
const webUrl = (value: string | null) => (value && /^https?:\/\//i.test(value) ? value : null);

export async function loadEmailOrder(
  q: Queryable,
  salesOrderId: number,
  status: CanonicalStatus,
  message: string | null,
): Promise<EmailOrder> {
  const { rows } = await q.query<OrderRow>(
    `select s.org_id, s.number, s.origin_store_id, s.store_order_number, s.ordered_at, s.subtotal_cents,
            s.discount_cents, s.shipping_cents, s.total_cents, s.customer_snapshot, st.name as store_name,
            o.name as org_name, c.name as customer_name, c.email as customer_email, c.document as customer_document
       from sales_orders s
       join organizations o on o.id = s.org_id
       left join stores st on st.id = s.origin_store_id
       left join customers c on c.id = s.customer_id
      where s.id = $1`,
    [salesOrderId],
  );
  const order = rows[0];
  if (!order) throw new PonteError("not_found", `sales order ${salesOrderId} not found`);
  const items = await q.query<{
    name: string;
    variant: string | null;
    sku: string | null;
    quantity: number;
    unit_price_cents: number;
    total_cents: number;
  }>(
    `select name, variant, sku, quantity, unit_price_cents, total_cents
       from sales_order_items where sales_order_id = $1 order by position`,
    [salesOrderId],
  );
  const shipment = await q.query<{
    carrier: string;
    tracking_code: string | null;
    tracking_url: string | null;
  }>(
    `select carrier, tracking_code, tracking_url from shipments
      where sales_order_id = $1 order by shipped_at desc, id desc limit 1`,
    [salesOrderId],
  );
  const invoice = await q.query<{
    kind: "nfe" | "simple";
    access_key: string | null;
    number: string | null;
    series: string | null;
  }>(
    `select kind, access_key, number, series from invoices
      where sales_order_id = $1 and status = 'approved' order by id desc limit 1`,
    [salesOrderId],
  );
  const snapshot = order.customer_snapshot ?? {};
  const document = text(snapshot.document) ?? text(order.customer_document);
  const ship = shipment.rows[0];
  const inv = invoice.rows[0];
  return {
    salesOrderId,
    orgId: order.org_id,
    storeId: order.origin_store_id,
    to: usableAddress(snapshot.email) ?? usableAddress(order.customer_email),
    variables: {
      store: { name: order.store_name ?? order.org_name },
      order: {
        number: String(order.number),
        store_number: order.store_order_number,
        status: CANONICAL_LABELS[status],
        status_code: status,
        // The day the customer ordered, not the day Ponte imported it.
        date: formatBusinessDate(order.ordered_at),
        items: items.rows.map((i) => ({
          name: i.name,
          variant: i.variant,
          sku: i.sku,
          quantity: i.quantity,
          unit_price: formatBRL(i.unit_price_cents),
          total: formatBRL(i.total_cents),
        })),
        subtotal: formatBRL(order.subtotal_cents),
        discount: formatBRL(order.discount_cents),
        shipping: formatBRL(order.shipping_cents),
        total: formatBRL(order.total_cents),
        subtotal_cents: order.subtotal_cents,
        discount_cents: order.discount_cents,
        shipping_cents: order.shipping_cents,
        total_cents: order.total_cents,
      },
      customer: {
        name: text(snapshot.name) ?? text(order.customer_name) ?? "",
        email: usableAddress(snapshot.email) ?? usableAddress(order.customer_email),
        document: document ? maskDocument(document) : null,
      },
      shipment: ship
        ? {
            carrier: ship.carrier,
            tracking_code: ship.tracking_code,
            tracking_url: webUrl(ship.tracking_url),
          }
        : null,
      invoice: inv ? { kind: inv.kind, key: inv.access_key, number: inv.number, series: inv.series } : null,
      message,
    },
  };
}
