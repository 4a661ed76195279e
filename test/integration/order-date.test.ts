// The order's date is the date the customer ordered (the platform's creation time), not the
// day Ponte imported it: a store connected today with weeks of history shows each order on its
// own day in Pedidos, the period filter finds last month's orders by São Paulo day edges, the
// date sort follows it, the order page shows it next to "Importado em", and the customer e-mail
// and the shipping label carry it. Everything arrives the way a store's orders do: the first
// import from the Nuvemshop simulator.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import { importOrders } from "../../src/sync/import-orders.ts";
import { authHeaders } from "../helpers/auth.ts";
import { connectSimulatorStore, testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { readPdf } from "../helpers/pdf-read.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** "2026-03-01T02:30:00+0000", as Nuvemshop writes times. */
const nuvemshopTime = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}+0000`;
/** The calendar day in São Paulo (UTC−3, no daylight saving since 2019), as "2026-02-28". */
const spDay = (ms: number) => new Date(ms - 3 * HOUR).toISOString().slice(0, 10);
/** dd/mm/aaaa in São Paulo, as the panel, the e-mails and the label write a date. */
const spDate = (ms: number) => spDay(ms).split("-").reverse().join("/");

/** Last calendar month in São Paulo: its first and last day, and the first day of this month. */
function lastMonth(now = Date.now()) {
  const [y, m] = spDay(now).split("-").map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 2, 1));
  const last = new Date(Date.UTC(y, m - 1, 0));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { from: day(first), to: day(last), thisMonth: Date.UTC(y, m - 1, 1), lastMonth: first.getTime() };
}

describe("the order date: the platform's creation time", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: NuvemshopSimulator;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  let storeId: number;
  let importedFrom: number;
  const month = lastMonth();
  /** Store order number → the platform's creation time (ms). */
  const createdAt = new Map<string, number>();
  /** Every sales order, as the API lists them. */
  let listed: Json[];

  const get = async (url: string) => {
    const res = await app.inject({ method: "GET", url, headers });
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    return res.json() as Json;
  };
  /** Follows `next` to the end. */
  const walk = async (query: Record<string, string>) => {
    const items: Json[] = [];
    let after: string | null = null;
    do {
      const params = new URLSearchParams({ ...query, limit: "7", ...(after ? { after } : {}) });
      const page = await get(`/api/v1/orders?${params}`);
      items.push(...page.items);
      after = page.next;
    } while (after);
    return items;
  };
  const platformTime = (item: Json) => createdAt.get(item.storeOrderNumber)!;

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    // 40 orders spread over the 30 days before the 15th of last month: the second half of the
    // month before, and the first half of last month.
    const seedTime = new Date(month.lastMonth + 14 * DAY + 12 * HOUR).toISOString();
    sim = await startNuvemshopSimulator({
      orders: 40,
      seed: 61,
      seedTime,
      clientSecret: ctx.platforms.nuvemshop!.webhookSecret,
      rateLimit: false,
    });
    // The São Paulo day edges: 02:30 UTC on the 1st is still the day before in Brazil.
    for (const at of [
      month.thisMonth + 2.5 * HOUR, // last month's last day in Brazil
      month.lastMonth + 2.5 * HOUR, // the month before's last day in Brazil
      month.lastMonth + 3 * HOUR, // last month's first instant in Brazil
    ]) {
      sim.createOrder({ status: "open", payment_status: "pending", created_at: nuvemshopTime(at) });
    }
    // One to e-mail: the customer ordered on a day of last month.
    sim.createOrder({
      status: "open",
      payment_status: "pending",
      paid_at: null,
      customer: null,
      contact_name: "Marta Dias",
      contact_email: "marta.dias@example.com",
      contact_identification: "529.982.247-25",
      created_at: nuvemshopTime(month.lastMonth + 9 * DAY + 15 * HOUR),
    });
    for (const o of sim.listOrders()) createdAt.set(String(o.number), Date.parse(String(o.created_at)));
    app = await buildApp({ ctx, version: "test" });
    headers = await authHeaders(ctx);
    storeId = await connectSimulatorStore(ctx, sim, "Loja Histórica");
    importedFrom = Date.now();
    await importOrders(ctx, storeId);
    listed = (await get("/api/v1/orders?limit=200")).items;
    assert.ok(listed.length >= 30, `most seeded orders became sales orders (${listed.length})`);
  });
  after(async () => {
    await app.close();
    await sim.close();
    await t.drop();
  });

  it("lists each order with the date the customer ordered it, not the import's", async () => {
    for (const item of listed) {
      assert.ok(createdAt.has(item.storeOrderNumber), `order ${item.storeOrderNumber} is the simulator's`);
      assert.equal(Date.parse(item.orderedAt), platformTime(item), `order ${item.storeOrderNumber}'s date`);
      assert.ok(Date.parse(item.createdAt) >= importedFrom - 1000, "createdAt: when Ponte created it");
    }
    const days = new Set(listed.map((i) => spDay(Date.parse(i.orderedAt))));
    assert.ok(days.size > 20, `orders on their own days, not all on the import's (${days.size} days)`);
  });

  it("the period filter for last month finds exactly the orders the customers placed last month", async () => {
    const inLastMonth = (i: Json) => {
      const day = spDay(platformTime(i));
      return day >= month.from && day <= month.to;
    };
    const want = listed.filter(inLastMonth).map((i) => i.id);
    assert.ok(want.length >= 10 && want.length < listed.length, `a part of the orders (${want.length})`);
    const found = await walk({ from: month.from, to: month.to });
    assert.deepEqual(
      found.map((i) => i.id),
      want,
    );

    const byNumber = (ms: number) => listed.find((i) => platformTime(i) === ms);
    const lastDay = byNumber(month.thisMonth + 2.5 * HOUR);
    const dayBefore = byNumber(month.lastMonth + 2.5 * HOUR);
    const firstInstant = byNumber(month.lastMonth + 3 * HOUR);
    assert.ok(lastDay && dayBefore && firstInstant, "the edge orders were imported");
    const ids = new Set(found.map((i) => i.id));
    assert.ok(ids.has(lastDay.id), "02:30 UTC on the 1st of this month is last month in Brazil");
    assert.ok(!ids.has(dayBefore.id), "02:30 UTC on the 1st of last month is the month before in Brazil");
    assert.ok(ids.has(firstInstant.id), "03:00 UTC on the 1st is the month's first instant in Brazil");

    const today = await walk({ from: spDay(Date.now()) });
    assert.deepEqual(today, [], "nothing was ordered today, whatever day it was imported");
  });

  it("sorting by date follows the order date, both ways, across pages", async () => {
    const byDate = [...listed].sort((a, b) => platformTime(a) - platformTime(b) || a.id - b.id);
    const asc = await walk({ sort: "ordered_at", order: "asc" });
    assert.deepEqual(
      asc.map((i) => i.id),
      byDate.map((i) => i.id),
    );
    const desc = await walk({});
    assert.deepEqual(
      desc.map((i) => i.id),
      byDate.map((i) => i.id).reverse(),
      "newest order first by default",
    );
    const byStatus = await walk({ sort: "status", order: "asc" });
    for (let i = 1; i < byStatus.length; i++) {
      const [a, b] = [byStatus[i - 1]!, byStatus[i]!];
      if (a.canonicalStatus === b.canonicalStatus) {
        assert.ok(platformTime(a) <= platformTime(b), "within a status, by order date");
      }
    }
  });

  it("the order page has the order date and, apart, when Ponte imported it", async () => {
    const item = listed.find((i) => spDay(platformTime(i)) < spDay(importedFrom))!;
    const order = await get(`/api/v1/orders/${item.id}`);
    assert.equal(Date.parse(order.orderedAt), platformTime(item));
    assert.equal(Date.parse(order.storeOrder.platformCreatedAt), platformTime(item));
    assert.ok(Date.parse(order.createdAt) >= importedFrom - 1000, "Importado em: the import");
    assert.notEqual(spDay(Date.parse(order.orderedAt)), spDay(Date.parse(order.createdAt)));
  });

  it("the customer e-mail says the day the customer ordered", async () => {
    const item = listed.find((i) => i.customerName === "Marta Dias")!;
    // The deposit confirmed by hand moves the order to Pagamento confirmado, with its e-mail.
    const res = await app.inject({
      method: "POST",
      url: `/api/v1/orders/${item.id}/confirm-payment`,
      headers,
      payload: { notifyCustomer: true },
    });
    assert.equal(res.statusCode, 200, res.body);
    const { items } = await get(`/api/v1/emails?salesOrderId=${item.id}`);
    assert.equal(items.length, 1);
    const email = await get(`/api/v1/emails/${items[0].id}`);
    const day = spDate(platformTime(item));
    assert.notEqual(day, spDate(importedFrom));
    assert.match(email.text, new RegExp(`feito em ${day}`), email.text);
    assert.match(email.html, new RegExp(`feito em ${day}`));
  });

  it("the shipping label carries the order date", async () => {
    for (const item of listed) {
      const res = await app.inject({ method: "GET", url: `/api/v1/orders/${item.id}/label.pdf`, headers });
      if (res.statusCode === 409) continue; // no address or a bad CEP: not this order's test
      assert.equal(res.statusCode, 200, res.body);
      const [page] = await readPdf(res.rawPayload);
      const line = `Data do pedido: ${spDate(platformTime(item))}`;
      assert.ok(page!.texts.includes(line), `${line} on the label: ${JSON.stringify(page!.texts)}`);
      return;
    }
    assert.fail("no order had a printable label");
  });
});
