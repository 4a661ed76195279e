// The fields an audit row compares before and after a change: what a person would say changed
// (an order's status, its invoice, its customer; a store's settings), never a whole record.
import type { Queryable } from "../db/db.ts";
import type { Store } from "../stores/stores.ts";
import type { Fields } from "./record.ts";

/** A store's settings as Lojas shows them (its settings' own fields side by side). */
export function storeSnapshot(store: Store): Fields {
  return {
    name: store.name,
    importEnabled: store.importEnabled,
    importIntervalMinutes: store.importIntervalMinutes,
    apiBaseUrl: store.apiBaseUrl,
    connectionState: store.connectionState,
    ...store.settings,
  };
}

export interface OrderSnapshot extends Fields {
  number: number | null;
}

/** An order's workflow fields, its live invoice and its shipments' count. */
export async function orderSnapshot(q: Queryable, orderId: number): Promise<OrderSnapshot> {
  const { rows } = await q.query<OrderSnapshot>(
    `select s.number, s.status, s.canonical_status as "canonicalStatus",
            s.payment_confirmed_at is not null as "paymentConfirmed", s.customer_id as "customerId",
            s.delivered_at as "deliveredAt", s.deleted_at is not null as deleted,
            s.store_cancellation as "storeCancellation",
            (select i.kind || coalesce(' ' || i.number, '') || coalesce('/' || i.series, '') from invoices i
              where i.sales_order_id = s.id and i.status = 'approved' order by i.id desc limit 1) as invoice,
            (select count(*)::int from shipments sh where sh.sales_order_id = s.id) as shipments
       from sales_orders s where s.id = $1`,
    [orderId],
  );
  return rows[0] ?? { number: null };
}

/** A receivable's installment and what has been received on it. */
export async function receivableSnapshot(
  q: Queryable,
  receivableId: number,
): Promise<{ orderId: number | null; orderNumber: number | null; fields: Fields }> {
  const { rows } = await q.query<{
    order_id: number;
    number: number;
    installment: number;
    status: string;
    received_cents: number;
    credit_pending: boolean;
  }>(
    `select r.sales_order_id as order_id, s.number, r.installment, r.status, r.received_cents, r.credit_pending
       from receivables r join sales_orders s on s.id = r.sales_order_id where r.id = $1`,
    [receivableId],
  );
  const r = rows[0];
  if (!r) return { orderId: null, orderNumber: null, fields: {} };
  return {
    orderId: Number(r.order_id),
    orderNumber: Number(r.number),
    fields: {
      installment: r.installment,
      receivableStatus: r.status,
      receivedCents: r.received_cents,
      creditPending: r.credit_pending,
    },
  };
}

/** A product's counted stock. */
export async function productSnapshot(q: Queryable, orgId: number, sku: string): Promise<Fields> {
  const { rows } = await q.query<Fields>(
    `select stock_quantity as "stockQuantity", stock_counted_at is not null as counted
       from products where org_id = $1 and sku = $2`,
    [orgId, sku],
  );
  return rows[0] ?? {};
}

/** A customer's own fields (not their orders). */
export async function customerSnapshot(q: Queryable, customerId: number): Promise<Fields> {
  const { rows } = await q.query<Fields>(
    `select name, kind, document, email, phone, addresses, extra_fields as "extraFields"
       from customers where id = $1`,
    [customerId],
  );
  return rows[0] ?? {};
}
