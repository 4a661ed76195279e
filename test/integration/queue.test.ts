import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, it } from "node:test";
import { createDb, type Db } from "../../src/db/db.ts";
import { enqueue, enqueueMany } from "../../src/jobs/queue.ts";
import { selftestJob } from "../../src/jobs/specs.ts";
import { buildTaskList } from "../../src/jobs/tasks.ts";
import { releaseDeadWorkersJobs, startWorker, type WorkerHandle } from "../../src/jobs/worker.ts";
import { testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { testLogger } from "../helpers/logger.ts";
import { waitFor } from "../helpers/process.ts";

async function runsOf(db: Db, runId: string) {
  const { rows } = await db.query<{ seq: number; n: number }>(
    "select seq, count(*)::int as n from selftest_runs where run_id = $1 group by seq order by seq",
    [runId],
  );
  return rows;
}

describe("job queue on the same database", () => {
  let t: TestDatabase;
  let second: Db;
  const workers: WorkerHandle[] = [];
  before(async () => {
    t = await createTestDatabase();
    second = createDb({ connectionString: t.url, logger: testLogger });
    for (const db of [t.db, second]) {
      workers.push(
        await startWorker({
          db,
          logger: testLogger,
          tasks: buildTaskList(testContext(db)),
          concurrency: 4,
          processName: "test",
        }),
      );
    }
  });
  after(async () => {
    for (const w of workers) await w.stop();
    await second.close();
    await t.drop();
  });

  it("a job enqueued in a transaction that rolls back never runs", async () => {
    const runId = crypto.randomUUID();
    await assert.rejects(
      t.db.transaction(async (tx) => {
        await enqueue(tx, selftestJob(runId, 0));
        throw new Error("business write failed");
      }),
      /business write failed/,
    );
    // A committed marker job enqueued afterwards proves the workers were running meanwhile.
    await t.db.transaction((tx) => enqueue(tx, selftestJob(runId, 1)));
    await waitFor("marker job", async () => ((await runsOf(t.db, runId)).length > 0 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(await runsOf(t.db, runId), [{ seq: 1, n: 1 }]);
    const { rows } = await t.db.query<{ n: number }>("select count(*)::int as n from graphile_worker.jobs");
    assert.equal(rows[0]?.n, 0, "no job left behind");
  });

  it("committed jobs run exactly once with two workers competing", async () => {
    const runId = crypto.randomUUID();
    const total = 1_000;
    await t.db.transaction((tx) =>
      enqueueMany(
        tx,
        Array.from({ length: total }, (_, seq) => selftestJob(runId, seq)),
      ),
    );
    await waitFor(
      "all jobs",
      async () => ((await runsOf(t.db, runId)).length === total ? true : undefined),
      60_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const runs = await runsOf(t.db, runId);
    assert.equal(runs.length, total);
    assert.ok(
      runs.every((r) => r.n === 1),
      "no job ran twice",
    );
  });

  it("a job keyed by order coalesces while pending", async () => {
    const runId = crypto.randomUUID();
    const runAt = new Date(Date.now() + 60_000);
    await t.db.transaction(async (tx) => {
      for (let seq = 0; seq < 5; seq++)
        await enqueue(tx, { ...selftestJob(runId, seq), options: { jobKey: `order:${runId}`, runAt } });
    });
    const { rows } = await t.db.query<{ n: number; payload: { seq: number } }>(
      "select count(*) over ()::int as n, payload from graphile_worker._private_jobs where key = $1",
      [`order:${runId}`],
    );
    assert.equal(rows[0]?.n, 1);
    assert.equal(rows[0]?.payload.seq, 4, "the newest payload wins");
    await t.db.query("select graphile_worker.remove_job($1)", [`order:${runId}`]);
  });

  it("jobs held by a worker that died are released after its heartbeat stops", async () => {
    const runId = crypto.randomUUID();
    await t.db.transaction((tx) =>
      enqueue(tx, selftestJob(runId, 0, { runAt: new Date(Date.now() + 3_600_000) })),
    );
    // Simulate a kill -9: the job is locked by a worker id that never beats again.
    await t.db.query(
      "update graphile_worker._private_jobs set locked_by = 'dead-worker', locked_at = now() - interval '5 minutes', run_at = now() where payload->>'runId' = $1",
      [runId],
    );
    await releaseDeadWorkersJobs(t.db, testLogger); // the live workers also run this every few seconds
    await waitFor("released job", async () => ((await runsOf(t.db, runId)).length === 1 ? true : undefined));
  });
});
