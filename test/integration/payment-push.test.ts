// A payment confirmed by hand (bank deposit, seed 003) reaches the store through the push outbox
// (issue 11, item 11): Nuvemshop's PUT /orders/{id} {"status":"paid"}, read first so a retried push
// is a no-op, exactly once through an answer lost after the platform applied it and a job run
// twice; the order then syncs back as paid without noise. While the store does not show it, the
// order page says why next to the store's "Aguardando pagamento".
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { runPush } from "../../src/push/run-push.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import { syncOrder } from "../../src/sync/sync-order.ts";
import { authHeaders } from "../helpers/auth.ts";
import { connectSimulatorStore, testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;

describe("payment confirmed by hand, pushed to the store", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: NuvemshopSimulator;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  let storeId: number;

  const api = async (method: "GET" | "POST" | "PUT", url: string, payload?: unknown) => {
    const res = await app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as Json;
  };

  /** A bank-deposit order placed on the store, awaiting payment, imported. */
  async function depositOrder(): Promise<{ salesOrderId: number; externalId: string }> {
    const order = sim.createOrder({
      payment_status: "pending",
      gateway: "offline",
      gateway_name: "Transferência bancária",
      payment_details: { method: "wire_transfer", installments: 1 },
    }) as { id: number };
    const externalId = String(order.id);
    const outcome = await syncOrder(ctx, storeId, externalId);
    assert.ok(outcome?.salesOrderId);
    return { salesOrderId: outcome.salesOrderId, externalId };
  }

  const pushesOf = async (salesOrderId: number) =>
    (
      await t.db.query<Json>(
        "select id, action, status, attempts, dedupe_key from outbox where sales_order_id = $1 order by id",
        [salesOrderId],
      )
    ).rows;

  /** Runs an order's push jobs as the queue would until none is pending. */
  async function drain(salesOrderId: number): Promise<void> {
    for (let round = 0; round < 200; round++) {
      const pending = (await pushesOf(salesOrderId)).filter((p) => p.status === "pending");
      if (pending.length === 0) return;
      for (const p of pending) await runPush(ctx, Number(p.id));
      await new Promise((r) => setTimeout(r, 30));
    }
    assert.fail("pushes still pending");
  }

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    ctx.push = { ...ctx.push, baseDelayMs: 10, maxDelayMs: 50, timeoutMs: 3_000 };
    sim = await startNuvemshopSimulator({ orders: 0, seed: 1111, rateLimit: false });
    app = await buildApp({ ctx, version: "test" });
    headers = await authHeaders(ctx);
    storeId = await connectSimulatorStore(ctx, sim, "Loja Depósito");
  });
  beforeEach(() => sim.setOptions({ faultScript: null }));
  after(async () => {
    await app.close();
    await sim.close();
    await t.drop();
  });

  it("Confirmar pagamento sends one PUT status=paid through a lost answer and a double run; the store syncs back as paid quietly", async () => {
    const { salesOrderId, externalId } = await depositOrder();
    const before = await api("GET", `/api/v1/orders/${salesOrderId}`);
    assert.equal(before.payments[0].platformStatus, "pending");
    assert.equal(before.payments[0].storeSync, null, "nothing to explain before a confirmation by hand");

    // The platform applies the PUT, then the answer is lost (a gateway timeout).
    sim.setOptions({
      faultScript: [{ status: 502, count: 1, method: "PUT", path: "^/orders/\\d+$", afterApply: true }],
    });
    const confirmed = await api("POST", `/api/v1/orders/${salesOrderId}/confirm-payment`, {
      note: "depósito conferido",
    });
    assert.equal(confirmed.order.canonicalStatus, "pagamento_confirmado");
    const [push] = await pushesOf(salesOrderId);
    assert.ok(push, "the confirmation queued a push");
    assert.equal(push.action, "pay");
    assert.equal(push.dedupe_key, `push:${salesOrderId}:pay`);
    const waiting = await api("GET", `/api/v1/orders/${salesOrderId}`);
    assert.equal(waiting.payments[0].platformStatus, "pending");
    assert.equal(waiting.payments[0].storeSync.state, "pending");
    assert.match(waiting.payments[0].storeSync.message, /Pagamento confirmado no ERP; envio à loja pendente/);

    await drain(salesOrderId);
    await runPush(ctx, Number(push.id)); // the queue delivers the job twice
    await runPush(ctx, Number(push.id));
    const [done] = await pushesOf(salesOrderId);
    assert.deepEqual([done!.status, done!.attempts], ["sent", 2], "the lost answer, then the read-first");
    const puts = sim.actions().filter((a) => String(a.orderId) === externalId && a.action === "update");
    assert.deepEqual(
      puts.map((a) => a.body),
      [{ status: "paid" }],
      "exactly one PUT status=paid",
    );
    assert.equal(
      sim.requestLog().filter((r) => r.method === "PUT" && r.path.endsWith(`/orders/${externalId}`)).length,
      1,
    );
    assert.equal(sim.getOrder(Number(externalId))!.payment_status, "paid");
    const sent = (await api("GET", `/api/v1/orders/${salesOrderId}`)).events as Json[];
    const line = sent.find((e) => e.kind === "push_sent")!;
    assert.match(line.message, /marcado como pago na loja \(já constava na plataforma/);

    // The store's order comes back paid: same status, no new timeline line, nothing left to explain.
    const eventsBefore = sent.length;
    await syncOrder(ctx, storeId, externalId);
    const synced = await api("GET", `/api/v1/orders/${salesOrderId}`);
    assert.equal(synced.payments[0].platformStatus, "paid");
    assert.equal(synced.payments[0].storeSync, null);
    assert.equal(synced.payments[0].confirmedBy, confirmed.paymentConfirmedBy, "who confirmed stays");
    assert.equal(synced.canonicalStatus, "pagamento_confirmado");
    assert.deepEqual(
      (synced.events as Json[]).slice(eventsBefore).map((e) => e.kind),
      [],
      "the sync back adds nothing to the timeline",
    );
    assert.equal((await pushesOf(salesOrderId)).length, 1);
  });

  it("a failed push and a store that turned it off are said next to the store's payment status", async () => {
    ctx.push = { ...ctx.push, maxAttempts: 1 };
    try {
      const { salesOrderId } = await depositOrder();
      sim.setOptions({ faultScript: [{ status: 503, count: 5, method: "PUT", path: "^/orders/\\d+$" }] });
      await api("POST", `/api/v1/orders/${salesOrderId}/confirm-payment`, {});
      await drain(salesOrderId);
      const failed = (await api("GET", `/api/v1/orders/${salesOrderId}`)).payments[0];
      assert.equal(failed.platformStatus, "pending");
      assert.equal(failed.storeSync.state, "failed");
      assert.match(failed.storeSync.message, /envio à loja falhou.*Reenviar/);
    } finally {
      ctx.push = { ...ctx.push, maxAttempts: 10 };
    }

    const map = await api("GET", `/api/v1/stores/${storeId}/push-map`);
    const row = (map.rows as Json[]).find((r) => r.trigger === "pagamento_confirmado")!;
    assert.deepEqual(row.actions, ["pay"], "Nuvemshop's default: mark the order paid");
    await api("PUT", `/api/v1/stores/${storeId}/push-map`, {
      rows: [{ trigger: "pagamento_confirmado", actions: [] }],
    });
    try {
      const { salesOrderId } = await depositOrder();
      await api("POST", `/api/v1/orders/${salesOrderId}/confirm-payment`, {});
      assert.deepEqual(await pushesOf(salesOrderId), []);
      const off = (await api("GET", `/api/v1/orders/${salesOrderId}`)).payments[0];
      assert.equal(off.storeSync.state, "off");
      assert.match(off.storeSync.message, /Pagamento confirmado no ERP; .*Envio à loja/);
    } finally {
      await api("PUT", `/api/v1/stores/${storeId}/push-map`, { rows: [] });
    }
  });
});
