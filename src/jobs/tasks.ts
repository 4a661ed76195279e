// The task list: one entry per job name. Handlers get their dependencies here, explicitly,
// and must be idempotent: the queue delivers at least once.
import type { Db } from "../db/db.ts";
import type { Logger } from "../logger.ts";

export interface TaskContext {
  db: Db;
  logger: Logger;
}

export interface JobInfo {
  id: string;
  attempts: number;
  maxAttempts: number;
  workerId: string;
}

export type TaskHandler = (payload: unknown, job: JobInfo) => Promise<void>;
export type TaskList = Record<string, TaskHandler>;

type TaskFactory = (context: TaskContext) => TaskHandler;

const factories: Record<string, TaskFactory> = {
  selftest: (context) => async (payload, job) => {
    const { runId, seq } = payload as { runId: string; seq: number };
    await context.db.query("insert into selftest_runs (run_id, seq, worker) values ($1, $2, $3)", [
      runId,
      seq,
      `${process.pid}:${job.workerId}`,
    ]);
  },
};

export function buildTaskList(context: TaskContext, extra: Record<string, TaskFactory> = {}): TaskList {
  const all = { ...factories, ...extra };
  return Object.fromEntries(Object.entries(all).map(([name, factory]) => [name, factory(context)]));
}
