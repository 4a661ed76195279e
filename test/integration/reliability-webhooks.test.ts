// RELIABILITY.md B.1 R2 and R3 against the Nuvemshop simulator, over real HTTP: duplicate
// deliveries of one thin webhook make one sales order and nothing more, and deliveries out of
// order (or a stale retry after a cancel) end in the platform's current state, created once,
// never moving the status backwards. Jobs run on an in-process graphile worker (src/jobs/worker.ts).

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { buildTaskList } from "../../src/jobs/tasks.ts";
import { startWorker, type WorkerHandle } from "../../src/jobs/worker.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import { connectSimulatorStore, testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { queuedSyncOrders } from "../helpers/jobs.ts";
import { testLogger } from "../helpers/logger.ts";
import {
  deadJobs,
  postWebhook,
  type SignedWebhook,
  signedWebhook,
  type WebhookAnswer,
  waitForQueueDrained,
} from "../helpers/reliability.ts";

interface SalesOrderRow {
  id: number;
  status: string;
  canonical_status: string;
  status_version: number;
}

interface EventRow {
  id: number;
  kind: string;
  data: Record<string, unknown>;
}

/** Canonical statuses in the order an order moves through them (cancelado is final). */
const FORWARD = [
  "aguardando_pagamento",
  "pagamento_confirmado",
  "em_preparacao",
  "despachado",
  "embarcado",
  "entregue",
];

