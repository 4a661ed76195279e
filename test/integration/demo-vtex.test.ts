// The demo's second store, Loja Demo VTEX: connected to the VTEX simulator Ponte runs in-process,
// its orders imported, its hook registered at the demo's simulated address (which only demo
// stores have), and a new order arriving through the hook; after a restart the new simulator gets
// the hook again.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { DEMO_BASE, startVtexDemoStore } from "../../src/demo.ts";
import { buildApp } from "../../src/http/app.ts";
import { enqueue } from "../../src/jobs/queue.ts";
import { importJob } from "../../src/jobs/specs.ts";
import { buildTaskList } from "../../src/jobs/tasks.ts";
import { startWorker, type WorkerHandle } from "../../src/jobs/worker.ts";
import { getStore, listStores } from "../../src/stores/stores.ts";
import { testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { testLogger } from "../helpers/logger.ts";
import { waitFor } from "../helpers/process.ts";

describe("the demo's VTEX store", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let app: FastifyInstance;
  let worker: WorkerHandle;
  let url: string;
  let demo: Awaited<ReturnType<typeof startVtexDemoStore>> | undefined;

  before(async () => {
    t = await createTestDatabase();
    // As `ponte start` runs it: no PONTE_ALLOW_API_OVERRIDE, no public address.
    ctx = testContext(t.db, { PONTE_ALLOW_API_OVERRIDE: "off" });
    app = await buildApp({ ctx, version: "test" });
    url = await app.listen({ host: "127.0.0.1", port: 0 });
    worker = await startWorker({
      db: t.db,
      logger: testLogger,
      tasks: buildTaskList(ctx),
      concurrency: 2,
      processName: "demo-vtex",
    });
    demo = await startVtexDemoStore(ctx, url);
  });
  after(async () => {
    await worker?.stop().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await demo?.close().catch(() => undefined);
    await t?.drop();
  });

  const store = async () => (await listStores(t.db)).find((s) => s.platform === "vtex")!;
  const salesOrderOf = async (storeId: number, externalId: string) =>
    (
      await t.db.query(
        `select 1 from sales_orders s join store_orders so on so.id = s.store_order_id
          where so.store_id = $1 and so.external_id = $2`,
        [storeId, externalId],
      )
    ).rows[0];

  it("imports its orders, registers the hook at the demo's address, and a new order arrives by the hook", async () => {
    const s = await store();
    assert.equal(s.name, "Loja Demo VTEX");
    const registered = await waitFor("the hook registered", async () => {
      const current = await getStore(t.db, s.id);
      return current.webhooks.state === "registered" ? current : undefined;
    });
    assert.equal(registered.webhooks.url, `${DEMO_BASE}/webhooks/vtex`);
    await t.db.transaction((tx) => enqueue(tx, importJob(s.id)));
    await waitFor(
      "the seeded orders imported",
      async () => {
        const { rows } = await t.db.query<{ n: number }>(
          "select count(*)::int as n from store_orders where store_id = $1",
          [s.id],
        );
        return rows[0]!.n >= 30 ? true : undefined;
      },
      60_000,
    );

    const order = demo!.simulator.createOrder({ status: "ready-for-handling" });
    await waitFor("the new order's sales order", () => salesOrderOf(s.id, order.orderId));
    assert.ok(
      demo!.simulator.sentNotices().some((n) => n.orderId === order.orderId && n.status === 200),
      "it came through the hook",
    );
  });

  it("after a restart the new simulator gets the hook again", async () => {
    await demo!.close();
    const s = await store();
    demo = await startVtexDemoStore(ctx, url);
    assert.equal((await listStores(t.db)).filter((x) => x.platform === "vtex").length, 1, "the same store");
    await waitFor("the hook registered on the new simulator", async () =>
      (await getStore(t.db, s.id)).webhooks.state === "registered" ? true : undefined,
    );
    const order = demo.simulator.createOrder({ status: "ready-for-handling" });
    await waitFor("the order's sales order", () => salesOrderOf(s.id, order.orderId));
  });
});
