// Issue 11 item 1: Ponte registers a store's webhooks with the platform. On connect (a job
// committed with the connection) and on Testar conexão it makes the store's subscription list
// match what it needs, at PONTE_PUBLIC_URL + /webhooks/nuvemshop; a second run changes nothing;
// a wrong URL is fixed, a missing hook recreated; disconnecting removes them. Against the
// simulator, which delivers only to registered URLs, reaching "https://ponte.test" through its
// hosts map (no DNS) at this test's listening Ponte.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { buildTaskList } from "../../src/jobs/tasks.ts";
import { startWorker, type WorkerHandle } from "../../src/jobs/worker.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import { call } from "../../src/simulators/nuvemshop/test-client.ts";
import { authHeaders } from "../helpers/auth.ts";
import { testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { testLogger } from "../helpers/logger.ts";
import { waitFor } from "../helpers/process.ts";
import { injectWebhook, signedWebhook } from "../helpers/reliability.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;

const PUBLIC_URL = "https://ponte.test";
const TARGET = `${PUBLIC_URL}/webhooks/nuvemshop`;
/** Every order event the webhook parser handles, the app's lifecycle and the LGPD events. */
const NEEDED = [
  "app/resumed",
  "app/suspended",
  "app/uninstalled",
  "customers/data_request",
  "customers/redact",
  "order/cancelled",
  "order/created",
  "order/custom_fields_updated",
  "order/edited",
  "order/fulfilled",
  "order/packed",
  "order/paid",
  "order/pending",
  "order/unpacked",
  "order/updated",
  "order/voided",
  "store/redact",
];

interface Hook {
  id: number;
  event: string;
  url: string;
}

describe("webhook registration: connect, Testar conexão, disconnect", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: NuvemshopSimulator;
  let app: FastifyInstance;
  let worker: WorkerHandle;
  let headers: Record<string, string>;
  let storeId: number;

  const get = async (url: string) => {
    const res = await app.inject({ method: "GET", url, headers });
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    return res.json() as Json;
  };
  const post = (url: string, payload?: object) =>
    app.inject({ method: "POST", url, headers, ...(payload ? { payload } : {}) });
  /** Connects the store by token; `reconnect`: the same store again (Conectar a loja de novo). */
  const connectByToken = (reconnect = false) =>
    post("/api/v1/stores", {
      platform: "nuvemshop",
      name: "Loja Registro",
      externalId: String(sim.storeId),
      accessToken: sim.accessToken,
      apiBaseUrl: sim.apiBase,
      ...(reconnect ? { reconnect } : {}),
    });
  const hooks = async (): Promise<Hook[]> => {
    const res = await call(sim, "GET", "/webhooks?per_page=200");
    if (res.status === 404) return []; // no hooks: page 1 is past the last page
    assert.equal(res.status, 200, res.text);
    return res.json();
  };
  const pairs = (list: Hook[]) => list.map((h) => `${h.event} ${h.url}`).sort();
  /** What Ponte changed on the platform's webhook list since the log was cleared. */
  const writes = () =>
    sim
      .requestLog()
      .filter((r) => r.path.includes("/webhooks") && r.method !== "GET")
      .map((r) => `${r.method} ${r.path.replace(/^.*\/webhooks/, "/webhooks")}`);
  const webhookCheck = async () => {
    const res = await post(`/api/v1/stores/${storeId}/test-connection`);
    assert.equal(res.statusCode, 200, res.body);
    return (res.json().checks as Json[]).find((c) => c.key === "webhooks")!;
  };
  const registered = (id: number) =>
    waitFor("the store's webhooks registered", async () => {
      const store = await get(`/api/v1/stores/${id}`);
      return store.webhooks.state === "registered" ? store : undefined;
    });

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db, { PONTE_PUBLIC_URL: PUBLIC_URL });
    app = await buildApp({ ctx, version: "test" });
    const ponte = await app.listen({ host: "127.0.0.1", port: 0 });
    sim = await startNuvemshopSimulator({
      orders: 3,
      seed: 41,
      rateLimit: false,
      clientSecret: ctx.platforms.nuvemshop!.webhookSecret,
      hosts: { [PUBLIC_URL]: ponte },
    });
    headers = await authHeaders(ctx);
    worker = await startWorker({
      db: t.db,
      logger: testLogger,
      tasks: buildTaskList(ctx),
      concurrency: 2,
      processName: "webhook-registration",
    });
  });
  after(async () => {
    await worker?.stop().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await sim?.close().catch(() => undefined);
    await t?.drop();
  });

  it("connecting by token registers every needed event at PONTE_PUBLIC_URL; running it again changes nothing", async () => {
    const res = await connectByToken();
    assert.equal(res.statusCode, 201, res.body);
    storeId = res.json().id;

    const store = await registered(storeId);
    assert.equal(store.webhooks.url, TARGET);
    assert.deepEqual([...store.webhooks.events].sort(), NEEDED);
    assert.match(store.webhooks.message, /registrados/);
    assert.deepEqual(pairs(await hooks()), NEEDED.map((e) => `${e} ${TARGET}`).sort());

    sim.clearLog();
    const check = await webhookCheck();
    assert.equal(check.ok, true, check.message);
    assert.equal(check.required, false);
    assert.match(check.message, /https:\/\/ponte\.test\/webhooks\/nuvemshop/);
    assert.deepEqual(writes(), [], "the list already matched: nothing created, changed or removed");
    assert.deepEqual(pairs(await hooks()), NEEDED.map((e) => `${e} ${TARGET}`).sort());
  });

  it("Testar conexão fixes a wrong URL with PUT, recreates a missing hook, removes ours it no longer needs, and leaves others' alone", async () => {
    const before = await hooks();
    const paid = before.find((h) => h.event === "order/paid")!;
    const created = before.find((h) => h.event === "order/created")!;
    // An old public address, a hook deleted by hand, one of ours for an event Ponte does not use,
    // and another app's hook on the same event.
    const moved = await call(sim, "PUT", `/webhooks/${paid.id}`, {
      body: { url: "https://ponte-antiga.example/webhooks/nuvemshop" },
    });
    assert.equal(moved.status, 200, moved.text);
    assert.equal((await call(sim, "DELETE", `/webhooks/${created.id}`)).status, 200);
    const stray = await call(sim, "POST", "/webhooks", { body: { event: "product/updated", url: TARGET } });
    assert.equal(stray.status, 201, stray.text);
    const foreign = await call(sim, "POST", "/webhooks", {
      body: { event: "order/paid", url: "https://erp.example.com/hooks/pedidos" },
    });
    assert.equal(foreign.status, 201, foreign.text);

    sim.clearLog();
    const check = await webhookCheck();
    assert.equal(check.ok, true, check.message);
    assert.deepEqual(writes().sort(), [
      `DELETE /webhooks/${stray.json().id}`,
      "POST /webhooks",
      `PUT /webhooks/${paid.id}`,
    ]);
    const after = await hooks();
    assert.deepEqual(
      pairs(after),
      [...NEEDED.map((e) => `${e} ${TARGET}`), "order/paid https://erp.example.com/hooks/pedidos"].sort(),
    );
    assert.ok(
      after.some((h) => h.id === paid.id && h.url === TARGET),
      "the wrong URL was fixed in place",
    );
    sim.clearLog();
    await webhookCheck();
    assert.deepEqual(writes(), [], "and a second run changes nothing");
  });

  it("a new order reaches Ponte through the registered webhook and becomes a sales order without any import", async () => {
    sim.clearLog();
    const order = sim.createOrder({ status: "open", payment_status: "paid", shipping_status: "unpacked" });
    const salesOrder = await waitFor("the sales order", async () => {
      const { rows } = await t.db.query<{ id: number; status: string }>(
        `select s.id, s.status from sales_orders s join store_orders so on so.id = s.store_order_id
          where so.store_id = $1 and so.external_id = $2`,
        [storeId, String(order.id)],
      );
      return rows[0];
    });
    assert.equal(salesOrder.status, "confirmado");
    const delivered = sim.sentWebhooks().filter((w) => w.id === order.id && w.url === TARGET);
    assert.deepEqual(delivered.map((w) => [w.event, w.status]).sort(), [
      ["order/created", 200],
      ["order/paid", 200],
    ]);
    // The other app's hook gets its own delivery, which this simulated internet cannot reach.
    assert.ok(
      sim.sentWebhooks().some((w) => w.id === order.id && w.url.startsWith("https://erp.example.com/")),
    );
    const listings = sim.requestLog().filter((r) => r.method === "GET" && /\/orders$/.test(r.path));
    assert.deepEqual(listings, [], "no import listed the orders: the webhook brought it");
  });

  it("a platform error leaves the state failed with the reason in pt-BR; Testar conexão retries", async () => {
    sim.setOptions({ faultScript: [{ status: 503, count: 50, path: "^/webhooks" }] });
    try {
      const check = await webhookCheck();
      assert.equal(check.ok, false);
      assert.equal(check.required, false);
      const store = await get(`/api/v1/stores/${storeId}`);
      assert.equal(store.webhooks.state, "failed");
      assert.match(store.webhooks.message, /Nuvemshop.*Testar conexão tenta registrar os webhooks de novo/);
      assert.equal(check.message, store.webhooks.message, "the check and the store page say the same");
    } finally {
      sim.setOptions({ faultScript: null });
    }
    const check = await webhookCheck();
    assert.equal(check.ok, true, check.message);
    assert.equal((await get(`/api/v1/stores/${storeId}`)).webhooks.state, "registered");
  });

  it("disconnecting removes Ponte's webhooks, forgets the token and keeps the orders; reconnecting brings it back", async () => {
    const { rows: before } = await t.db.query<{ n: number }>(
      "select count(*)::int as n from sales_orders where origin_store_id = $1",
      [storeId],
    );
    assert.ok(before[0]!.n > 0);
    const res = await post(`/api/v1/stores/${storeId}/disconnect`);
    assert.equal(res.statusCode, 200, res.body);
    const store = res.json();
    assert.equal(store.connectionState, "disconnected");
    assert.equal(store.importEnabled, false);
    assert.equal(store.webhooks.state, "removed");
    assert.deepEqual(pairs(await hooks()), ["order/paid https://erp.example.com/hooks/pedidos"]);
    const { rows } = await t.db.query<{ credentials: Buffer | null; orders: number }>(
      `select credentials, (select count(*)::int from sales_orders where origin_store_id = $1) as orders
         from stores where id = $1`,
      [storeId],
    );
    assert.equal(rows[0]!.credentials, null, "the sealed token is forgotten");
    assert.equal(rows[0]!.orders, before[0]!.n, "orders and sales orders are kept");
    assert.equal((await get(`/api/v1/stores/${storeId}`)).connectionState, "disconnected");
    const importNow = await post(`/api/v1/stores/${storeId}/import`);
    assert.equal(importNow.statusCode, 409);
    assert.equal(importNow.json().error.reasonCode, "store_disconnected");
    assert.match(importNow.json().error.reason, /desconectada do Ponte.*Conecte a loja de novo/);
    const overview = (await get("/api/v1/overview")).stores.find((s: { id: number }) => s.id === storeId);
    assert.deepEqual([overview.health.level, overview.health.code], ["warn", "disconnected"]);
    assert.equal(overview.health.connection, "Desconectada");

    // A late delivery for the disconnected store is not work.
    const late = signedWebhook(ctx.platforms.nuvemshop!.webhookSecret, sim.storeId, "order/updated", 1);
    const answer = await injectWebhook(app, late);
    assert.equal(answer.json().status, "ignored");
    const again = await post(`/api/v1/stores/${storeId}/disconnect`);
    assert.equal(again.statusCode, 200, "disconnecting twice is harmless");

    const back = await connectByToken(true);
    assert.equal(back.statusCode, 200, back.body);
    assert.equal(back.json().id, storeId, "the same store comes back, with its data");
    assert.equal(back.json().connectionState, "ok");
    assert.equal(back.json().importEnabled, true);
    await registered(storeId);
    assert.equal((await hooks()).filter((h) => h.url === TARGET).length, NEEDED.length);
  });

  it("a registration the platform fails on connect is retried by the queue", async () => {
    assert.equal((await post(`/api/v1/stores/${storeId}/disconnect`)).statusCode, 200);
    assert.deepEqual(pairs(await hooks()), ["order/paid https://erp.example.com/hooks/pedidos"]);
    // The listing fails twice: the job's own quick retry, then the job itself.
    sim.setOptions({ faultScript: [{ status: 503, count: 2, method: "GET", path: "^/webhooks$" }] });
    assert.equal((await connectByToken(true)).statusCode, 200);
    const failed = await waitFor("the first attempt to fail", async () => {
      const store = await get(`/api/v1/stores/${storeId}`);
      return store.webhooks.state === "failed" ? store : undefined;
    });
    assert.match(failed.webhooks.message, /respondeu com erro.*Testar conexão/);
    await registered(storeId);
    assert.equal(sim.faultsRemaining(), 0);
    assert.equal((await hooks()).filter((h) => h.url === TARGET).length, NEEDED.length);
  });

  it("a platform that cannot be reached does not stop the disconnection: the store page says what to do", async () => {
    sim.setOptions({ faultScript: [{ status: 503, count: 100, path: "^/webhooks" }] });
    try {
      const res = await post(`/api/v1/stores/${storeId}/disconnect`);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().connectionState, "disconnected");
      assert.equal(res.json().webhooks.state, "failed");
      assert.match(res.json().webhooks.message, /Não foi possível remover os webhooks do Ponte.*mesmo assim/);
    } finally {
      sim.setOptions({ faultScript: null });
    }
    assert.equal((await hooks()).filter((h) => h.url === TARGET).length, NEEDED.length, "still there");
  });

  it("the API documents disconnect and the store's webhooks", async () => {
    const doc = (await app.inject("/api/openapi.json")).json();
    assert.ok(doc.paths["/api/v1/stores/{id}/disconnect"].post);
    const store =
      doc.paths["/api/v1/stores/{id}"].get.responses["200"].content["application/json"].schema.properties;
    assert.deepEqual(store.connectionState.enum.includes("disconnected"), true);
    assert.ok(store.webhooks.properties.state.enum.includes("not_configured"));
  });
});

