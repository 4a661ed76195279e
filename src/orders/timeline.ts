// The order's timeline (Histórico / Notificações): one row per thing that happened to it, in
// pt-BR, written in the transaction of the change it records. The sync writes its own entries
// in bulk (sync/sync-writes.ts); everything else writes one here.
import type { Queryable } from "../db/db.ts";

/** The order an entry belongs to: its sales order and the store order it came from. */
export interface TimelineOrder {
  orgId: number;
  id: number;
  storeOrderId: number | null;
}

/** An entry for an order the caller has read (a back-office action, a push). `actor` defaults to "system". */
export async function insertOrderEvent(
  tx: Queryable,
  order: TimelineOrder,
  kind: string,
  message: string,
  data: Record<string, unknown>,
  actor = "system",
): Promise<{ id: number; createdAt: Date }> {
  const { rows } = await tx.query<{ id: number; created_at: Date }>(
    `insert into order_events (org_id, sales_order_id, store_order_id, kind, message, data, actor)
     values ($1, $2, $3, $4, $5, $6, $7) returning id, created_at`,
    [order.orgId, order.id, order.storeOrderId, kind, message, JSON.stringify(data), actor],
  );
  return { id: rows[0]!.id, createdAt: rows[0]!.created_at };
}

/** An entry for a sales order known by id only (a job's outcome): its store order is looked up. */
export async function insertSalesOrderEvent(
  q: Queryable,
  at: { orgId: number; salesOrderId: number },
  kind: string,
  message: string,
  data: Record<string, unknown>,
  actor = "system",
): Promise<void> {
  await q.query(
    `insert into order_events (org_id, sales_order_id, store_order_id, kind, message, data, actor)
     select $1, $2, s.store_order_id, $3, $4, $5, $6 from sales_orders s where s.id = $2`,
    [at.orgId, at.salesOrderId, kind, message, JSON.stringify(data), actor],
  );
}
