// Deciding again what waits (issue 11, item 3). An import lists only orders the platform
// changed and the status refresh covers only linked orders, so without this an order freed by
// Mapeamento, or held by the DE-PARA tables, would wait forever. Each import and status refresh
// runs one pass, and a save of the status, payment or shipping table queues one at once (in its
// transaction). A pass decides again, from the stored order and through syncStoreOrders, the
// oldest waiting orders — at most REDECIDE_BATCH — and queues the next pass when more remain.
//
// Waiting, here: freed by Mapeamento (no link any more); held by the tables and decided before
// they last changed; held for an unknown SKU when the store now creates products, or when a
// product with one of its SKUs appeared since. A re-decided order leaves the set (its link is written
// now, after the tables' change), so passes always move forward.
import type { AppContext } from "../context.ts";
import type { Queryable } from "../db/db.ts";
import { enqueue } from "../jobs/queue.ts";
import { redecideJob } from "../jobs/specs.ts";
import { getStore } from "../stores/stores.ts";
import { syncStoreOrders } from "./apply-sync.ts";
import { importSwitchOn } from "./import-switch.ts";

export const REDECIDE_BATCH = 500;
/** Orders per transaction, as an import page. */
const WRITE_CHUNK = 200;
/** Holds a table change can lift (a deleted sales order waits for Mapeamento instead). */
const TABLE_REASONS = ["status_unmapped", "status_inactive", "status_not_creating", "unknown_sku"];

/** The store orders to decide again, oldest first; every branch reads its own partial index. */
export async function waitingOrders(q: Queryable, storeId: number, limit: number): Promise<number[]> {
  const { rows } = await q.query<{ id: number }>(
    // The store's values as scalar subqueries: the planner then bounds the index scans with them.
    `with waiting as (
       (select so.id, so.unlinked_at as since from store_orders so
         where so.store_id = $1 and so.unlinked_at is not null and so.gone_at is null
           and not exists (select 1 from order_links l where l.store_order_id = so.id)
         order by so.unlinked_at limit $2)
       union
       (select l.store_order_id, l.updated_at from order_links l
          join store_orders so on so.id = l.store_order_id and so.gone_at is null
         where l.store_id = $1 and l.sync_state = 'held' and l.reason_code = any($3::text[])
           and l.updated_at < (select mappings_changed_at from stores where id = $1)
         order by l.updated_at limit $2)
       union
       (select l.store_order_id, l.updated_at from order_links l
          join store_orders so on so.id = l.store_order_id and so.gone_at is null
         where l.store_id = $1 and l.sync_state = 'held' and l.reason_code = 'unknown_sku'
           and (select coalesce(settings->>'unknownSku', 'create') <> 'hold' from stores where id = $1)
         order by l.updated_at limit $2)
       union
       (select l.store_order_id, l.updated_at from order_links l
          join store_orders so on so.id = l.store_order_id and so.gone_at is null
         where l.store_id = $1 and l.sync_state = 'held' and l.reason_code = 'unknown_sku'
           and l.updated_at < (select max(p.created_at) from products p
                                where p.org_id = (select org_id from stores where id = $1))
           and exists (select 1 from jsonb_array_elements(so.normalized->'items') i
                         join products p on p.org_id = so.org_id and p.sku = i->>'sku'
                        where p.created_at > l.updated_at)
         order by l.updated_at limit $2))
     select id from waiting order by since, id limit $2`,
    [storeId, limit, TABLE_REASONS],
  );
  return rows.map((r) => Number(r.id));
}

export interface RedecideResult {
  decided: number;
  /** More orders wait than this pass took: the next pass is queued. */
  more: boolean;
}

export async function redecideWaiting(
  ctx: AppContext,
  storeId: number,
  options: { limit?: number } = {},
): Promise<RedecideResult> {
  const limit = options.limit ?? REDECIDE_BATCH;
  const store = await getStore(ctx.db, storeId);
  if (!store.importEnabled) return { decided: 0, more: false }; // switched on, the import runs a pass
  const ids = await waitingOrders(ctx.db, storeId, limit + 1);
  const batch = ids.slice(0, limit);
  let decided = 0;
  for (let i = 0; i < batch.length; i += WRITE_CHUNK) {
    const chunk = batch.slice(i, i + WRITE_CHUNK);
    const done = await ctx.db.transaction(async (tx) => {
      if (!(await importSwitchOn(tx, storeId))) return false;
      await syncStoreOrders(tx, store, chunk);
      await tx.query(
        "update store_orders set unlinked_at = null where id = any($1::bigint[]) and unlinked_at is not null",
        [chunk],
      );
      return true;
    });
    if (!done) return { decided, more: false };
    decided += chunk.length;
  }
  const more = ids.length > limit;
  if (more) {
    await ctx.db.transaction((tx) => enqueue(tx, redecideJob(storeId)));
  }
  if (decided > 0) ctx.logger.info({ store: storeId, decided, more }, "waiting orders decided again");
  return { decided, more };
}
