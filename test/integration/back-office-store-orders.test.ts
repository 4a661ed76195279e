// The back office's invariants on orders that came from a store (issue 11, items 8–10), with
// the data built the way a store builds it: orders made on the Nuvemshop simulator, imported,
// changed on the platform and announced by signed webhooks; every action through the API.
// - At most one live invoice per store order, whatever its sales orders: the sequence excluir →
//   Mapeamento → Criar → faturar used to give two invoices, twice the stock out and the receivables.
// - A store-side cancellation of an invoiced or shipped order is flagged, never silent.
// - Seed 003's payment rule: the steps past payment need it confirmed (never silently), Entregue
//   needs a shipment or a pickup.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { buildTaskList } from "../../src/jobs/tasks.ts";
import { startWorker, type WorkerHandle } from "../../src/jobs/worker.ts";
import {
  type NuvemshopSimulator,
  signWebhookBody,
  startNuvemshopSimulator,
} from "../../src/simulators/nuvemshop/index.ts";
import { call } from "../../src/simulators/nuvemshop/test-client.ts";
import { syncOrder } from "../../src/sync/sync-order.ts";
import { authHeaders } from "../helpers/auth.ts";
import { connectSimulatorStore, testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { testLogger } from "../helpers/logger.ts";
import { waitFor } from "../helpers/process.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;

describe("back office on store orders: one live invoice, store cancellations, the payment rule", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: NuvemshopSimulator;
  let app: FastifyInstance;
  let worker: WorkerHandle;
  let headers: Record<string, string>;
  let storeId: number;

  const api = async (method: "GET" | "POST" | "DELETE" | "PUT", url: string, payload?: unknown) => {
    const res = await app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return { status: res.statusCode, json: (res.body ? res.json() : null) as Json };
  };
  const ok = async (method: "GET" | "POST" | "DELETE" | "PUT", url: string, payload?: unknown) => {
    const res = await api(method, url, payload);
    assert.ok(
      res.status >= 200 && res.status < 300,
      `${method} ${url}: ${res.status} ${JSON.stringify(res.json)}`,
    );
    return res.json;
  };
  const refused = async (method: "POST" | "DELETE", url: string, payload?: unknown) => {
    const res = await api(method, url, payload);
    assert.equal(res.status, 409, `${method} ${url}: ${JSON.stringify(res.json)}`);
    return res.json.error as Json;
  };
  const panel = (externalId: string, action = "") =>
    `/api/v1/integration/${storeId}/orders/${externalId}${action ? `/${action}` : ""}`;
  const count = async (sql: string, params: unknown[] = []) =>
    (await t.db.query<{ n: number }>(`select count(*)::int as n from ${sql}`, params)).rows[0]!.n;

  /** An order placed on the store and imported: its sales order, platform id and store order id. */
  async function imported(overrides: Record<string, unknown>) {
    const order = sim.createOrder(overrides) as { id: number };
    const externalId = String(order.id);
    const outcome = await syncOrder(ctx, storeId, externalId);
    assert.ok(outcome?.salesOrderId, `imported: ${JSON.stringify(outcome)}`);
    return { salesOrderId: outcome.salesOrderId, externalId, storeOrderId: outcome.storeOrderId };
  }

  /** The store's change announced as the platform does: a signed webhook, synced by the worker. */
  async function announce(externalId: string, event: string) {
    const body = JSON.stringify({ store_id: sim.storeId, event, id: Number(externalId) });
    const res = await app.inject({
      method: "POST",
      url: "/webhooks/nuvemshop",
      headers: {
        "content-type": "application/json",
        "x-linkedstore-hmac-sha256": signWebhookBody(body, ctx.platforms.nuvemshop!.webhookSecret),
      },
      payload: body,
    });
    assert.equal(res.statusCode, 200, res.body);
  }

  const liveInvoicesOfStoreOrder = (storeOrderId: number) =>
    count(
      `invoices i join sales_orders s on s.id = i.sales_order_id
        where s.store_order_id = $1 and i.status = 'approved'`,
      [storeOrderId],
    );

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    sim = await startNuvemshopSimulator({ orders: 0, seed: 311, rateLimit: false });
    app = await buildApp({ ctx, version: "test" });
    headers = await authHeaders(ctx);
    storeId = await connectSimulatorStore(ctx, sim, "Loja Centro");
    worker = await startWorker({
      db: t.db,
      logger: testLogger,
      tasks: buildTaskList(ctx),
      concurrency: 2,
      processName: "test",
    });
  });
  after(async () => {
    await worker.stop();
    await app.close();
    await sim.close();
    await t.drop();
  });

  describe("item 8: at most one live invoice per store order", () => {
    it("excluir → Mapeamento → Criar → faturar never leaves two live invoices, nor takes the stock out twice", async () => {
      const first = await imported({ payment_status: "paid" });
      const invoiced = await ok("POST", `/api/v1/orders/${first.salesOrderId}/invoice`, { kind: "simple" });
      const skus = (invoiced.stockMovements as Json[]).map((m) => m.sku as string);
      assert.ok(skus.length > 0, "the invoice took stock out");
      const stockOf = async () =>
        (
          await t.db.query<{ sku: string; stock: number }>(
            "select sku, stock_quantity::int as stock from products where sku = any($1) order by sku",
            [skus],
          )
        ).rows;
      const once = await stockOf();

      // The sequence that gave a second invoice: excluir the sales order while its invoice is live.
      const deleted = await refused("DELETE", `/api/v1/orders/${first.salesOrderId}`);
      assert.equal(deleted.reasonCode, "invoice_live");
      assert.match(deleted.reason, /nota fiscal.*ativa.*estorno/i);
      assert.equal((await ok("GET", `/api/v1/orders/${first.salesOrderId}`)).deletedAt, null);
      const unlink = await refused("DELETE", panel(first.externalId, "link"));
      assert.equal(unlink.reasonCode, "unlink_not_allowed");
      assert.equal((await refused("POST", panel(first.externalId, "create"))).reasonCode, "already_synced");
      const twice = await refused("POST", `/api/v1/orders/${first.salesOrderId}/invoice`, { kind: "simple" });
      assert.equal(twice.code, "already_invoiced");
      assert.equal(await liveInvoicesOfStoreOrder(first.storeOrderId), 1);
      assert.deepEqual(await stockOf(), once, "stock out once");

      // The way it is meant to go: estorno first, then the sales order may go and come back.
      await ok("POST", `/api/v1/orders/${first.salesOrderId}/invoice/cancel`, { reason: "refazer o pedido" });
      assert.equal((await api("DELETE", `/api/v1/orders/${first.salesOrderId}`)).status, 204);
      await ok("DELETE", panel(first.externalId, "link"));
      const recreated = await ok("POST", panel(first.externalId, "create"));
      assert.notEqual(recreated.salesOrderId, first.salesOrderId);
      const second = await ok("POST", `/api/v1/orders/${recreated.salesOrderId}/invoice`, { kind: "simple" });
      assert.equal(second.invoice.status, "approved");
      assert.equal(await liveInvoicesOfStoreOrder(first.storeOrderId), 1);
      assert.deepEqual(await stockOf(), once, "out, back in with the estorno, out again: once in all");
      const open = await count(
        `receivables r join sales_orders s on s.id = r.sales_order_id
          where s.store_order_id = $1 and r.status = 'open'`,
        [first.storeOrderId],
      );
      assert.equal(open, second.receivables.length, "only the live invoice's receivables are open");

      // The database holds the line itself: no second live invoice on the store order, even
      // on the old sales order written past the application.
      await assert.rejects(
        t.db.query("insert into invoices (org_id, sales_order_id, kind) values (1, $1, 'simple')", [
          first.salesOrderId,
        ]),
        /invoices_one_live_per_store_order/,
      );
    });

    it("Mapeamento of an order created with an invalid status is refused while its invoice is live", async () => {
      // A shipping status the store's table does not know: synced by Criar with status inválido.
      const order = sim.createOrder({ payment_status: "paid", shipping_status: "em_separacao" }) as {
        id: number;
      };
      const externalId = String(order.id);
      const held = await syncOrder(ctx, storeId, externalId);
      assert.equal(held?.state, "held");
      const created = await ok("POST", panel(externalId, "create"));
      assert.equal(created.statusValid, false);
      assert.equal(created.canUnlink, true, "before the invoice, Mapeamento may go");
      await ok("POST", `/api/v1/orders/${created.salesOrderId}/invoice`, { kind: "simple" });

      const row = await ok("GET", panel(externalId));
      assert.equal(row.canUnlink, false);
      assert.match(row.unlinkRefusal, /nota fiscal.*ativa.*estorno/i);
      const unlink = await refused("DELETE", panel(externalId, "link"));
      assert.match(unlink.reason, /estorno/);
      assert.equal((await ok("GET", `/api/v1/orders/${created.salesOrderId}`)).deletedAt, null);
      assert.equal(await liveInvoicesOfStoreOrder(created.storeOrderId), 1);
    });
  });

  describe("item 9: a store-side cancellation of an invoiced or shipped order is never silent", () => {
    const cancelOnStore = async (externalId: string) => {
      const res = await call(sim, "POST", `/orders/${externalId}/cancel`, { body: { reason: "customer" } });
      assert.equal(res.status, 200);
      await announce(externalId, "order/cancelled");
    };
    const cancelledInPonte = (salesOrderId: number) =>
      waitFor("the cancellation synced", async () =>
        (await ok("GET", `/api/v1/orders/${salesOrderId}`)).canonicalStatus === "cancelado"
          ? true
          : undefined,
      );
    const health = async () =>
      ((await ok("GET", "/api/v1/overview")).stores as Json[]).find((s) => s.id === storeId)!;
    const flagged = async () =>
      (await ok("GET", `/api/v1/failures?kind=cancellations&storeId=${storeId}`)).items as Json[];

    it("an invoiced order cancelled on the store: Cancelado with the flag everywhere, the invoice kept, cleared by the estorno", async () => {
      const order = await imported({ payment_status: "paid" });
      const invoice = await ok("POST", `/api/v1/orders/${order.salesOrderId}/invoice`, { kind: "simple" });
      await cancelOnStore(order.externalId);
      await cancelledInPonte(order.salesOrderId);

      const page = await ok("GET", `/api/v1/orders/${order.salesOrderId}`);
      assert.equal(page.status, "cancelado");
      assert.equal(page.storeCancellation?.kind, "invoice_live");
      assert.match(page.storeCancellation.label, /cancelado na loja com nota ativa/i);
      assert.match(page.storeCancellation.reason, /estorno/i);
      const invoices = (await ok("GET", `/api/v1/orders/${order.salesOrderId}/invoices`)).items as Json[];
      assert.deepEqual(
        invoices.map((i) => [i.id, i.status]),
        [[invoice.invoice.id, "approved"]],
        "Ponte does not cancel the invoice on its own",
      );
      const event = (page.events as Json[]).find((e) => e.kind === "store_cancelled_with_invoice");
      assert.ok(event, "in the timeline");
      assert.match(event.message, /nota/i);

      const row = await ok("GET", panel(order.externalId));
      assert.equal(row.storeCancellation, "invoice_live");
      const listed = (await flagged()).find((f) => f.salesOrderId === order.salesOrderId);
      assert.ok(listed, "in Falhas");
      assert.equal(listed.kind, "invoice_live");
      assert.equal(listed.storeOrderNumber, row.number);
      assert.equal(listed.invoiceId, invoice.invoice.id);
      assert.equal((await health()).storeCancellations, (await flagged()).length);
      assert.ok((await health()).storeCancellations >= 1);

      // Estorno: the flag clears everywhere.
      const before = (await health()).storeCancellations;
      await ok("POST", `/api/v1/orders/${order.salesOrderId}/invoice/cancel`, {
        reason: "cancelado na loja",
      });
      assert.equal((await ok("GET", `/api/v1/orders/${order.salesOrderId}`)).storeCancellation, null);
      assert.equal((await ok("GET", panel(order.externalId))).storeCancellation, null);
      assert.ok(!(await flagged()).some((f) => f.salesOrderId === order.salesOrderId));
      assert.equal((await health()).storeCancellations, before - 1);
    });

    it("a shipped order without invoice is flagged 'já enviado' and the operator marks it handled", async () => {
      const order = await imported({ payment_status: "paid" });
      await ok("POST", `/api/v1/orders/${order.salesOrderId}/shipments`, {
        carrier: "Jadlog",
        trackingCode: "10084100123456",
      });
      await cancelOnStore(order.externalId);
      await cancelledInPonte(order.salesOrderId);
      const page = await ok("GET", `/api/v1/orders/${order.salesOrderId}`);
      assert.equal(page.storeCancellation?.kind, "shipped");
      assert.match(page.storeCancellation.label, /cancelado na loja já enviado/i);
      assert.ok((await flagged()).some((f) => f.salesOrderId === order.salesOrderId && f.kind === "shipped"));

      const resolved = await ok("POST", `/api/v1/orders/${order.salesOrderId}/store-cancellation/resolve`, {
        note: "devolução recebida",
      });
      assert.equal(resolved.storeCancellation, null);
      assert.ok(!(await flagged()).some((f) => f.salesOrderId === order.salesOrderId));
      const events = (await ok("GET", `/api/v1/orders/${order.salesOrderId}`)).events as Json[];
      assert.ok(
        events.some((e) => e.kind === "store_cancellation_resolved" && /devolução recebida/.test(e.message)),
      );
      assert.equal(
        (await refused("POST", `/api/v1/orders/${order.salesOrderId}/store-cancellation/resolve`, {}))
          .reasonCode,
        "no_store_cancellation",
      );
    });

    it("an invoiced order's flag is not dismissed by hand: only the estorno clears it", async () => {
      const order = await imported({ payment_status: "paid" });
      await ok("POST", `/api/v1/orders/${order.salesOrderId}/invoice`, { kind: "simple" });
      await cancelOnStore(order.externalId);
      await cancelledInPonte(order.salesOrderId);
      const refusal = await refused(
        "POST",
        `/api/v1/orders/${order.salesOrderId}/store-cancellation/resolve`,
        {},
      );
      assert.equal(refusal.reasonCode, "invoice_live");
      assert.match(refusal.reason, /estorno/);
    });

    it("a store cancellation of an order with nothing issued raises no flag", async () => {
      const order = await imported({ payment_status: "paid" });
      await cancelOnStore(order.externalId);
      await cancelledInPonte(order.salesOrderId);
      assert.equal((await ok("GET", `/api/v1/orders/${order.salesOrderId}`)).storeCancellation, null);
      assert.ok(!(await flagged()).some((f) => f.salesOrderId === order.salesOrderId));
    });
  });

  describe("item 10: the payment rule (seed 003)", () => {
    const deposit = { payment_status: "pending", gateway: "offline", gateway_name: "Transferência bancária" };
    const move = (id: number, status: string) => api("POST", `/api/v1/orders/${id}/status`, { status });

    it("the steps past payment are refused until it is confirmed by hand, and nothing confirms it silently", async () => {
      const { salesOrderId } = await imported({
        ...deposit,
        payment_details: { method: "wire_transfer", installments: 1 },
      });
      const order = await ok("GET", `/api/v1/orders/${salesOrderId}`);
      assert.equal(order.canonicalStatus, "aguardando_pagamento");

      const transitions = await ok("GET", `/api/v1/orders/${salesOrderId}/transitions`);
      const target = (status: string) => (transitions.allowed as Json[]).find((a) => a.status === status)!;
      for (const status of ["pagamento_confirmado", "em_preparacao", "embarcado", "entregue"]) {
        assert.ok(target(status).needs.includes("payment"), `${status} needs the payment`);
        assert.match(target(status).blocked, /Pagamento não confirmado/);
      }
      assert.deepEqual(target("entregue").needs, ["payment", "shipment"]);
      assert.deepEqual(target("problemas").needs, []);
      assert.equal(target("problemas").blocked, null);

      for (const status of ["pagamento_confirmado", "em_preparacao", "embarcado", "entregue"]) {
        const res = await move(salesOrderId, status);
        assert.equal(res.status, 409, `${status}: ${JSON.stringify(res.json)}`);
        assert.equal(res.json.error.code, "illegal_transition");
        assert.equal(res.json.error.reasonCode, "payment_not_confirmed", status);
        assert.match(res.json.error.reason, /Pagamento não confirmado.*Confirmar pagamento/);
      }
      const ship = await api("POST", `/api/v1/orders/${salesOrderId}/shipments`, {
        carrier: "Jadlog",
        trackingCode: "10084100999999",
      });
      assert.equal(ship.status, 409);
      assert.equal(ship.json.error.reasonCode, "payment_not_confirmed");
      const invoice = await api("POST", `/api/v1/orders/${salesOrderId}/invoice`, { kind: "simple" });
      assert.equal(invoice.json.error.reasonCode, "payment_not_confirmed");
      const after = await ok("GET", `/api/v1/orders/${salesOrderId}`);
      assert.equal(after.canonicalStatus, "aguardando_pagamento");
      assert.equal(after.payments[0].confirmedAt, null, "no refused move confirmed the payment");
      assert.equal(await count("shipments where sales_order_id = $1", [salesOrderId]), 0);

      // Confirmar pagamento: then the same moves go through, each needing what it needs.
      await ok("POST", `/api/v1/orders/${salesOrderId}/confirm-payment`, { note: "depósito no extrato" });
      assert.equal((await move(salesOrderId, "em_preparacao")).status, 200);
      const early = await move(salesOrderId, "entregue");
      assert.equal(early.json.error.reasonCode, "needs_shipment");
      assert.match(early.json.error.reason, /retirada na loja/);
      await ok("POST", `/api/v1/orders/${salesOrderId}/shipments`, {
        carrier: "Jadlog",
        trackingCode: "10084100999999",
      });
      assert.equal((await move(salesOrderId, "entregue")).status, 200);
    });

    it("a move past payment on the status form does not confirm the payment on its way", async () => {
      // A store's table may list an unpaid platform status under Pagamento confirmado.
      const map = await ok("GET", `/api/v1/stores/${storeId}/status-map`);
      const rows = (map.rows as Json[]).map((r) => ({
        ...r,
        platformValues:
          r.canonicalStatus === "pagamento_confirmado"
            ? [...r.platformValues, "authorized"]
            : r.platformValues.filter((v: string) => v !== "authorized"),
      }));
      await ok("PUT", `/api/v1/stores/${storeId}/status-map`, { rows });
      try {
        const { salesOrderId } = await imported({
          ...deposit,
          payment_status: "authorized",
          payment_details: { method: "wire_transfer", installments: 1 },
        });
        const order = await ok("GET", `/api/v1/orders/${salesOrderId}`);
        assert.equal(order.canonicalStatus, "pagamento_confirmado");
        assert.equal(order.payments[0].confirmedAt, null);
        const res = await move(salesOrderId, "em_preparacao");
        assert.equal(res.status, 409, JSON.stringify(res.json));
        assert.equal(res.json.error.reasonCode, "payment_not_confirmed");
        assert.equal((await ok("GET", `/api/v1/orders/${salesOrderId}`)).payments[0].confirmedAt, null);
      } finally {
        await ok("PUT", `/api/v1/stores/${storeId}/status-map`, { rows: map.rows });
      }
    });

    it("Entregue without a shipment is allowed for a store pickup (Retirada na loja)", async () => {
      const { salesOrderId } = await imported({ payment_status: "paid", shipping_pickup_type: "pickup" });
      const transitions = await ok("GET", `/api/v1/orders/${salesOrderId}/transitions`);
      const entregue = (transitions.allowed as Json[]).find((a) => a.status === "entregue")!;
      assert.deepEqual([entregue.needs, entregue.blocked], [[], null]);
      assert.equal((await move(salesOrderId, "entregue")).status, 200);

      const shipped = await imported({ payment_status: "paid", shipping_pickup_type: "ship" });
      const refusal = await move(shipped.salesOrderId, "entregue");
      assert.equal(refusal.json.error.reasonCode, "needs_shipment");
    });
  });
});
