// An order the platform no longer has (it answered 404 to the status refresh, a webhook's
// re-read or Atualizar): its row is marked and its timeline says so, once; the status refresh
// leaves it alone. If the platform shows it again (a restore), the mark goes, also in the timeline.
import type { Queryable } from "../db/db.ts";

export const GONE_MESSAGE = "Pedido não existe mais na loja";
export const BACK_MESSAGE = "Pedido voltou a existir na loja";

export async function markGone(
  tx: Queryable,
  store: { id: number; orgId: number },
  externalIds: readonly string[],
): Promise<number> {
  if (externalIds.length === 0) return 0;
  const { rowCount } = await tx.query(
    `with gone as (
       update store_orders set gone_at = now(), updated_at = now()
        where store_id = $1 and external_id = any($2::text[]) and gone_at is null
        returning id)
     insert into order_events (org_id, sales_order_id, store_order_id, kind, message)
     select $3, l.sales_order_id, g.id, 'order_gone', $4
       from gone g left join order_links l on l.store_order_id = g.id`,
    [store.id, externalIds, store.orgId, GONE_MESSAGE],
  );
  return rowCount;
}

/** The platform answered for these orders again (they were marked gone). */
export async function clearGone(
  tx: Queryable,
  orgId: number,
  storeOrderIds: readonly number[],
): Promise<void> {
  if (storeOrderIds.length === 0) return;
  await tx.query(
    `with back as (
       update store_orders set gone_at = null, updated_at = now()
        where id = any($1::bigint[]) and gone_at is not null
        returning id)
     insert into order_events (org_id, sales_order_id, store_order_id, kind, message)
     select $2, l.sales_order_id, b.id, 'order_back', $3
       from back b left join order_links l on l.store_order_id = b.id`,
    [storeOrderIds, orgId, BACK_MESSAGE],
  );
}
