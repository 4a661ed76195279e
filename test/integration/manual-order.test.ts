// A manual order (balcão or phone, issue 16 item 4) through the API: made in the back office for a
// customer and products that came with a store's order (imported from the simulator), it runs the
// same lifecycle as a store's order — payment confirmed by hand, invoiced (stock out, one
// receivable per installment), shipped — and an unknown SKU is refused naming the item.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import { syncOrder } from "../../src/sync/sync-order.ts";
import { authHeaders } from "../helpers/auth.ts";
import { connectSimulatorStore, testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;

describe("manual order: made in the back office, then the same lifecycle as a store order", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: NuvemshopSimulator;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  let customerId: number;
  let skus: string[];

  const api = async (method: "GET" | "POST", url: string, payload?: unknown) => {
    const res = await app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return { status: res.statusCode, json: res.json() as Json };
  };
  const ok = async (method: "GET" | "POST", url: string, payload?: unknown) => {
    const res = await api(method, url, payload);
    assert.ok(
      res.status >= 200 && res.status < 300,
      `${method} ${url}: ${res.status} ${JSON.stringify(res.json)}`,
    );
    return res.json;
  };

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    sim = await startNuvemshopSimulator({ orders: 0, seed: 1617, rateLimit: false });
    app = await buildApp({ ctx, version: "test" });
    headers = await authHeaders(ctx);
    const storeId = await connectSimulatorStore(ctx, sim, "Loja Centro");
    // A store order brings the customer (by CPF) and the products (by SKU) into the ERP.
    const placed = sim.createOrder({
      payment_status: "paid",
      contact_identification: "529.982.247-25",
      customer: {
        id: 4242,
        name: "Conceição Araújo",
        email: "c@example.org",
        identification: "529.982.247-25",
      },
    }) as { id: number };
    const outcome = await syncOrder(ctx, storeId, String(placed.id));
    assert.ok(outcome?.salesOrderId);
    const imported = await ok("GET", `/api/v1/orders/${outcome.salesOrderId}`);
    customerId = imported.customer.id;
    skus = (imported.items as Json[]).map((i) => i.sku as string).filter(Boolean);
    assert.ok(skus.length > 0, "the store order had SKUs");
  });
  after(async () => {
    await app.close();
    await sim.close();
    await t.drop();
  });

  it("is made with the customer, items by SKU, shipping and payment, and starts awaiting payment", async () => {
    const order = await ok("POST", "/api/v1/sales-orders", {
      customerId,
      items: [{ sku: skus[0], quantity: 2, unitPriceCents: 1990 }],
      shippingCents: 1500,
      discountCents: 480,
      paymentType: "cartao_credito",
      installments: 3,
      shippingType: "Retirada na loja",
    });
    assert.equal(order.origin, "manual");
    assert.equal(order.originStore, null);
    assert.equal(order.canonicalStatus, "aguardando_pagamento");
    assert.equal(order.customer.id, customerId);
    assert.equal(order.totalCents, 2 * 1990 + 1500 - 480);
    assert.equal(order.items[0].sku, skus[0]);
    const created = (order.events as Json[]).find((e) => e.kind === "sales_order_created");
    assert.ok(created, "a sales_order_created timeline entry");
    assert.match(created.message, /criado no painel/);
    assert.notEqual(created.actor, "system");

    const list = await ok("GET", "/api/v1/orders?q=Concei%C3%A7%C3%A3o");
    assert.ok(list.items.some((o: Json) => o.id === order.id && o.origin === "manual"));
    assert.equal((await ok("GET", `/api/v1/customers/${customerId}`)).ordersCount, 2);
  });

  it("runs the lifecycle: payment confirmed, invoiced with stock out and receivables, shipped", async () => {
    const order = await ok("POST", "/api/v1/sales-orders", {
      customerId,
      items: [{ sku: skus[0], quantity: 3, unitPriceCents: 1000 }],
      paymentType: "boleto",
      installments: 2,
    });
    const paid = await ok("POST", `/api/v1/orders/${order.id}/confirm-payment`, {});
    assert.equal(paid.order.canonicalStatus, "pagamento_confirmado");
    const invoiced = await ok("POST", `/api/v1/orders/${order.id}/invoice`, { kind: "simple" });
    assert.deepEqual(
      (invoiced.stockMovements as Json[]).map((m) => [m.sku, m.quantity]),
      [[skus[0], -3]],
    );
    assert.deepEqual(
      (invoiced.receivables as Json[]).map((r) => r.amountCents),
      [1500, 1500],
    );
    assert.equal(invoiced.order.canonicalStatus, "em_preparacao");
    const shipped = await api("POST", `/api/v1/orders/${order.id}/shipments`, {
      carrier: "Transportadora Local",
      trackingCode: "TL-123",
    });
    assert.equal(shipped.status, 201, JSON.stringify(shipped.json));
    assert.equal((await ok("GET", `/api/v1/orders/${order.id}`)).canonicalStatus, "despachado");
  });

  it("refuses an unknown SKU, naming the item, and a customer that does not exist", async () => {
    const unknown = await api("POST", "/api/v1/sales-orders", {
      customerId,
      items: [
        { sku: skus[0], quantity: 1, unitPriceCents: 100 },
        { sku: "NAO-EXISTE", quantity: 1, unitPriceCents: 100 },
      ],
      paymentType: "pix",
    });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.json.error.field, "items/1/sku");
    assert.equal(unknown.json.error.reasonCode, "unknown_sku");
    assert.match(unknown.json.error.reason, /SKU NAO-EXISTE não cadastrado/);
    const nobody = await api("POST", "/api/v1/sales-orders", {
      customerId: 999999,
      items: [{ sku: skus[0], quantity: 1, unitPriceCents: 100 }],
      paymentType: "pix",
    });
    assert.equal(nobody.status, 400);
    assert.equal(nobody.json.error.field, "customerId");
  });
});
