// An order that no longer exists on the platform (issue 11, item 4): the platform answers 404
// to the status refresh, a webhook's re-read or Atualizar. Ponte marks it on its row and in its
// timeline, stops refreshing it, and clears the mark if the platform restores it.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { buildTaskList, type TaskList } from "../../src/jobs/tasks.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import { importOrders } from "../../src/sync/import-orders.ts";
import { scheduleStatusRefresh } from "../../src/sync/refresh-statuses.ts";
import { authHeaders } from "../helpers/auth.ts";
import { connectSimulatorStore, testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { jobInfo } from "../helpers/jobs.ts";
import { injectWebhook } from "../helpers/webhooks.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;

const GONE = "Pedido não existe mais na loja";

describe("an order gone from the platform", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: NuvemshopSimulator;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  let storeId: number;
  let tasks: TaskList;

  const api = async (method: "GET" | "POST", url: string) => {
    const res = await app.inject({ method, url, headers });
    return { status: res.statusCode, json: res.json() as Json };
  };
  const row = async (externalId: number) =>
    (await api("GET", `/api/v1/integration/${storeId}/orders/${externalId}`)).json;
  const timeline = async (externalId: number) => {
    const r = await row(externalId);
    const order = (await api("GET", `/api/v1/orders/${r.salesOrderId}`)).json;
    return (order.events as { kind: string; message: string }[]).map((e) => e.message);
  };
  /** The orders the next status refresh would re-read (its sync-order jobs). */
  const refreshSet = async () => {
    await t.db.query("delete from graphile_worker._private_jobs");
    await t.db.transaction((tx) => scheduleStatusRefresh(tx, storeId));
    const { rows } = await t.db.query<{ external_id: string }>(
      `select j.payload->>'externalId' as external_id from graphile_worker._private_jobs j
         join graphile_worker._private_tasks t on t.id = j.task_id where t.identifier = 'sync-order'`,
    );
    return rows.map((r) => Number(r.external_id));
  };

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    tasks = buildTaskList(ctx);
    sim = await startNuvemshopSimulator({ orders: 0, seed: 51, rateLimit: false });
    app = await buildApp({ ctx, version: "test" });
    headers = await authHeaders(ctx);
    storeId = await connectSimulatorStore(ctx, sim, "Loja Oeste");
  });
  after(async () => {
    await app.close();
    await sim.close();
    await t.drop();
  });

  it("the status refresh marks it on its row and timeline once, and stops re-reading it", async () => {
    const keep = sim.createOrder({ payment_status: "paid" }) as { id: number };
    const doomed = sim.createOrder({ payment_status: "paid" }) as { id: number };
    assert.ok((await importOrders(ctx, storeId)).done);
    assert.deepEqual((await refreshSet()).sort(), [keep.id, doomed.id].sort());
    assert.equal((await row(doomed.id)).goneAt, null);

    sim.deleteOrder(doomed.id);
    // The refresh's job for it runs (twice: a second run adds nothing).
    await tasks["sync-order"]!({ storeId, externalId: String(doomed.id) }, jobInfo());
    await tasks["sync-order"]!({ storeId, externalId: String(doomed.id) }, jobInfo());
    const marked = await row(doomed.id);
    assert.ok(marked.goneAt, "marked on its row");
    assert.equal(marked.synced, true, "its sales order stays as it was");
    assert.equal((await timeline(doomed.id)).filter((m) => m === GONE).length, 1);
    assert.deepEqual(await refreshSet(), [keep.id], "no longer re-read every interval");
    const attention = await api("GET", `/api/v1/integration/${storeId}/orders?view=attention`);
    assert.ok(
      attention.json.orders.some((o: Json) => o.externalId === String(doomed.id)),
      "listed among the orders that need attention",
    );
  });

  it("a webhook's re-read and Atualizar mark it too; a restore on the platform clears the mark", async () => {
    const a = sim.createOrder({ payment_status: "paid" }) as { id: number };
    const b = sim.createOrder({ payment_status: "paid" }) as { id: number };
    assert.ok((await importOrders(ctx, storeId)).done);

    const deletedA = sim.deleteOrder(a.id);
    assert.deepEqual(
      await injectWebhook(app, ctx.platforms.nuvemshop!.webhookSecret, sim.storeId, "order/updated", a.id),
      { status: 200, ack: "accepted" },
    );
    await tasks["sync-orders"]!({ storeId }, jobInfo());
    assert.ok((await row(a.id)).goneAt, "marked by the webhook's re-read");
    assert.ok((await timeline(a.id)).includes(GONE));

    sim.deleteOrder(b.id);
    const update = await api("POST", `/api/v1/integration/${storeId}/orders/${b.id}/update`);
    assert.equal(update.status, 409);
    assert.match(update.json.error.reason, /não existe mais na (loja|plataforma)/);
    assert.ok((await row(b.id)).goneAt, "marked by Atualizar");

    // Restored on the platform: the next webhook finds it again, the mark goes.
    sim.restoreOrder(deletedA);
    await injectWebhook(app, ctx.platforms.nuvemshop!.webhookSecret, sim.storeId, "order/updated", a.id);
    await tasks["sync-orders"]!({ storeId }, jobInfo());
    assert.equal((await row(a.id)).goneAt, null);
    assert.ok((await timeline(a.id)).some((m) => /voltou a existir na loja/.test(m)));
    assert.ok((await refreshSet()).includes(a.id), "refreshed again");
  });
});
