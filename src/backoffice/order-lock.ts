// Every back-office action on a sales order starts here: lock it the way the sync does (store
// order first, then the sales order), so actions on one order run one after the other and a
// concurrent sync cannot overwrite them with a stale read; then read what the lifecycle needs.
import type { Queryable } from "../db/db.ts";
import type { OrderFacts } from "../domain/lifecycle.ts";
import type { CanonicalStatus, SalesOrderStatus } from "../domain/order-status.ts";
import { PonteError } from "../errors.ts";

export interface LockedOrder {
  id: number;
  orgId: number;
  number: number;
  storeOrderId: number | null;
  originStoreId: number | null;
  storeOrderNumber: string | null;
  canonicalStatus: CanonicalStatus;
  status: SalesOrderStatus;
  paymentType: string | null;
  installments: number;
  totalCents: number;
  paymentConfirmedAt: Date | null;
  paymentConfirmedBy: string | null;
  facts: OrderFacts;
}

export const orderNotFound = (id: number) => new PonteError("not_found", `sales order ${id} not found`);

const deleted = (id: number) =>
  new PonteError("conflict", `sales order ${id} was deleted: the back office cannot change it`, {
    details: {
      reason: "Pedido de venda excluído: o status não pode mais mudar",
      reasonCode: "sales_order_deleted",
    },
  });

/**
 * Locks the sales order (and its store order) in the caller's transaction; refuses a deleted one,
 * unless `allowDeleted` (the estorno of an invoice left live on an order deleted before that was refused).
 */
export async function lockSalesOrder(
  tx: Queryable,
  salesOrderId: number,
  options: { allowDeleted?: boolean } = {},
): Promise<LockedOrder> {
  const head = await tx.query<{ store_order_id: number | null }>(
    "select store_order_id from sales_orders where id = $1",
    [salesOrderId],
  );
  if (!head.rows[0]) throw orderNotFound(salesOrderId);
  const storeOrderId = head.rows[0].store_order_id;
  if (storeOrderId !== null) {
    await tx.query("select 1 from store_orders where id = $1 for update", [storeOrderId]);
  }
  const { rows } = await tx.query<{
    org_id: number;
    number: number;
    origin_store_id: number | null;
    store_order_number: string | null;
    canonical_status: CanonicalStatus;
    status: SalesOrderStatus;
    payment_type: string | null;
    installments: number;
    total_cents: number;
    payment_confirmed_at: Date | null;
    payment_confirmed_by: string | null;
    deleted: boolean;
  }>(
    `select org_id, number, origin_store_id, store_order_number, canonical_status, status, payment_type,
            installments, total_cents, payment_confirmed_at, payment_confirmed_by,
            deleted_at is not null as deleted
       from sales_orders where id = $1 for update`,
    [salesOrderId],
  );
  const row = rows[0]!;
  if (row.deleted && !options.allowDeleted) throw deleted(salesOrderId);
  return {
    id: salesOrderId,
    orgId: row.org_id,
    number: row.number,
    storeOrderId,
    originStoreId: row.origin_store_id,
    storeOrderNumber: row.store_order_number,
    canonicalStatus: row.canonical_status,
    status: row.status,
    paymentType: row.payment_type,
    installments: row.installments,
    totalCents: row.total_cents,
    paymentConfirmedAt: row.payment_confirmed_at,
    paymentConfirmedBy: row.payment_confirmed_by,
    facts: await readFacts(tx, salesOrderId, row.payment_confirmed_at !== null),
  };
}

/**
 * What the order has for the lifecycle's data rules: a shipment, a live invoice, and whether the
 * buyer collects it at the store (Retirada na loja: the store order's normalized `shipping.pickup`,
 * which the sync keeps current), so Entregue needs no shipment.
 */
export async function readFacts(
  q: Queryable,
  salesOrderId: number,
  paymentConfirmed: boolean,
): Promise<OrderFacts> {
  const { rows } = await q.query<{ shipped: boolean; invoiced: boolean; pickup: boolean }>(
    `select exists (select 1 from shipments where sales_order_id = $1) as shipped,
            exists (select 1 from invoices where sales_order_id = $1 and status = 'approved') as invoiced,
            coalesce((select (so.normalized->'shipping'->>'pickup')::boolean
                        from sales_orders s join store_orders so on so.id = s.store_order_id
                       where s.id = $1), false) as pickup`,
    [salesOrderId],
  );
  const { shipped, invoiced, pickup } = rows[0]!;
  return { paymentConfirmed, shipped, invoiced, pickup };
}
