// Status refresh (docs/REQUIREMENTS.md#seed-002 "Processar Pedido Aprovado"): linked orders whose sales order is
// not final are re-read from the platform, in case a webhook was lost. Each becomes a
// sync-order job under the order's key, so it coalesces with webhook work for that order;
// the oldest refreshed go first and a run is capped to stay inside the platform's rate limit.
// An order the platform no longer has (gone) is left out; nothing is refreshed while the import is off.
import type { AppContext } from "../context.ts";
import type { Queryable } from "../db/db.ts";
import { enqueueMany } from "../jobs/queue.ts";
import { syncOrderJob } from "../jobs/specs.ts";
import { importSwitchOn } from "./import-switch.ts";
import { redecideWaiting } from "./redecide.ts";

export const REFRESH_BATCH = 500;

export async function scheduleStatusRefresh(
  tx: Queryable,
  storeId: number,
  limit = REFRESH_BATCH,
): Promise<number> {
  if (!(await importSwitchOn(tx, storeId))) return 0;
  const { rows } = await tx.query<{ external_id: string }>(
    `select so.external_id
       from order_links l
       join store_orders so on so.id = l.store_order_id
       join sales_orders s on s.id = l.sales_order_id
      where l.store_id = $1 and s.deleted_at is null and s.canonical_status not in ('entregue', 'cancelado')
        and so.gone_at is null
      order by l.refreshed_at nulls first, l.id
      limit $2`,
    [storeId, limit],
  );
  await enqueueMany(
    tx,
    rows.map((r) => syncOrderJob(storeId, r.external_id, { priority: 10 })),
  );
  return rows.length;
}

/** The status-refresh job: queue the re-reads, then decide again what waits (sync/redecide.ts). */
export async function refreshStatuses(ctx: AppContext, storeId: number): Promise<void> {
  const queued = await ctx.db.transaction((tx) => scheduleStatusRefresh(tx, storeId));
  if (queued > 0) ctx.logger.info({ store: storeId, orders: queued }, "status refresh queued");
  await redecideWaiting(ctx, storeId);
}
