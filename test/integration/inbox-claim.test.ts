// Webhook work claimed by a sync job is never stranded: a job that will not run again leaves
// its rows to the next job of the store, while a running job keeps its own.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { enqueue } from "../../src/jobs/queue.ts";
import { syncInboxJob } from "../../src/jobs/specs.ts";
import { claimWebhookWork, releaseWebhookWork } from "../../src/sync/inbox.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";

describe("claiming webhook work", () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.drop());

  const jobId = async (key: string, state: "running" | "gave_up") => {
    await t.db.transaction((tx) => enqueue(tx, { ...syncInboxJob(7), options: { jobKey: key } }));
    const { rows } = await t.db.query<{ id: string }>(
      `update graphile_worker._private_jobs set ${state === "running" ? "locked_at = now(), locked_by = 'w1'" : "attempts = max_attempts"}
        where key = $1 returning id::text`,
      [key],
    );
    return rows[0]!.id;
  };
  const row = (externalId: string, claimedBy: string | null) =>
    t.db.query(
      `insert into inbox (org_id, store_id, platform, event, external_id, dedupe_key, body, processed_at, claimed_by_job)
       values (1, 7, 'nuvemshop', 'order/paid', $1, $2, '{}', case when $3::bigint is null then null else now() end, $3)`,
      [externalId, `7:order:${externalId}`, claimedBy],
    );

  it("takes pending rows and those of jobs that will not run again, not those of a running job", async () => {
    const running = await jobId("a", "running");
    const gaveUp = await jobId("b", "gave_up");
    await row("100", null);
    await row("200", gaveUp);
    await row("300", running);
    await row("400", "987654321"); // a job that no longer exists
    const me = await jobId("c", "running");
    assert.deepEqual((await claimWebhookWork(t.db, 7, me)).sort(), ["100", "200", "400"]);
    // A retry of the same job finds its rows again.
    assert.deepEqual((await claimWebhookWork(t.db, 7, me)).sort(), ["100", "200", "400"]);
    await releaseWebhookWork(t.db, me);
    assert.deepEqual(await claimWebhookWork(t.db, 7, me), []);
    const { rows } = await t.db.query<{ external_id: string }>(
      "select external_id from inbox where claimed_by_job is not null",
    );
    assert.deepEqual(rows, [{ external_id: "300" }], "the running job keeps its own");
  });
});
