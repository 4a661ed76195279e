// One bad order never blocks the others (issue 11, item 5). PostgreSQL refuses U+0000 in text
// and jsonb, a lone surrogate in jsonb, an integer past its column's range and a date before
// 4713 BC. Text is cleaned (the order flagged so the operator sees it); anything else that
// cannot be written puts that order in error on its own row. The rest of the import page or
// webhook batch is stored and synced.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { buildTaskList } from "../../src/jobs/tasks.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import { importOrders } from "../../src/sync/import-orders.ts";
import { authHeaders } from "../helpers/auth.ts";
import { connectSimulatorStore, testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { jobInfo } from "../helpers/jobs.ts";
import { injectWebhook } from "../helpers/webhooks.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;

describe("one bad order never blocks the others", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: NuvemshopSimulator;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  let storeId: number;

  const row = async (externalId: number) =>
    (
      await app.inject({ method: "GET", url: `/api/v1/integration/${storeId}/orders/${externalId}`, headers })
    ).json() as Json;
  const salesOrder = async (id: number) =>
    (await app.inject({ method: "GET", url: `/api/v1/orders/${id}`, headers })).json() as Json;
  const paidOrders = (n: number) =>
    Array.from({ length: n }, () => sim.createOrder({ payment_status: "paid" }) as Json & { id: number });
  /** Puts a NUL in the buyer's name of one order and in an item name of another. */
  const withNul = (orders: (Json & { id: number })[]) => {
    const [named, item] = [orders[4]!, orders[17]!];
    sim.updateOrder(named.id, {
      customer: { ...(named.customer as Json), name: "Ana\u0000 Souza" },
      contact_name: "Ana\u0000 Souza",
    });
    sim.updateOrder(item.id, {
      products: (item.products as Json[]).map((p, i) =>
        i === 0 ? { ...p, name: "Semente\u0000 de milho" } : p,
      ),
    });
    return { named, item };
  };
  const assertCleaned = async (named: Json & { id: number }, item: Json & { id: number }) => {
    const nameRow = await row(named.id);
    assert.equal(nameRow.synced, true);
    assert.equal(nameRow.customerName, "Ana Souza", "U+0000 removed, the rest as received");
    assert.match(nameRow.textCleaned, /caracteres inválidos/i);
    assert.match(nameRow.textCleaned, /customer\.name/);
    const itemRow = await row(item.id);
    assert.equal(itemRow.synced, true);
    assert.match(itemRow.textCleaned, /products\[0\]\.name/);
    const items = (await salesOrder(itemRow.salesOrderId)).items as Json[];
    assert.equal(items[0]!.name, "Semente de milho");
    const events = (await salesOrder(itemRow.salesOrderId)).events as Json[];
    assert.ok(events.some((e) => e.kind === "text_cleaned" && /products\[0\]\.name/.test(e.message)));
  };

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    sim = await startNuvemshopSimulator({ orders: 0, seed: 61, rateLimit: false });
    app = await buildApp({ ctx, version: "test" });
    headers = await authHeaders(ctx);
    storeId = await connectSimulatorStore(ctx, sim, "Loja Norte");
  });
  after(async () => {
    await app.close();
    await sim.close();
    await t.drop();
  });

  it("an import page of 30 with a NUL in a buyer's name and one in an item name: all 30 synced, the two flagged", async () => {
    const orders = paidOrders(30);
    const { named, item } = withNul(orders);
    const result = await importOrders(ctx, storeId);
    assert.equal(result.done, true);
    assert.equal(result.pages, 1);
    for (const o of orders) assert.equal((await row(o.id)).synced, true, `order ${o.id} synced`);
    await assertCleaned(named, item);
    assert.equal((await row(orders[0]!.id)).textCleaned, null, "a clean order carries no flag");
  });

  it("a webhook batch of 30 likewise", async () => {
    const orders = paidOrders(30);
    const { named, item } = withNul(orders);
    for (const o of orders) {
      const ack = await injectWebhook(
        app,
        ctx.platforms.nuvemshop!.webhookSecret,
        sim.storeId,
        "order/created",
        o.id,
      );
      assert.deepEqual(ack, { status: 200, ack: "accepted" });
    }
    await buildTaskList(ctx)["sync-orders"]!({ storeId }, jobInfo());
    for (const o of orders) assert.equal((await row(o.id)).synced, true, `order ${o.id} synced`);
    await assertCleaned(named, item);
  });

  it("a lone surrogate is replaced; a quantity past integer range or a date before 4713 BC is that order's error only", async () => {
    const orders = paidOrders(10);
    const [surrogate, quantity, ancient] = [orders[1]!, orders[4]!, orders[7]!];
    sim.updateOrder(surrogate.id, { note: "Deixar na portaria \ud800 bloco B" });
    sim.updateOrder(quantity.id, {
      products: (quantity.products as Json[]).map((p, i) =>
        i === 0 ? { ...p, quantity: 3_000_000_000 } : p,
      ),
    });
    sim.updateOrder(ancient.id, { paid_at: "-010000-01-01T00:00:00+0000" });
    const result = await importOrders(ctx, storeId);
    assert.equal(result.done, true);
    for (const o of orders.filter((o) => o !== quantity && o !== ancient)) {
      assert.equal((await row(o.id)).synced, true, `order ${o.id} synced`);
    }
    const cleaned = await row(surrogate.id);
    assert.match(cleaned.textCleaned, /\bnote\b/);
    for (const bad of [quantity, ancient]) {
      const r = await row(bad.id);
      assert.equal(r.syncState, "error", `order ${bad.id} in error on its own row`);
      assert.ok(r.reason, "with its reason");
    }
  });
});
