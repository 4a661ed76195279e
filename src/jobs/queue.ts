// The job queue is graphile-worker on Ponte's own database. Jobs are added with SQL on the
// caller's transaction, so a job commits or rolls back with the change that caused it. Jobs
// come from their builders (specs.ts): the task, its typed payload, its key and queue.
import type { Queryable } from "../db/db.ts";
import type { JobSpec } from "./specs.ts";

export interface EnqueueOptions {
  /** Pending jobs with the same key are coalesced into one (the newest payload wins). */
  jobKey?: string;
  /** Jobs of one queue run one at a time, in order (e.g. all work for one store order). */
  queueName?: string;
  runAt?: Date;
  maxAttempts?: number;
  priority?: number;
  /**
   * Bulk work of this store: the job is flagged with the store's organisation (`org:<id>`), so
   * the bulk pool keeps each organisation within its share of slots (fairness.ts).
   */
  orgOfStore?: number;
}

// The store's organisation as the job's flag, read in the enqueueing transaction.
const orgFlags = (storeId: string) =>
  `case when ${storeId} is null then null else array(select 'org:' || s.org_id from stores s where s.id = ${storeId}) end`;

export async function enqueue(tx: Queryable, job: JobSpec): Promise<void> {
  const { task, payload, options } = job;
  await tx.query(
    `select graphile_worker.add_job(
       identifier => $1, payload => $2::json, queue_name => $3, run_at => $4,
       max_attempts => $5, job_key => $6, priority => $7, flags => ${orgFlags("$8::bigint")})`,
    [
      task,
      JSON.stringify(payload),
      options.queueName ?? null,
      options.runAt ?? null,
      options.maxAttempts ?? null,
      options.jobKey ?? null,
      options.priority ?? null,
      options.orgOfStore ?? null,
    ],
  );
}

/** Many jobs in one statement (one NOTIFY), for bulk work such as an import page. */
export async function enqueueMany(tx: Queryable, jobs: readonly JobSpec[]): Promise<void> {
  if (jobs.length === 0) return;
  await tx.query(
    `select count(*) from graphile_worker.add_jobs(array(
       select (j.task, j.payload, j.queue_name, j.run_at, j.max_attempts, j.job_key, j.priority,
               ${orgFlags("j.org_of_store")})::graphile_worker.job_spec
       from jsonb_to_recordset($1::jsonb) as j(task text, payload json, queue_name text, run_at timestamptz,
                                               max_attempts integer, job_key text, priority integer,
                                               org_of_store bigint)))`,
    [
      JSON.stringify(
        jobs.map((j) => ({
          task: j.task,
          payload: j.payload,
          queue_name: j.options.queueName ?? null,
          run_at: j.options.runAt?.toISOString() ?? null,
          max_attempts: j.options.maxAttempts ?? null,
          job_key: j.options.jobKey ?? null,
          priority: j.options.priority ?? null,
          org_of_store: j.options.orgOfStore ?? null,
        })),
      ),
    ],
  );
}