describe("reliability: duplicate and out-of-order Nuvemshop webhooks (R2, R3)", () => {
  let t: TestDatabase | undefined;
  let ctx: AppContext;
  let sim: NuvemshopSimulator | undefined;
  let app: FastifyInstance | undefined;
  let worker: WorkerHandle | undefined;
  let baseUrl: string;
  let storeId: number;

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    sim = await startNuvemshopSimulator({
      orders: 20,
      seed: 23,
      rateLimit: false,
      clientSecret: ctx.platforms.nuvemshop!.webhookSecret,
    });
    storeId = await connectSimulatorStore(ctx, sim, "Loja Webhooks");
    app = await buildApp({ ctx, version: "test" });
    // A real socket on a free port: the deliveries race on connections, not on inject().
    baseUrl = await app.listen({ host: "127.0.0.1", port: 0 });
  });

  after(async () => {
    // Each step on its own, so one failure does not leave the others running.
    await worker?.stop().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await sim?.close().catch(() => undefined);
    await t?.drop();
  });

  /** Starts the in-process worker once (no scheduler: only the jobs the webhooks make run). */
  const ensureWorker = async () => {
    worker ??= await startWorker({
      db: t!.db,
      logger: testLogger,
      tasks: buildTaskList(ctx),
      concurrency: 4,
      processName: "reliability-webhooks",
    });
  };

  const hook = (event: string, id: number): SignedWebhook =>
    signedWebhook(ctx.platforms.nuvemshop!.webhookSecret, sim!.storeId, event, id);

  const assert2xx = (answers: WebhookAnswer[]) =>
    assert.ok(
      answers.every((a) => a.status >= 200 && a.status < 300),
      `every delivery answered 2xx: ${JSON.stringify(answers)}`,
    );

  /** One delivery, then the worker processes everything it caused. */
  const deliver = async (webhook: SignedWebhook) => {
    const answer = await postWebhook(baseUrl, webhook);
    assert2xx([answer]);
    await ensureWorker();
    await waitForQueueDrained(t!.db);
    return answer;
  };

  const storeOrderIdOf = async (externalId: number) => {
    const { rows } = await t!.db.query<{ id: number }>(
      "select id from store_orders where store_id = $1 and external_id = $2",
      [storeId, String(externalId)],
    );
    assert.equal(rows.length, 1, `one store order for ${externalId}`);
    return rows[0]!.id;
  };
  const salesOrdersOf = async (storeOrderId: number) =>
    (
      await t!.db.query<SalesOrderRow>(
        `select id, status, canonical_status, status_version from sales_orders
          where store_order_id = $1 and deleted_at is null order by id`,
        [storeOrderId],
      )
    ).rows;
  const eventsOf = async (storeOrderId: number) =>
    (
      await t!.db.query<EventRow>(
        "select id, kind, data from order_events where store_order_id = $1 order by id",
        [storeOrderId],
      )
    ).rows;
  const inboxOf = async (externalId: number) =>
    (
      await t!.db.query<{ event: string; processed: boolean }>(
        `select event, processed_at is not null as processed from inbox
          where store_id = $1 and external_id = $2 order by id`,
        [storeId, String(externalId)],
      )
    ).rows;

  it("R2: the same signed webhook 10× at once, then 3× after processing, makes one sales order and no new events", async () => {
    assert.ok(t && sim);
    const order = sim.createOrder({
      payment_status: "paid",
      status: "open",
      shipping_status: "unpacked",
    }) as {
      id: number;
    };
    const created = hook("order/created", order.id);
    sim.clearLog();

    // Ten identical deliveries at the same moment, before any worker runs: one inbox row and one
    // job, the other nine are acknowledged as duplicates of the pending one.
    const burst = await Promise.all(Array.from({ length: 10 }, () => postWebhook(baseUrl, created)));
    assert2xx(burst);
    assert.deepEqual(
      burst.map((a) => a.code).sort(),
      ["accepted", ...Array(9).fill("duplicate")],
      "one delivery stored, nine recognised as duplicates",
    );
    assert.deepEqual(await inboxOf(order.id), [{ event: "order/created", processed: false }]);
    const queued = await queuedSyncOrders(t.db, storeId);
    assert.equal(
      queued.filter((id) => id === String(order.id)).length,
      1,
      "one queued sync of the order for the ten deliveries",
    );

    await ensureWorker();
    await waitForQueueDrained(t.db);
    const fetches = sim
      .requestLog()
      .filter((e) => e.method === "GET" && e.path.endsWith(`/orders/${order.id}`) && e.status === 200);
    assert.equal(fetches.length, 1, "the ten deliveries cost one read of the order");

    const storeOrderId = await storeOrderIdOf(order.id);
    const salesOrders = await salesOrdersOf(storeOrderId);
    assert.equal(salesOrders.length, 1, "one sales order");
    assert.equal(salesOrders[0]!.status, "confirmado");
    const eventsAfterFirst = await eventsOf(storeOrderId);
    assert.deepEqual(
      eventsAfterFirst.filter((e) => e.kind === "sales_order_created").length,
      1,
      "created once",
    );

    // "A minute later" (Nuvemshop re-sends what it considers unacknowledged or sends a duplicate
    // again): what matters is that the first inbox row is already closed and its job done, so a
    // repeat opens new work rather than coalescing with pending work. That is exactly the state
    // after waiting for the queue to drain; a real minute would only slow CI down.
    assert.deepEqual(await inboxOf(order.id), [{ event: "order/created", processed: true }]);
    const repeats: WebhookAnswer[] = [];
    for (let i = 0; i < 3; i++) repeats.push(await deliver(created));
    assert2xx(repeats);

    assert.equal((await salesOrdersOf(storeOrderId)).length, 1, "still one sales order");
    assert.deepEqual(await eventsOf(storeOrderId), eventsAfterFirst, "the repeats added no event");
    assert.ok(
      (await inboxOf(order.id)).every((r) => r.processed),
      "every stored delivery was processed",
    );
    const storeOrders = await t.db.query<{ n: number }>(
      "select count(*)::int as n from store_orders where store_id = $1 and external_id = $2",
      [storeId, String(order.id)],
    );
    assert.equal(storeOrders.rows[0]?.n, 1, "one store order");
    assert.deepEqual(await deadJobs(t.db), [], "no job failed for good");
  });

  it("R3: order/paid before order/created, then a stale order/paid after the cancel: platform state wins, created once, no regression", async () => {
    assert.ok(t && sim);
    // On the platform the order was created (pending) and then paid...
    const order = sim.createOrder({
      payment_status: "pending",
      status: "open",
      shipping_status: "unpacked",
    }) as {
      id: number;
    };
    sim.updateOrder(order.id, { payment_status: "paid" });
    const paid = hook("order/paid", order.id);
    const created = hook("order/created", order.id);

    // ...but the deliveries arrive the other way round: order/paid is delivered and processed first.
    await deliver(paid);
    const storeOrderId = await storeOrderIdOf(order.id);
    let salesOrders = await salesOrdersOf(storeOrderId);
    assert.equal(salesOrders.length, 1);
    assert.equal(salesOrders[0]!.status, "confirmado", "the job read the order as the platform has it: paid");
    assert.equal(salesOrders[0]!.canonical_status, "pagamento_confirmado");
    const eventsAfterPaid = await eventsOf(storeOrderId);

    // The late order/created changes nothing: the order is read again and is the same.
    await deliver(created);
    salesOrders = await salesOrdersOf(storeOrderId);
    assert.equal(salesOrders.length, 1, "order/created after order/paid does not create again");
    assert.equal(salesOrders[0]!.canonical_status, "pagamento_confirmado", "not moved back to pending");
    assert.deepEqual(await eventsOf(storeOrderId), eventsAfterPaid);

    // The store cancels the order (the platform's own cancel action) and its webhook is processed.
    const cancel = await fetch(`${sim.apiBase}/${sim.storeId}/orders/${order.id}/cancel`, {
      method: "POST",
      headers: {
        authentication: `bearer ${sim.accessToken}`,
        "user-agent": "Ponte reliability test (test@example.org)",
        "content-type": "application/json",
      },
      body: JSON.stringify({ reason: "customer", email: false, restock: false }),
    });
    assert.equal(cancel.status, 200, await cancel.text());
    await deliver(hook("order/cancelled", order.id));
    salesOrders = await salesOrdersOf(storeOrderId);
    assert.equal(salesOrders[0]!.status, "cancelado");
    const eventsAfterCancel = await eventsOf(storeOrderId);

    // A retry of the older order/paid delivery (same bytes as the first one) arrives last.
    const stale = await deliver(paid);
    assert.ok(stale.status >= 200 && stale.status < 300);

    const platform = sim.getOrder(order.id) as { status: string };
    assert.equal(platform.status, "cancelled");
    salesOrders = await salesOrdersOf(storeOrderId);
    assert.equal(salesOrders.length, 1, "one sales order");
    assert.equal(salesOrders[0]!.status, "cancelado", "final state = the platform's: cancelled");
    assert.equal(salesOrders[0]!.canonical_status, "cancelado");
    const events = await eventsOf(storeOrderId);
    assert.deepEqual(events, eventsAfterCancel, "the stale retry added nothing");
    assert.equal(events.filter((e) => e.kind === "sales_order_created").length, 1, "created exactly once");
    const changes = events
      .filter((e) => e.kind === "status_changed")
      .map((e) => ({ from: String(e.data.from), to: String(e.data.to) }));
    assert.deepEqual(changes, [{ from: "pagamento_confirmado", to: "cancelado" }]);
    for (const c of changes) {
      assert.ok(
        c.to === "cancelado" || FORWARD.indexOf(c.to) > FORWARD.indexOf(c.from),
        `status moved forward only: ${c.from} → ${c.to}`,
      );
    }
    assert.equal(salesOrders[0]!.status_version, 1 + changes.length, "one version per status change");
    assert.ok(
      (await inboxOf(order.id)).every((r) => r.processed),
      "every delivery was processed",
    );
    assert.deepEqual(await deadJobs(t.db), [], "no job failed for good");
  });
});
