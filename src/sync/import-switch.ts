// "Importar pedidos" (docs/REQUIREMENTS.md#seed-002: the switch "ativa todo o processo"). Off, a store's webhook
// notices are still stored, but nothing syncs: the inbox dispatcher skips the store, imports,
// status refreshes and re-decisions do nothing, sync jobs park, pushes wait without spending an
// attempt, and the panel's actions answer 409 with the reason. On again, resumeStoreWork()
// queues the import and the refresh and brings back what waited, in the switch's transaction.
//
// Every transaction that syncs checks the switch under a shared advisory lock; flipping it takes
// the lock exclusively, so a flip waits for the syncs in flight, and a sync that parks its work
// commits before a switch-on looks for parked work.
import type { Queryable } from "../db/db.ts";
import { PonteError } from "../errors.ts";
import { enqueue, enqueueMany } from "../jobs/queue.ts";
import { importJob, pushJob, refreshJob, syncOrderJob, syncOrderKeyPattern } from "../jobs/specs.ts";

/** The advisory-lock namespace of the switch (the second key is the store id). */
const SWITCH_LOCK = 11_002;

/** A parked sync job sleeps this long at most; switching the import on wakes it at once. */
const PARKED_FOR_MS = 24 * 60 * 60_000;

export const IMPORT_OFF_REASON =
  "A importação desta loja está desligada: ligue “Importar pedidos desta loja” na página da loja para sincronizar.";

export const importOff = (storeId: number) =>
  new PonteError("conflict", `import of store ${storeId} is off`, {
    details: { reasonCode: "import_disabled", reason: IMPORT_OFF_REASON },
  });

/**
 * The lock's second key is an int4 and store ids are bigint: an id past int4 shares a key with a
 * smaller one (only more waiting), rather than failing the cast.
 */
const STORE_KEY = "($2::bigint % 2147483648)::int";

/** The switch as it is now, without holding it (a job deciding whether to start at all). */
export async function importEnabled(q: Queryable, storeId: number): Promise<boolean> {
  const { rows } = await q.query<{ on: boolean }>("select import_enabled as on from stores where id = $1", [
    storeId,
  ]);
  return rows[0]?.on === true;
}

/** Whether the store's import is on; the switch cannot flip until this transaction ends. */
export async function importSwitchOn(tx: Queryable, storeId: number): Promise<boolean> {
  await tx.query(`select pg_advisory_xact_lock_shared($1, ${STORE_KEY})`, [SWITCH_LOCK, storeId]);
  return importEnabled(tx, storeId);
}

/** Holds the switch for a change of it: waits for the syncs in flight. Returns its value before. */
export async function lockImportSwitch(tx: Queryable, storeId: number): Promise<boolean> {
  await tx.query(`select pg_advisory_xact_lock($1, ${STORE_KEY})`, [SWITCH_LOCK, storeId]);
  return importEnabled(tx, storeId);
}

/** Sync work that found the import off waits as parked sync-order jobs (one per order, keyed). */
export async function parkSyncOrders(
  tx: Queryable,
  storeId: number,
  externalIds: readonly string[],
): Promise<void> {
  const runAt = new Date(Date.now() + PARKED_FOR_MS);
  await enqueueMany(
    tx,
    [...new Set(externalIds)].map((externalId) => syncOrderJob(storeId, externalId, { runAt, parked: true })),
  );
}

/**
 * Parks the orders when the import is off (true), or says to go on (false). A panel action
 * (mode create/update) is refused instead of parked.
 */
export async function parkedWhileOff(
  tx: Queryable,
  storeId: number,
  externalIds: readonly string[],
  mode: string | undefined,
): Promise<boolean> {
  if (await importSwitchOn(tx, storeId)) return false;
  if (mode && mode !== "auto") throw importOff(storeId);
  await parkSyncOrders(tx, storeId, externalIds);
  return true;
}

/** The switch came back on: the import, the refresh, parked syncs and waiting pushes go now. */
export async function resumeStoreWork(
  tx: Queryable,
  storeId: number,
  importMaxAttempts?: number,
): Promise<void> {
  await enqueue(tx, importJob(storeId, importMaxAttempts));
  await enqueue(tx, refreshJob(storeId));
  await tx.query(
    `select count(*) from graphile_worker.reschedule_jobs(array(
       select j.id from graphile_worker._private_jobs j
         join graphile_worker._private_tasks t on t.id = j.task_id
        where t.identifier = 'sync-order' and j.key like $1 and j.locked_at is null
          and (j.payload->>'parked')::boolean), run_at => now())`,
    [syncOrderKeyPattern(storeId)],
  );
  const { rows } = await tx.query<{ id: number; due: Date }>(
    `select id, greatest(coalesce(next_attempt_at, now()), now()) as due from outbox
      where store_id = $1 and status = 'pending' and channel <> 'email'`,
    [storeId],
  );
  await enqueueMany(
    tx,
    rows.map((r) => pushJob(storeId, Number(r.id), r.due)),
  );
}
