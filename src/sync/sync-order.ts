// Sync of one order. The webhook is only a hint: read the order as the platform has it now,
// store it when it changed, and bring its sales order in step — one transaction, with the
// store order row locked so the worker and a panel action never sync one order at once.
import type { AppContext } from "../context.ts";
import type { Queryable } from "../db/db.ts";
import { PonteError } from "../errors.ts";
import { enqueueMany } from "../jobs/queue.ts";
import { syncOrderJob } from "../jobs/specs.ts";
import { describePlatformProblem, platformErrorKind } from "../platforms/platform-errors.ts";
import { platformModule } from "../platforms/registry.ts";
import { type PanelCall, storeAccessRefused } from "../stores/panel-platform.ts";
import { getStore, openStore, type Store } from "../stores/stores.ts";
import { handleAccessError } from "./access.ts";
import { type SyncOptions, type SyncOutcome, syncStoreOrders } from "./apply-sync.ts";
import { markGone } from "./gone-orders.ts";
import { importOff, importSwitchOn, parkedWhileOff } from "./import-switch.ts";
import { storeAndSync } from "./store-and-sync.ts";

/**
 * Fetches the order from the platform and syncs it; null when the platform has no such order
 * (it is then marked gone) or the work waits for the import to be switched on.
 * A panel action passes its retry policy and deadline (`call`, see stores/panel-platform.ts).
 */
export async function syncOrder(
  ctx: AppContext,
  storeId: number,
  externalId: string,
  options: SyncOptions = {},
  call?: PanelCall,
): Promise<SyncOutcome | null> {
  const { store, connector } = await openStore(ctx, storeId, call?.retry, call?.deadline);
  // Off: nothing is asked of the platform; the work waits (a panel action is refused).
  const parked = (tx: Queryable) => parkedWhileOff(tx, storeId, [externalId], options.mode);
  if (!store.importEnabled && (await ctx.db.transaction(parked))) return null;
  if (store.connectionState !== "ok") {
    if (options.mode && options.mode !== "auto") throw storeAccessRefused(ctx, store);
    return null;
  }
  let raw: unknown;
  try {
    raw = await connector.getOrder(externalId);
  } catch (error) {
    if (await handleAccessError(ctx, store, error)) {
      if (options.mode && options.mode !== "auto")
        throw storeAccessRefused(ctx, await getStore(ctx.db, storeId));
      return null;
    }
    throw error;
  }
  return ctx.db.transaction(async (tx) => {
    if (await parked(tx)) return null;
    if (raw === null) {
      await markGone(tx, store, [externalId]);
      return null;
    }
    const { stored, outcomes } = await storeAndSync(
      tx,
      store,
      platformModule(store.platform),
      [raw],
      options,
    );
    if (!stored[0]) return null;
    await tx.query("update order_links set refreshed_at = now() where store_order_id = $1", [stored[0].id]);
    if (outcomes[0]) await options.onCommit?.(tx, outcomes[0]);
    return outcomes[0] ?? null;
  });
}

export interface BatchResult {
  outcomes: SyncOutcome[];
  /** Orders whose read failed (platform error or timeout): each retried on its own job. */
  failed: { externalId: string; error: unknown }[];
  /** Orders the platform no longer has (404): marked gone (unless the import went off: parked). */
  gone: string[];
  /** Orders left for when the import is switched on again (it went off during the run). */
  parked: string[];
}

/** Orders read from the platform at once per batch; the connector's rate limiter paces them. */
const READ_CONCURRENCY = 8;
/** Orders written per transaction. */
const WRITE_CHUNK = 200;

/**
 * Webhook work for many orders of one store at once: read them from the platform (in
 * parallel), then store and sync them set-based, as an import page does. A read that fails
 * does not hold the others back: that order gets its own retrying job.
 */
