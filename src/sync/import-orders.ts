// The scheduled import (docs/REQUIREMENTS.md#seed-002 "Importar Pedido"): orders changed since the store's
// cursor minus an overlap window, page by page. Each page is stored and synced to sales
// orders in one transaction that also records the position of the next page (the platform's
// page token, kept as it came), so an import killed mid-way resumes from the last committed
// page and never syncs an order twice.
import type { AppContext } from "../context.ts";
import type { OrderPage } from "../platforms/connector.ts";
import { platformErrorKind } from "../platforms/platform-errors.ts";
import { platformModule } from "../platforms/registry.ts";
import { openStore } from "../stores/stores.ts";
import { handleAccessError } from "./access.ts";
import { consumeFeed } from "./consume-feed.ts";
import { importSwitchOn } from "./import-switch.ts";
import { redecideWaiting } from "./redecide.ts";
import { storeAndSync } from "./store-and-sync.ts";

/** Webhooks and clocks disagree a little: re-read this much before the cursor. */
export const OVERLAP_MINUTES = 10;

/** stores.import_progress: where an interrupted import resumes. */
interface Progress {
  /** Orders changed since this instant (null: all); the same for every page of a run. */
  since: string | null;
  /** The platform's token for the next page, untouched (null: the first). */
  pageToken: string | null;
  /** Highest platform updated_at seen in this run: the next cursor. */
  maxUpdatedAt: string | null;
}

/**
 * The saved progress, or null to start a run. Progress saved before page tokens were opaque
 * ({updatedAtMin, page, nextUrl}) restarts from its updatedAtMin: the pages before it are read
 * again and stored once (their digests match), none is skipped.
 */
function savedProgress(saved: unknown): Progress | null {
  if (typeof saved !== "object" || saved === null) return null;
  const p = saved as Record<string, unknown>;
  const instant = (v: unknown) => (typeof v === "string" ? v : null);
  if ("pageToken" in p)
    return {
      since: instant(p.since),
      pageToken: instant(p.pageToken),
      maxUpdatedAt: instant(p.maxUpdatedAt),
    };
  return { since: instant(p.updatedAtMin), pageToken: null, maxUpdatedAt: instant(p.maxUpdatedAt) };
}

/** The later of two ISO instants (they compare as text), ignoring nulls. */
const later = (a: string | null, b: string | null) => (a === null ? b : b === null || a >= b ? a : b);

export interface ImportResult {
  pages: number;
  orders: number;
  changed: number;
  /** Sales orders created by this run. */
  created: number;
  /** Waiting orders decided again at the end of the run (sync/redecide.ts). */
  redecided: number;
  done: boolean;
}

export async function importOrders(
  ctx: AppContext,
  storeId: number,
  onPage?: (r: ImportResult) => void,
): Promise<ImportResult> {
  const { store, connector, importProgress } = await openStore(ctx, storeId);
  const result: ImportResult = { pages: 0, orders: 0, changed: 0, created: 0, redecided: 0, done: false };
  if (!store.importEnabled || store.connectionState !== "ok") return result;
  const module = platformModule(store.platform);
  if (module.capabilities.feed && connector.feed) {
    try {
      const queued = await consumeFeed(ctx.db, storeId, connector.feed);
      if (queued > 0) ctx.logger.info({ store: storeId, orders: queued }, "feed entries queued for sync");
    } catch (error) {
      if (await handleAccessError(ctx, store, error)) return result;
      throw error;
    }
  }

  let progress: Progress = savedProgress(importProgress) ?? {
    since: store.importCursor
      ? new Date(Date.parse(store.importCursor) - OVERLAP_MINUTES * 60_000).toISOString()
      : null,
    pageToken: null,
    maxUpdatedAt: store.importCursor,
  };

  // The next page is fetched while this one is written: the platform and the database work
  // in parallel. A prefetched page is only used after this one committed.
  const fetchPage = (pageToken: string | null) => {
    const pending = connector.listOrdersChangedSince(progress.since, pageToken);
    pending.catch(() => undefined); // awaited below; a write failure may abandon it
    return pending;
  };
  let pending = fetchPage(progress.pageToken);
  for (;;) {
    let page: OrderPage;
    try {
      page = await pending;
    } catch (error) {
      if (await handleAccessError(ctx, store, error)) return result;
      throw error;
    }
    if (page.nextPageToken !== null) pending = fetchPage(page.nextPageToken);
    const written = await ctx.db.transaction(async (tx) => {
      // Switched off mid-way: stop here; the progress stays for when it is on again.
      if (!(await importSwitchOn(tx, storeId))) return null;
      // The tables are read in each page's transaction: one saved during a long import applies at once.
      const { stored, outcomes, ...synced } = await storeAndSync(tx, store, module, page.orders);
      const maxUpdatedAt = later(progress.maxUpdatedAt, synced.maxUpdatedAt);
      const following: Progress | null =
        page.nextPageToken !== null
          ? { since: progress.since, pageToken: page.nextPageToken, maxUpdatedAt }
          : null;
      if (following) {
        await tx.query("update stores set import_progress = $2 where id = $1", [
          storeId,
          JSON.stringify(following),
        ]);
      } else {
        await tx.query(
          `update stores set import_progress = null, import_cursor = coalesce($2::timestamptz, import_cursor),
                  last_import_at = now(), last_import_attempt_at = now(), last_import_error = null,
                  last_contact_at = now(), last_contact_ok = true, last_contact_error = null,
                  contact_failing_since = null, updated_at = now() where id = $1`,
          [storeId, maxUpdatedAt],
        );
      }
      return { stored, created: outcomes.filter((o) => o.created).length, next: following };
    });
    if (written === null) return result;
    const { stored, created, next } = written;
    result.pages++;
    result.orders += stored.length;
    result.changed += stored.filter((s) => s.changed).length;
    result.created += created;
    onPage?.(result);
    if (!next) {
      result.done = true;
      // What waits for no platform change (freed by Mapeamento, held by the tables) goes now.
      result.redecided = (await redecideWaiting(ctx, storeId)).decided;
      ctx.logger.info({ store: storeId, ...result }, "import finished");
      return result;
    }
    progress = next;
  }
}

/**
 * An import that failed (its job retries): recorded for the store's health with its kind —
 * a platform error kind, or "internal" for a failure inside Ponte.
 */
export async function recordImportFailure(ctx: AppContext, storeId: number, error: unknown): Promise<void> {
  await ctx.db.query(
    "update stores set last_import_attempt_at = now(), last_import_error = $2 where id = $1",
    [storeId, platformErrorKind(error) ?? "internal"],
  );
}
