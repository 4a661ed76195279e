// WooCommerce orders end to end (issue 15): 1,000 generated orders — coupons, fees (a negative
// "Desconto Pix" one too), shipping, taxes — imported through the API and the worker keep their
// money exact to the cent; and the buyer's CPF/CNPJ (alphanumeric CNPJ too) links a customer both
// when the Brazilian Market plugin shows it as REST fields (billing.cpf/billing.cnpj) and when it
// is only in the order's meta (_billing_cpf/_billing_cnpj).
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { scheduleDueWork } from "../../src/jobs/scheduler.ts";
import { buildTaskList } from "../../src/jobs/tasks.ts";
import { startWorker, type WorkerHandle } from "../../src/jobs/worker.ts";
import { startWooSimulator, type WooSimulator } from "../../src/simulators/woocommerce/index.ts";
import { authHeaders } from "../helpers/auth.ts";
import { testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { testLogger } from "../helpers/logger.ts";
import { waitFor } from "../helpers/process.ts";
import { syncSummary, waitForQueueDrained } from "../helpers/reliability.ts";

// biome-ignore lint/suspicious/noExplicitAny: simulator orders are read field by field
type Json = Record<string, any>;

const SLOW = 300_000; // a slow 2-core machine importing a thousand orders

/** "123.45", "-7.90", "10" → integer cents, digit by digit (never through a float). */
function centsOf(decimal: string): number {
  const match = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(decimal);
  assert.ok(match, `a decimal money string: ${decimal}`);
  const [, minus, units, fraction = ""] = match;
  const value = Number(units) * 100 + Number(fraction.padEnd(2, "0"));
  return minus ? -value : value;
}

/** A document as typed → digits and upper-case letters, the form Ponte keeps. */
const bare = (typed: string) => typed.toUpperCase().replace(/[^0-9A-Z]/g, "");

describe("WooCommerce: money exact and buyer documents, imported from the simulator", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let app: FastifyInstance;
  let worker: WorkerHandle;
  let headers: Record<string, string>;
  const sims: WooSimulator[] = [];

  /** Connects a store for a simulator through the API and runs its first import. */
  async function connectAndImport(sim: WooSimulator, site: string): Promise<number> {
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/stores",
      headers,
      payload: {
        platform: "woocommerce",
        name: `Loja ${site}`,
        externalId: site,
        credentials: { consumerKey: sim.consumerKey, consumerSecret: sim.consumerSecret },
        apiBaseUrl: sim.apiBase,
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    const storeId = (res.json() as Json).id as number;
    await waitFor("the import scheduled", async () =>
      (await scheduleDueWork(t.db)).imports.includes(storeId) ? true : undefined,
    );
    const expected = sim.listOrders().filter((o) => o.status !== "trash").length;
    await waitFor(
      "the first import",
      async () => {
        const { rows } = await t.db.query<{ n: number }>(
          "select count(*)::int as n from store_orders where store_id = $1",
          [storeId],
        );
        return rows[0]!.n === expected ? true : undefined;
      },
      SLOW,
    );
    await waitForQueueDrained(t.db, SLOW);
    return storeId;
  }

  /** Per external id: the store order's total and its live sales order (if one was created). */
  async function ordersOf(storeId: number) {
    const { rows } = await t.db.query<{
      external_id: string;
      store_total: string;
      subtotal: string | null;
      discount: string | null;
      shipping: string | null;
      total: string | null;
      document: string | null;
    }>(
      `select so.external_id, so.total_cents as store_total, s.subtotal_cents as subtotal,
              s.discount_cents as discount, s.shipping_cents as shipping, s.total_cents as total,
              c.document
         from store_orders so
         left join sales_orders s on s.store_order_id = so.id and s.deleted_at is null
         left join customers c on c.id = s.customer_id
        where so.store_id = $1`,
      [storeId],
    );
    return new Map(rows.map((r) => [r.external_id, r]));
  }

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    app = await buildApp({ ctx, version: "test" });
    headers = await authHeaders(ctx);
    worker = await startWorker({
      db: t.db,
      logger: testLogger,
      tasks: buildTaskList(ctx),
      concurrency: 2,
      processName: "woocommerce-orders",
    });
  });
  after(async () => {
    await worker?.stop().catch(() => undefined);
    await app?.close().catch(() => undefined);
    for (const sim of sims) await sim.close().catch(() => undefined);
    await t?.drop();
  });

  it("1,000 orders with coupons, fees and shipping: every total exact to the cent", async () => {
    const sim = await startWooSimulator({ orders: 1000, seed: 1501, seedTime: Date.now() });
    sims.push(sim);
    const storeId = await connectAndImport(sim, "https://loja-dinheiro.test");
    const stored = await ordersOf(storeId);
    const orders = sim.listOrders().filter((o) => o.status !== "trash") as Json[];
    assert.equal(orders.length, 1000);
    const negativeFees = orders.filter((o) => o.fee_lines.some((f: Json) => centsOf(f.total) < 0));
    const discounted = orders.filter((o) => centsOf(o.discount_total) > 0);
    assert.ok(negativeFees.length > 0 && discounted.length > 0, "the data has negative fees and coupons");
    let salesOrders = 0;
    for (const order of orders) {
      const row = stored.get(String(order.id));
      assert.ok(row, `order ${order.id} imported`);
      const total = centsOf(order.total);
      assert.equal(Number(row.store_total), total, `order ${order.id}: total ${order.total}`);
      if (row.total === null) continue; // its status does not create a sales order
      salesOrders++;
      assert.equal(Number(row.total), total, `order ${order.id}: sales order total ${order.total}`);
      assert.equal(
        Number(row.subtotal) - Number(row.discount) + Number(row.shipping),
        Number(row.total),
        `order ${order.id}: subtotal − discount + shipping = total`,
      );
    }
    const summary = await syncSummary(t.db, storeId);
    assert.equal(salesOrders, summary.liveSalesOrders);
    assert.ok(salesOrders >= 500, `most orders make a sales order (${salesOrders})`);
    assert.equal(summary.creatingWithoutSalesOrder, 0);
    assert.deepEqual(summary.duplicatedSalesOrders, []);
  });

  /** The documents the orders carry, read where the plugin mode puts them. */
  function typedDocument(order: Json, mode: "rest" | "meta"): string | null {
    const meta = (key: string) =>
      (order.meta_data as Json[]).find((m) => m.key === key)?.value as string | undefined;
    const cpf = mode === "rest" ? order.billing.cpf : meta("_billing_cpf");
    const cnpj = mode === "rest" ? order.billing.cnpj : meta("_billing_cnpj");
    const typed = [cpf, cnpj].filter((d): d is string => typeof d === "string" && d !== "");
    return typed.length === 1 ? typed[0]! : null;
  }

  for (const mode of ["rest", "meta"] as const) {
    it(`the buyer's CPF/CNPJ ${mode === "rest" ? "in billing.cpf/billing.cnpj" : "only in meta_data"} links a customer with it`, async () => {
      const sim = await startWooSimulator({ orders: 120, seed: 1502, seedTime: Date.now(), plugin: mode });
      sims.push(sim);
      const storeId = await connectAndImport(sim, `https://loja-documentos-${mode}.test`);
      const stored = await ordersOf(storeId);
      const orders = sim.listOrders().filter((o) => o.status !== "trash") as Json[];
      if (mode === "meta")
        assert.ok(
          orders.every((o) => o.billing.cpf === undefined && o.billing.cnpj === undefined),
          "meta mode: no plugin REST fields",
        );
      const checked = { cpf: 0, cnpj: 0, alnum: 0 };
      for (const order of orders) {
        const row = stored.get(String(order.id));
        const typed = typedDocument(order, mode);
        if (!row || row.total === null || typed === null) continue;
        const document = bare(typed);
        // Only well-formed documents are expected on a customer (the data also has invalid ones).
        if (!validDocument(document)) continue;
        assert.equal(row.document, document, `order ${order.id}: customer with ${typed}`);
        if (document.length === 11) checked.cpf++;
        else if (/[A-Z]/.test(document)) checked.alnum++;
        else checked.cnpj++;
      }
      assert.ok(checked.cpf > 0, `orders with a CPF checked (${JSON.stringify(checked)})`);
      assert.ok(checked.cnpj > 0, `orders with a CNPJ checked (${JSON.stringify(checked)})`);
      assert.ok(checked.alnum > 0, `orders with an alphanumeric CNPJ checked (${JSON.stringify(checked)})`);
    });
  }
});

/** CPF/CNPJ check digits (shared domain notes: mod 11, each character worth its ASCII code − 48). */
function validDocument(document: string): boolean {
  if (!/^\d{11}$/.test(document) && !/^[0-9A-Z]{12}\d{2}$/.test(document)) return false;
  const values = [...document].map((c) => c.charCodeAt(0) - 48);
  const digit = (base: number[], weights: number[]) => {
    const r = base.reduce((s, v, i) => s + v * weights[i]!, 0) % 11;
    return r < 2 ? 0 : 11 - r;
  };
  if (new Set(document).size === 1) return false;
  if (values.length === 11) {
    const w1 = [10, 9, 8, 7, 6, 5, 4, 3, 2];
    const w2 = [11, 10, 9, 8, 7, 6, 5, 4, 3, 2];
    return digit(values.slice(0, 9), w1) === values[9] && digit(values.slice(0, 10), w2) === values[10];
  }
  const w1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
  const w2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
  return digit(values.slice(0, 12), w1) === values[12] && digit(values.slice(0, 13), w2) === values[13];
}
