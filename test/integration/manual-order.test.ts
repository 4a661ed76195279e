// A manual order (balcão, telefone — issue 16, item 4) through the API: items by SKU from the
// products the store's imports created, the customer found or made by CPF/CNPJ, the money summed
// in cents; and it runs the same lifecycle as a store's order — payment confirmed by hand,
// invoice (stock out, receivables split in cents), shipment or store pickup, delivered.
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

/** A valid CPF and an alphanumeric CNPJ (check digits right). */
const CPF = "529.982.247-25";
const CNPJ = "12.ABC.345/01DE-35";

describe("manual orders: made in the panel, run like a store's", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: NuvemshopSimulator;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  let skus: string[];

  const api = async (method: "GET" | "POST", url: string, payload?: unknown) => {
    const res = await app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return { status: res.statusCode, json: (res.body ? res.json() : null) as Json };
  };
  const ok = async (method: "GET" | "POST", url: string, payload?: unknown) => {
    const res = await api(method, url, payload);
    assert.ok(
      res.status >= 200 && res.status < 300,
      `${method} ${url}: ${res.status} ${JSON.stringify(res.json)}`,
    );
    return res.json;
  };
  const stockOf = async (sku: string) =>
    (await t.db.query<{ s: number }>("select stock_quantity::int as s from products where sku = $1", [sku]))
      .rows[0]!.s;

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    sim = await startNuvemshopSimulator({ orders: 0, seed: 416, rateLimit: false });
    app = await buildApp({ ctx, version: "test" });
    headers = await authHeaders(ctx);
    const storeId = await connectSimulatorStore(ctx, sim, "Loja Centro");
    // The store's first orders bring the products (created by the integration), as in real life.
    const order = sim.createOrder({ payment_status: "paid" }) as { id: number };
    await syncOrder(ctx, storeId, String(order.id));
    const { rows } = await t.db.query<{ sku: string }>("select sku from products order by sku");
    skus = rows.map((r) => r.sku);
    assert.ok(skus.length >= 1, "products from the store's import");
  });
  after(async () => {
    await app?.close();
    await sim?.close();
    await t?.drop();
  });

  it("a phone order: totals in cents, the customer made by CPF, then paid, invoiced, shipped and delivered", async () => {
    const sku = skus[0]!;
    const stockBefore = await stockOf(sku);
    const created = await ok("POST", "/api/v1/orders", {
      customer: {
        name: "Conceição Araújo",
        document: CPF,
        email: "conceicao@example.org",
        phone: "11912345678",
      },
      items: [{ sku, quantity: 3, unitPriceCents: 3333, discountCents: 1 }],
      carrier: "Correios",
      shippingType: "SEDEX",
      shippingCents: 2590,
      discountCents: 1000,
      deliveryAddress: {
        name: "Conceição Araújo",
        street: "Av. Paulista",
        number: "1578",
        city: "São Paulo",
        state: "SP",
        zipcode: "01310-200",
      },
      payment: { type: "cartao_credito", installments: 3 },
    });
    const order = await ok("GET", `/api/v1/orders/${created.id}`);
    assert.equal(order.origin, "manual");
    assert.equal(order.number, created.number);
    assert.equal(order.subtotalCents, 3 * 3333 - 1);
    assert.equal(order.totalCents, 3 * 3333 - 1 - 1000 + 2590);
    assert.equal(order.canonicalStatus, "aguardando_pagamento");
    assert.equal(order.customer.document, "52998224725", "a customer record made by CPF");
    assert.equal(order.items[0].sku, sku);
    assert.ok(
      order.events.some(
        (e: Json) => e.kind === "sales_order_created" && /balcão ou por telefone/.test(e.message),
      ),
    );

    await ok("POST", `/api/v1/orders/${created.id}/confirm-payment`, { note: "maquininha" });
    const invoiced = await ok("POST", `/api/v1/orders/${created.id}/invoice`, { kind: "simple" });
    assert.equal(await stockOf(sku), stockBefore - 3, "the invoice took the stock out");
    const receivables = invoiced.receivables as Json[];
    assert.equal(receivables.length, 3);
    assert.equal(
      receivables.reduce((s, r) => s + r.amountCents, 0),
      order.totalCents,
      "installments add up to the cent",
    );
    await ok("POST", `/api/v1/orders/${created.id}/shipments`, {
      carrier: "Correios",
      trackingCode: "JT194690698BR",
    });
    await ok("POST", `/api/v1/orders/${created.id}/status`, { status: "entregue", notifyCustomer: false });
    assert.equal((await ok("GET", `/api/v1/orders/${created.id}`)).canonicalStatus, "entregue");
  });

  it("a counter sale picked up at the store: no carrier nor address; the same CNPJ links the same record", async () => {
    const first = await ok("POST", "/api/v1/orders", {
      customer: { name: "Empresa Exemplo", document: CNPJ },
      items: [{ sku: skus[0], quantity: 1, unitPriceCents: 1000 }],
      pickup: true,
      shippingCents: 990,
      payment: { type: "pix" },
    });
    const second = await ok("POST", "/api/v1/orders", {
      customer: { name: "Empresa Exemplo Ltda", document: "12ABC34501DE35" },
      items: [{ sku: skus[0], quantity: 2, unitPriceCents: 1000 }],
      pickup: true,
      payment: { type: "dinheiro" },
    });
    const a = await ok("GET", `/api/v1/orders/${first.id}`);
    const b = await ok("GET", `/api/v1/orders/${second.id}`);
    assert.equal(a.pickup, true);
    assert.equal(a.shippingCents, 0, "no shipping for a pickup");
    assert.equal(a.totalCents, 1000);
    assert.equal(a.customer.id, b.customer.id, "one record per CNPJ");
    await ok("POST", `/api/v1/orders/${first.id}/confirm-payment`, {});
    // Retirada na loja: ready without tracking, then collected.
    await ok("POST", `/api/v1/orders/${first.id}/shipments`, { carrier: "Retirada na loja" });
    await ok("POST", `/api/v1/orders/${first.id}/status`, { status: "entregue", notifyCustomer: false });
  });

  it("refuses what a person can fix, naming the field in pt-BR", async () => {
    const base = {
      customer: { name: "Cliente" },
      items: [{ sku: skus[0], quantity: 1, unitPriceCents: 500 }],
      pickup: true,
      payment: { type: "pix" },
    };
    const cases: [unknown, string, RegExp][] = [
      [
        { ...base, items: [{ sku: "NAO-EXISTE", quantity: 1, unitPriceCents: 1 }] },
        "/items/0/sku",
        /SKU NAO-EXISTE não cadastrado/,
      ],
      [
        { ...base, customer: { name: "Cliente", document: "529.982.247-26" } },
        "/customer/document",
        /dígito verificador/,
      ],
      [{ ...base, customer: { document: CPF } }, "/customer/name", /nome do cliente/],
      [{ ...base, customer: { id: 999999 } }, "/customer/id", /Cliente não encontrado/],
      [{ ...base, pickup: false, carrier: "Correios" }, "/deliveryAddress/zipcode", /CEP de entrega/],
      [{ ...base, pickup: false, deliveryAddress: { zipcode: "01310200" } }, "/carrier", /transportadora/],
      [{ ...base, discountCents: 501 }, "/discountCents", /Desconto maior/],
    ];
    const before = (await t.db.query<{ n: number }>("select count(*)::int as n from sales_orders")).rows[0]!
      .n;
    for (const [body, path, reason] of cases) {
      const res = await api("POST", "/api/v1/orders", body);
      assert.equal(res.status, 400, JSON.stringify(res.json));
      assert.equal(res.json.error.fields[0].path, path);
      assert.match(res.json.error.reason, reason);
    }
    const after = (await t.db.query<{ n: number }>("select count(*)::int as n from sales_orders")).rows[0]!.n;
    assert.equal(after, before, "nothing written");
  });
});
