// Runs the job queue's workers in this process. Besides graphile-worker itself it keeps a
// heartbeat per worker id and, every few seconds, releases jobs locked by workers whose
// heartbeat stopped (a process killed with -9), so they run again within ~30 s instead
// of graphile-worker's 4-hour lock expiry. Two pools share the queue: bulk work (imports, status
// refreshes, re-decisions) has slots of its own, with a share per organisation, so it never
// holds the slots of webhooks and other interactive work (fairness.ts).
import { EventEmitter } from "node:events";
import { type Runner, type RunnerOptions, run, type Task, type WorkerEvents } from "graphile-worker";
import type { Db } from "../db/db.ts";
import type { Logger } from "../logger.ts";
import { BULK_TASKS, OrgShares } from "./fairness.ts";
import { startInboxDispatcher } from "./inbox-dispatcher.ts";
import { queueLogger } from "./queue-logger.ts";
import type { TaskList } from "./tasks.ts";

export const HEARTBEAT_MS = 5_000;
export const DEAD_AFTER_SECONDS = 30;

export interface WorkerHandle {
  stop(): Promise<void>;
}

export interface WorkerOptions {
  db: Db;
  logger: Logger;
  tasks: TaskList;
  /** Slots for interactive work: webhooks, retries, pushes, e-mails… */
  concurrency: number;
  /** Slots for bulk work (PONTE_WORKER_BULK_CONCURRENCY, default 2). */
  bulkConcurrency?: number;
  /** Of those, the most one organisation's bulk jobs hold (PONTE_WORKER_BULK_PER_ORG, default 1). */
  bulkPerOrg?: number;
  processName: string;
}

export async function releaseDeadWorkersJobs(db: Db, logger: Logger): Promise<number> {
  const { rows } = await db.query<{ locked_by: string }>(
    `select distinct j.locked_by from graphile_worker.jobs j
      where j.locked_by is not null
        and j.locked_at < now() - make_interval(secs => $1)
        and not exists (select 1 from worker_heartbeats h
                         where h.worker_id = j.locked_by and h.seen_at > now() - make_interval(secs => $1))`,
    [DEAD_AFTER_SECONDS],
  );
  const dead = rows.map((r) => r.locked_by);
  if (dead.length === 0) return 0;
  await db.query("select graphile_worker.force_unlock_workers($1::text[])", [dead]);
  await db.query("delete from worker_heartbeats where worker_id = any($1::text[])", [dead]);
  logger.warn({ workers: dead }, "released jobs held by workers that stopped without finishing them");
  return dead.length;
}

export async function startWorker(options: WorkerOptions): Promise<WorkerHandle> {
  const { db, logger } = options;
  const ids = new Set<string>();
  const eventsOf = () => {
    const events: WorkerEvents = new EventEmitter() as WorkerEvents;
    events.on("pool:create", ({ workerPool }) => ids.add(workerPool.id));
    events.on("worker:create", ({ worker }) => ids.add(worker.workerId));
    return events;
  };

  const bulk: Record<string, Task> = {};
  const interactive: Record<string, Task> = {};
  for (const [name, handler] of Object.entries(options.tasks)) {
    const pool = (BULK_TASKS as readonly string[]).includes(name) ? bulk : interactive;
    pool[name] = async (payload, helpers) => {
      await handler(payload, {
        id: helpers.job.id,
        attempts: helpers.job.attempts,
        maxAttempts: helpers.job.max_attempts,
        workerId: helpers.job.locked_by ?? "",
      });
    };
  }

  const beat = async () => {
    if (ids.size === 0) return;
    await db.query(
      `insert into worker_heartbeats (worker_id, process, seen_at)
       select unnest($1::text[]), $2, now()
       on conflict (worker_id) do update set seen_at = excluded.seen_at`,
      [[...ids], options.processName],
    );
  };
  const tick = () => {
    beat()
      .then(() => releaseDeadWorkersJobs(db, logger))
      .catch((error) => logger.warn({ err: error }, "worker heartbeat failed"));
  };

  const common: RunnerOptions = {
    pgPool: db.pool,
    noHandleSignals: true,
    pollInterval: 1_000,
    logger: queueLogger(logger),
  };
  const runners: Runner[] = [];
  if (Object.keys(interactive).length > 0) {
    runners.push(
      await run({
        ...common,
        taskList: interactive,
        concurrency: options.concurrency,
        events: eventsOf(),
        preset: {
          worker: {
            localQueue: { size: Math.max(2, options.concurrency * 2) },
            completeJobBatchDelay: 0,
            failJobBatchDelay: 0,
          },
        },
      }),
    );
  }
  if (Object.keys(bulk).length > 0) {
    // No local queue here: each fetch must see the organisations' shares as they are now.
    const shares = new OrgShares(options.bulkPerOrg ?? 1);
    const events = eventsOf();
    events.on("job:start", ({ job }) => shares.fetched(job.flags));
    events.on("worker:getJob:empty", () => shares.fetched());
    events.on("worker:getJob:error", () => shares.fetched());
    events.on("job:complete", ({ job }) => shares.finished(job.flags));
    runners.push(
      await run({
        ...common,
        taskList: bulk,
        concurrency: options.bulkConcurrency ?? 2,
        events,
        forbiddenFlags: shares.forbiddenFlags,
      }),
    );
  }
  tick();
  const timer = setInterval(tick, HEARTBEAT_MS);
  timer.unref();
  const dispatcher = startInboxDispatcher(db, logger);
  logger.info(
    {
      concurrency: options.concurrency,
      bulkConcurrency: options.bulkConcurrency ?? 2,
      tasks: Object.keys(options.tasks),
    },
    "worker started",
  );

  return {
    async stop() {
      clearInterval(timer);
      dispatcher.stop();
      await Promise.all(runners.map((r) => r.stop()));
      await db
        .query("delete from worker_heartbeats where worker_id = any($1::text[])", [[...ids]])
        .catch(() => undefined);
      logger.info("worker stopped");
    },
  };
}
