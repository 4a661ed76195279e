// Claiming webhook work. Each delivery commits an inbox row; the dispatcher gives the store a
// sync-orders job, which claims every pending order row of the store (up to a batch), so a
// burst is read and synced set-based.
//
// A claimed row is closed at once: a webhook arriving while its order is being read opens a
// new row and a new job, so no change slips between the read and the close. The row keeps
// the claiming job's id until that job finishes. If the job dies (kill -9), its retry — same
// id — claims the rows again; if it will never run again (the queue gave up, or its key was
// handed to a newer job while it ran), the next sync job of the store adopts them.
import type { Queryable } from "../db/db.ts";

export const CLAIM_BATCH = 500;

export async function claimWebhookWork(db: Queryable, storeId: number, jobId: string): Promise<string[]> {
  const { rows } = await db.query<{ external_id: string }>(
    `with claimed as (
       update inbox set processed_at = now(), claimed_by_job = $2
        where id in (select id from inbox
                      where store_id = $1 and processed_at is null and external_id is not null
                      order by id limit $3
                      for update skip locked)
       returning external_id, received_at),
     adopted as (
       update inbox i set claimed_by_job = $2
        where i.store_id = $1 and i.claimed_by_job is not null and i.claimed_by_job <> $2
          and not exists (select 1 from graphile_worker._private_jobs j
                           where j.id = i.claimed_by_job and (j.locked_at is not null or j.attempts < j.max_attempts))
       returning external_id),
     seen as (
       update stores set last_webhook_at = greatest(last_webhook_at, (select max(received_at) from claimed))
        where id = $1 and exists (select 1 from claimed))
     select external_id from claimed
     union
     select external_id from adopted
     union
     select external_id from inbox where claimed_by_job = $2 and store_id = $1 and external_id is not null`,
    [storeId, jobId, CLAIM_BATCH],
  );
  return rows.map((r) => r.external_id);
}

/** The claiming job synced its rows: they are done for good. */
export async function releaseWebhookWork(db: Queryable, jobId: string): Promise<void> {
  await db.query("update inbox set claimed_by_job = null where claimed_by_job = $1", [jobId]);
}
