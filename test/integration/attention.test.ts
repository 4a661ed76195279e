// Integração's attention list worked down (issue 16, item 9), on orders placed on the store
// simulator and imported: a cancelled, unpaid order (held: its status creates nothing) is
// dismissed with who and undone; the store's "ignorar após N dias" rule lets older ones leave,
// errors aside; and the list's count equals Visão geral's "Pedidos aguardando" at every step.
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

const DAY = 24 * 3600 * 1000;
const nuvemshopTime = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}+0000`;

describe("attention list: Ignorar, the store's age rule, and the count Visão geral shows", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: NuvemshopSimulator;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  let storeId: number;

  const api = async (method: "GET" | "POST" | "PATCH", url: string, payload?: unknown) => {
    const res = await app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return { status: res.statusCode, json: res.json() as Json };
  };
  const ok = async (method: "GET" | "POST" | "PATCH", url: string, payload?: unknown) => {
    const res = await api(method, url, payload);
    assert.equal(res.status, 200, `${method} ${url}: ${JSON.stringify(res.json)}`);
    return res.json;
  };

  async function placed(overrides: Record<string, unknown>): Promise<string> {
    const order = sim.createOrder(overrides) as { id: number };
    await syncOrder(ctx, storeId, String(order.id));
    return String(order.id);
  }

  /** The attention list's rows and count, and Visão geral's figure: they must agree. */
  async function counts() {
    const list = await ok("GET", `/api/v1/integration/${storeId}/orders?view=attention&limit=500`);
    const overview = await ok("GET", "/api/v1/overview");
    const waiting = (overview.stores as Json[]).find((s) => s.id === storeId)!.ordersWaiting as number;
    const ids = (list.orders as Json[]).map((o) => o.externalId as string);
    assert.equal(list.attentionCount, ids.length, "the count is the list's length");
    assert.equal(waiting, list.attentionCount, "Visão geral's Pedidos aguardando = the attention list");
    return { ids, count: waiting };
  }

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    sim = await startNuvemshopSimulator({ orders: 0, seed: 1609, rateLimit: false });
    app = await buildApp({ ctx, version: "test" });
    headers = await authHeaders(ctx);
    storeId = await connectSimulatorStore(ctx, sim, "Loja Atenção");
  });
  after(async () => {
    await app.close();
    await sim.close();
    await t.drop();
  });

  it("Ignorar takes a row off the list and the count, recorded with who; undo puts it back", async () => {
    const paid = await placed({ payment_status: "paid" });
    const unpaid = await placed({ status: "open", payment_status: "pending" });
    const cancelled = await placed({ status: "cancelled", payment_status: "voided" });
    const row = await ok("GET", `/api/v1/integration/${storeId}/orders/${cancelled}`);
    assert.equal(row.reasonCode, "status_not_creating", "held: its status creates nothing");

    const before = await counts();
    assert.ok(before.ids.includes(cancelled) && before.ids.includes(unpaid));
    assert.ok(!before.ids.includes(paid), "a confirmed order needs no attention");

    const dismissed = await ok("POST", `/api/v1/integration/${storeId}/orders/${cancelled}/dismiss`);
    assert.ok(dismissed.order.dismissedAt);
    assert.match(dismissed.order.dismissedBy, /^token:/, "who dismissed it: the API caller");
    assert.equal(dismissed.attentionCount, before.count - 1);
    const afterDismiss = await counts();
    assert.equal(afterDismiss.count, before.count - 1);
    assert.ok(!afterDismiss.ids.includes(cancelled));
    const listed = await ok("GET", `/api/v1/integration/${storeId}/orders?view=dismissed`);
    assert.deepEqual(
      (listed.orders as Json[]).map((o) => o.externalId),
      [cancelled],
    );
    const twice = await api("POST", `/api/v1/integration/${storeId}/orders/${cancelled}/dismiss`);
    assert.equal(twice.status, 409);
    assert.equal(twice.json.error.reasonCode, "already_dismissed");

    const events = await t.db.query<{ kind: string; actor: string }>(
      `select e.kind, e.actor from order_events e join store_orders so on so.id = e.store_order_id
        where so.external_id = $1 and e.kind like 'attention_%' order by e.id`,
      [cancelled],
    );
    assert.deepEqual(
      events.rows.map((e) => [e.kind, e.actor]),
      [["attention_dismissed", dismissed.order.dismissedBy]],
    );

    const restored = await ok("POST", `/api/v1/integration/${storeId}/orders/${cancelled}/restore`);
    assert.equal(restored.order.dismissedAt, null);
    const afterRestore = await counts();
    assert.equal(afterRestore.count, before.count);
    assert.ok(afterRestore.ids.includes(cancelled));
    const again = await api("POST", `/api/v1/integration/${storeId}/orders/${cancelled}/restore`);
    assert.equal(again.status, 409);
    assert.equal(again.json.error.reasonCode, "not_dismissed");
  });

  it("the store's 'ignorar após N dias' lets older rows leave the list and the count, and null brings them back", async () => {
    const old = await placed({
      status: "cancelled",
      payment_status: "voided",
      created_at: nuvemshopTime(Date.now() - 40 * DAY),
    });
    const recent = await placed({ status: "open", payment_status: "pending" });
    const all = await counts();
    assert.ok(all.ids.includes(old) && all.ids.includes(recent));

    const store = await ok("PATCH", `/api/v1/stores/${storeId}`, { attentionIgnoreAfterDays: 30 });
    assert.equal(store.attentionIgnoreAfterDays, 30);
    const ruled = await counts();
    assert.ok(!ruled.ids.includes(old), "40 days old: past the rule");
    assert.ok(ruled.ids.includes(recent));
    assert.equal(ruled.count, all.count - 1);

    const off = await ok("PATCH", `/api/v1/stores/${storeId}`, { attentionIgnoreAfterDays: null });
    assert.equal(off.attentionIgnoreAfterDays, null);
    assert.equal((await counts()).count, all.count);
  });
});
