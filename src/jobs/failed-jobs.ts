// Jobs in error, for the Falhas screen: those the queue gave up on (attempts spent) and those
// still retrying after an error. Read through graphile-worker's public `jobs` view; its
// payload (not in the view) comes from the jobs table by id, read-only. A row with attempts
// spent but no error is not a failure: graphile-worker leaves such rows behind when a newer
// job took over a key while the old one ran, and they are never run again.
import type { Queryable } from "../db/db.ts";
import { TENANT_ROLE } from "../db/tenant-db.ts";
import { PonteError } from "../errors.ts";

export interface FailedJob {
  id: string;
  task: string;
  /** The store the job works for, from its payload; null for jobs of no store. */
  storeId: number | null;
  queueName: string | null;
  key: string | null;
  attempts: number;
  maxAttempts: number;
  lastError: string;
  /** Still retrying (attempts left, or running its last one now); false once the queue gave up. */
  retrying: boolean;
  runAt: string;
  createdAt: string;
  updatedAt: string;
  payload: Record<string, unknown>;
}

interface Row {
  id: number | string;
  task_identifier: string;
  queue_name: string | null;
  key: string | null;
  attempts: number;
  max_attempts: number;
  last_error: string;
  locked_at: Date | null;
  run_at: Date;
  created_at: Date;
  updated_at: Date;
  payload: Record<string, unknown> | null;
}

const storeOf = (payload: Record<string, unknown> | null): number | null => {
  const id = payload?.storeId;
  return typeof id === "number" && Number.isSafeInteger(id) ? id : null;
};

function toFailedJob(r: Row): FailedJob {
  return {
    id: String(r.id),
    task: r.task_identifier,
    storeId: storeOf(r.payload),
    queueName: r.queue_name,
    key: r.key,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    lastError: r.last_error,
    retrying: r.attempts < r.max_attempts || r.locked_at !== null,
    runAt: r.run_at.toISOString(),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    payload: r.payload ?? {},
  };
}

export interface FailedJobPage {
  items: FailedJob[];
  /** Pass back as `after` for the next page; null on the last one. */
  next: string | null;
}

const JOB_ID = /^[0-9]{1,19}$/;

const payloadId = (key: string) =>
  `case when p.payload->>'${key}' ~ '^[0-9]{1,15}$' then (p.payload->>'${key}')::bigint end`;

/**
 * The job (`p`, its private row) is the caller's organisation's: one of its stores', e-mails' or
 * privacy requests'. Row-level security decides what "its" is for a request; Ponte itself (the
 * CLI, the owner's role) also sees the jobs of no organisation.
 */
const JOB_OF_ORG = `(exists (select 1 from stores s where s.id = ${payloadId("storeId")})
   or exists (select 1 from email_outbox e where e.id = ${payloadId("emailId")})
   or exists (select 1 from privacy_requests r where r.id = ${payloadId("requestId")})
   or (current_user <> '${TENANT_ROLE}'
       and coalesce(p.payload->>'storeId', p.payload->>'emailId', p.payload->>'requestId') is null))`;

/** Newest first (by job id), keyset-paginated. */
export async function listFailedJobs(
  q: Queryable,
  options: { storeId?: number; limit: number; after?: string | null },
): Promise<FailedJobPage> {
  const params: unknown[] = [options.limit + 1];
  const where = ["j.last_error is not null", JOB_OF_ORG];
  if (options.storeId !== undefined) {
    params.push(String(options.storeId));
    where.push(`p.payload->>'storeId' = $${params.length}`);
  }
  if (options.after) {
    if (!JOB_ID.test(options.after)) {
      throw new PonteError("invalid_cursor", "after: not a cursor this list gave");
    }
    params.push(options.after);
    where.push(`j.id < $${params.length}::bigint`);
  }
  const { rows } = await q.query<Row>(
    `select j.id, j.task_identifier, j.queue_name, j.key, j.attempts, j.max_attempts, j.last_error, j.locked_at,
            j.run_at, j.created_at, j.updated_at, p.payload
       from graphile_worker.jobs j
       join graphile_worker._private_jobs p on p.id = j.id
      where ${where.join(" and ")}
      order by j.id desc limit $1`,
    params,
  );
  const more = rows.length > options.limit;
  const page = rows.slice(0, options.limit);
  return { items: page.map(toFailedJob), next: more ? String(page.at(-1)!.id) : null };
}

/** A store's jobs in error: still retrying (as `retrying` above), and given up. */
export interface FailingJobCounts {
  retrying: number;
  gaveUp: number;
}

/** Jobs in error per store (jobs of no store are left out). */
export async function countFailingJobsByStore(q: Queryable): Promise<Map<number, FailingJobCounts>> {
  const { rows } = await q.query<{ store_id: string; retrying: number; gave_up: number }>(
    `select p.payload->>'storeId' as store_id,
            count(*) filter (where j.attempts < j.max_attempts or j.locked_at is not null)::int as retrying,
            count(*) filter (where j.attempts >= j.max_attempts and j.locked_at is null)::int as gave_up
       from graphile_worker.jobs j
       join graphile_worker._private_jobs p on p.id = j.id
      where j.last_error is not null and j.attempts > 0
        and p.payload->>'storeId' ~ '^[0-9]{1,15}$'
      group by 1`,
  );
  return new Map(rows.map((r) => [Number(r.store_id), { retrying: r.retrying, gaveUp: r.gave_up }]));
}

/**
 * Reprocessar for jobs: run them again now with their attempts back to zero. Only jobs in
 * error count (others are running, done, or left behind on purpose); returns how many.
 */
export async function retryJobs(q: Queryable, ids: readonly string[]): Promise<number> {
  const valid = ids.filter((id) => JOB_ID.test(id));
  if (valid.length === 0) return 0;
  const { rows } = await q.query<{ n: number }>(
    `select count(*)::int as n from graphile_worker.reschedule_jobs(
       array(select j.id from graphile_worker.jobs j join graphile_worker._private_jobs p on p.id = j.id
              where j.id = any($1::bigint[]) and j.last_error is not null and ${JOB_OF_ORG}),
       run_at => now(), attempts => 0)`,
    [valid],
  );
  return rows[0]?.n ?? 0;
}
