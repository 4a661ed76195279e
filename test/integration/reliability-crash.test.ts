// RELIABILITY.md B.1 R4: `kill -9` of the worker process at random moments of a 2,000-order
// import, ten times, restarting it each time; then the import finishes. Nothing is lost and nothing is
// done twice: every store order once, one sales order per order whose status processes
// inclusion, no store order with two sales orders, every order not held is synced.
//
// Releasing a dead worker's jobs: graphile-worker itself keeps them locked for 4 hours; Ponte's
// workers release the jobs of worker ids whose heartbeat stopped once the lock and the heartbeat
// are DEAD_AFTER_SECONDS (30 s) old, checked on each heartbeat tick (HEARTBEAT_MS, 5 s) —
// src/jobs/worker.ts. Waiting that out ten times would take over five minutes, so after kills
// 1–9 the test moves the dead worker's clock back (its heartbeat and its jobs' locked_at, a
// minute into the past) and runs the release the live workers run on their tick
// (releaseDeadWorkersJobs) at once. After the 10th kill nothing is moved: the restarted worker
// releases the job itself, for real, about 30–35 s later.
//
// Each restart is spawned ahead, while the worker it replaces still imports (booting `ponte
// worker` takes seconds). The kill comes 100–1500 ms after that worker took the import job, or
// (every other kill) after it committed its next page, so that the import moves on and the kills
// land on different pages even on a slow machine: sometimes while it reads a page from the
// platform, sometimes inside the page's transaction, sometimes between two pages. A kill counts
// when the dead worker still held the import job; should the import finish first, the next one
// starts it again from scratch (orders unchanged), so that all ten kills hit an import.
//
// A store is imported at once when it connects, so the first worker's scheduler also queues an
// import while the test's own import job runs: graphile-worker then takes the running job's key
// and sets its attempts to the maximum (the new job supersedes it). Killed, that superseded job
// stays behind out of attempts, never to run again (the new job does the work).
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, it } from "node:test";
import type { AppContext } from "../../src/context.ts";
import { enqueue } from "../../src/jobs/queue.ts";
import { importJob } from "../../src/jobs/specs.ts";
import { DEAD_AFTER_SECONDS, releaseDeadWorkersJobs } from "../../src/jobs/worker.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import { connectStore } from "../../src/stores/stores.ts";
import { testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { testLogger } from "../helpers/logger.ts";
import { ponte, type Spawned, waitFor } from "../helpers/process.ts";
import { deadJobs, killOnExit, syncSummary, waitForQueueDrained } from "../helpers/reliability.ts";

const ORDERS = 2_000;
const ROUNDS = 10;
/** Per API request: a page of 200 then takes about as long to fetch as to store and sync. */
const LATENCY_MS = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("reliability: kill -9 of the worker during a 2,000-order import (R4)", () => {
  let t: TestDatabase | undefined;
  let ctx: AppContext;
  let sim: NuvemshopSimulator | undefined;
  let storeId: number;
  const procs: Spawned[] = [];
  let forgetChildren: (() => void) | undefined;

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    sim = await startNuvemshopSimulator({
      orders: ORDERS,
      seed: 31,
      rateLimit: false,
      latencyMs: LATENCY_MS,
      clientSecret: ctx.platforms.nuvemshop!.webhookSecret,
    });
    const simulator = sim;
    const store = await t.db.transaction((tx) =>
      connectStore(
        ctx,
        tx,
        {
          platform: "nuvemshop",
          name: "Loja Kill",
          externalId: String(simulator.storeId),
          credentials: { accessToken: simulator.accessToken },
          apiBaseUrl: simulator.apiBase,
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

  /** Workers not killed (yet). */
  const live: Spawned[] = [];

  /** A `ponte worker` process that decrypts the store's token with the test context's key. */
  const spawnWorker = () => {
    const p = ponte(["worker"], {
      DATABASE_URL: t!.url,
      PONTE_SECRET_KEY: ctx.secretKey.toString("base64"),
      PONTE_NUVEMSHOP_CLIENT_ID: "4321",
      PONTE_NUVEMSHOP_CLIENT_SECRET: "test-app-secret",
      PONTE_WORKER_CONCURRENCY: "4",
      // The store points at the simulator on this machine.
      PONTE_ALLOW_API_OVERRIDE: "loopback",
      LOG_LEVEL: "warn",
    });
    procs.push(p);
    live.push(p);
    return p;
  };
  /** The worker doing the import plus its restart, already booting (booting takes seconds). */
  const topUp = () => {
    while (live.length < 2) spawnWorker();
  };

  const importState = async () =>
    (
      await t!.db.query<{ done: boolean; page: string | null; jobs: number }>(
        // page: where the next page starts (the saved page token, shortened), null when none.
        `select s.last_import_at is not null and s.import_progress is null as done,
                left(md5(s.import_progress::text), 8) as page,
                (select count(*)::int from graphile_worker.jobs where task_identifier = 'import-orders'
                    and (locked_at is not null or attempts < max_attempts)) as jobs
           from stores s where s.id = $1`,
        [storeId],
      )
    ).rows[0]!;

  const enqueueImport = () => t!.db.transaction((tx) => enqueue(tx, importJob(storeId)));

  /** The live worker holding the import job, once one does; a finished import is started again. */
  const importHolder = (what: string, timeoutMs = 60_000) =>
    waitFor(
      `${what}: a worker holds the import job`,
      async () => {
        const { rows } = await t!.db.query<{ process: string }>(
          `select h.process from graphile_worker.jobs j join worker_heartbeats h on h.worker_id = j.locked_by
            where j.task_identifier = 'import-orders'`,
        );
        const holder = live.find((w) => rows.some((r) => r.process === String(w.child.pid)));
        if (holder) return holder;
        const state = await importState();
        if (state.done && state.jobs === 0) {
          // The import got through before all kills were spent (a fast machine): import again from
          // scratch, so that the remaining kills still land in an import (of unchanged orders).
          await t!.db.query("update stores set import_cursor = null where id = $1", [storeId]);
          await enqueueImport();
        }
        return undefined;
      },
      timeoutMs,
    ).catch((error: Error) => {
      const output = live.map((w) => `--- worker ${w.child.pid}\n${w.output().slice(-2000)}`).join("\n");
      throw new Error(`${error.message}\n${output}`);
    });

  it("ten SIGKILLs at random moments lose nothing and duplicate nothing", async () => {
    assert.ok(t && sim);
    const db = t.db;
    await enqueueImport();

    const log: {
      kill: number;
      at: number;
      killAfterMs: number;
      pageBefore: string | null;
      pageAfter: string | null;
      heldImport: boolean;
    }[] = [];
    const started = Date.now();
    topUp();
    let current = await importHolder("the first worker");
    let lastKilledAt = 0;
    // A kill counts when the dead worker still held the import job (it did not finish meanwhile).
    let counted = 0;
    while (counted < ROUNDS) {
      assert.ok(log.length < ROUNDS * 2, `kills kept missing the import: ${JSON.stringify(log)}`);
      const before = await importState();
      if (counted % 2 === 1 && counted < ROUNDS - 1) {
        // Every other kill comes after the next page is committed, so that the import moves on
        // even on a slow machine and the kills land on different pages.
        await waitFor(
          `kill ${counted + 1}: a page committed`,
          async () => {
            const now = await importState();
            return now.page !== before.page || now.done ? true : undefined;
          },
          60_000,
        );
      }
      const killAfterMs = 100 + crypto.randomInt(1_401);
      await sleep(killAfterMs);
      current.child.kill("SIGKILL");
      await current.exited;
      lastKilledAt = Date.now();
      live.splice(live.indexOf(current), 1);
      topUp(); // the restart
      const deadPid = String(current.child.pid);
      const held = await db.query(
        `select 1 from graphile_worker.jobs j join worker_heartbeats h on h.worker_id = j.locked_by
          where j.task_identifier = 'import-orders' and h.process = $1`,
        [deadPid],
      );
      if (held.rows.length > 0) counted++;
      log.push({
        kill: log.length + 1,
        at: lastKilledAt - started,
        killAfterMs,
        pageBefore: before.page,
        pageAfter: (await importState()).page,
        heldImport: held.rows.length > 0,
      });
      if (counted === ROUNDS) break;
      // "Half a minute later" for the dead worker (see the note at the top of the file), then the
      // release every live worker runs on its heartbeat tick.
      await db.query(
        `update graphile_worker._private_jobs set locked_at = locked_at - interval '1 minute'
          where locked_by in (select worker_id from worker_heartbeats where process = $1)`,
        [deadPid],
      );
      await db.query(
        "update worker_heartbeats set seen_at = seen_at - interval '1 minute' where process = $1",
        [deadPid],
      );
      await releaseDeadWorkersJobs(db, testLogger);
      current = await importHolder(`after kill ${log.length}`);
    }

    // After the 10th kill nothing is moved in time: a restarted worker's heartbeat logic releases
    // the dead worker's jobs once they are DEAD_AFTER_SECONDS old, for real.
    await importHolder("after the last kill", (DEAD_AFTER_SECONDS + 30) * 1000);
    const releasedAfterMs = Date.now() - lastKilledAt;
    await waitFor(
      "the import to finish",
      async () => {
        const s = await importState();
        return s.done && s.jobs === 0 ? true : undefined;
      },
      120_000,
    ).catch((error: Error) => {
      const output = live.map((w) => `--- worker ${w.child.pid}\n${w.output().slice(-2000)}`).join("\n");
      throw new Error(`${error.message}\n${output}`);
    });
    const finishedAfterMs = Date.now() - lastKilledAt;
    await waitForQueueDrained(db, 60_000);
    const dead = (await deadJobs(db)).map((j) => ({
      id: j.id,
      task: j.task_identifier,
      error: j.last_error,
    }));
    const figures = { kills: log, killsMs: lastKilledAt - started, releasedAfterMs, finishedAfterMs, dead };
    console.log(`# reliability-crash: ${JSON.stringify(figures)}`);

    const s = await syncSummary(db, storeId);
    const summary = JSON.stringify(s);
    const ids = new Set(sim.listOrders().map((o) => String(o.id)));
    assert.equal(ids.size, ORDERS);
    const { rows: stored } = await db.query<{ external_id: string }>(
      "select external_id from store_orders where store_id = $1",
      [storeId],
    );
    assert.equal(s.storeOrders, ORDERS, `every order stored: ${summary}`);
    assert.equal(s.distinctExternalIds, ORDERS, "each exactly once");
    assert.ok(
      stored.every((r) => ids.has(r.external_id)),
      "only the platform's orders",
    );
    assert.ok(s.creating > 0 && s.creating < ORDERS, `the seed has orders on both sides: ${summary}`);
    assert.equal(s.links, ORDERS, `every order has its link: ${summary}`);
    assert.deepEqual(
      Object.keys(s.linkStates).sort(),
      ["held", "synced"],
      `no order pending or in error: ${summary}`,
    );
    assert.deepEqual(s.heldForOtherReasons, [], "held only because the status does not process inclusion");
    assert.equal(s.linkStates.synced, s.creating, `every order not held is synced: ${summary}`);
    assert.equal(s.creatingWithoutSalesOrder, 0, summary);
    assert.equal(s.liveSalesOrders, s.creating, `sales orders = orders that process inclusion: ${summary}`);
    assert.deepEqual(s.duplicatedSalesOrders, [], "no store order with two sales orders");
    assert.equal(s.orphanSalesOrders, 0, "no sales order left without its link (a second create)");
    assert.equal(s.salesOrderCreatedEvents, s.creating, "one 'sales_order_created' event each");
    assert.deepEqual(s.duplicatedCreatedEvents, []);
    const linkedTwice = await db.query<{ n: number }>(
      `select count(*)::int as n from (select sales_order_id from order_links where store_id = $1
         and sales_order_id is not null group by 1 having count(*) > 1) x`,
      [storeId],
    );
    assert.equal(linkedTwice.rows[0]?.n, 0, "no sales order linked to two store orders");
  });
});
