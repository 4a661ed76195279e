// Storing a batch of platform orders and syncing them, in the caller's transaction — an import
// page, a chunk of webhook work or one order. One order PostgreSQL refuses (a number past its
// column's range, a date it cannot hold…) must not take the batch down: the batch runs inside a
// savepoint; when a row is refused, each order goes again on its own, and an order refused
// again is stored as unreadable with the reason — in error on its own row, retried like any
// error — while the rest are stored and synced.
import type { Queryable } from "../db/db.ts";
import type { PlatformModule } from "../platforms/module.ts";
import { type SyncOptions, type SyncOutcome, type SyncStore, syncStoreOrders } from "./apply-sync.ts";
import { clearGone } from "./gone-orders.ts";
import { withoutRedacted } from "./redacted-orders.ts";
import { type StoredOrder, upsertStoreOrders } from "./store-orders.ts";
import { insertEvents } from "./sync-writes.ts";

export interface StoreAndSyncResult {
  stored: StoredOrder[];
  outcomes: SyncOutcome[];
  /** The newest platform updated_at among the orders (ISO), null when none had one. */
  maxUpdatedAt: string | null;
}

/** SQLSTATE classes of a value a row cannot hold: data exceptions, null and check violations. */
function refusedRow(error: unknown): string | null {
  const e = error as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === "string" ? e.code : "";
  if (!code.startsWith("22") && code !== "23502" && code !== "23514") return null;
  return `o banco de dados recusou um valor do pedido (${String(e?.message ?? code)})`;
}

async function once(
  tx: Queryable,
  store: SyncStore,
  module: PlatformModule,
  raws: readonly unknown[],
  options: SyncOptions,
  refused?: string,
): Promise<StoreAndSyncResult> {
  const written = await upsertStoreOrders(tx, store, module, raws, refused);
  const known = new Map(written.stored.flatMap((s) => (s.known ? [[s.id, s.known] as const] : [])));
  const outcomes = await syncStoreOrders(
    tx,
    store,
    written.stored.map((s) => s.id),
    { ...options, known },
  );
  await clearGone(
    tx,
    store.orgId,
    written.stored.filter((s) => s.wasGone).map((s) => s.id),
  );
  const actor = options.actor ?? "system";
  await insertEvents(
    tx,
    store.orgId,
    written.stored.flatMap((s) =>
      s.textCleaned
        ? [{ salesOrderId: null, storeOrderId: s.id, kind: "text_cleaned", message: s.textCleaned, actor }]
        : [],
    ),
  );
  return { stored: written.stored, outcomes, maxUpdatedAt: written.maxUpdatedAt };
}

/** Runs `work` inside a savepoint: a refused row rolls back only what it did, and says why. */
async function attempt<T>(
  tx: Queryable,
  work: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; why: string }> {
  await tx.query("savepoint store_and_sync");
  try {
    const value = await work();
    await tx.query("release savepoint store_and_sync");
    return { ok: true, value };
  } catch (error) {
    const why = refusedRow(error);
    if (why === null) throw error;
    await tx.query("rollback to savepoint store_and_sync");
    return { ok: false, why };
  }
}

export async function storeAndSync(
  tx: Queryable,
  store: SyncStore,
  module: PlatformModule,
  raws: readonly unknown[],
  options: SyncOptions = {},
): Promise<StoreAndSyncResult> {
  raws = await withoutRedacted(tx, store.id, module, raws);
  const whole = await attempt(tx, () => once(tx, store, module, raws, options));
  if (whole.ok) return whole.value;
  const result: StoreAndSyncResult = { stored: [], outcomes: [], maxUpdatedAt: null };
  for (const raw of raws) {
    const single = await attempt(tx, () => once(tx, store, module, [raw], options));
    const done = single.ok ? single.value : await once(tx, store, module, [raw], options, single.why);
    result.stored.push(...done.stored);
    result.outcomes.push(...done.outcomes);
    if (done.maxUpdatedAt && (!result.maxUpdatedAt || done.maxUpdatedAt > result.maxUpdatedAt))
      result.maxUpdatedAt = done.maxUpdatedAt;
  }
  return result;
}
