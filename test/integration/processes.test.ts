// The same code as many processes on one PostgreSQL: two `ponte worker` and one `ponte api`.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { freePort, ponte, readyStatus, run, type Spawned, waitFor } from "../helpers/process.ts";

describe("several Ponte processes on one PostgreSQL", () => {
  let t: TestDatabase;
  const procs: Spawned[] = [];
  let port: number;
  before(async () => {
    t = await createTestDatabase();
    port = await freePort();
    const env = { DATABASE_URL: t.url, PONTE_WORKER_CONCURRENCY: "4" };
    procs.push(
      ponte(["worker"], env),
      ponte(["worker"], env),
      ponte(["api"], { ...env, PORT: String(port) }),
    );
    await waitFor("api ready", async () => ((await readyStatus(port)) === 200 ? true : undefined), 60_000);
    await waitFor(
      "two workers",
      async () => {
        const { rows } = await t.db.query<{ n: number }>(
          "select count(distinct process)::int as n from worker_heartbeats",
        );
        return (rows[0]?.n ?? 0) >= 2 ? true : undefined;
      },
      60_000,
    );
  });
  after(async () => {
    for (const p of procs) p.child.kill("SIGTERM");
    const codes = await Promise.all(procs.map((p) => p.exited));
    await t.drop();
    assert.deepEqual(codes, [0, 0, 0], "every process shuts down cleanly on SIGTERM");
  });

  it("every job is done exactly once, shared by both workers", async () => {
    const result = await run(["selftest", "--jobs", "3000", "--timeout", "120"], { DATABASE_URL: t.url });
    assert.equal(result.code, 0, result.output);
    const summary = JSON.parse(result.output.trim().split("\n").pop()!);
    assert.equal(summary.distinct, 3000);
    assert.equal(summary.duplicates, 0);
    assert.equal(summary.processes.length, 2, `both worker processes took jobs: ${summary.processes}`);
  });
});
