// The inbox dispatcher: webhook deliveries are committed as inbox rows only (one statement,
// so the platform gets its 200 fast); every few hundred milliseconds each worker turns the
// stores with pending rows into a sync-orders job, keyed per store so ticks coalesce. A tick
// that loses a race with a job being locked is simply repeated by the next one.
import type { Db } from "../db/db.ts";
import type { Logger } from "../logger.ts";
import { enqueueMany } from "./queue.ts";
import { syncInboxJob } from "./specs.ts";

export const DISPATCH_MS = 200;

export async function dispatchInbox(db: Db): Promise<number[]> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ store_id: number }>(
      // A store whose import is off keeps its notices pending: they are dispatched once it is on.
      `select distinct i.store_id from inbox i join stores s on s.id = i.store_id and s.import_enabled
        where i.processed_at is null and i.store_id is not null and i.external_id is not null`,
    );
    await enqueueMany(
      tx,
      rows.map((r) => syncInboxJob(r.store_id)),
    );
    return rows.map((r) => r.store_id);
  });
}

export function startInboxDispatcher(db: Db, logger: Logger): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    dispatchInbox(db)
      .catch((error) => logger.warn({ err: error }, "inbox dispatch failed"))
      .finally(() => {
        running = false;
      });
  }, DISPATCH_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