export async function syncOrders(
  ctx: AppContext,
  storeId: number,
  externalIds: readonly string[],
): Promise<BatchResult> {
  const result: BatchResult = { outcomes: [], failed: [], gone: [], parked: [] };
  const { store, connector } = await openStore(ctx, storeId);
  if (store.connectionState !== "ok") return result;
  const ids = [...new Set(externalIds)];
  const read: { externalId: string; raw: unknown }[] = [];
  let next = 0;
  let refused = false;
  const reader = async () => {
    while (next < ids.length && !refused) {
      const externalId = ids[next++]!;
      try {
        const raw = await connector.getOrder(externalId);
        if (raw === null) result.gone.push(externalId);
        else read.push({ externalId, raw });
      } catch (error) {
        if (await handleAccessError(ctx, store, error)) refused = true;
        else result.failed.push({ externalId, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, ids.length) }, reader));
  const module = platformModule(store.platform);
  const chunks: (typeof read)[] = [];
  for (let i = 0; i < read.length; i += WRITE_CHUNK) chunks.push(read.slice(i, i + WRITE_CHUNK));
  if (chunks.length === 0 && result.gone.length > 0) chunks.push([]);
  for (const [n, chunk] of chunks.entries()) {
    const outcomes = await ctx.db.transaction(async (tx) => {
      const left = [
        ...(n === 0 ? result.gone : []),
        ...chunks
          .slice(n)
          .flat()
          .map((r) => r.externalId),
      ];
      if (await parkedWhileOff(tx, storeId, left, "auto")) {
        result.parked = left;
        return null;
      }
      if (n === 0) await markGone(tx, store, result.gone);
      const { stored, outcomes } = await storeAndSync(
        tx,
        store,
        module,
        chunk.map((r) => r.raw),
      );
      await tx.query("update order_links set refreshed_at = now() where store_order_id = any($1::bigint[])", [
        stored.map((s) => s.id),
      ]);
      return outcomes;
    });
    if (outcomes === null) break;
    result.outcomes.push(...outcomes);
  }
  if (result.failed.length > 0) {
    await ctx.db.transaction((tx) =>
      enqueueMany(
        tx,
        result.failed.map(({ externalId }) =>
          syncOrderJob(storeId, externalId, { runAt: new Date(Date.now() + 10_000) }),
        ),
      ),
    );
    for (const { externalId, error } of result.failed)
      await recordSyncFailure(ctx, storeId, externalId, error);
  }
  return result;
}

/** Syncs the order as last received, without asking the platform (the panel's Criar). */
export async function syncStoredOrder(
  ctx: AppContext,
  store: Store,
  externalId: string,
  options: SyncOptions,
): Promise<SyncOutcome> {
  return ctx.db.transaction(async (tx) => {
    if (!(await importSwitchOn(tx, store.id))) throw importOff(store.id);
    const { rows } = await tx.query<{ id: number }>(
      "select id from store_orders where store_id = $1 and external_id = $2",
      [store.id, externalId],
    );
    if (!rows[0]) throw orderNotFound(store.id, externalId);
    const [outcome] = await syncStoreOrders(tx, store, [rows[0].id], options);
    await options.onCommit?.(tx, outcome!);
    return outcome!;
  });
}

/**
 * A sync that failed for a reason outside the order (platform down, timeout): the job retries
 * it; meanwhile an order that is not synced shows the error in the panel.
 */
export async function recordSyncFailure(
  ctx: AppContext,
  storeId: number,
  externalId: string,
  error: unknown,
): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  // The row shows pt-BR words by kind; the platform's text stays in last_error and the log.
  const kind = platformErrorKind(error);
  const { platform } = await getStore(ctx.db, storeId);
  let reason =
    "Falha ao sincronizar: erro interno do Ponte (o log tem o detalhe); o Ponte tenta de novo sozinho.";
  if (kind) {
    const { problem, advice } = describePlatformProblem(kind, platformModule(platform).label);
    reason = `Falha ao sincronizar: ${problem}. ${advice}`;
  }
  await ctx.db.query(
    `update order_links l set sync_state = 'error', reason_code = 'sync_failed',
            sync_reason = $3, attempts = l.attempts + 1, last_error = $4, updated_at = now()
       from store_orders s
      where s.id = l.store_order_id and s.store_id = $1 and s.external_id = $2 and l.sync_state <> 'synced'`,
    [storeId, externalId, reason, JSON.stringify({ code: "sync_failed", kind, message, at: new Date() })],
  );
}

export const orderNotFound = (storeId: number, externalId: string) =>
  new PonteError("not_found", `order ${externalId} of store ${storeId} not found`);
