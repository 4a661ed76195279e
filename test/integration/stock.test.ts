// Produtos through the API (issue 16, item 2): products the integration created say their stock
// is not counted; a count sets it (the first one is the initial stock), avaria and devolução move
// it, each with who and why; a CSV count is previewed line by line before anything is written and
// then applied exactly as previewed; and the store's policy for an invoice that would leave stock
// negative: warn (default), allow, or block naming the SKUs. Orders come from the Nuvemshop
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
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;

describe("Produtos: counted stock, adjustments, CSV import, negative-stock policy", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: NuvemshopSimulator;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  let storeId: number;

  const call = async (method: "GET" | "POST" | "PATCH", url: string, payload?: unknown) => {
    const res = await app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return { status: res.statusCode, json: (res.body ? res.json() : null) as Json };
  };
  const ok = async (method: "GET" | "POST" | "PATCH", url: string, payload?: unknown) => {
    const res = await call(method, url, payload);
    assert.ok(
      res.status >= 200 && res.status < 300,
      `${method} ${url}: ${res.status} ${JSON.stringify(res.json)}`,
    );
    return res.json;
  };
  const product = (sku: string) => ok("GET", `/api/v1/products/${encodeURIComponent(sku)}`);
  const movements = async (sku: string) =>
    (await ok("GET", `/api/v1/products/${encodeURIComponent(sku)}/stock-movements`)).items as Json[];
  const adjust = (sku: string, body: Json) =>
    call("POST", `/api/v1/products/${encodeURIComponent(sku)}/stock-adjustments`, body);

  /** A paid order placed on the store and imported: its sales order and items (one line per SKU). */
  async function importedOrder(): Promise<{ id: number; items: { sku: string; quantity: number }[] }> {
    const order = sim.createOrder({ payment_status: "paid" }) as { id: number };
    const outcome = await syncOrder(ctx, storeId, String(order.id));
    assert.ok(outcome?.salesOrderId, `imported: ${JSON.stringify(outcome)}`);
    const so = await ok("GET", `/api/v1/orders/${outcome.salesOrderId}`);
    const bySku = new Map<string, number>();
    for (const i of so.items as Json[]) if (i.sku) bySku.set(i.sku, (bySku.get(i.sku) ?? 0) + i.quantity);
    assert.ok(bySku.size > 0, "the order has items with a SKU");
    return { id: outcome.salesOrderId, items: [...bySku].map(([sku, quantity]) => ({ sku, quantity })) };
  }
  const invoice = (id: number) => call("POST", `/api/v1/orders/${id}/invoice`, { kind: "simple" });
  const setPolicy = (policy: string) =>
    ok("PATCH", `/api/v1/stores/${storeId}`, { negativeStockPolicy: policy });

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    sim = await startNuvemshopSimulator({ orders: 0, seed: 1601, rateLimit: false });
    app = await buildApp({ ctx, version: "test" });
    headers = await authHeaders(ctx);
    storeId = await connectSimulatorStore(ctx, sim, "Loja Estoque");
  });
  after(async () => {
    await app.close();
    await sim.close();
    await t.drop();
  });

  it("a product the integration created says its stock is not counted; an invoice still moves it, unflagged", async () => {
    const order = await importedOrder();
    const { sku, quantity } = order.items[0]!;
    const before = await product(sku);
    assert.equal(before.counted, false);
    assert.equal(before.createdByIntegration, true);
    const listed = await ok("GET", `/api/v1/products?uncounted=true&q=${encodeURIComponent(sku)}`);
    assert.deepEqual(
      (listed.items as Json[]).map((p) => p.sku),
      [sku],
    );

    const res = await invoice(order.id);
    assert.equal(res.status, 201, JSON.stringify(res.json));
    assert.deepEqual(res.json.negativeStock, [], "an uncounted stock is no count: nothing to flag");
    const [moved] = await movements(sku);
    assert.equal(moved!.reason, "invoice");
    assert.equal(moved!.quantity, -quantity);
    assert.equal(moved!.wentNegative, false);
    assert.equal((await product(sku)).counted, false);
  });

  it("Produtos lists by SKU a keyset page at a time; a cursor it did not give is a 400", async () => {
    const all = (await ok("GET", "/api/v1/products?limit=200")).items as Json[];
    assert.ok(all.length >= 2);
    const walked: string[] = [];
    let after: string | null = null;
    do {
      const page: Json = await ok("GET", `/api/v1/products?limit=1${after ? `&after=${after}` : ""}`);
      walked.push(...(page.items as Json[]).map((p) => p.sku));
      after = page.next;
    } while (after);
    assert.deepEqual(
      walked,
      all.map((p) => p.sku),
    );
    const forged = Buffer.from(JSON.stringify([all[0]!.sku, all[1]!.id])).toString("base64url");
    const res = await call("GET", `/api/v1/products?after=${forged}`);
    assert.equal(res.status, 400);
  });

  it("the first count is the initial stock; contagem, avaria and devolução each leave a movement with who and why", async () => {
    const { items } = await importedOrder();
    const { sku } = items[0]!;
    const initial = await adjust(sku, { reason: "count", quantity: 10, note: "Estoque inicial da loja" });
    assert.equal(initial.status, 201, JSON.stringify(initial.json));
    assert.equal(initial.json.product.counted, true);
    assert.equal(initial.json.product.stockQuantity, 10);
    assert.equal(initial.json.movement.reason, "initial");
    assert.equal(initial.json.movement.stockAfter, 10);

    assert.equal((await adjust(sku, { reason: "damage", quantity: 2, note: "Caixa molhada" })).status, 201);
    assert.equal((await adjust(sku, { reason: "return", quantity: 1 })).status, 201);
    const recount = await adjust(sku, { reason: "count", quantity: 7, note: "Contagem de sexta" });
    assert.equal(recount.json.movement.reason, "count");
    assert.equal(recount.json.movement.quantity, -2, "the count's movement is the difference (9 → 7)");
    assert.equal((await product(sku)).stockQuantity, 7);

    const ledger = await movements(sku);
    assert.deepEqual(
      ledger.slice(0, 4).map((m) => [m.reason, m.stockAfter, m.note]),
      [
        ["count", 7, "Contagem de sexta"],
        ["return", 9, null],
        ["damage", 8, "Caixa molhada"],
        ["initial", 10, "Estoque inicial da loja"],
      ],
    );
    assert.ok(
      ledger.slice(0, 4).every((m) => /^(user|token):./.test(m.actor)),
      JSON.stringify(ledger[0]),
    );

    const zero = await adjust(sku, { reason: "damage", quantity: 0 });
    assert.equal(zero.status, 400);
    assert.equal(zero.json.error.field, "quantity");
    assert.equal((await adjust("SKU-QUE-NAO-EXISTE", { reason: "count", quantity: 1 })).status, 404);
    assert.equal((await adjust(sku, { reason: "furto", quantity: 1 })).status, 400);
  });

  it("a CSV count is previewed with per-line errors, writes nothing, then applies exactly the valid lines", async () => {
    const { items } = await importedOrder();
    const other = await importedOrder();
    const a = items[0]!.sku;
    const b = other.items.find((i) => i.sku !== a)?.sku ?? items[1]?.sku;
    assert.ok(b && b !== a, "two SKUs");
    const stockBefore = (await product(b)).stockQuantity;
    const csv = [
      "\uFEFFSKU;Quantidade",
      `${a};1.200`,
      `"${b}";"12,0"`,
      "NAO-EXISTE-1;5",
      `${a};3`,
      `${b};abc`,
      "OUTRO;12,5",
      "",
    ].join("\r\n");
    const preview = await ok("POST", "/api/v1/products/stock-import/preview", { csv });
    assert.equal(preview.header, true);
    assert.deepEqual(
      (preview.lines as Json[]).map((l) => [l.line, l.sku, l.quantity, l.problem]),
      [
        [2, a, 1200, null],
        [3, b, 12, null],
        [4, "NAO-EXISTE-1", null, "unknown_sku"],
        [5, a, null, "duplicate"],
        [6, b, null, "not_a_number"],
        [7, "OUTRO", null, "fraction"],
      ],
    );
    assert.match(preview.lines[3].error, /linha 2/);
    assert.equal(preview.valid, 2);
    assert.equal(preview.errors, 4);
    assert.equal((await product(b)).stockQuantity, stockBefore, "the preview wrote nothing");

    const stale = await call("POST", "/api/v1/products/stock-import", {
      csv: csv.replace("1.200", "1.300"),
      token: preview.token,
    });
    assert.equal(stale.status, 409);
    assert.equal(stale.json.error.reasonCode, "preview_changed");

    const applied = await ok("POST", "/api/v1/products/stock-import", { csv, token: preview.token });
    assert.equal(applied.applied, 2);
    assert.equal(applied.skipped, 4);
    const pa = await product(a);
    const pb = await product(b);
    assert.deepEqual([pa.stockQuantity, pa.counted, pb.stockQuantity, pb.counted], [1200, true, 12, true]);
    assert.equal((await movements(b))[0]!.note, "Importação CSV");
  });

  it("negative stock: warn (default) flags the invoice, allow lets it through quietly, block refuses naming the SKUs", async () => {
    const store = await ok("GET", `/api/v1/stores/${storeId}`);
    assert.equal(store.negativeStockPolicy, "warn");

    const short = async () => {
      const order = await importedOrder();
      const { sku, quantity } = order.items[0]!;
      // One unit fewer than the order takes; the order's other products are counted with plenty.
      for (const i of order.items) {
        await adjust(i.sku, { reason: "count", quantity: i.sku === sku ? quantity - 1 : 1000 });
      }
      return { ...order, sku, quantity };
    };

    const warned = await short();
    const res = await invoice(warned.id);
    assert.equal(res.status, 201, JSON.stringify(res.json));
    assert.deepEqual(
      res.json.negativeStock.map((n: Json) => [n.sku, n.stockAfter]),
      [[warned.sku, -1]],
    );

    await setPolicy("allow");
    const allowed = await short();
    const quiet = await invoice(allowed.id);
    assert.equal(quiet.status, 201, JSON.stringify(quiet.json));
    assert.deepEqual(quiet.json.negativeStock, []);
    assert.equal((await product(allowed.sku)).stockQuantity, -1, "the sale happened: the stock says so");
    assert.equal((await movements(allowed.sku))[0]!.wentNegative, true);

    assert.equal((await setPolicy("block")).negativeStockPolicy, "block");
    const blocked = await short();
    const refused = await invoice(blocked.id);
    assert.equal(refused.status, 409, JSON.stringify(refused.json));
    assert.equal(refused.json.error.reasonCode, "negative_stock_blocked");
    assert.deepEqual(refused.json.error.skus, [blocked.sku]);
    assert.match(refused.json.error.reason, new RegExp(`Estoque insuficiente.*${blocked.sku}`));
    assert.equal((await product(blocked.sku)).stockQuantity, blocked.quantity - 1, "nothing moved");
    assert.equal((await ok("GET", `/api/v1/orders/${blocked.id}/invoices`)).items.length, 0);

    await adjust(blocked.sku, { reason: "return", quantity: 1 });
    const through = await invoice(blocked.id);
    assert.equal(through.status, 201, JSON.stringify(through.json));
    assert.equal((await product(blocked.sku)).stockQuantity, 0);
  });
});
