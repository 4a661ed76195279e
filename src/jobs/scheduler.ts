// The scheduler (agendador): every few seconds, stores whose import is due get an import
// job. Row locks (SKIP LOCKED) and the job key make it safe with any number of workers.
import type { Db } from "../db/db.ts";
import type { Logger } from "../logger.ts";
import { enqueue } from "./queue.ts";

export const TICK_MS = 5_000;

export async function scheduleDueImports(db: Db): Promise<number[]> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: number }>(
      `update stores s set next_import_at = now() + make_interval(mins => s.import_interval_minutes)
        where s.id in (select id from stores
                        where import_enabled and connection_state = 'ok'
                          and coalesce(next_import_at, '-infinity') <= now()
                        for update skip locked)
        returning s.id`,
    );
    for (const { id } of rows)
      await enqueue(tx, "import-orders", { storeId: id }, { jobKey: `import:${id}` });
    return rows.map((r) => r.id);
  });
}

export function startScheduler(db: Db, logger: Logger): { stop(): void } {
  const tick = () =>
    scheduleDueImports(db).then(
      (ids) => ids.length > 0 && logger.debug({ stores: ids }, "imports scheduled"),
      (error) => logger.warn({ err: error }, "scheduler tick failed"),
    );
  void tick();
  const timer = setInterval(tick, TICK_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
