// The scheduler (agendador): every few seconds, stores whose import or status refresh is due
// get that job (docs/REQUIREMENTS.md#seed-002: both on the store's interval). Row locks (SKIP LOCKED) and job keys
// make it safe with any number of workers; the database clock decides what is due.
import type { Db, Queryable } from "../db/db.ts";
import type { Logger } from "../logger.ts";
import { enqueue } from "./queue.ts";
import { importJob, refreshJob, registerWebhooksJob } from "./specs.ts";

export const TICK_MS = 5_000;

/**
 * How old a store's last webhook check may get before its scheduled import checks again: a
 * platform may turn webhooks off by itself after failed deliveries (Ponte down a while) and
 * never back on, and no person may click Testar conexão.
 */
export const WEBHOOK_RECHECK_MINUTES = 60;

/** Of the stores whose import was just scheduled, those whose registered webhooks are due a check. */
async function webhooksDue(tx: Queryable, storeIds: number[]): Promise<number[]> {
  if (storeIds.length === 0) return [];
  // webhooks_state is only ever set for platforms that manage webhooks (webhook-target.ts).
  const { rows } = await tx.query<{ id: number }>(
    `select id from stores
      where id = any($1::bigint[]) and webhooks_state in ('registered', 'failed')
        and coalesce(webhooks_checked_at, '-infinity') < now() - make_interval(mins => $2)`,
    [storeIds, WEBHOOK_RECHECK_MINUTES],
  );
  return rows.map((r) => r.id);
}

async function due(tx: Queryable, column: "next_import_at" | "next_refresh_at"): Promise<number[]> {
  const { rows } = await tx.query<{ id: number }>(
    `update stores s set ${column} = now() + make_interval(mins => s.import_interval_minutes)
      where s.id in (select id from stores
                      where import_enabled and connection_state = 'ok'
                        and coalesce(${column}, '-infinity') <= now()
                      for update skip locked)
      returning s.id`,
  );
  return rows.map((r) => r.id);
}

export interface SchedulerOptions {
  /** PONTE_IMPORT_MAX_ATTEMPTS. */
  importMaxAttempts?: number;
}

export async function scheduleDueWork(
  db: Db,
  options: SchedulerOptions = {},
): Promise<{ imports: number[]; refreshes: number[] }> {
  return db.transaction(async (tx) => {
    const imports = await due(tx, "next_import_at");
    for (const id of imports) {
      await enqueue(tx, importJob(id, options.importMaxAttempts));
    }
    for (const id of await webhooksDue(tx, imports)) await enqueue(tx, registerWebhooksJob(id));
    const refreshes = await due(tx, "next_refresh_at");
    for (const id of refreshes) await enqueue(tx, refreshJob(id));
    return { imports, refreshes };
  });
}

export function startScheduler(db: Db, logger: Logger, options: SchedulerOptions = {}): { stop(): void } {
  const tick = () =>
    scheduleDueWork(db, options).then(
      (work) =>
        (work.imports.length > 0 || work.refreshes.length > 0) && logger.debug(work, "store work scheduled"),
      (error) => logger.warn({ err: error }, "scheduler tick failed"),
    );
  void tick();
  const timer = setInterval(tick, TICK_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
