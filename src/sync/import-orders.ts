// The scheduled import (seed 002 "Importar Pedido"): orders changed since the store's
// cursor minus an overlap window, page by page. Each page commits with the position of the
// next one, so an import killed mid-way resumes from the last committed page.
import type { AppContext } from "../context.ts";
import type { ListCursor } from "../platforms/connector.ts";
import { platformModule } from "../platforms/registry.ts";
import { getStore, openConnector } from "../stores/stores.ts";
import { handleAccessError } from "./access.ts";
import { upsertStoreOrders } from "./store-orders.ts";

/** Webhooks and clocks disagree a little: re-read this much before the cursor. */
export const OVERLAP_MINUTES = 10;

interface Progress extends ListCursor {
  /** Highest platform updated_at seen in this run: the next cursor. */
  maxUpdatedAt: string | null;
  startedAt: string;
}

export interface ImportResult {
  pages: number;
  orders: number;
  changed: number;
  done: boolean;
}

export async function importOrders(
  ctx: AppContext,
  storeId: number,
  onPage?: (r: ImportResult) => void,
): Promise<ImportResult> {
  const store = await getStore(ctx.db, storeId);
  const result: ImportResult = { pages: 0, orders: 0, changed: 0, done: false };
  if (!store.importEnabled || store.connectionState !== "ok") return result;
  const module = platformModule(store.platform);
  const connector = await openConnector(ctx, store);

  const saved = await ctx.db.query<{ import_progress: Progress | null }>(
    "select import_progress from stores where id = $1",
    [storeId],
  );
  let progress: Progress = saved.rows[0]?.import_progress ?? {
    updatedAtMin: store.importCursor
      ? new Date(Date.parse(store.importCursor) - OVERLAP_MINUTES * 60_000).toISOString()
      : null,
    page: 1,
    nextUrl: null,
    maxUpdatedAt: store.importCursor,
    startedAt: new Date().toISOString(),
  };

  for (;;) {
    let page: Awaited<ReturnType<typeof connector.listOrdersChangedSince>>;
    try {
      page = await connector.listOrdersChangedSince(progress);
    } catch (error) {
      if (await handleAccessError(ctx, store, error)) return result;
      throw error;
    }
    let maxUpdatedAt = progress.maxUpdatedAt;
    for (const raw of page.orders) {
      const u = (raw as { updated_at?: string }).updated_at;
      const t = u ? new Date(u.replace(/([+-]\d{2})(\d{2})$/, "$1:$2")).toISOString() : null;
      if (t && (!maxUpdatedAt || t > maxUpdatedAt)) maxUpdatedAt = t;
    }
    const next: Progress | null = page.next
      ? { ...page.next, maxUpdatedAt, startedAt: progress.startedAt }
      : null;
    const stored = await ctx.db.transaction(async (tx) => {
      const rows = await upsertStoreOrders(tx, store, module, page.orders);
      if (next) {
        await tx.query("update stores set import_progress = $2 where id = $1", [
          storeId,
          JSON.stringify(next),
        ]);
      } else {
        await tx.query(
          `update stores set import_progress = null, import_cursor = coalesce($2::timestamptz, import_cursor),
                  last_import_at = now(), updated_at = now() where id = $1`,
          [storeId, maxUpdatedAt],
        );
      }
      return rows;
    });
    result.pages++;
    result.orders += stored.length;
    result.changed += stored.filter((s) => s.changed).length;
    onPage?.(result);
    if (!next) {
      result.done = true;
      ctx.logger.info({ store: storeId, ...result }, "import finished");
      return result;
    }
    progress = next;
  }
}
