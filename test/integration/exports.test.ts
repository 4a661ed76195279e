// CSV exports through the API (issue 16, item 5), read back as a spreadsheet reads them: a BOM,
// `;` between fields, decimal comma, dd/mm/aaaa, and quoting that survives `;`, quotes and line
// breaks in a customer's name. The Pedidos export follows the list's own filter and order; the
// receivables and stock exports say what their lists say. Orders come from the Nuvemshop
// simulator, imported as a store's are.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import { syncOrder } from "../../src/sync/sync-order.ts";
import { authHeaders } from "../helpers/auth.ts";
import { connectSimulatorStore, testContext } from "../helpers/context.ts";
import { centsOf, parseCsv } from "../helpers/csv-parse.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;

const TRICKY_NAME = 'Ana "Nina" Souza; Filial\nCentro';

const spDay = (iso: string) =>
  new Intl.DateTimeFormat("pt-BR", { timeZone: "America/Sao_Paulo" }).format(new Date(iso));

describe("CSV exports: Pedidos under its filter, receivables, stock", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: NuvemshopSimulator;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  let storeId: number;
  const orderIds: number[] = [];

  const ok = async (method: "GET" | "POST", url: string, payload?: unknown) => {
    const res = await app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as Json;
  };
  async function csv(url: string) {
    const res = await app.inject({ method: "GET", url, headers });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers["content-type"], "text/csv; charset=utf-8");
    assert.match(
      String(res.headers["content-disposition"]),
      /^attachment; filename="[a-z-]+-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    return parseCsv(res.body);
  }

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    sim = await startNuvemshopSimulator({ orders: 0, seed: 1605, rateLimit: false });
    app = await buildApp({ ctx, version: "test" });
    headers = await authHeaders(ctx);
    storeId = await connectSimulatorStore(ctx, sim, "Loja; Centro");
    for (let i = 0; i < 6; i++) {
      const placed = sim.createOrder({ payment_status: i % 2 === 0 ? "paid" : "pending" }) as Json;
      if (i === 0) sim.updateOrder(placed.id, { customer: { ...placed.customer, name: TRICKY_NAME } });
      const outcome = await syncOrder(ctx, storeId, String(placed.id));
      assert.ok(outcome?.salesOrderId, JSON.stringify(outcome));
      orderIds.push(outcome.salesOrderId);
    }
  });
  after(async () => {
    await app.close();
    await sim.close();
    await t.drop();
  });

  it("Pedidos: the list's filter and order, one line per order, read back field by field", async () => {
    const filter = "status=pagamento_confirmado&status=aguardando_pagamento&sort=total&order=asc";
    const list = (await ok("GET", `/api/v1/orders?${filter}&limit=200`)).items as Json[];
    assert.ok(list.length >= 2, "the filter finds orders");
    const { bom, rows } = await csv(`/api/v1/exports/orders?${filter}`);
    assert.ok(bom, "UTF-8 with a BOM, so Excel reads the accents");
    const [header, ...lines] = rows;
    assert.deepEqual(header, [
      "Pedido",
      "Pedido na loja",
      "Loja",
      "Data do pedido",
      "Cliente",
      "CPF/CNPJ",
      "Status",
      "Situação",
      "Pagamento",
      "Total (R$)",
    ]);
    assert.deepEqual(
      lines.map((l) => Number(l[0])),
      list.map((o) => o.number),
      "the same orders, in the list's order",
    );
    for (const [i, o] of list.entries()) {
      const line = lines[i]!;
      assert.equal(line.length, 10);
      assert.equal(line[1], o.storeOrderNumber ?? "");
      assert.equal(line[2], "Loja; Centro");
      assert.match(line[3]!, /^\d{2}\/\d{2}\/\d{4}$/);
      assert.equal(line[3], spDay(o.orderedAt));
      assert.equal(line[4], o.customerName ?? "");
      assert.doesNotMatch(line[8]!, /_/, `the payment by its pt-BR name: ${line[8]}`);
      assert.match(line[9]!, /^\d+,\d{2}$/, "decimal comma, whole cents");
      assert.equal(centsOf(line[9]!), o.totalCents);
    }
    const tricky = (await ok("GET", `/api/v1/orders/${orderIds[0]}`)) as Json;
    const exported = await csv("/api/v1/exports/orders");
    const row = exported.rows.find((r) => Number(r[0]) === tricky.number);
    assert.equal(row?.[4], TRICKY_NAME, "`;`, quotes and a line break in a name survive the round trip");
    assert.equal(exported.rows.length - 1, 6);

    const bad = await app.inject({ method: "GET", url: "/api/v1/exports/orders?status=sumido", headers });
    assert.equal(bad.statusCode, 400);
  });

  it("receivables: one line per installment, amounts and due dates in pt-BR", async () => {
    await ok("POST", `/api/v1/orders/${orderIds[0]}/invoice`, { kind: "simple" });
    const before = (await ok("GET", `/api/v1/receivables?salesOrderId=${orderIds[0]}`)).items as Json[];
    assert.ok(before.length >= 1);
    // A baixa of part of the first installment: the export says how much came in.
    const first = before[0]!;
    await ok("POST", `/api/v1/receivables/${first.id}/receipts`, {
      receivedOn: new Date().toISOString().slice(0, 10),
      amountCents: 1,
      method: "pix",
    });
    const receivables = (await ok("GET", `/api/v1/receivables?salesOrderId=${orderIds[0]}`)).items as Json[];
    // The Recebíveis screen's filters: by customer (part of the name) too.
    const { bom, rows } = await csv(
      `/api/v1/exports/receivables?salesOrderId=${orderIds[0]}&customer=${encodeURIComponent(TRICKY_NAME.split(" ")[0]!)}`,
    );
    assert.ok(bom);
    const [header, ...lines] = rows;
    assert.deepEqual(header!.slice(0, 7), [
      "Pedido",
      "Parcela",
      "Vencimento",
      "Valor (R$)",
      "Recebido (R$)",
      "Pagamento",
      "Status",
    ]);
    assert.deepEqual(
      lines.map((l) => [Number(l[1]), l[2], centsOf(l[3]!), centsOf(l[4]!), l[6], l[7]]),
      receivables.map((r, i) => [
        r.installment,
        r.dueDate.split("-").reverse().join("/"),
        r.amountCents,
        i === 0 ? 1 : 0,
        i === 0 ? "Recebida em parte" : "Em aberto",
        TRICKY_NAME,
      ]),
    );
    const none = await csv(
      `/api/v1/exports/receivables?salesOrderId=${orderIds[0]}&customer=ninguem-com-esse-nome`,
    );
    assert.equal(none.rows.length, 1, "the header only: the filter found nobody");
  });

  it("stock: counted products with their number, the others say Estoque não contado", async () => {
    const products = (await ok("GET", "/api/v1/products?limit=200")).items as Json[];
    const counted = products[0]!;
    await ok("POST", `/api/v1/products/${encodeURIComponent(counted.sku)}/stock-adjustments`, {
      reason: "count",
      quantity: 1234,
    });
    const { bom, rows } = await csv("/api/v1/exports/stock");
    assert.ok(bom);
    assert.deepEqual(rows[0], ["SKU", "Estoque", "Produto", "Situação", "Contado em"]);
    assert.deepEqual(
      rows.slice(1).map((r) => r[0]),
      products.map((p) => p.sku),
    );
    const line = rows.find((r) => r[0] === counted.sku)!;
    assert.deepEqual([line[1], line[3]], ["1234", "Contado"]);
    assert.match(line[4]!, /^\d{2}\/\d{2}\/\d{4}$/);
    const uncounted = rows.find((r, i) => i > 0 && r[0] !== counted.sku)!;
    assert.deepEqual([uncounted[1], uncounted[3], uncounted[4]], ["", "Estoque não contado", ""]);
  });
});
