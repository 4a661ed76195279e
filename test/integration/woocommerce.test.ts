// WooCommerce end to end against its simulator (issue 15), "Ponte down": a store connected through
// the API registers its webhooks and imports its orders; then Ponte stops, the merchant keeps
// selling and changing orders, every delivery fails and WooCommerce disables the webhooks (it
// never retries a delivery nor turns a webhook back on: class-wc-webhook.php failed_delivery).
// Ponte comes back on another port; within one import interval the scheduler's import and webhook
// re-check bring every order, current and once, and the webhooks active again, and the store
// page says they were re-enabled.
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { scheduleDueWork } from "../../src/jobs/scheduler.ts";
import { buildTaskList } from "../../src/jobs/tasks.ts";
import { startWorker, type WorkerHandle } from "../../src/jobs/worker.ts";
import { startWooSimulator, type WooSimulator } from "../../src/simulators/woocommerce/index.ts";
import { authHeaders } from "../helpers/auth.ts";
import { testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { testLogger } from "../helpers/logger.ts";
import { waitFor } from "../helpers/process.ts";
import { liveJobs, syncSummary, waitForQueueDrained } from "../helpers/reliability.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;

const PUBLIC_URL = "https://ponte.test";
const TARGET = `${PUBLIC_URL}/webhooks/woocommerce`;
/** The store's site address (its id in Ponte); the simulator stands for it on loopback. */
const SITE = "https://loja-woo.test";
const SLOW = 180_000; // a slow 2-core machine importing a few hundred orders

describe("WooCommerce: Ponte down, webhooks disabled, then reconciled", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: WooSimulator;
  let app: FastifyInstance;
  let worker: WorkerHandle;
  let headers: Record<string, string>;
  let storeId: number;

  const startPonte = async () => {
    app = await buildApp({ ctx, version: "test" });
    const address = await app.listen({ host: "127.0.0.1", port: 0 });
    sim.setOptions({ hosts: { [PUBLIC_URL]: address } });
    worker = await startWorker({
      db: t.db,
      logger: testLogger,
      tasks: buildTaskList(ctx),
      concurrency: 2,
      processName: "woocommerce",
    });
  };
  const api = async (method: "GET" | "POST", url: string, payload?: object) => {
    const res = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.body, json: () => res.json() as Json };
  };
  /** The store's webhooks as WooCommerce lists them (REST docs _webhooks.md). */
  const simWebhooks = async (): Promise<Json[]> => {
    const auth = Buffer.from(`${sim.consumerKey}:${sim.consumerSecret}`).toString("base64");
    const res = await fetch(`${sim.apiBase}/webhooks?per_page=100`, {
      headers: { authorization: `Basic ${auth}` },
    });
    assert.equal(res.status, 200);
    return (await res.json()) as Json[];
  };
  const stored = async () =>
    (
      await t.db.query<{ external_id: string; platform_status: string; platform_updated_at: Date }>(
        "select external_id, platform_status, platform_updated_at from store_orders where store_id = $1",
        [storeId],
      )
    ).rows;
  /** Orders Ponte should hold: every one the simulator lists (trashed ones are not listed). */
  const simOrders = () => sim.listOrders().filter((o) => o.status !== "trash");

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db, {
      PONTE_PUBLIC_URL: PUBLIC_URL,
      PONTE_WOOCOMMERCE_WEBHOOK_SECRET: crypto.randomBytes(16).toString("hex"),
    });
    sim = await startWooSimulator({ orders: 20, seed: 151, seedTime: Date.now(), siteUrl: `${SITE}/` });
    await startPonte();
    headers = await authHeaders(ctx);
  });
  after(async () => {
    await worker?.stop().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await sim?.close().catch(() => undefined);
    await t?.drop();
  });

  it("connecting registers the three order webhooks and imports the store's orders", async () => {
    const res = await api("POST", "/api/v1/stores", {
      platform: "woocommerce",
      name: "Loja Woo",
      externalId: SITE,
      credentials: { consumerKey: sim.consumerKey, consumerSecret: sim.consumerSecret },
      apiBaseUrl: sim.apiBase,
    });
    assert.equal(res.status, 201, res.body);
    storeId = res.json().id;
    const store = await waitFor("the webhooks registered", async () => {
      const s = (await api("GET", `/api/v1/stores/${storeId}`)).json();
      return s.webhooks.state === "registered" ? s : undefined;
    });
    assert.equal(store.webhooks.url, TARGET);
    const hooks = await simWebhooks();
    assert.deepEqual(hooks.map((h) => [h.topic, h.status, h.delivery_url]).sort(), [
      ["order.created", "active", TARGET],
      ["order.deleted", "active", TARGET],
      ["order.updated", "active", TARGET],
    ]);
    // The scheduler's first tick after connecting (the connection made the import due).
    assert.deepEqual((await scheduleDueWork(t.db)).imports, [storeId]);
    await waitFor(
      "the first import",
      async () => ((await stored()).length === simOrders().length ? true : undefined),
      SLOW,
    );
  });

  it("with Ponte down, 200 new orders and status changes fail delivery until WooCommerce disables the webhooks", async () => {
    await worker.stop();
    await app.close();
    // A scheduled import while the webhooks were checked within the hour re-checks nothing.
    await t.db.query("update stores set next_import_at = now() where id = $1", [storeId]);
    assert.deepEqual((await scheduleDueWork(t.db)).imports, [storeId]);
    const queued = (await liveJobs(t.db)).map((j) => j.task_identifier);
    assert.ok(!queued.includes("register-webhooks"), `no webhook re-check yet: ${queued.join(", ")}`);
    const created = Array.from({ length: 200 }, () => sim.createOrder());
    // The merchant works through the day: some orders move on, a few more than once.
    for (const [i, order] of created.entries()) {
      if (i % 5 === 0) sim.updateOrder(order.id as number, { status: "completed" });
      if (i % 20 === 0) sim.updateOrder(order.id as number, { status: "cancelled" });
    }
    for (const order of simOrders().slice(0, 10)) sim.updateOrder(order.id as number, { status: "on-hold" });
    const disabled = await waitFor(
      "WooCommerce disabling the created and updated webhooks",
      async () => {
        const hooks = await simWebhooks();
        const off = hooks.filter((h) => h.status === "disabled").map((h) => h.topic);
        return off.includes("order.created") && off.includes("order.updated") ? off : undefined;
      },
      SLOW,
    );
    assert.ok(disabled.length >= 2);
    const failed = sim.deliveries().filter((d) => !d.ok && !d.ping);
    assert.ok(failed.length >= 14, "at least seven failed deliveries per disabled webhook");
    // Changes after the switch-off reach nobody: only the import can bring them.
    for (const order of created.slice(1, 6)) sim.updateOrder(order.id as number, { status: "refunded" });
    await sim.settled();
  });

  it("back on a new port, one scheduled round brings every order current and once, and the webhooks back", async () => {
    // One import interval later, as the scheduler sees it: the import is due and the last
    // webhook check is older than the re-check age, so the round queues a registration too.
    await t.db.query(
      `update stores set next_import_at = now(), webhooks_checked_at = now() - interval '2 hours' where id = $1`,
      [storeId],
    );
    const work = await scheduleDueWork(t.db);
    assert.deepEqual(work.imports, [storeId]);
    const queued = (await liveJobs(t.db)).map((j) => j.task_identifier);
    assert.ok(queued.includes("register-webhooks"), `a webhook re-check queued: ${queued.join(", ")}`);
    await startPonte();
    const store = await waitFor(
      "the webhooks re-enabled",
      async () => {
        const s = (await api("GET", `/api/v1/stores/${storeId}`)).json();
        return s.webhooks.message.includes("o Ponte os reativou") ? s : undefined;
      },
      SLOW,
    );
    assert.equal(store.webhooks.state, "registered");
    assert.match(store.webhooks.message, /desativado 2 webhook\(s\) do Ponte depois de falhas de entrega/);
    const hooks = await simWebhooks();
    assert.deepEqual(
      hooks.map((h) => h.status),
      ["active", "active", "active"],
      "every Ponte webhook is active again on WooCommerce",
    );
    // The re-enabling asked for an import at once: the scheduler's next tick queues it.
    await waitFor("the import after re-enabling queued", async () => {
      const again = await scheduleDueWork(t.db);
      return again.imports.includes(storeId) ? true : undefined;
    });
    await waitForQueueDrained(t.db, SLOW);

    const expected = simOrders();
    const rows = await stored();
    const byId = new Map(rows.map((r) => [r.external_id, r]));
    assert.equal(rows.length, expected.length, "one store order per WooCommerce order");
    assert.equal(byId.size, rows.length);
    for (const order of expected) {
      const row = byId.get(String(order.id));
      assert.ok(row, `order ${order.id} imported`);
      assert.equal(row.platform_status, order.status, `order ${order.id}'s status is current`);
      assert.equal(
        row.platform_updated_at.toISOString(),
        new Date(`${order.date_modified_gmt}Z`).toISOString(),
        `order ${order.id}'s modification time is current`,
      );
    }
    const summary = await syncSummary(t.db, storeId);
    assert.equal(summary.distinctExternalIds, expected.length);
    assert.deepEqual(summary.duplicatedSalesOrders, []);
    assert.deepEqual(summary.duplicatedCreatedEvents, []);
    assert.equal(summary.orphanSalesOrders, 0);
    assert.equal(summary.creatingWithoutSalesOrder, 0);
    assert.deepEqual(summary.heldForOtherReasons, []);

    // Deliveries flow again: a new order arrives by webhook, without an import.
    const fresh = sim.createOrder();
    await waitFor("the new order delivered", async () =>
      (await stored()).some((r) => r.external_id === String(fresh.id)) ? true : undefined,
    );
  });
});
