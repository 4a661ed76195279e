// Runs the job queue's workers in this process. Besides graphile-worker itself it keeps a
// heartbeat per worker id and, every few seconds, releases jobs locked by workers whose
// heartbeat stopped (a process killed with -9), so they run again within ~30 s instead
// of graphile-worker's 4-hour lock expiry.
import { EventEmitter } from "node:events";
import { type Runner, run, type Task, type WorkerEvents } from "graphile-worker";
import type { Db } from "../db/db.ts";
import type { Logger } from "../logger.ts";
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
  concurrency: number;
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
  const events: WorkerEvents = new EventEmitter() as WorkerEvents;
  events.on("pool:create", ({ workerPool }) => ids.add(workerPool.id));
  events.on("worker:create", ({ worker }) => ids.add(worker.workerId));

  const taskList: Record<string, Task> = {};
  for (const [name, handler] of Object.entries(options.tasks)) {
    taskList[name] = async (payload, helpers) => {
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

  const runner: Runner = await run({
    pgPool: db.pool,
    taskList,
    concurrency: options.concurrency,
    noHandleSignals: true,
    pollInterval: 1_000,
    logger: queueLogger(logger),
    events,
    preset: {
      worker: {
        localQueue: { size: Math.max(2, options.concurrency * 2) },
        completeJobBatchDelay: 0,
        failJobBatchDelay: 0,
      },
    },
  });
  tick();
  const timer = setInterval(tick, HEARTBEAT_MS);
  timer.unref();
  const dispatcher = startInboxDispatcher(db, logger);
  logger.info({ concurrency: options.concurrency, tasks: Object.keys(taskList) }, "worker started");

  return {
    async stop() {
      clearInterval(timer);
      dispatcher.stop();
      await runner.stop();
      await db
        .query("delete from worker_heartbeats where worker_id = any($1::text[])", [[...ids]])
        .catch(() => undefined);
      logger.info("worker stopped");
    },
  };
}
