// Sales orders (pedidos de venda) as the back office reads them: header, items, timeline.
import type { Queryable } from "../db/db.ts";
import { PonteError } from "../errors.ts";

export interface SalesOrderDetail {
  id: number;
  number: number;
  originStoreId: number | null;
  storeOrderId: number | null;
  storeOrderNumber: string | null;
  customerId: number | null;
  status: string;
  canonicalStatus: string;
  statusVersion: number;
  paymentType: string | null;
  paymentMethod: string | null;
  installments: number;
  carrier: string | null;
  shippingType: string | null;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  totalCents: number;
  customerSnapshot: Record<string, unknown>;
  deliveryAddress: Record<string, unknown> | null;
  flags: unknown[];
  deletedAt: string | null;
  createdAt: string;
  items: {
    position: number;
    productId: number | null;
    sku: string | null;
    name: string;
    variant: string | null;
    quantity: number;
    unitPriceCents: number;
    totalCents: number;
  }[];
  events: { id: number; kind: string; message: string; data: unknown; actor: string; createdAt: string }[];
}

const notFound = (id: number) => new PonteError("not_found", `sales order ${id} not found`, { status: 404 });

export async function getSalesOrder(q: Queryable, id: number): Promise<SalesOrderDetail> {
  const { rows } = await q.query<Omit<SalesOrderDetail, "items" | "events">>(
    `select id, number, origin_store_id as "originStoreId", store_order_id as "storeOrderId",
            store_order_number as "storeOrderNumber", customer_id as "customerId", status,
            canonical_status as "canonicalStatus", status_version as "statusVersion", payment_type as "paymentType",
            payment_method as "paymentMethod", installments, carrier, shipping_type as "shippingType",
            subtotal_cents as "subtotalCents", discount_cents as "discountCents", shipping_cents as "shippingCents",
            total_cents as "totalCents", customer_snapshot as "customerSnapshot", delivery_address as "deliveryAddress",
            flags, deleted_at as "deletedAt", created_at as "createdAt"
       from sales_orders where id = $1`,
    [id],
  );
  const header = rows[0];
  if (!header) throw notFound(id);
  const items = await q.query<SalesOrderDetail["items"][number]>(
    `select position, product_id as "productId", sku, name, variant, quantity, unit_price_cents as "unitPriceCents",
            total_cents as "totalCents"
       from sales_order_items where sales_order_id = $1 order by position`,
    [id],
  );
  // The timeline: this sales order's events and those of its store order before it existed.
  const events = await q.query<SalesOrderDetail["events"][number]>(
    `select id, kind, message, data, actor, created_at as "createdAt" from order_events
      where sales_order_id = $1 or (sales_order_id is null and store_order_id = $2)
      order by created_at, id`,
    [id, header.storeOrderId],
  );
  return { ...header, items: items.rows, events: events.rows };
}

/** Excluded in the back office: kept (soft delete) so its history stays, and the panel may unlink it. */
export async function deleteSalesOrder(
  q: Queryable,
  orgId: number,
  id: number,
  actor: string,
): Promise<void> {
  const { rows } = await q.query<{ number: number; store_order_id: number | null }>(
    `update sales_orders set deleted_at = now(), updated_at = now()
      where id = $1 and org_id = $2 and deleted_at is null returning number, store_order_id`,
    [id, orgId],
  );
  if (!rows[0]) throw notFound(id);
  await q.query(
    `insert into order_events (org_id, sales_order_id, store_order_id, kind, message, actor)
     values ($1, $2, $3, 'sales_order_deleted', $4, $5)`,
    [orgId, id, rows[0].store_order_id, `Pedido de venda ${rows[0].number} excluído`, actor],
  );
}
