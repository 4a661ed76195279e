import type { Queryable } from "../../src/db/db.ts";
import type { JobInfo } from "../../src/jobs/tasks.ts";

let jobs = 0;
/** What the queue tells a task about its job, for running a task's handler directly. */
export const jobInfo = (): JobInfo => ({
  id: String(900_000_000 + ++jobs),
  attempts: 1,
  maxAttempts: 25,
  workerId: "test",
});

/**
 * Order ids with sync work durably queued for a store: webhook deliveries waiting in the inbox
 * (the workers' dispatcher turns them into jobs) and single-order sync jobs.
 */
export async function queuedSyncOrders(db: Queryable, storeId: number): Promise<string[]> {
  const { rows } = await db.query<{ external_id: string }>(
    `select i.external_id from inbox i
      where i.store_id = $1 and i.processed_at is null and i.external_id is not null
     union all
     select j.payload->>'externalId' from graphile_worker._private_jobs j
       join graphile_worker._private_tasks t on t.id = j.task_id
      where t.identifier = 'sync-order' and (j.payload->>'storeId')::bigint = $1`,
    [storeId],
  );
  return rows.map((r) => r.external_id);
}
