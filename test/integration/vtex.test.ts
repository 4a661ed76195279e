// VTEX end to end against its simulator (issue 14): connecting registers the hook at
// PONTE_PUBLIC_URL with Ponte's secret header (the simulator pings it and gets Ponte's 200);
// a hook notice delivered ten times makes one sales order; invoicing in Ponte starts handling and
// sends one invoice notification with the NF-e key and the exact value in cents, which moves
// the VTEX order to invoiced; shipping adds the tracking to that invoice and Entregue marks it
// delivered; a cancel after that is refused with a reason in pt-BR.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { buildTaskList } from "../../src/jobs/tasks.ts";
import { startWorker, type WorkerHandle } from "../../src/jobs/worker.ts";
import { startVtexSimulator, type VtexSimulator } from "../../src/simulators/vtex/index.ts";
import { openStore } from "../../src/stores/stores.ts";
import { authHeaders } from "../helpers/auth.ts";
import { testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { testLogger } from "../helpers/logger.ts";
import { waitFor } from "../helpers/process.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;

const PUBLIC_URL = "https://ponte.test";
const TARGET = `${PUBLIC_URL}/webhooks/vtex`;
/** A valid NF-e access key (check digit included). */
const NFE_KEY = "33150308370779000149550010001100931002410775";

describe("VTEX: hook, invoice notification and cancel rules against the simulator", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: VtexSimulator;
  let app: FastifyInstance;
  let worker: WorkerHandle;
  let headers: Record<string, string>;
  let storeId: number;
  let orderId: string;
  let salesOrderId: number;

  const api = async (method: "GET" | "POST", url: string, payload?: object) => {
    const res = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.body, json: () => res.json() as Json };
  };
  const salesOrdersOf = async (externalId: string) =>
    (
      await t.db.query<{ id: number; status: string }>(
        `select s.id, s.status from sales_orders s join store_orders so on so.id = s.store_order_id
          where so.store_id = $1 and so.external_id = $2`,
        [storeId, externalId],
      )
    ).rows;

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db, { PONTE_PUBLIC_URL: PUBLIC_URL });
    app = await buildApp({ ctx, version: "test" });
    const ponte = await app.listen({ host: "127.0.0.1", port: 0 });
    sim = await startVtexSimulator({
      orders: 3,
      seed: 14,
      rateLimit: false,
      hosts: { [PUBLIC_URL]: ponte },
      hook: { timeScale: 60_000 },
    });
    headers = await authHeaders(ctx);
    worker = await startWorker({
      db: t.db,
      logger: testLogger,
      tasks: buildTaskList(ctx),
      concurrency: 2,
      processName: "vtex",
    });
  });
  after(async () => {
    await worker?.stop().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await sim?.close().catch(() => undefined);
    await t?.drop();
  });

  it("connecting registers the hook at PONTE_PUBLIC_URL with Ponte's secret header, and answers its ping", async () => {
    const bad = await api("POST", "/api/v1/stores", {
      platform: "vtex",
      name: "Loja VTEX",
      externalId: "Loja Simulada",
      credentials: { appKey: sim.appKey, appToken: sim.appToken },
      apiBaseUrl: sim.url,
    });
    assert.equal(bad.status, 400, "an account name VTEX would not have is refused, not a crash");
    assert.match(bad.json().error.reason, /letras minúsculas, números e hífen/);
    const res = await api("POST", "/api/v1/stores", {
      platform: "vtex",
      name: "Loja VTEX",
      externalId: sim.account,
      credentials: { appKey: sim.appKey, appToken: sim.appToken },
      apiBaseUrl: sim.url,
    });
    assert.equal(res.status, 201, res.body);
    storeId = res.json().id;
    const store = await waitFor("the hook registered", async () => {
      const s = (await api("GET", `/api/v1/stores/${storeId}`)).json();
      return s.webhooks.state === "registered" ? s : undefined;
    });
    assert.equal(store.webhooks.url, TARGET);
    const config = await fetch(`${sim.url}/api/orders/hook/config`, {
      headers: { "x-vtex-api-appkey": sim.appKey, "x-vtex-api-apptoken": sim.appToken },
    }).then((r) => r.json() as Promise<Json>);
    assert.equal(config.hook.url, TARGET);
    assert.equal(
      config.hook.headers["x-ponte-hook-secret"],
      ctx.platforms.vtex!.webhookSecret,
      "the secret header Ponte checks on every notice",
    );
    const pings = sim.sentNotices().filter((n) => n.ping);
    assert.deepEqual(
      pings.map((p) => p.status),
      [200],
      "Ponte answered the ping with 200 (VTEX saves the hook only then)",
    );
  });

  it("Testar conexão checks the keys, the orders, the feed (recreated when VTEX dropped it) and the hook", async () => {
    const vtexApi = (method: string, path: string) =>
      fetch(`${sim.url}${path}`, {
        method,
        headers: { "x-vtex-api-appkey": sim.appKey, "x-vtex-api-apptoken": sim.appToken },
      });
    // VTEX deletes a feed that saw no event during its retention period.
    await vtexApi("DELETE", "/api/orders/feed/config");
    assert.equal((await vtexApi("GET", "/api/orders/feed/config")).status, 404);
    const tested = await api("POST", `/api/v1/stores/${storeId}/test-connection`);
    assert.equal(tested.status, 200, tested.body);
    const checks = tested.json().checks as Json[];
    assert.deepEqual(
      checks.map((c) => `${c.key} ${c.ok}`),
      ["credentials true", "orders true", "customers true", "feed true", "webhooks true"],
    );
    assert.match(checks.find((c) => c.key === "feed")!.message, /Fila de pedidos da VTEX configurada/);
    const feed = (await (await vtexApi("GET", "/api/orders/feed/config")).json()) as Json;
    assert.equal(feed.filter.type, "FromWorkflow", "the feed is there again");

    sim.setOptions({ unauthorized: true });
    try {
      const refused = await api("POST", `/api/v1/stores/${storeId}/test-connection`);
      assert.equal(refused.status, 200, refused.body);
      const credentials = (refused.json().checks as Json[]).find((c) => c.key === "credentials")!;
      assert.equal(credentials.ok, false);
      assert.match(credentials.message, /VTEX/);
    } finally {
      sim.setOptions({ unauthorized: false });
    }
    const again = await api("POST", `/api/v1/stores/${storeId}/test-connection`);
    assert.equal(again.json().ok, true, "a key accepted again clears the mark");
  });

  it("a notice delivered ten times makes one store order and one sales order", async () => {
    sim.setOptions({ hook: { timeScale: 60_000, duplicateRate: 1, duplicates: 10 } });
    const order = sim.createOrder();
    orderId = order.orderId;
    sim.setStatus(orderId, "ready-for-handling");
    const ready = () =>
      sim.sentNotices().filter((n) => n.orderId === orderId && n.state === "ready-for-handling");
    await waitFor("ten deliveries of the notice, each answered", async () =>
      ready().length >= 10 && ready().every((n) => n.status === 200) ? true : undefined,
    );
    const [salesOrder] = await waitFor("the sales order", async () => {
      const rows = await salesOrdersOf(orderId);
      return rows.length > 0 ? rows : undefined;
    });
    assert.equal(salesOrder!.status, "confirmado", "ready-for-handling is Pagamento confirmado");
    salesOrderId = salesOrder!.id;
    await new Promise((resolve) => setTimeout(resolve, 500)); // late copies are processed too
    assert.equal((await salesOrdersOf(orderId)).length, 1, "one sales order");
    const { rows } = await t.db.query<{ n: number }>(
      "select count(*)::int as n from store_orders where store_id = $1 and external_id = $2",
      [storeId, orderId],
    );
    assert.equal(rows[0]!.n, 1, "one store order");
    sim.setOptions({ hook: { timeScale: 60_000 } });
  });

  it("invoicing in Ponte starts handling and sends one invoice notification with the NF-e key and the exact value", async () => {
    sim.clearLog();
    const res = await api("POST", `/api/v1/orders/${salesOrderId}/invoice`, {
      kind: "nfe",
      accessKey: NFE_KEY,
      number: "110093",
      series: "1",
      issuedAt: "2026-12-05T14:00:00.000Z",
    });
    assert.equal(res.status, 201, res.body);
    const invoiced = await waitFor("the VTEX order invoiced", async () => {
      const o = sim.getOrder(orderId);
      return o?.status === "invoiced" ? o : undefined;
    });
    const outputs = invoiced.packageAttachment.packages.filter((p) => p.type === "Output");
    assert.equal(outputs.length, 1, "one invoice");
    assert.equal(outputs[0]!.invoiceKey, NFE_KEY);
    assert.equal(outputs[0]!.invoiceValue, invoiced.value, "the order's value, in cents");
    assert.equal(outputs[0]!.invoiceNumber, "110093");
    const writes = sim
      .requestLog()
      .filter((r) => r.method !== "GET")
      .map((r) => `${r.method} ${r.path.replace(orderId, "{id}")}`);
    assert.deepEqual(
      writes.filter((w) => w.endsWith("/invoice")),
      ["POST /api/oms/pvt/orders/{id}/invoice"],
      "one invoice notification",
    );
    const { rows } = await waitFor("both pushes sent", async () => {
      const found = await t.db.query<{ action: string; status: string }>(
        "select action, status from outbox where sales_order_id = $1 order by action",
        [salesOrderId],
      );
      return found.rows.every((r) => r.status === "sent") ? found : undefined;
    });
    assert.deepEqual(
      rows.map((r) => `${r.action} ${r.status}`),
      ["invoice sent", "pack sent"],
      "Em preparação starts handling; faturado sends the invoice",
    );
  });

  it("shipping adds the tracking to the VTEX invoice; Entregue marks its tracking delivered, once each", async () => {
    sim.clearLog();
    const shipped = await api("POST", `/api/v1/orders/${salesOrderId}/shipments`, {
      carrier: "Correios",
      trackingCode: "JT194690698BR",
    });
    assert.equal(shipped.status, 201, shipped.body);
    await waitFor("the tracking on the VTEX invoice", async () => {
      const pack = sim.getOrder(orderId)?.packageAttachment.packages.find((p) => p.type === "Output");
      return pack?.trackingNumber === "JT194690698BR" ? true : undefined;
    });
    const delivered = await api("POST", `/api/v1/orders/${salesOrderId}/status`, { status: "entregue" });
    assert.equal(delivered.status, 200, delivered.body);
    const order = await waitFor("the VTEX order delivered", async () => {
      const o = sim.getOrder(orderId);
      return o?.isAllDelivered === true ? o : undefined;
    });
    const pack = order.packageAttachment.packages.find((p) => p.type === "Output")!;
    assert.equal((pack.courierStatus as { finished: boolean }).finished, true);
    const writes = sim
      .requestLog()
      .filter((r) => r.method !== "GET")
      .map((r) => `${r.method} ${r.path.replace(orderId, "{id}")}`);
    assert.deepEqual(writes, [
      "PATCH /api/oms/pvt/orders/{id}/invoice/110093",
      "PUT /api/oms/pvt/orders/{id}/invoice/110093/tracking",
    ]);
  });

  it("a cancel after the invoice is refused with the reason in pt-BR, and the VTEX order stays invoiced", async () => {
    const { connector } = await openStore(ctx, storeId, { maxRetries: 0 });
    const result = await connector.push(orderId, {
      kind: "cancel",
      reason: "other",
      email: false,
      restock: true,
    });
    assert.equal(result.ok, false);
    assert.ok(!result.ok && !result.retryable, "waiting does not help");
    assert.match(!result.ok ? result.message : "", /nota fiscal de devolução/i);
    assert.equal(sim.getOrder(orderId)?.status, "invoiced");
  });
});
