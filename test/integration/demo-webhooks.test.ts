// The demo store still receives webhooks right after start, now that the simulator delivers only
// to registered URLs: its webhooks are registered like a real store's, at PONTE_PUBLIC_URL when
// that is https, otherwise at the demo's own simulated address, which only the demo store has.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { DEMO_BASE, startDemoStore } from "../../src/demo.ts";
import { buildApp } from "../../src/http/app.ts";
import { buildTaskList } from "../../src/jobs/tasks.ts";
import { startWorker, type WorkerHandle } from "../../src/jobs/worker.ts";
import { startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import { getStore, listStores } from "../../src/stores/stores.ts";
import { authHeaders } from "../helpers/auth.ts";
import { testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { testLogger } from "../helpers/logger.ts";
import { waitFor } from "../helpers/process.ts";

for (const publicUrl of [undefined, "https://ponte.test"]) {
  describe(`the demo store's webhooks (PONTE_PUBLIC_URL ${publicUrl ?? "unset"})`, () => {
    let t: TestDatabase;
    let ctx: AppContext;
    let app: FastifyInstance;
    let worker: WorkerHandle;
    let demo: Awaited<ReturnType<typeof startDemoStore>>;

    before(async () => {
      t = await createTestDatabase();
      ctx = testContext(t.db, publicUrl ? { PONTE_PUBLIC_URL: publicUrl } : {});
      app = await buildApp({ ctx, version: "test" });
      const url = await app.listen({ host: "127.0.0.1", port: 0 });
      worker = await startWorker({
        db: t.db,
        logger: testLogger,
        tasks: buildTaskList(ctx),
        concurrency: 2,
        processName: "demo",
      });
      demo = await startDemoStore(ctx, url);
    });
    after(async () => {
      await worker?.stop().catch(() => undefined);
      await app?.close().catch(() => undefined);
      await demo?.close().catch(() => undefined);
      await t?.drop();
    });

    it("registers them and a new demo order arrives by webhook", async () => {
      assert.ok(demo);
      const [store] = await listStores(t.db);
      const registered = await waitFor("the demo's webhooks registered", async () => {
        const s = await getStore(t.db, store!.id);
        return s.webhooks.state === "registered" ? s : undefined;
      });
      assert.equal(registered.webhooks.url, `${publicUrl ?? DEMO_BASE}/webhooks/nuvemshop`);

      const order = demo.simulator.createOrder({ status: "open", payment_status: "paid" });
      await waitFor("the demo order's sales order", async () => {
        const { rows } = await t.db.query(
          `select 1 from sales_orders s join store_orders so on so.id = s.store_order_id
            where so.store_id = $1 and so.external_id = $2`,
          [store!.id, String(order.id)],
        );
        return rows[0];
      });
      assert.ok(
        demo.simulator
          .sentWebhooks()
          .some((w) => w.id === order.id && w.url === registered.webhooks.url && w.status === 200),
      );
    });

    it("after a restart the demo's new simulator gets the webhooks again", async () => {
      await demo!.close();
      const [store] = await listStores(t.db);
      demo = await startDemoStore(ctx, `http://127.0.0.1:${(app.server.address() as { port: number }).port}`);
      assert.ok(demo, "the demo store is still the only store");
      // The restart put the registration back to pending: "registered" means it ran again.
      await waitFor("the webhooks registered on the new simulator", async () =>
        (await getStore(t.db, store!.id)).webhooks.state === "registered" ? true : undefined,
      );
      const order = demo.simulator.createOrder({ status: "open", payment_status: "paid" });
      await waitFor("the order delivered", async () =>
        demo!.simulator.sentWebhooks().some((w) => w.id === order.id && w.status === 200) ? true : undefined,
      );
    });

    it("a real store connected next to it never gets the demo's address", async () => {
      const sim = await startNuvemshopSimulator({ orders: 0, storeId: 7000001, rateLimit: false });
      try {
        const res = await app.inject({
          method: "POST",
          url: "/api/v1/stores",
          headers: await authHeaders(ctx),
          payload: {
            platform: "nuvemshop",
            name: "Loja Real",
            externalId: String(sim.storeId),
            accessToken: sim.accessToken,
            apiBaseUrl: sim.apiBase,
          },
        });
        assert.equal(res.statusCode, 201, res.body);
        if (publicUrl) {
          const s = await waitFor("registered", async () => {
            const store = await getStore(t.db, res.json().id);
            return store.webhooks.state === "registered" ? store : undefined;
          });
          assert.equal(s.webhooks.url, `${publicUrl}/webhooks/nuvemshop`);
        } else {
          assert.equal(res.json().webhooks.state, "not_configured");
        }
      } finally {
        await sim.close();
      }
    });
  });
}
