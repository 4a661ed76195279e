// A store connected by token to the Nuvemshop simulator: imports every order once with
// faults on, signed webhooks become durable sync work, forged ones are refused, and
// 401/402 mark the store once.

import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import { importOrders } from "../../src/sync/import-orders.ts";
import { syncOrder } from "../../src/sync/sync-order.ts";
import { authHeaders } from "../helpers/auth.ts";
import { testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { queuedSyncOrders } from "../helpers/jobs.ts";

describe("Nuvemshop store against the simulator", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: NuvemshopSimulator;
  let app: FastifyInstance;
  let auth: Record<string, string>;
  let storeId: number;

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    sim = await startNuvemshopSimulator({
      orders: 2000,
      seed: 7,
      clientSecret: ctx.platforms.nuvemshop!.webhookSecret,
    });
    app = await buildApp({ ctx, version: "test" });
    auth = await authHeaders(ctx);
    const res = await app.inject({
      headers: auth,
      method: "POST",
      url: "/api/v1/stores",
      payload: {
        platform: "nuvemshop",
        name: "Loja Teste",
        externalId: String(sim.storeId),
        accessToken: sim.accessToken,
        apiBaseUrl: sim.apiBase,
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    storeId = res.json().id;
    assert.equal(res.json().accessToken, undefined, "the token never comes back");
  });
  after(async () => {
    await app.close();
    await sim.close();
    await t.drop();
  });

  it("keeps the token encrypted at rest", async () => {
    const { rows } = await t.db.query<{ credentials: Buffer }>(
      "select credentials from stores where id = $1",
      [storeId],
    );
    assert.ok(!rows[0]!.credentials.includes(Buffer.from(sim.accessToken)), "no plaintext token in the row");
  });

  it("imports every order exactly once with 5xx faults and the real rate limit on", async () => {
    sim.setOptions({ faultRate: 0.3 });
    sim.clearLog();
    const result = await importOrders(ctx, storeId);
    sim.setOptions({ faultRate: 0 });
    assert.equal(result.done, true);
    const { rows } = await t.db.query<{ n: number; distinct_ids: number }>(
      "select count(*)::int as n, count(distinct external_id)::int as distinct_ids from store_orders where store_id = $1",
      [storeId],
    );
    assert.equal(rows[0]?.n, 2000);
    assert.equal(rows[0]?.distinct_ids, 2000);
    const log = sim.requestLog();
    assert.ok(
      log.some((e) => e.status >= 500),
      "faults were injected",
    );
    for (const entry of log.filter((e) => e.path.includes("/orders"))) {
      assert.match(entry.headers.authentication ?? "", /^bearer /);
      assert.match(entry.headers["user-agent"] ?? "", /^Ponte\//);
      if (entry.status < 300) assert.equal(entry.query.per_page, "200");
    }
    // Stored as received: the raw payload round-trips, money in cents.
    const sample = sim.listOrders()[0]!;
    const stored = await t.db.query<{ raw: unknown; total_cents: number }>(
      "select raw, total_cents from store_orders where store_id = $1 and external_id = $2",
      [storeId, String(sample.id)],
    );
    assert.deepEqual(stored.rows[0]?.raw, sample);

    // A second import finds nothing new to change.
    const again = await importOrders(ctx, storeId);
    assert.equal(again.changed, 0);
  });

  it("waits out 429s instead of failing, with few 429s", async () => {
    // A burst from "another process" empties the bucket first.
    await Promise.all(
      Array.from({ length: 45 }, () =>
        fetch(`${sim.apiBase}/${sim.storeId}/orders?per_page=1`, {
          headers: { Authentication: `bearer ${sim.accessToken}`, "User-Agent": "other (x@y)" },
        }).then((r) => r.arrayBuffer()),
      ),
    );
    sim.clearLog();
    const ids = sim
      .listOrders()
      .slice(0, 12)
      .map((o) => String(o.id));
    const results = await Promise.all(ids.map((id) => syncOrder(ctx, storeId, id)));
    assert.ok(results.every((r) => r !== null));
    const log = sim.requestLog();
    assert.ok(
      log.every((e) => e.status === 200 || e.status === 429),
      JSON.stringify(log.map((e) => e.status)),
    );
  });

  it("accepts signed webhooks once per pending order and refuses forged ones without side effects", async () => {
    const order = sim.listOrders()[5]!;
    const body = JSON.stringify({ store_id: sim.storeId, event: "order/paid", id: order.id });
    const sig = crypto
      .createHmac("sha256", ctx.platforms.nuvemshop!.webhookSecret)
      .update(body)
      .digest("hex");
    const send = (signature: string | undefined) =>
      app.inject({
        method: "POST",
        url: "/webhooks/nuvemshop",
        headers: {
          "content-type": "application/json",
          ...(signature ? { "x-linkedstore-hmac-sha256": signature } : {}),
        },
        payload: body,
      });
    const before = await t.db.query<{ n: number }>("select count(*)::int as n from inbox");
    for (const forged of [
      undefined,
      sig.replace(/.$/, (c) => (c === "0" ? "1" : "0")),
      crypto.createHmac("sha256", "x").update(body).digest("hex"),
    ]) {
      assert.equal((await send(forged)).statusCode, 401);
    }
    const after401 = await t.db.query<{ n: number }>("select count(*)::int as n from inbox");
    assert.equal(after401.rows[0]?.n, before.rows[0]?.n, "no side effect");

    const answers = await Promise.all(Array.from({ length: 10 }, () => send(sig)));
    assert.ok(answers.every((a) => a.statusCode === 200));
    assert.deepEqual(answers.map((a) => a.json().status).sort(), ["accepted", ...Array(9).fill("duplicate")]);
    const queued = await queuedSyncOrders(t.db, storeId);
    assert.equal(queued.filter((id) => id === String(order.id)).length, 1, "one durable sync of the order");
  });

  it("pushes fulfill and the NF-e key once, even when retried", async () => {
    const { openStore } = await import("../../src/stores/stores.ts");
    const { connector } = await openStore(ctx, storeId);
    const order = sim.listOrders().find((o) => o.status === "open" && o.payment_status === "paid")!;
    const id = String(order.id);
    const fulfill = {
      kind: "fulfill",
      trackingNumber: "JT194690698BR",
      trackingUrl: null,
      notifyCustomer: false,
    } as const;
    const first = await connector.push(id, fulfill);
    const second = await connector.push(id, fulfill);
    assert.deepEqual([first.ok && first.alreadyApplied, second.ok && second.alreadyApplied], [false, true]);
    assert.equal(sim.getOrder(Number(id))?.shipping_tracking_number, "JT194690698BR");
    const key = "35260912ABC34501DE35550010000001231123456784";
    const invoice = {
      kind: "invoice",
      accessKey: key,
      link: null,
      number: null,
      series: null,
      issuedAt: null,
      valueCents: 0,
    } as const;
    await connector.push(id, invoice);
    await connector.push(id, invoice);
    const nfe = sim.metafields().filter((m) => String(m.owner_id) === id);
    assert.equal(nfe.length, 1);
    assert.deepEqual(JSON.parse(String(nfe[0]!.value)), [{ key, link: null }]);
  });

  it("marks the store on 402 (import paused) and on 401, once", async () => {
    sim.suspend(true);
    await importOrders(ctx, storeId);
    let store = (await app.inject({ url: `/api/v1/stores/${storeId}`, headers: auth })).json();
    assert.equal(store.connectionState, "suspended");
    sim.clearLog();
    const skipped = await importOrders(ctx, storeId);
    assert.equal(skipped.pages, 0);
    assert.equal(sim.requestLog().length, 0, "no calls while suspended");
    sim.suspend(false);

    await t.db.query("update stores set connection_state = 'ok' where id = $1", [storeId]);
    sim.setOptions({ accessToken: "revoked" } as never);
    await importOrders(ctx, storeId);
    store = (await app.inject({ url: `/api/v1/stores/${storeId}`, headers: auth })).json();
    assert.equal(store.connectionState, "invalid_credentials");
    assert.match(store.connectionMessage, /credenciais inválidas/);
  });
});
