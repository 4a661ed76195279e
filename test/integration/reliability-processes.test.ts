// RELIABILITY.md B.1 (R2 under load): two `ponte worker` processes and one `ponte api` process
// on one database share a load — signed webhooks for every order of the simulator, sent to the
// API process over HTTP, racing an import of the same orders. Every order is synced once: one
// sales order per store order (for the statuses that process inclusion), one
// 'sales_order_created' event each, and both workers took part.
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, it } from "node:test";
import type { AppContext } from "../../src/context.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import { connectStore } from "../../src/stores/stores.ts";
import { authHeaders } from "../helpers/auth.ts";
import { testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { freePort, ponte, readyStatus, type Spawned, waitFor } from "../helpers/process.ts";
import {
  deadJobs,
  killOnExit,
  postWebhook,
  signedWebhook,
  syncSummary,
  type WebhookAnswer,
  waitForQueueDrained,
} from "../helpers/reliability.ts";

const ORDERS = 300;
const PARALLEL_DELIVERIES = 16;

describe("reliability: two workers and an API process share webhooks and an import", () => {
  let t: TestDatabase | undefined;
  let ctx: AppContext;
  let sim: NuvemshopSimulator | undefined;
  let storeId: number;
  let port: number;
  const workers: Spawned[] = [];
  let api: Spawned | undefined;
  let forgetChildren: (() => void) | undefined;
  const all = () => [...workers, ...(api ? [api] : [])];

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    sim = await startNuvemshopSimulator({
      orders: ORDERS,
      seed: 43,
      rateLimit: false,
      latencyMs: 20,
      clientSecret: ctx.platforms.nuvemshop!.webhookSecret,
    });
    const simulator = sim;
    const store = await t.db.transaction((tx) =>
      connectStore(
        ctx,
        tx,
        {
          platform: "nuvemshop",
          name: "Loja Processos",
          externalId: String(simulator.storeId),
          credentials: { accessToken: simulator.accessToken },
          apiBaseUrl: simulator.apiBase,
        },
        1,
      ),
    );
    storeId = store.id;
    // The scheduler would import as soon as a worker starts; the test starts the import itself,
    // in the middle of the webhooks, so that both race.
    await t.db.query("update stores set next_import_at = now() + interval '1 hour' where id = $1", [storeId]);

    forgetChildren = killOnExit(() => all().map((p) => p.child));
    port = await freePort();
    const env = {
      DATABASE_URL: t.url,
      // The store's token is sealed with the test context's key: every process must share it.
      PONTE_SECRET_KEY: ctx.secretKey.toString("base64"),
      PONTE_NUVEMSHOP_CLIENT_ID: "4321",
      PONTE_NUVEMSHOP_CLIENT_SECRET: "test-app-secret",
      PONTE_WORKER_CONCURRENCY: "4",
      // The store points at the simulator on this machine.
      PONTE_ALLOW_API_OVERRIDE: "loopback",
      // graphile-worker's "Completed task" lines are logged at debug: they show who did what.
      LOG_LEVEL: "debug",
    };
    workers.push(ponte(["worker"], env), ponte(["worker"], env));
    api = ponte(["api"], { ...env, PORT: String(port), LOG_LEVEL: "warn" });
    await waitFor("api ready", async () => ((await readyStatus(port)) === 200 ? true : undefined), 60_000);
    await waitFor(
      "two workers",
      async () => {
        const { rows } = await t!.db.query<{ n: number }>(
          "select count(distinct process)::int as n from worker_heartbeats",
        );
        return (rows[0]?.n ?? 0) >= 2 ? true : undefined;
      },
      60_000,
    );
  });

  after(async () => {
    const running = all().filter((p) => p.child.exitCode === null && p.child.signalCode === null);
    for (const p of running) p.child.kill("SIGTERM");
    const timer = setTimeout(() => {
      for (const p of running) p.child.kill("SIGKILL");
    }, 15_000);
    await Promise.all(running.map((p) => p.exited));
    clearTimeout(timer);
    forgetChildren?.();
    await sim?.close().catch(() => undefined);
    await t?.drop();
  });

  it("every order is synced once, whoever processes it", async () => {
    assert.ok(t && sim);
    const db = t.db;
    const baseUrl = `http://127.0.0.1:${port}`;
    const secret = ctx.platforms.nuvemshop!.webhookSecret;
    const ids = sim.listOrders().map((o) => Number(o.id));
    // Two deliveries per order (created, then updated), shuffled, sixteen at a time.
    const hooks = ids.flatMap((id) => [
      signedWebhook(secret, sim!.storeId, "order/created", id),
      signedWebhook(secret, sim!.storeId, "order/updated", id),
    ]);
    for (let i = hooks.length - 1; i > 0; i--) {
      const j = crypto.randomInt(i + 1);
      [hooks[i], hooks[j]] = [hooks[j]!, hooks[i]!];
    }
    const answers: WebhookAnswer[] = [];
    let next = 0;
    let importAnswer: number | undefined;
    const importAfter = Math.floor(hooks.length / 4);
    const sender = async () => {
      for (;;) {
        const n = next++;
        const hook = hooks[n];
        if (!hook) return;
        if (n === importAfter) {
          const response = await fetch(`${baseUrl}/api/v1/stores/${storeId}/import`, {
            method: "POST",
            headers: await authHeaders(ctx),
          });
          importAnswer = response.status;
        }
        answers.push(await postWebhook(baseUrl, hook));
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_DELIVERIES }, sender));
    const deliveriesDoneAt = Date.now();
    assert.equal(importAnswer, 202, "the import was queued through the API process");
    assert.equal(answers.length, hooks.length);
    const refused = answers.filter((a) => a.status < 200 || a.status >= 300);
    assert.deepEqual(refused, [], "every delivery answered 2xx");

    await waitFor(
      "the import to finish",
      async () => {
        const { rows } = await db.query<{ done: boolean }>(
          "select last_import_at is not null and import_progress is null as done from stores where id = $1",
          [storeId],
        );
        return rows[0]?.done ? true : undefined;
      },
      90_000,
    );
    await waitForQueueDrained(db, 90_000);
    // How the import and the deliveries overlapped (a figure, not an assertion).
    const importedAt = await db.query<{ ms: number }>(
      "select (extract(epoch from last_import_at) * 1000)::float8 as ms from stores where id = $1",
      [storeId],
    );
    const importFinishedBeforeLastDeliveryMs = Math.round(deliveriesDoneAt - importedAt.rows[0]!.ms);
    const open = await db.query<{ n: number }>(
      "select count(*)::int as n from inbox where store_id = $1 and processed_at is null",
      [storeId],
    );
    assert.equal(open.rows[0]?.n, 0, "every stored delivery was processed");

    const s = await syncSummary(db, storeId);
    const summary = JSON.stringify(s);
    assert.equal(s.storeOrders, ORDERS, `every order stored: ${summary}`);
    assert.equal(s.distinctExternalIds, ORDERS);
    assert.ok(s.creating > 0 && s.creating < ORDERS, `the seed has orders on both sides: ${summary}`);
    assert.equal(s.links, ORDERS, `every order has its link: ${summary}`);
    assert.deepEqual(
      Object.keys(s.linkStates).sort(),
      ["held", "synced"],
      `no order pending or in error: ${summary}`,
    );
    assert.deepEqual(s.heldForOtherReasons, []);
    assert.equal(s.linkStates.synced, s.creating, `every order not held is synced: ${summary}`);
    assert.equal(
      s.liveSalesOrders,
      s.creating,
      `one sales order per order that processes inclusion: ${summary}`,
    );
    assert.deepEqual(s.duplicatedSalesOrders, [], "no store order with two sales orders");
    assert.equal(s.orphanSalesOrders, 0, "no sales order left without its link (a second create)");
    assert.equal(s.salesOrderCreatedEvents, s.creating, "one 'sales_order_created' event per sales order");
    assert.deepEqual(s.duplicatedCreatedEvents, []);

    // Who did the work: graphile-worker logs each completed job at debug level.
    const completed = workers.map((w) => {
      const counts: Record<string, number> = {};
      for (const m of w.output().matchAll(/Completed task \d+ \(([a-z-]+),/g)) {
        counts[m[1]!] = (counts[m[1]!] ?? 0) + 1;
      }
      return counts;
    });
    const failed = workers.flatMap((w) => [
      ...w.output().matchAll(/Failed task \d+ \([^)]*\) with error '([^']*)'/g),
    ]);
    const dead = (await deadJobs(db)).map((j) => ({
      task: j.task_identifier,
      error: j.last_error?.slice(0, 200),
    }));
    console.log(
      `# reliability-processes: ${JSON.stringify({
        completed,
        importFinishedBeforeLastDeliveryMs,
        failed: failed.map((m) => m[1]),
        dead,
        answers: Object.fromEntries(
          [...new Set(answers.map((a) => a.code))].map((c) => [
            c,
            answers.filter((a) => a.code === c).length,
          ]),
        ),
      })}`,
    );
    for (const [i, counts] of completed.entries()) {
      assert.ok(
        (counts["sync-orders"] ?? 0) + (counts["sync-order"] ?? 0) > 0,
        `worker ${i + 1} processed sync jobs: ${JSON.stringify(completed)}`,
      );
    }
  });
});
