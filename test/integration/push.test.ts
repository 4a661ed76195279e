// Status pushes to the store (R8) end to end: a back-office change writes its outbox rows with
// the change; the push job sends them through the Nuvemshop simulator (faults scripted like the
// real API: 429 with no Retry-After, 5xx, an answer lost after the change was applied), an XML
// POST or a signed webhook to a local sink; retries never apply a push twice; exhausted pushes
// land in Falhas with Reenviar.
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { changeOrderStatus } from "../../src/backoffice/order-status.ts";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { buildTaskList } from "../../src/jobs/tasks.ts";
import { startWorker } from "../../src/jobs/worker.ts";
import { lockSalesOrder } from "../../src/orders/order-lock.ts";
import { enqueueStorePushes } from "../../src/push/enqueue.ts";
import { runPush } from "../../src/push/run-push.ts";
import { verifySignature } from "../../src/push/signature.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import { call } from "../../src/simulators/nuvemshop/test-client.ts";
import { syncOrder } from "../../src/sync/sync-order.ts";
import { authHeaders } from "../helpers/auth.ts";
import { connectSimulatorStore, testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { testLogger } from "../helpers/logger.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;

const NFE_KEY = "33150308370779000149550010001100931002410775";

interface Delivery {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A receiver on loopback: records every delivery and answers from a script (then 200). */
async function startSink() {
  const deliveries: Delivery[] = [];
  const script: { status: number; headers?: Record<string, string>; before?: () => Promise<unknown> }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      deliveries.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const next = script.shift() ?? { status: 200 };
      await next.before?.(); // something that happens while the push is on the wire
      res.writeHead(next.status, next.headers);
      res.end(next.status >= 400 ? "ocupado" : "ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    deliveries,
    script,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("push to the store", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: NuvemshopSimulator;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  let storeId: number;
  let sink: Awaited<ReturnType<typeof startSink>>;
  const basePush = () => ({ ...ctx.push });
  let defaults: AppContext["push"];

  const api = async (method: "GET" | "POST" | "PATCH" | "PUT", url: string, payload?: unknown) => {
    const res = await app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return { status: res.statusCode, json: res.json() as Json };
  };
  const setStatus = (id: number, status: string, extra: Json = {}) =>
    api("POST", `/api/v1/orders/${id}/status`, { status, ...extra });

  /** A paid order on the store, imported: its sales order id and the platform's id. */
  async function paidOrder(): Promise<{ salesOrderId: number; externalId: string }> {
    const order = sim.createOrder({ payment_status: "paid" }) as { id: number };
    const externalId = String(order.id);
    await syncOrder(ctx, storeId, externalId);
    const { rows } = await t.db.query<{ id: number }>(
      `select s.id from sales_orders s join store_orders so on so.id = s.store_order_id
        where so.store_id = $1 and so.external_id = $2`,
      [storeId, externalId],
    );
    assert.ok(rows[0], "the order was imported");
    return { salesOrderId: Number(rows[0].id), externalId };
  }

  const pushesOf = async (salesOrderId: number) =>
    (
      await t.db.query<Json>(
        "select id, channel, action, status, attempts, last_error, dedupe_key, payload from outbox where sales_order_id = $1 order by id",
        [salesOrderId],
      )
    ).rows;
  const eventsOf = async (salesOrderId: number, kind: string) =>
    (
      await t.db.query<Json>(
        "select message, data from order_events where sales_order_id = $1 and kind = $2 order by id",
        [salesOrderId, kind],
      )
    ).rows;
  const actionsOn = (externalId: string, action?: string) =>
    sim
      .actions()
      .filter((a) => String(a.orderId) === externalId && (action === undefined || a.action === action));

  /** Runs the push jobs of these rows as the queue would, until none is pending. */
  async function drain(ids: number[], limitMs = 20_000): Promise<void> {
    const until = Date.now() + limitMs;
    for (;;) {
      const { rows } = await t.db.query<{ id: number; due: boolean; wait_ms: number }>(
        `select id, coalesce(next_attempt_at <= now(), true) as due,
                greatest(0, extract(epoch from next_attempt_at - now()) * 1000)::int as wait_ms
           from outbox where id = any($1::bigint[]) and status = 'pending' order by id`,
        [ids],
      );
      if (rows.length === 0) return;
      assert.ok(Date.now() < until, `pushes still pending: ${JSON.stringify(rows)}`);
      const due = rows.filter((r) => r.due);
      for (const r of due) await runPush(ctx, Number(r.id));
      // A push waiting behind an earlier one of its order is due but not sent: no busy loop.
      const wait = due.length === 0 ? Math.min(...rows.map((r) => r.wait_ms)) + 5 : 10;
      await new Promise((r) => setTimeout(r, wait));
    }
  }

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    // Fast retries: the backoff base is injectable (production: 10 s doubling to 20 min).
    ctx.push = { ...ctx.push, baseDelayMs: 20, maxDelayMs: 200, timeoutMs: 3_000 };
    defaults = basePush();
    sim = await startNuvemshopSimulator({ orders: 0, seed: 11 });
    app = await buildApp({ ctx, version: "test" });
    headers = await authHeaders(ctx);
    storeId = await connectSimulatorStore(ctx, sim, "Loja Centro");
    sink = await startSink();
  });
  beforeEach(() => {
    ctx.push = { ...defaults };
    sim.setOptions({ faultScript: null });
  });
  after(async () => {
    await app.close();
    await sim.close();
    await sink.close();
    await t.drop();
  });

  it("a push through 429s, 500s and an answer lost after applying is applied exactly once", async () => {
    const { salesOrderId, externalId } = await paidOrder();
    sim.setOptions({
      faultScript: [
        { status: 429, count: 2, method: "GET", path: "^/orders/\\d+$" },
        { status: 500, count: 2, method: "POST", path: "/pack$" },
        // The platform packs the order, then the answer is lost (a gateway timeout).
        { status: 504, count: 1, method: "POST", path: "/pack$", afterApply: true },
      ],
    });
    const changed = await setStatus(salesOrderId, "em_preparacao");
    assert.equal(changed.status, 200, JSON.stringify(changed.json));
    const [push] = await pushesOf(salesOrderId);
    assert.equal(push!.action, "pack");
    assert.equal(push!.dedupe_key, `push:${salesOrderId}:pack:v${changed.json.statusVersion}`);
    // The job was queued with the change, on the store's queue.
    const job = await t.db.query<{ queue_name: string }>(
      "select queue_name from graphile_worker.jobs where key = $1",
      [`push:${push!.id}`],
    );
    assert.equal(job.rows[0]?.queue_name, `push:${storeId}`);

    // The real queue runs it: three failed attempts, then the read-first finds it packed.
    const worker = await startWorker({
      db: t.db,
      logger: testLogger,
      tasks: buildTaskList(ctx),
      concurrency: 2,
      processName: "test",
    });
    try {
      const deadline = Date.now() + 30_000;
      while ((await pushesOf(salesOrderId))[0]!.status === "pending") {
        assert.ok(Date.now() < deadline, "the push never finished");
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await worker.stop();
    }
    const [done] = await pushesOf(salesOrderId);
    assert.equal(done!.status, "sent");
    assert.equal(
      done!.attempts,
      4,
      "two 500s and the lost answer, then the read-first (429s spend no attempt)",
    );
    assert.equal(sim.faultsRemaining(), 0);
    assert.equal(actionsOn(externalId, "pack").length, 1, "packed exactly once on the platform");
    assert.equal(sim.getOrder(Number(externalId))!.next_action, "waiting_shipment");
    const rateLimited = sim
      .requestLog()
      .filter((r) => r.status === 429 && r.path.endsWith(`/orders/${externalId}`));
    assert.equal(rateLimited.length, 2);
    const [sent] = await eventsOf(salesOrderId, "push_sent");
    assert.match(sent!.message, /embalado na loja \(já constava na plataforma/);
    assert.equal(sent!.data.alreadyApplied, true);
    assert.equal(
      (await eventsOf(salesOrderId, "push_retrying")).length,
      1,
      "one line for the delay, not one per retry",
    );
    // Visible in the order's timeline and its pushes.
    const order = await api("GET", `/api/v1/orders/${salesOrderId}`);
    assert.ok((order.json.events as Json[]).some((e) => e.kind === "push_sent"));
    const pushes = await api("GET", `/api/v1/orders/${salesOrderId}/pushes`);
    assert.deepEqual(
      (pushes.json as unknown as Json[]).map((p) => [p.action, p.status, p.attempts]),
      [["pack", "sent", 4]],
    );
  });

  it("a push re-run after a crash between 'applied on the platform' and 'marked sent' is not applied twice", async () => {
    const { salesOrderId, externalId } = await paidOrder();
    await setStatus(salesOrderId, "em_preparacao");
    const [push] = await pushesOf(salesOrderId);
    // The first worker counted its attempt, packed the order on the platform, and died.
    await t.db.query("update outbox set attempts = 1 where id = $1", [push!.id]);
    const applied = await call(sim, "POST", `/orders/${externalId}/pack`, { body: {} });
    assert.equal(applied.status, 200);
    await drain([push!.id]);
    const [done] = await pushesOf(salesOrderId);
    assert.equal(done!.status, "sent");
    assert.equal(done!.attempts, 2);
    assert.equal(actionsOn(externalId, "pack").length, 1, "the re-run read the order first and sent nothing");
  });

  it("the whole lifecycle pushes NF-e, pack, fulfill with tracking and close, each once", async () => {
    const { salesOrderId, externalId } = await paidOrder();
    const invoiced = await api("POST", `/api/v1/orders/${salesOrderId}/invoice`, {
      kind: "nfe",
      accessKey: NFE_KEY,
    });
    assert.equal(invoiced.status, 201, JSON.stringify(invoiced.json));
    const shipped = await api("POST", `/api/v1/orders/${salesOrderId}/shipments`, {
      carrier: "Correios",
      trackingCode: "JT194690698BR",
      trackingUrl: "https://rastreamento.correios.com.br/app/index.php?objetos=JT194690698BR",
    });
    assert.equal(shipped.status, 201, JSON.stringify(shipped.json));
    assert.equal((await setStatus(salesOrderId, "entregue")).status, 200);
    const rows = await pushesOf(salesOrderId);
    assert.deepEqual(
      rows.map((r) => r.action),
      ["invoice", "pack", "fulfill", "close"],
    );
    await drain(rows.map((r) => r.id));
    // Run every job again, as a duplicate delivery of the queue would: nothing more happens.
    for (const r of rows) await runPush(ctx, r.id);
    assert.deepEqual(
      (await pushesOf(salesOrderId)).map((r) => r.status),
      ["sent", "sent", "sent", "sent"],
    );
    assert.deepEqual(
      actionsOn(externalId).map((a) => a.action),
      ["pack", "fulfill", "close"],
    );
    const fulfill = actionsOn(externalId, "fulfill")[0]!;
    assert.equal(fulfill.body.shipping_tracking_number, "JT194690698BR");
    assert.equal(fulfill.body.notify_customer, false, "Ponte e-mails the customer: the platform must not");
    const order = sim.getOrder(Number(externalId))!;
    assert.equal(order.status, "closed");
    assert.equal(order.shipping_tracking_number, "JT194690698BR");
    const nfe = sim.metafields().filter((m) => m.owner_id === Number(externalId) && m.namespace === "nfe");
    assert.equal(nfe.length, 1);
    assert.deepEqual(JSON.parse(String(nfe[0]!.value)), [{ key: NFE_KEY, link: null }]);
  });

  it("the same status change submitted twice queues one push", async () => {
    const { salesOrderId } = await paidOrder();
    const answers = await Promise.all([
      setStatus(salesOrderId, "em_preparacao"),
      setStatus(salesOrderId, "em_preparacao"),
    ]);
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 409]);
    // A change handed to the outbox twice (a retried caller) still writes one row and one job.
    const change = await t.db.transaction(async (tx) => {
      const order = await lockSalesOrder(tx, salesOrderId);
      const c = await changeOrderStatus(tx, order, {
        status: "cancelado",
        notifyCustomer: false,
        message: null,
        actor: "test",
      });
      await enqueueStorePushes(tx, ctx, order, c);
      await enqueueStorePushes(tx, ctx, order, c);
      return c;
    });
    const rows = await pushesOf(salesOrderId);
    assert.deepEqual(
      rows.map((r) => r.action),
      ["pack", "cancel"],
    );
    const jobs = await t.db.query<{ n: number }>(
      `select count(*)::int as n from graphile_worker._private_jobs j
         join graphile_worker._private_tasks k on k.id = j.task_id
        where k.identifier = 'push' and j.payload->>'outboxId' = $1`,
      [String(rows[1]!.id)],
    );
    assert.equal(jobs.rows[0]!.n, 1);
    assert.equal(rows[1]!.dedupe_key, `push:${salesOrderId}:cancel:v${change.order.statusVersion}`);
  });

  it("pushes nothing for a status the store's table has inactive, nor for an order that did not come from a store", async () => {
    const { salesOrderId } = await paidOrder();
    const map = await api("GET", `/api/v1/stores/${storeId}/status-map`);
    const rows = (map.json.rows as Json[]).map((r) =>
      r.canonicalStatus === "em_preparacao" ? { ...r, active: false } : r,
    );
    assert.equal((await api("PUT", `/api/v1/stores/${storeId}/status-map`, { rows })).status, 200);
    try {
      assert.equal((await setStatus(salesOrderId, "em_preparacao")).status, 200);
      assert.deepEqual(await pushesOf(salesOrderId), []);
    } finally {
      const back = rows.map((r) => (r.canonicalStatus === "em_preparacao" ? { ...r, active: true } : r));
      await api("PUT", `/api/v1/stores/${storeId}/status-map`, { rows: back });
    }
    // An order taken at the counter, as the back office makes it: no store to push to.
    const sku = ((await api("GET", `/api/v1/orders/${salesOrderId}`)).json.items as Json[]).find(
      (i) => i.sku,
    )!.sku;
    const manual = await api("POST", "/api/v1/orders", {
      customer: { name: "Cliente do Balcão" },
      items: [{ sku, quantity: 1, unitPriceCents: 1000 }],
      pickup: true,
      payment: { type: "pix" },
    });
    assert.equal(manual.status, 201, JSON.stringify(manual.json));
    const manualId = manual.json.id as number;
    assert.equal((await api("POST", `/api/v1/orders/${manualId}/confirm-payment`, {})).status, 200);
    assert.equal((await setStatus(manualId, "em_preparacao")).status, 200);
    assert.deepEqual(await pushesOf(manualId), []);
  });

  it("Envio à loja: a store may change what a status pushes", async () => {
    const map = await api("GET", `/api/v1/stores/${storeId}/push-map`);
    const entregue = (map.json.rows as Json[]).find((r) => r.trigger === "entregue")!;
    assert.deepEqual(entregue, {
      trigger: "entregue",
      label: "Entregue",
      actions: ["close"],
      custom: false,
      statusActive: true,
    });
    const refused = await api("PUT", `/api/v1/stores/${storeId}/push-map`, {
      rows: [{ trigger: "entregue", actions: ["teleport"] }],
    });
    assert.equal(refused.status, 400);
    assert.equal(refused.json.error.details[0].field, "rows[0].actions[0]");
    const saved = await api("PUT", `/api/v1/stores/${storeId}/push-map`, {
      rows: [{ trigger: "entregue", actions: [] }],
    });
    assert.equal(saved.status, 200);
    try {
      const { salesOrderId } = await paidOrder();
      const shipped = await api("POST", `/api/v1/orders/${salesOrderId}/shipments`, {
        carrier: "Jadlog",
        trackingCode: "10084100123456",
      });
      assert.equal(shipped.status, 201, JSON.stringify(shipped.json));
      assert.equal((await setStatus(salesOrderId, "entregue")).status, 200);
      assert.deepEqual(
        (await pushesOf(salesOrderId)).map((r) => r.action),
        ["fulfill"],
        "Entregue pushes nothing now",
      );
    } finally {
      await api("PUT", `/api/v1/stores/${storeId}/push-map`, { rows: [] });
    }
    const reset = await api("GET", `/api/v1/stores/${storeId}/push-map`);
    assert.deepEqual((reset.json.rows as Json[]).find((r) => r.trigger === "entregue")!.actions, ["close"]);
  });

  it("after the last attempt the push is 'falhou' in the timeline and in Falhas, and Reenviar sends it once", async () => {
    ctx.push = { ...defaults, maxAttempts: 3 };
    const { salesOrderId, externalId } = await paidOrder();
    sim.setOptions({ faultScript: [{ status: 503, count: 1000, method: "POST", path: "/cancel$" }] });
    await setStatus(salesOrderId, "cancelado");
    const [push] = await pushesOf(salesOrderId);
    await drain([push!.id]);
    const [failed] = await pushesOf(salesOrderId);
    assert.equal(failed!.status, "failed");
    assert.equal(failed!.attempts, 3);
    assert.match(failed!.last_error, /503/);
    const [event] = await eventsOf(salesOrderId, "push_failed");
    assert.match(
      event!.message,
      /^Envio à loja falhou após 3 tentativas \(cancelar o pedido\): .*503.*Reenviar/,
    );

    const list = await api("GET", `/api/v1/failures?kind=pushes&storeId=${storeId}`);
    assert.equal(list.status, 200);
    const item = (list.json.items as Json[]).find((i) => i.id === Number(push!.id))!;
    assert.deepEqual(
      { ...item, createdAt: undefined, failedAt: undefined, lastError: undefined },
      {
        id: Number(push!.id),
        storeId,
        storeName: "Loja Centro",
        salesOrderId,
        orderNumber: item.orderNumber,
        storeOrderNumber: item.storeOrderNumber,
        action: "cancel",
        channel: "platform",
        summary: "cancelar o pedido",
        attempts: 3,
        createdAt: undefined,
        failedAt: undefined,
        lastError: undefined,
      },
    );
    assert.match(item.lastError, /503/);

    // The platform is back: Reenviar.
    sim.setOptions({ faultScript: null });
    const resent = await api("POST", `/api/v1/pushes/${push!.id}/resend`);
    assert.equal(resent.status, 202);
    assert.deepEqual(resent.json, { id: Number(push!.id), status: "pending" });
    await drain([push!.id]);
    const [done] = await pushesOf(salesOrderId);
    assert.equal(done!.status, "sent");
    assert.equal(done!.attempts, 1, "attempts start over");
    assert.equal(actionsOn(externalId, "cancel").length, 1);
    assert.equal(sim.getOrder(Number(externalId))!.status, "cancelled");
    assert.equal((await eventsOf(salesOrderId, "push_resend")).length, 1);
    const again = await api("POST", `/api/v1/pushes/${push!.id}/resend`);
    assert.equal(again.status, 409);
    assert.equal(again.json.error.reasonCode, "push_already_sent");
    assert.equal((await api("POST", "/api/v1/pushes/999999/resend")).status, 404);
    const after = await api("GET", `/api/v1/failures?kind=pushes&storeId=${storeId}`);
    assert.ok(!(after.json.items as Json[]).some((i) => i.id === Number(push!.id)));
  });

  it("a push refused by the platform fails at once, and Reenviar in bulk queues it again", async () => {
    const { salesOrderId, externalId } = await paidOrder();
    // Cancelled on the platform meanwhile: packing it is refused (422), no retry can help.
    await call(sim, "POST", `/orders/${externalId}/cancel`, { body: {} });
    await setStatus(salesOrderId, "em_preparacao");
    const [push] = await pushesOf(salesOrderId);
    await drain([push!.id]);
    const [failed] = await pushesOf(salesOrderId);
    assert.equal(failed!.status, "failed");
    assert.equal(failed!.attempts, 1);
    assert.match(failed!.last_error, /422/);
    const bulk = await api("POST", "/api/v1/failures/retry", { pushes: [Number(push!.id), 424242] });
    assert.equal(bulk.status, 202);
    assert.equal(bulk.json.pushesQueued, 1);
    assert.equal((await pushesOf(salesOrderId))[0]!.status, "pending");
  });

  it("documents the push routes in the OpenAPI document", async () => {
    const doc = (await app.inject("/api/openapi.json")).json() as Json;
    for (const [path, method] of [
      ["/api/v1/pushes/{id}/resend", "post"],
      ["/api/v1/stores/{id}/push-map", "get"],
      ["/api/v1/stores/{id}/push-map", "put"],
      ["/api/v1/orders/{id}/pushes", "get"],
    ]) {
      const op = doc.paths[path!]?.[method!];
      assert.ok(op?.summary && op.tags?.length, `${method} ${path}`);
    }
    const kinds = doc.paths["/api/v1/failures"].get.parameters.find((p: Json) => p.name === "kind");
    assert.deepEqual(kinds.schema.enum, ["orders", "jobs", "pushes", "cancellations"]);
    const patch = doc.paths["/api/v1/stores/{id}"].patch.requestBody.content["application/json"].schema;
    assert.deepEqual(patch.properties.pushChannel.properties.kind.enum, ["platform", "xml", "webhook"]);
  });

  describe("XML and webhook channels", () => {
    const setChannel = (pushChannel: Json) => api("PATCH", `/api/v1/stores/${storeId}`, { pushChannel });
    after(async () => {
      ctx.push = { ...defaults };
      await setChannel({ kind: "platform" });
      await api("PATCH", `/api/v1/stores/${storeId}`, { name: "Loja Centro" });
    });

    it("refuses unsafe URLs when saved, with the reason", async () => {
      for (const [url, pattern] of [
        ["https://169.254.169.254/latest/meta-data/", /link-local/],
        ["https://10.0.0.8/ponte", /rede privada/],
        ["https://[::ffff:127.0.0.1]/ponte", /embute um IPv4/],
        ["https://2130706433/ponte", /loopback/],
        [sink.url("/xml"), /https:\/\//],
      ] as const) {
        const res = await setChannel({ kind: "xml", url });
        assert.equal(res.status, 400, url);
        assert.equal(res.json.error.code, "unsafe_url");
        assert.match(res.json.error.reason, pattern, url);
      }
      const store = await api("GET", `/api/v1/stores/${storeId}`);
      assert.deepEqual(store.json.pushChannel, { kind: "platform" }, "nothing was saved");
    });

    it("XML: the status event is posted, escaped, retried after Retry-After with the same event id", async () => {
      ctx.push = { ...defaults, allowHttpLoopback: true }; // PONTE_ALLOW_HTTP_LOOPBACK=1
      assert.equal((await setChannel({ kind: "xml", url: sink.url("/xml") })).status, 200);
      await api("PATCH", `/api/v1/stores/${storeId}`, { name: `Loja <Centro> & "Cia"` });
      const { salesOrderId, externalId } = await paidOrder();
      await setStatus(salesOrderId, "em_preparacao");
      const shipped = await api("POST", `/api/v1/orders/${salesOrderId}/shipments`, {
        carrier: "Transportadora <Rápida>",
        trackingUrl: "https://rastreio.example/?pedido=1&token=ab",
      });
      assert.equal(shipped.status, 201, JSON.stringify(shipped.json));
      const rows = await pushesOf(salesOrderId);
      assert.deepEqual(
        rows.map((r) => [r.channel, r.action]),
        [
          ["xml", "status"],
          ["xml", "status"],
        ],
      );
      sink.deliveries.length = 0;
      sink.script.push({ status: 503, headers: { "retry-after": "1" } });
      const started = Date.now();
      await drain(rows.map((r) => r.id));
      assert.ok(Date.now() - started >= 1_000, "waited for Retry-After");
      assert.equal(sink.deliveries.length, 3);
      const [first, retried, second] = sink.deliveries;
      assert.equal(first!.headers["x-ponte-event-id"], retried!.headers["x-ponte-event-id"]);
      assert.equal(first!.body, retried!.body, "a retry sends the same document");
      assert.equal(retried!.headers["x-ponte-attempt"], "2");
      assert.match(String(second!.headers["content-type"]), /^application\/xml/);
      const xml = second!.body;
      assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>'));
      assert.ok(xml.includes('<statusEvent xmlns="urn:ponte:push:1" version="1">'));
      assert.ok(xml.includes(`>Loja &lt;Centro&gt; &amp; &quot;Cia&quot;</store>`));
      assert.ok(xml.includes("<carrier>Transportadora &lt;Rápida&gt;</carrier>"));
      assert.ok(xml.includes("<url>https://rastreio.example/?pedido=1&amp;token=ab</url>"), xml);
      assert.ok(xml.includes("<code>despachado</code>"));
      assert.ok(xml.includes("<platformStatus>shipped</platformStatus>"));
      assert.ok(xml.includes(`<storeOrderId>${externalId}</storeOrderId>`));
      assert.deepEqual(
        (await pushesOf(salesOrderId)).map((r) => [r.status, r.attempts]),
        [
          ["sent", 2],
          ["sent", 1],
        ],
      );
      assert.deepEqual(actionsOn(externalId), [], "the platform's API was not called");
      const [sent] = await eventsOf(salesOrderId, "push_sent");
      assert.match(sent!.message, /enviado por XML 127\.0\.0\.1/);
    });

    it("webhook: signed with HMAC-SHA256 over timestamp and body; the secret is shown once and stored sealed", async () => {
      ctx.push = { ...defaults, allowHttpLoopback: true };
      const saved = await setChannel({ kind: "webhook", url: sink.url("/hook") });
      assert.equal(saved.status, 200);
      const secret = saved.json.webhookSecret as string;
      assert.match(secret, /^whsec_[A-Za-z0-9_-]{43}$/);
      const shown = await api("GET", `/api/v1/stores/${storeId}`);
      assert.deepEqual(shown.json.pushChannel, { kind: "webhook", url: sink.url("/hook"), hasSecret: true });
      assert.equal(shown.json.webhookSecret, undefined);
      const raw = await t.db.query<{ settings: string }>("select settings::text from stores where id = $1", [
        storeId,
      ]);
      assert.ok(!raw.rows[0]!.settings.includes(secret.slice(6)), "the secret is not stored in clear");
      // Changing the URL keeps the secret; rotateSecret makes a new one.
      const moved = await setChannel({ kind: "webhook", url: sink.url("/hook?v=2") });
      assert.equal(moved.json.webhookSecret, undefined);

      const { salesOrderId, externalId } = await paidOrder();
      await setStatus(salesOrderId, "em_preparacao", { notifyCustomer: true });
      const [push] = await pushesOf(salesOrderId);
      sink.deliveries.length = 0;
      await drain([push!.id]);
      const [delivery] = sink.deliveries;
      assert.ok(delivery);
      const check = (body: string, key = secret) =>
        verifySignature(key, body, {
          signature: delivery.headers["x-ponte-signature"] as string,
          timestamp: delivery.headers["x-ponte-timestamp"] as string,
        });
      assert.match(String(delivery.headers["x-ponte-signature"]), /^sha256=[0-9a-f]{64}$/);
      assert.equal(check(delivery.body), true);
      assert.equal(check(delivery.body.replace("em_preparacao", "entregue")), false, "a changed body fails");
      assert.equal(check(delivery.body, `${secret}x`), false, "another secret fails");
      const body = JSON.parse(delivery.body) as Json;
      assert.equal(body.id, delivery.headers["x-ponte-event-id"]);
      assert.equal(body.type, "order.status_changed");
      assert.equal(body.order.storeOrderId, externalId);
      assert.equal(body.order.salesOrderId, salesOrderId);
      assert.deepEqual(body.status, {
        code: "em_preparacao",
        label: "Em preparação",
        previousCode: "pagamento_confirmado",
        platformStatus: "packed",
        version: body.status.version,
      });
      assert.equal(body.notifyCustomer, false, "Ponte e-mails the customer itself");

      const rotated = await setChannel({ kind: "webhook", url: sink.url("/hook"), rotateSecret: true });
      assert.match(rotated.json.webhookSecret, /^whsec_/);
      assert.notEqual(rotated.json.webhookSecret, secret);
    });

    it("checks the address again when sending: a name that now resolves to loopback is refused, nothing is sent", async () => {
      let answer = "93.184.215.14";
      ctx.push = {
        ...defaults,
        allowHttpLoopback: false,
        resolve: async () => [{ address: answer, family: 4 }],
      };
      assert.equal((await setChannel({ kind: "webhook", url: "https://hooks.example/ponte" })).status, 200);
      const { salesOrderId } = await paidOrder();
      await setStatus(salesOrderId, "em_preparacao");
      answer = "127.0.0.1"; // DNS rebinding after the URL was saved
      const [push] = await pushesOf(salesOrderId);
      await drain([push!.id]);
      const [failed] = await pushesOf(salesOrderId);
      assert.equal(failed!.status, "failed");
      assert.equal(failed!.attempts, 1, "a refused address is not retried");
      assert.match(failed!.last_error, /URL recusada: A URL aponta para endereço de loopback/);
    });

    it("a Reenviar that comes while the last attempt is on the wire is not lost: the push is sent", async () => {
      ctx.push = { ...defaults, allowHttpLoopback: true, maxAttempts: 1 };
      await setChannel({ kind: "xml", url: sink.url("/busy") });
      const { salesOrderId } = await paidOrder();
      await setStatus(salesOrderId, "em_preparacao");
      const [push] = await pushesOf(salesOrderId);
      sink.deliveries.length = 0;
      // The only attempt fails (503), but the operator pressed Reenviar while it was being sent.
      sink.script.push({
        status: 503,
        before: async () =>
          assert.equal((await api("POST", `/api/v1/pushes/${push!.id}/resend`)).status, 202),
      });
      await drain([push!.id]);
      const [done] = await pushesOf(salesOrderId);
      assert.equal(done!.status, "sent", "the Reenviar's attempt went out");
      assert.equal(sink.deliveries.length, 2);
      assert.equal((await eventsOf(salesOrderId, "push_failed")).length, 0);
    });

    it("does not follow a redirect: a 3xx fails the push", async () => {
      ctx.push = { ...defaults, allowHttpLoopback: true };
      await setChannel({ kind: "xml", url: sink.url("/moved") });
      const { salesOrderId } = await paidOrder();
      await setStatus(salesOrderId, "em_preparacao");
      const [push] = await pushesOf(salesOrderId);
      sink.deliveries.length = 0;
      sink.script.push({ status: 302, headers: { location: sink.url("/elsewhere") } });
      await drain([push!.id]);
      assert.equal(sink.deliveries.length, 1, "the Location was never requested");
      const [failed] = await pushesOf(salesOrderId);
      assert.equal(failed!.status, "failed");
      assert.match(failed!.last_error, /302 \(redirect\)/);
    });
  });
});
