// VTEX's Orders Feed under crashes (issue 14): 2,000 orders reach Ponte only through the feed
// (the simulator's list index lags by days, so the listing finds none) while the worker is killed
// with SIGKILL five times at random moments — reading a lot, between the jobs' commit and the
// handles' commit, inside sync jobs. Handles are committed only after the sync work for them is
// committed (consumeFeed), so what a dead worker read and did not commit comes back after the
// visibility timeout (the simulator's clock is moved past it) and is read again. At the end:
// every order stored once, one sales order each, and the feed empty — every handle committed.
//
// A dead worker's jobs are released as in reliability-crash.test.ts: its heartbeat and locks are
// moved a minute back and the release every live worker runs on its tick is run at once.
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, it } from "node:test";
import type { AppContext } from "../../src/context.ts";
import { enqueue } from "../../src/jobs/queue.ts";
import { importJob } from "../../src/jobs/specs.ts";
import { releaseDeadWorkersJobs } from "../../src/jobs/worker.ts";
import { startVtexSimulator, type VtexSimulator } from "../../src/simulators/vtex/index.ts";
import { connectStore } from "../../src/stores/stores.ts";
import { importOrders } from "../../src/sync/import-orders.ts";
import { testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { testLogger } from "../helpers/logger.ts";
import { ponte, type Spawned, waitFor } from "../helpers/process.ts";
import { deadJobs, killOnExit, syncSummary, waitForQueueDrained } from "../helpers/reliability.ts";

const ORDERS = 2_000;
const KILLS = 5;
/** Past the feed's visibility timeout (240 s): what was read and not committed is visible again. */
const PAST_VISIBILITY_MS = 241_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("VTEX feed: kill -9 of the worker while 2,000 orders come through the feed", () => {
  let t: TestDatabase | undefined;
  let ctx: AppContext;
  let sim: VtexSimulator | undefined;
  let storeId: number;
  const procs: Spawned[] = [];
  let forgetChildren: (() => void) | undefined;

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    sim = await startVtexSimulator({
      orders: 0,
      seed: 24,
      rateLimit: false,
      // The list index never catches up during the test: the feed is the only way in.
      listLagMs: 30 * 24 * 3600_000,
      latencyMs: 5,
    });
    const simulator = sim;
    const store = await t.db.transaction((tx) =>
      connectStore(
        ctx,
        tx,
        {
          platform: "vtex",
          name: "Loja Feed",
          externalId: simulator.account,
          credentials: { appKey: simulator.appKey, appToken: simulator.appToken },
          apiBaseUrl: simulator.url,
        },
        1,
      ),
    );
    storeId = store.id;
    forgetChildren = killOnExit(() => procs.map((p) => p.child));
  });

  after(async () => {
    for (const p of procs) {
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGKILL");
    }
    await Promise.all(procs.map((p) => p.exited));
    forgetChildren?.();
    await sim?.close().catch(() => undefined);
    await t?.drop();
  });

  const spawnWorker = () => {
    const p = ponte(["worker"], {
      DATABASE_URL: t!.url,
      PONTE_SECRET_KEY: ctx.secretKey.toString("base64"),
      PONTE_WORKER_CONCURRENCY: "4",
      PONTE_ALLOW_API_OVERRIDE: "loopback",
      LOG_LEVEL: "warn",
    });
    procs.push(p);
    return p;
  };
  const enqueueImport = () => t!.db.transaction((tx) => enqueue(tx, importJob(storeId)));
  /** The feed as VTEX would hand it to a reader now (items read are hidden for 240 s). */
  const feedDepth = async () => {
    const res = await fetch(`${sim!.url}/__control`, { headers: { "x-simulator-key": sim!.controlKey } });
    const state = (await res.json()) as { feeds?: Record<string, { items?: number }> };
    return Object.values(state.feeds ?? {}).reduce((n, f) => n + (f.items ?? 0), 0);
  };

  it("loses nothing, stores nothing twice and commits every handle", async () => {
    assert.ok(t && sim);
    const db = t.db;
    // The first import configures the feed (VTEX keeps events only once a config exists).
    await importOrders(ctx, storeId);
    for (let n = 0; n < ORDERS; n++) {
      sim.createOrder(n % 4 === 0 ? {} : { status: "ready-for-handling" });
    }

    const log: { kill: number; afterMs: number; storedBefore: number }[] = [];
    for (let kill = 1; kill <= KILLS; kill++) {
      const worker = spawnWorker();
      await waitFor(`worker ${kill} up`, async () => {
        const { rows } = await db.query("select 1 from worker_heartbeats where process = $1", [
          String(worker.child.pid),
        ]);
        return rows.length > 0 ? true : undefined;
      });
      await enqueueImport();
      const afterMs = 200 + crypto.randomInt(2_300);
      await sleep(afterMs);
      const { rows } = await db.query<{ n: number }>(
        "select count(*)::int as n from store_orders where store_id = $1",
        [storeId],
      );
      worker.child.kill("SIGKILL");
      await worker.exited;
      log.push({ kill, afterMs, storedBefore: rows[0]!.n });
      const dead = String(worker.child.pid);
      await db.query(
        `update graphile_worker._private_jobs set locked_at = locked_at - interval '1 minute'
          where locked_by in (select worker_id from worker_heartbeats where process = $1)`,
        [dead],
      );
      await db.query(
        "update worker_heartbeats set seen_at = seen_at - interval '1 minute' where process = $1",
        [dead],
      );
      await releaseDeadWorkersJobs(db, testLogger);
      // What the dead worker read and never committed becomes visible again.
      sim.advanceTime(PAST_VISIBILITY_MS);
    }

    const last = spawnWorker();
    await waitFor(
      "every order stored and the feed empty",
      async () => {
        await waitForQueueDrained(db, 120_000);
        const { rows } = await db.query<{ n: number }>(
          "select count(*)::int as n from store_orders where store_id = $1",
          [storeId],
        );
        if (rows[0]!.n === ORDERS && (await feedDepth()) === 0) return true;
        sim!.advanceTime(PAST_VISIBILITY_MS);
        await enqueueImport();
        return undefined;
      },
      240_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n--- last worker\n${last.output().slice(-3000)}`);
    });
    await waitForQueueDrained(db, 60_000);
    console.log(`# vtex-feed-crash: ${JSON.stringify({ kills: log, dead: (await deadJobs(db)).length })}`);

    const s = await syncSummary(db, storeId);
    const summary = JSON.stringify(s);
    assert.equal(s.storeOrders, ORDERS, `every order stored: ${summary}`);
    assert.equal(s.distinctExternalIds, ORDERS, "each exactly once");
    assert.ok(
      log.some((k) => k.storedBefore < ORDERS),
      "the kills landed while orders were coming in",
    );
    assert.equal(s.creatingWithoutSalesOrder, 0, summary);
    assert.equal(s.liveSalesOrders, s.creating, `one sales order per order that creates one: ${summary}`);
    assert.deepEqual(s.duplicatedSalesOrders, [], "no store order with two sales orders");
    assert.equal(s.orphanSalesOrders, 0);
    sim.advanceTime(PAST_VISIBILITY_MS);
    assert.equal(await feedDepth(), 0, "every handle committed: nothing comes back after the timeout");
  });
});
