// "Importar pedidos" (seed 002) switches the whole process for a store: off, webhook notices are
// kept but nothing syncs, imports and pushes wait and the panel's actions say why; on again,
// everything that waited goes through, pushes without having spent attempts.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { dispatchInbox } from "../../src/jobs/inbox-dispatcher.ts";
import { buildTaskList } from "../../src/jobs/tasks.ts";
import { startWorker } from "../../src/jobs/worker.ts";
import { runPush } from "../../src/push/run-push.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import { importOrders } from "../../src/sync/import-orders.ts";
import { scheduleStatusRefresh } from "../../src/sync/refresh-statuses.ts";
import { syncOrder } from "../../src/sync/sync-order.ts";
import { authHeaders } from "../helpers/auth.ts";
import { connectSimulatorStore, testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { jobInfo, queuedSyncOrders } from "../helpers/jobs.ts";
import { testLogger } from "../helpers/logger.ts";
import { waitForQueueDrained } from "../helpers/reliability.ts";
import { injectWebhook } from "../helpers/webhooks.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;

const OFF_REASON = /importação desta loja está desligada/i;

describe("Importar pedidos off stops the whole process; on, the backlog goes through", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: NuvemshopSimulator;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  let storeId: number;

  const api = async (method: "GET" | "POST" | "PATCH", url: string, payload?: unknown) => {
    const res = await app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return { status: res.statusCode, json: res.json() as Json };
  };
  const row = async (externalId: string) =>
    (await api("GET", `/api/v1/integration/${storeId}/orders/${externalId}`)).json;
  const salesOrderOf = async (externalId: string) =>
    ((await row(externalId)).salesOrderId ?? null) as number | null;
  const setImport = async (importEnabled: boolean) => {
    const res = await api("PATCH", `/api/v1/stores/${storeId}`, { importEnabled });
    assert.equal(res.status, 200, JSON.stringify(res.json));
    assert.equal(res.json.importEnabled, importEnabled);
  };
  const webhook = (event: string, id: number) =>
    injectWebhook(app, ctx.platforms.nuvemshop!.webhookSecret, sim.storeId, event, id);

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    sim = await startNuvemshopSimulator({ orders: 4, seed: 31, rateLimit: false });
    app = await buildApp({ ctx, version: "test" });
    headers = await authHeaders(ctx);
    storeId = await connectSimulatorStore(ctx, sim, "Loja Sul");
    assert.ok((await importOrders(ctx, storeId)).done);
  });
  after(async () => {
    await app.close();
    await sim.close();
    await t.drop();
  });

  it("off: notices stored not synced, import 409, Criar/Atualizar 409, push waits at 0 attempts; on: all of it once", async () => {
    const tasks = buildTaskList(ctx);
    // A paid order, synced: its back-office change will owe the store a push.
    const paid = sim.createOrder({ payment_status: "paid", shipping_status: "unpacked" }) as { id: number };
    assert.equal((await syncOrder(ctx, storeId, String(paid.id)))?.state, "synced");
    const paidSalesOrder = (await salesOrderOf(String(paid.id)))!;
    // Another synced order whose status refresh was queued before the switch went off.
    const refreshed = sim.createOrder({ payment_status: "paid", shipping_status: "unpacked" }) as {
      id: number;
    };
    assert.equal((await syncOrder(ctx, storeId, String(refreshed.id)))?.state, "synced");
    assert.ok((await t.db.transaction((tx) => scheduleStatusRefresh(tx, storeId))) > 0);
    sim.updateOrder(refreshed.id, { shipping_status: "packed" });

    await setImport(false);

    // The refresh job that was already queued runs now: nothing syncs, the work is not lost.
    await tasks["sync-order"]!({ storeId, externalId: String(refreshed.id) }, jobInfo());
    assert.equal(
      (await row(String(refreshed.id))).canonicalStatus,
      "pagamento_confirmado",
      "no sync while off",
    );

    // A new order's webhook: accepted and kept, but neither dispatched nor synced.
    const fresh = sim.createOrder({ payment_status: "paid" }) as { id: number };
    assert.deepEqual(await webhook("order/created", fresh.id), { status: 200, ack: "accepted" });
    assert.ok(!(await dispatchInbox(t.db)).includes(storeId), "no sync job for a store that is off");
    // A sync-orders job queued just before the switch went off claims nothing.
    await tasks["sync-orders"]!({ storeId }, jobInfo());
    assert.equal(await salesOrderOf(String(fresh.id)), null, "not synced while off");
    const waiting = await queuedSyncOrders(t.db, storeId);
    assert.ok(waiting.includes(String(fresh.id)), "the notice waits in the inbox");
    assert.ok(waiting.includes(String(refreshed.id)), "the refresh waits in the queue");

    // Importar agora: refused with the reason; the import job itself does nothing.
    const now = await api("POST", `/api/v1/stores/${storeId}/import`);
    assert.equal(now.status, 409, JSON.stringify(now.json));
    assert.match(now.json.error.reason, OFF_REASON);
    assert.equal((await importOrders(ctx, storeId)).pages, 0);
    // The status refresh queues nothing while off.
    assert.equal(await t.db.transaction((tx) => scheduleStatusRefresh(tx, storeId)), 0);

    // Criar and Atualizar are refused with the same reason.
    const update = await api("POST", `/api/v1/integration/${storeId}/orders/${paid.id}/update`);
    assert.equal(update.status, 409);
    assert.match(update.json.error.reason, OFF_REASON);
    const held = sim.createOrder({ status: "cancelled" }) as { id: number };
    const heldOutcome = await syncOrder(ctx, storeId, String(held.id));
    assert.equal(heldOutcome, null, "a direct sync does nothing while off");

    // A back-office change owes the store a push: it waits without spending an attempt.
    const moved = await api("POST", `/api/v1/orders/${paidSalesOrder}/status`, { status: "em_preparacao" });
    assert.equal(moved.status, 200, JSON.stringify(moved.json));
    const pushes = async () =>
      (
        await t.db.query<{ id: number; status: string; attempts: number }>(
          "select id, status, attempts from outbox where sales_order_id = $1 and channel = 'platform' order by id",
          [paidSalesOrder],
        )
      ).rows;
    const [push] = await pushes();
    assert.ok(push, "the change queued a push");
    await runPush(ctx, Number(push.id));
    assert.deepEqual(
      (await pushes()).map((p) => [p.status, p.attempts]),
      [["pending", 0]],
    );
    assert.equal(sim.actions().filter((a) => a.orderId === paid.id).length, 0, "nothing reached the store");

    // On again: the notices, the refresh, the import and the push go through, each once.
    await setImport(true);
    const worker = await startWorker({
      db: t.db,
      logger: testLogger,
      tasks: buildTaskList(ctx),
      concurrency: 2,
      processName: "test",
    });
    try {
      await waitForQueueDrained(t.db);
    } finally {
      await worker.stop();
    }
    assert.ok(await salesOrderOf(String(fresh.id)), "the order of the kept notice is synced");
    const notices = await t.db.query<{ n: number }>(
      "select count(*)::int as n from inbox where store_id = $1 and external_id = $2 and processed_at is null",
      [storeId, String(fresh.id)],
    );
    assert.equal(notices.rows[0]!.n, 0, "the notice was processed");
    assert.equal(
      (await row(String(refreshed.id))).canonicalStatus,
      "em_preparacao",
      "the refresh that waited ran",
    );
    assert.deepEqual(
      (await pushes()).map((p) => [p.status, p.attempts]),
      [["sent", 1]],
    );
    assert.equal(sim.actions().filter((a) => a.orderId === paid.id && a.action === "pack").length, 1);
    assert.equal((await row(String(held.id))).syncState, "held", "the import ran: the cancelled order is in");
  });

  it("the panel's Criar is refused while off, with the reason", async () => {
    const cancelled = sim.createOrder({ status: "cancelled" }) as { id: number };
    assert.equal((await syncOrder(ctx, storeId, String(cancelled.id)))?.state, "held");
    await setImport(false);
    const created = await api("POST", `/api/v1/integration/${storeId}/orders/${cancelled.id}/create`);
    assert.equal(created.status, 409);
    assert.match(created.json.error.reason, OFF_REASON);
    const retried = await api("POST", `/api/v1/integration/${storeId}/orders/${cancelled.id}/retry`);
    assert.equal(retried.status, 409);
    assert.match(retried.json.error.reason, OFF_REASON);
    assert.equal((await row(String(cancelled.id))).synced, false);
    await setImport(true);
  });
});