describe("webhook registration without an https public address", () => {
  for (const [label, env] of [
    ["PONTE_PUBLIC_URL unset", {}],
    ["PONTE_PUBLIC_URL over http", { PONTE_PUBLIC_URL: "http://ponte.example.com" }],
  ] as const) {
    it(`${label}: nothing is registered, and the store says only the scheduled import runs and how to fix it`, async () => {
      const t = await createTestDatabase();
      const sim = await startNuvemshopSimulator({ orders: 0, rateLimit: false });
      const ctx = testContext(t.db, env);
      const app = await buildApp({ ctx, version: "test" });
      try {
        const headers = await authHeaders(ctx);
        const res = await app.inject({
          method: "POST",
          url: "/api/v1/stores",
          headers,
          payload: {
            platform: "nuvemshop",
            name: "Loja Sem Endereço",
            externalId: String(sim.storeId),
            accessToken: sim.accessToken,
            apiBaseUrl: sim.apiBase,
          },
        });
        assert.equal(res.statusCode, 201, res.body);
        const webhooks = res.json().webhooks;
        assert.equal(webhooks.state, "not_configured");
        assert.equal(webhooks.url, null);
        assert.match(webhooks.message, /importação agendada \(a cada 15 min\)/);
        assert.match(webhooks.message, /PONTE_PUBLIC_URL/);
        assert.match(webhooks.message, /https/);
        assert.match(webhooks.message, /Testar conexão/);

        const test = await app.inject({
          method: "POST",
          url: `/api/v1/stores/${res.json().id}/test-connection`,
          headers,
        });
        const check = (test.json().checks as Json[]).find((c) => c.key === "webhooks")!;
        assert.equal(test.json().ok, true, "webhooks are not needed to import");
        assert.equal(check.ok, false);
        assert.equal(check.required, false);
        assert.match(check.message, /PONTE_PUBLIC_URL/);
        assert.deepEqual(
          sim.requestLog().filter((r) => r.path.includes("/webhooks")),
          [],
          "Ponte did not touch the platform's webhooks",
        );
        const list = await call(sim, "GET", "/webhooks");
        assert.ok(list.status === 404 || list.json().length === 0, "nothing registered on the platform");
      } finally {
        await app.close();
        await sim.close();
        await t.drop();
      }
    });
  }
});
