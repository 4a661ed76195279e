// The scheduled import (seed 002 "Importar Pedido"): orders changed since the store's
// cursor minus an overlap window, page by page. Each page commits with the position of the
// next one, so an import killed mid-way resumes from the last committed page.
import type { AppContext } from "../context.ts";
import type { ListCursor } from "../platforms/connector.ts";
import { platformModule } from "../platforms/registry.ts";
import { openStore } from "../stores/stores.ts";
import { handleAccessError } from "./access.ts";
import { upsertStoreOrders } from "./store-orders.ts";

/** Webhooks and clocks disagree a little: re-read this much before the cursor. */
export const OVERLAP_MINUTES = 10;

interface Progress extends ListCursor {
  /** Highest platform updated_at seen in this run: the next cursor. */
  maxUpdatedAt: string | null;
}

/** The later of two ISO instants (they compare as text), ignoring nulls. */
const later = (a: string | null, b: string | null) => (a === null ? b : b === null || a >= b ? a : b);

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
  const { store, connector, importProgress } = await openStore(ctx, storeId);
  const result: ImportResult = { pages: 0, orders: 0, changed: 0, done: false };
  if (!store.importEnabled || store.connectionState !== "ok") return result;
  const module = platformModule(store.platform);

  let progress: Progress = (importProgress as Progress | null) ?? {
    updatedAtMin: store.importCursor
      ? new Date(Date.parse(store.importCursor) - OVERLAP_MINUTES * 60_000).toISOString()
      : null,
    page: 1,
    nextUrl: null,
    maxUpdatedAt: store.importCursor,
  };

  for (;;) {
    let page: Awaited<ReturnType<typeof connector.listOrdersChangedSince>>;
    try {
      page = await connector.listOrdersChangedSince(progress);
    } catch (error) {
      if (await handleAccessError(ctx, store, error)) return result;
      throw error;
    }
    const { stored, next } = await ctx.db.transaction(async (tx) => {
      const written = await upsertStoreOrders(tx, store, module, page.orders);
      const maxUpdatedAt = later(progress.maxUpdatedAt, written.maxUpdatedAt);
      const following: Progress | null = page.next ? { ...page.next, maxUpdatedAt } : null;
      if (following) {
        await tx.query("update stores set import_progress = $2 where id = $1", [
          storeId,
          JSON.stringify(following),
        ]);
      } else {
        await tx.query(
          `update stores set import_progress = null, import_cursor = coalesce($2::timestamptz, import_cursor),
                  last_import_at = now(), updated_at = now() where id = $1`,
          [storeId, maxUpdatedAt],
        );
      }
      return { stored: written.stored, next: following };
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
