// The API behind the panel's Visão geral, Falhas, Lojas and order-status screens, on real data:
// two stores on Nuvemshop simulators, imported through the sync engine, jobs run by the queue.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { enqueue } from "../../src/jobs/queue.ts";
import { syncOrderJob } from "../../src/jobs/specs.ts";
import { buildTaskList } from "../../src/jobs/tasks.ts";
import { startWorker, type WorkerHandle } from "../../src/jobs/worker.ts";
import {
  type NuvemshopSimulator,
  signWebhookBody,
  startNuvemshopSimulator,
} from "../../src/simulators/nuvemshop/index.ts";
import { importOrders } from "../../src/sync/import-orders.ts";
import { syncOrder } from "../../src/sync/sync-order.ts";
import { authHeaders } from "../helpers/auth.ts";
import { connectSimulatorStore, testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { testLogger } from "../helpers/logger.ts";
import { waitFor } from "../helpers/process.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;

describe("panel support: Visão geral, Falhas, Testar conexão, status form", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: NuvemshopSimulator;
  let simB: NuvemshopSimulator;
  let app: FastifyInstance;
  let worker: WorkerHandle | undefined;
  let storeA: number;
  let storeB: number;
  let headers: Record<string, string>;
  /** Orders made unreadable on the platform, with the total to put back. */
  const broken: { id: number; total: unknown }[] = [];

  const get = async (url: string) => {
    const res = await app.inject({ method: "GET", url, headers });
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    return res.json() as Json;
  };
  const post = (url: string, payload?: unknown) =>
    app.inject({
      method: "POST",
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const health = async (id: number) =>
    ((await get("/api/v1/overview")).stores as Json[]).find((s) => s.id === id)!;
  /** Integração's attention list for the store: Visão geral's "Pedidos aguardando" counts the same rows. */
  const attention = async (id: number) =>
    (await get(`/api/v1/integration/${id}/orders?view=attention&limit=500`)).attentionCount as number;
  const count = async (sql: string, params: unknown[] = []) =>
    (await t.db.query<{ n: number }>(`select count(*)::int as n from ${sql}`, params)).rows[0]!.n;
  const newOrder = (overrides: Record<string, unknown>) =>
    sim.createOrder(overrides) as Record<string, unknown> & { id: number };
  const breakOrder = () => {
    const order = newOrder({ payment_status: "paid" });
    sim.updateOrder(order.id, { total: "doze reais" });
    broken.push({ id: order.id, total: order.total });
    return order;
  };

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    sim = await startNuvemshopSimulator({ orders: 40, seed: 21, rateLimit: false });
    simB = await startNuvemshopSimulator({ orders: 3, seed: 5, storeId: 7654321, rateLimit: false });
    app = await buildApp({ ctx, version: "test" });
    headers = await authHeaders(ctx);
    storeA = await connectSimulatorStore(ctx, sim, "Loja Centro");
    storeB = await connectSimulatorStore(ctx, simB, "Loja Norte");
  });
  after(async () => {
    await worker?.stop();
    await app.close();
    await sim.close();
    await simB.close();
    await t.drop();
  });

  it("Visão geral: per store, the import, webhooks waiting, orders waiting or in error, today's sales orders", async () => {
    const empty = await health(storeB);
    assert.equal(empty.lastImportAt, null);
    assert.equal(empty.importLagSeconds, null, "never imported: no lag to speak of");
    assert.equal(empty.name, "Loja Norte");

    const first = await importOrders(ctx, storeA);
    assert.ok(first.created > 0);
    const cancelledHeld = await count(
      "order_links where store_id = $1 and sync_state = 'held' and reason_code = 'status_not_creating'",
      [storeA],
    );
    assert.ok(cancelledHeld > 0, "the seed has cancelled orders, held because they create nothing");

    let a = await health(storeA);
    assert.equal(a.connectionState, "ok");
    assert.ok(a.lastImportAt);
    assert.ok(a.importLagSeconds >= 0 && a.importLagSeconds < 60, `lag ${a.importLagSeconds}`);
    // Cancelled orders held because they create nothing stay on the attention list until dismissed
    // (Ignorar) or aged out by the store's rule: Visão geral counts that same list.
    const waitingAfterImport = await attention(storeA);
    assert.ok(waitingAfterImport >= cancelledHeld, "the held cancelled orders are on the attention list");
    assert.equal(a.ordersWaiting, waitingAfterImport);
    assert.equal(a.ordersInError, 0);
    assert.equal(a.salesOrdersToday, first.created);
    assert.equal(a.pendingWebhooks, 0);

    // One unreadable order, one held for an unknown SKU, and a webhook nobody processed yet.
    breakOrder();
    const policy = (unknownSkuPolicy: string) =>
      app.inject({
        method: "PATCH",
        url: `/api/v1/stores/${storeA}`,
        headers,
        payload: { unknownSkuPolicy },
      });
    assert.equal((await policy("hold")).statusCode, 200);
    const novel = newOrder({ payment_status: "paid" });
    const sku = `NOVO-${novel.id}`;
    sim.updateOrder(novel.id, {
      products: (novel.products as Json[]).map((p, i) => (i === 0 ? { ...p, sku } : p)),
    });
    const second = await importOrders(ctx, storeA);
    await policy("create");
    const body = JSON.stringify({ store_id: sim.storeId, event: "order/paid", id: novel.id });
    const hook = await app.inject({
      method: "POST",
      url: "/webhooks/nuvemshop",
      headers: {
        "content-type": "application/json",
        "x-linkedstore-hmac-sha256": signWebhookBody(body, ctx.platforms.nuvemshop!.webhookSecret),
      },
      payload: body,
    });
    assert.equal(hook.json().status, "accepted");

    a = await health(storeA);
    assert.equal(a.ordersInError, 1);
    assert.equal(
      a.ordersWaiting,
      waitingAfterImport + 2,
      "the order held for an unknown SKU and the unreadable one join the attention list",
    );
    assert.equal(a.ordersWaiting, await attention(storeA));
    assert.equal(a.pendingWebhooks, 1);
    assert.equal(a.salesOrdersToday, first.created + second.created);
    assert.equal(a.jobsFailed, 0);
    assert.equal(a.pushesFailed, 0);
    assert.equal(a.emailsFailed, 0);
    // A push and a customer e-mail of one of its orders failed: the store counts each.
    const [order] = (
      await ctx.db.query<{ id: number; org_id: number }>(
        "select id, org_id from sales_orders where origin_store_id = $1 order by id limit 1",
        [storeA],
      )
    ).rows;
    await ctx.db.query(
      `insert into outbox (org_id, store_id, sales_order_id, channel, action, dedupe_key, status)
       values ($1, $2, $3, 'platform', 'pack', 'overview-test', 'failed')`,
      [order!.org_id, storeA, order!.id],
    );
    await ctx.db.query(
      `insert into email_outbox (org_id, store_id, sales_order_id, canonical_status, status_version, to_address,
                                 subject, html, text, message_id, status)
       values ($1, $2, $3, 'pagamento_confirmado', 1, 'a@example.com', 's', 'h', 't', '<m@test>', 'failed')`,
      [order!.org_id, storeA, order!.id],
    );
    a = await health(storeA);
    assert.equal(a.pushesFailed, 1);
    assert.equal(a.emailsFailed, 1);
    assert.equal((await health(storeB)).pushesFailed, 0);
    assert.equal((await health(storeB)).ordersInError, 0, "each store counts its own");
  });

  it("Falhas (orders): newest first with reason, last error and payload, paginated", async () => {
    breakOrder();
    breakOrder();
    await importOrders(ctx, storeA);
    const page1 = await get("/api/v1/failures?kind=orders&limit=2");
    assert.equal(page1.items.length, 2);
    assert.ok(page1.next, "a second page");
    const page2 = await get(`/api/v1/failures?kind=orders&limit=2&after=${page1.next}`);
    assert.equal(page2.next, null);
    const ids = [...page1.items, ...page2.items].map((i: Json) => i.externalId);
    assert.deepEqual(new Set(ids), new Set(broken.map((b) => String(b.id))), "each failed order once");
    const times = [...page1.items, ...page2.items].map((i: Json) => Date.parse(i.updatedAt));
    assert.deepEqual(
      times,
      [...times].sort((x, y) => y - x),
      "newest first",
    );
    const item = page1.items[0] as Json;
    assert.equal(item.storeId, storeA);
    assert.equal(item.storeName, "Loja Centro");
    assert.equal(item.reasonCode, "payload_unreadable");
    assert.match(item.reason, /ilegível.*total/);
    assert.match(String(item.lastError.normalizeError), /total/);
    assert.ok(item.attempts >= 1);
    assert.deepEqual((await get(`/api/v1/failures?storeId=${storeB}`)).items, []);

    const payload = await get(`/api/v1/failures/orders/${storeA}/${item.externalId}/payload`);
    assert.equal(payload.raw.id, Number(item.externalId));
    assert.equal(payload.raw.total, "doze reais", "the payload exactly as the platform sent it");
    assert.match(payload.normalizeError, /total/);
    const missing = await app.inject({
      method: "GET",
      url: `/api/v1/failures/orders/${storeA}/999999999/payload`,
      headers,
    });
    assert.equal(missing.statusCode, 404);
    const badCursor = await app.inject({ method: "GET", url: "/api/v1/failures?after=nope", headers });
    assert.equal(badCursor.statusCode, 400);
  });

  it("Reprocessar in bulk: every order of a store in error is synced again now; the fixed ones leave Falhas", async () => {
    // The platform fixes two of the three orders; the third stays unreadable.
    for (const b of broken.slice(0, 2)) sim.updateOrder(b.id, { total: b.total });
    const empty = await post("/api/v1/failures/retry", {});
    assert.equal(empty.statusCode, 400);
    const unknownStore = await post("/api/v1/failures/retry", { allOrdersOfStore: 999999 });
    assert.equal(unknownStore.statusCode, 404);

    const res = await post("/api/v1/failures/retry", {
      orders: [
        { storeId: storeA, externalId: String(broken[0]!.id) },
        { storeId: storeA, externalId: "no-such-order" },
      ],
      allOrdersOfStore: storeA,
    });
    assert.equal(res.statusCode, 202, res.body);
    assert.deepEqual(res.json(), { ordersQueued: 3, jobsQueued: 0 }, "each order once; unknown ones skipped");
    const due = await count("graphile_worker.jobs where key = any($1) and run_at <= now() and attempts = 0", [
      broken.map((b) => syncOrderJob(storeA, String(b.id)).options.jobKey),
    ]);
    assert.equal(due, 3, "queued to run now, replacing the backoff retries");

    worker = await startWorker({
      db: t.db,
      logger: testLogger,
      tasks: buildTaskList(ctx),
      concurrency: 2,
      processName: "test",
    });
    const left = await waitFor("the fixed orders to sync", async () => {
      const page = await get(`/api/v1/failures?storeId=${storeA}`);
      return page.items.length === 1 ? page : undefined;
    });
    assert.equal(left.items[0].externalId, String(broken[2]!.id));
    assert.equal((await health(storeA)).ordersInError, 1);
  });

  it("Falhas (jobs): retrying, then given up; superseded rows are not failures; Reprocessar runs it again", async () => {
    // Credentials this server cannot open (sealed under another key version): every job of the store fails.
    await t.db.query("update stores set credentials = set_byte(credentials, 0, 2) where id = $1", [storeB]);
    const orderB = String(simB.listOrders()[0]!.id);
    await t.db.transaction((tx) => enqueue(tx, syncOrderJob(storeB, orderB, { maxAttempts: 2 })));
    const jobsOfB = async () => (await get(`/api/v1/failures?kind=jobs&storeId=${storeB}`)).items as Json[];
    const retrying = await waitFor("the first failure", async () => {
      const items = await jobsOfB();
      return items[0]?.retrying === true ? items[0] : undefined;
    });
    assert.equal(retrying.task, "sync-order");
    assert.equal(retrying.storeId, storeB);
    assert.equal(retrying.attempts, 1);
    assert.equal(retrying.maxAttempts, 2);
    assert.match(retrying.lastError, /unknown key version/);
    assert.deepEqual(retrying.payload, { storeId: storeB, externalId: orderB });
    assert.equal((await health(storeB)).jobsFailed, 0, "still retrying: not given up");

    const gaveUp = await waitFor(
      "the queue to give up",
      async () => {
        const items = await jobsOfB();
        return items[0]?.retrying === false ? items[0] : undefined;
      },
      20_000,
    );
    assert.equal(gaveUp.attempts, 2);
    assert.equal(gaveUp.id, retrying.id);

    // A row the queue left behind when a newer job took its key: attempts spent, no error.
    const { rows } = await t.db.query<{ id: string }>(
      `select (graphile_worker.add_job('sync-order', json_build_object('storeId', $1::int, 'externalId', 'old'),
                run_at => now() + interval '1 hour', max_attempts => 1)).id`,
      [storeB],
    );
    await t.db.query("update graphile_worker._private_jobs set attempts = max_attempts where id = $1", [
      rows[0]!.id,
    ]);
    assert.deepEqual(
      (await jobsOfB()).map((j) => j.id),
      [gaveUp.id],
      "only the real failure is listed",
    );
    assert.equal((await health(storeB)).jobsFailed, 1);
    assert.equal((await health(storeA)).jobsFailed, 0);
    const all = (await get("/api/v1/failures?kind=jobs")).items as Json[];
    assert.ok(all.some((j) => j.id === gaveUp.id));

    // Testar conexão says what is wrong instead of failing.
    const test = (await post(`/api/v1/stores/${storeB}/test-connection`)).json();
    assert.equal(test.ok, false);
    assert.match(test.checks[0].message, /Credenciais da loja ausentes ou ilegíveis/);

    // Reconnect the store (a new token is sealed), then Reprocessar the job: it runs and is gone.
    const reconnect = await post("/api/v1/stores", {
      platform: "nuvemshop",
      name: "Loja Norte",
      externalId: String(simB.storeId),
      accessToken: simB.accessToken,
      apiBaseUrl: simB.apiBase,
      reconnect: true,
    });
    assert.equal(reconnect.statusCode, 200, reconnect.body);
    const retry = await post("/api/v1/failures/retry", { jobs: [gaveUp.id, "123456789"] });
    assert.equal(retry.statusCode, 202);
    assert.deepEqual(retry.json(), { ordersQueued: 0, jobsQueued: 1 });
    await waitFor("the job to run and succeed", async () =>
      (await jobsOfB()).length === 0 ? true : undefined,
    );
    assert.equal((await health(storeB)).jobsFailed, 0);
    assert.equal(
      await count(
        "order_links l join store_orders so on so.id = l.store_order_id where so.store_id = $1 and so.external_id = $2",
        [storeB, orderB],
      ),
      1,
      "the order was synced",
    );
  });

  it("Testar conexão: what works with good credentials, what fails with a revoked token or a platform error", async () => {
    const ok = (await post(`/api/v1/stores/${storeA}/test-connection`)).json();
    assert.equal(ok.ok, true, JSON.stringify(ok));
    const byKey = (r: Json) => Object.fromEntries((r.checks as Json[]).map((c) => [c.key, c]));
    let checks = byKey(ok);
    assert.match(checks.credentials.message, /Credenciais aceitas pela Nuvemshop \(loja "Loja Simulada"\)/);
    assert.equal(checks.orders.ok, true);
    assert.match(checks.orders.message, new RegExp(`${sim.listOrders().length} pedidos na loja`));
    assert.equal(checks.customers.ok, true);
    // No public https address here (PONTE_PUBLIC_URL unset): nothing to register, the scheduled
    // import alone brings the orders (webhook-registration.test.ts covers registering).
    assert.equal(checks.webhooks.ok, false);
    assert.equal(checks.webhooks.required, false);
    assert.match(checks.webhooks.message, /Só a importação agendada \(a cada 15 min\).*PONTE_PUBLIC_URL/);

    sim.setOptions({ readCustomers: false });
    checks = byKey((await post(`/api/v1/stores/${storeA}/test-connection`)).json());
    assert.equal(checks.customers.ok, false);
    assert.match(checks.customers.message, /sem os dados do cliente/);
    sim.setOptions({ readCustomers: true });

    // The token is revoked (a new one was issued): the store is marked, and un-marked once it works again.
    const token = sim.accessToken;
    sim.setOptions({ accessToken: "novo-token-emitido" });
    const refused = await post(`/api/v1/stores/${storeA}/test-connection`);
    assert.equal(refused.statusCode, 200);
    const r = refused.json();
    assert.equal(r.ok, false);
    assert.equal(r.connectionState, "invalid_credentials");
    checks = byKey(r);
    assert.equal(
      checks.credentials.message,
      "A Nuvemshop recusou as credenciais da loja. Reconecte a loja em Lojas com um token de acesso válido.",
    );
    assert.match(checks.orders.message, /Não verificado/);
    assert.equal((await get(`/api/v1/stores/${storeA}`)).connectionState, "invalid_credentials");
    sim.setOptions({ accessToken: token });
    const back = (await post(`/api/v1/stores/${storeA}/test-connection`)).json();
    assert.equal(back.ok, true);
    assert.equal(back.connectionState, "ok");
    assert.equal((await health(storeA)).connectionState, "ok");

    // The platform answers 5xx: a 502 naming the store, with the checks so far.
    sim.setOptions({ faultRate: 1 });
    const down = await post(`/api/v1/stores/${storeA}/test-connection`);
    sim.setOptions({ faultRate: 0 });
    assert.equal(down.statusCode, 502, down.body);
    assert.match(down.json().error.reason, /^Loja Centro: a Nuvemshop respondeu com erro \(instabilidade/);
    assert.match(byKey(down.json().error).credentials.message, /respondeu com erro.*instabilidade/);
    assert.equal(down.json().error.connectionState, "ok", "a platform outage is not a credentials problem");

    const unknown = await post("/api/v1/stores/999999/test-connection");
    assert.equal(unknown.statusCode, 404);
  });

  it("status form: only legal targets are offered; a change is recorded with Notificar cliente and the message", async () => {
    const { rows } = await t.db.query<{ id: number; external_id: string; status_version: number }>(
      `select s.id, so.external_id, s.status_version from sales_orders s join store_orders so on so.id = s.store_order_id
        where s.origin_store_id = $1 and s.canonical_status = 'aguardando_pagamento' and s.deleted_at is null
        order by s.id limit 1`,
      [storeA],
    );
    assert.ok(rows[0], "the seed has an order awaiting payment");
    const order = rows[0];
    const transitions = await get(`/api/v1/orders/${order.id}/transitions`);
    assert.equal(transitions.current, "aguardando_pagamento");
    assert.deepEqual(
      transitions.allowed.map((a: Json) => a.status),
      [
        "pagamento_confirmado",
        "em_preparacao",
        "despachado",
        "embarcado",
        "entregue",
        "cancelado",
        "problemas",
      ],
    );
    assert.equal(transitions.allowed[1].label, "Em preparação");

    // Seed 003: past payment needs the payment confirmed (by hand for a deposit), never on the way.
    const unpaid = await post(`/api/v1/orders/${order.id}/status`, { status: "em_preparacao" });
    assert.equal(unpaid.json().error.reasonCode, "payment_not_confirmed");
    const paid = await post(`/api/v1/orders/${order.id}/confirm-payment`, { notifyCustomer: false });
    assert.equal(paid.statusCode, 200, paid.body);
    const changed = await post(`/api/v1/orders/${order.id}/status`, {
      status: "em_preparacao",
      notifyCustomer: true,
      message: "  Seu pedido já está sendo separado.  ",
    });
    assert.equal(changed.statusCode, 200, changed.body);
    const c = changed.json();
    assert.equal(c.id, order.id);
    assert.equal(c.canonicalStatus, "em_preparacao");
    assert.equal(c.status, "confirmado", "past payment: Confirmado");
    assert.equal(c.statusVersion, order.status_version + 2, "Pagamento confirmado, then Em preparação");
    const detail = await get(`/api/v1/orders/${order.id}`);
    const event = (detail.events as Json[]).find((e) => e.id === c.eventId)!;
    assert.equal(event.kind, "status_changed");
    assert.deepEqual(event.data, {
      from: "pagamento_confirmado",
      to: "em_preparacao",
      notifyCustomer: true,
      message: "Seu pedido já está sendo separado.",
      version: c.statusVersion,
    });
    assert.match(event.actor, /^token:/, "done by the API token that asked");
    assert.match(event.message, /Pagamento confirmado → Em preparação/);

    // The platform still says "pending": the next sync does not undo the operator's change.
    sim.updateOrder(Number(order.external_id), { owner_note: "conferir endereço" });
    await syncOrder(ctx, storeA, order.external_id);
    assert.equal((await get(`/api/v1/orders/${order.id}`)).canonicalStatus, "em_preparacao");

    const back = await post(`/api/v1/orders/${order.id}/status`, { status: "aguardando_pagamento" });
    assert.equal(back.statusCode, 409);
    const e = back.json().error;
    assert.equal(e.code, "illegal_transition");
    assert.equal(e.reasonCode, "backwards");
    assert.match(e.reason, /só avança/);
    const same = await post(`/api/v1/orders/${order.id}/status`, { status: "em_preparacao" });
    assert.equal(same.json().error.reasonCode, "same");

    // An invoiced order stays Faturado as it moves on; cancelling it is final.
    await t.db.query("update sales_orders set status = 'faturado' where id = $1", [order.id]);
    // Despachado comes with its shipment (carrier and tracking), not from the status form.
    const shipment = { carrier: "Jadlog", trackingCode: "10084100123456" };
    const shipped = (await post(`/api/v1/orders/${order.id}/shipments`, shipment)).json().order;
    assert.equal(shipped.status, "faturado");
    const cancelled = (await post(`/api/v1/orders/${order.id}/status`, { status: "cancelado" })).json();
    assert.equal(cancelled.status, "cancelado");
    const revive = await post(`/api/v1/orders/${order.id}/status`, { status: "entregue" });
    assert.equal(revive.statusCode, 409);
    assert.equal(revive.json().error.reasonCode, "cancelled_is_final");
    assert.deepEqual((await get(`/api/v1/orders/${order.id}/transitions`)).allowed, []);
    assert.equal(
      await count(
        "order_events where sales_order_id = $1 and kind = 'status_changed' and actor like 'token:%'",
        [order.id],
      ),
      4,
      "refused changes leave no trace",
    );

    const tooLong = await post(`/api/v1/orders/${order.id}/status`, {
      status: "problemas",
      message: "x".repeat(1001),
    });
    assert.equal(tooLong.statusCode, 400);
    const unknownStatus = await post(`/api/v1/orders/${order.id}/status`, { status: "faturado" });
    assert.equal(unknownStatus.statusCode, 400);
    const missing = await post("/api/v1/orders/999999999/status", { status: "cancelado" });
    assert.equal(missing.statusCode, 404);
  });

  it("preview on a real recent order, with the saved or draft customer default fields, writing nothing", async () => {
    // The status change above queued a push to the store: let the worker finish it (it writes
    // its timeline entry) before counting what the preview writes.
    await waitFor("the pushes to settle", async () =>
      (await count("outbox where status = 'pending'")) === 0 ? true : undefined,
    );
    const tables = ["store_orders", "sales_orders", "customers", "order_events", "order_links"];
    const before = await Promise.all(tables.map((x) => count(x)));
    const newest = await post(`/api/v1/stores/${storeA}/preview/recent`);
    assert.equal(newest.statusCode, 200, newest.body);
    const { rows } = await t.db.query<{ external_id: string }>(
      `select external_id from store_orders where store_id = $1 and platform_created_at is not null
        order by platform_created_at desc, id desc limit 1`,
      [storeA],
    );
    assert.equal(newest.json().order.externalId, rows[0]!.external_id, "the store's newest order");
    assert.deepEqual(newest.json().customerDefaults, { fields: {}, errors: [], draft: false });

    const synced = await t.db.query<{ external_id: string }>(
      `select so.external_id from store_orders so join order_links l on l.store_order_id = so.id
        where so.store_id = $1 and l.sync_state = 'synced' order by so.id limit 1`,
      [storeA],
    );
    const chosen = { id: synced.rows[0]!.external_id };
    const draft = await post(`/api/v1/stores/${storeA}/preview/recent`, {
      externalId: String(chosen.id),
      customerDefaults: [
        { field: "produtorRural", expression: "true" },
        { field: "uf", expression: "billingAddress.state" },
        { field: "quebrado", expression: "$sum(" },
      ],
    });
    assert.equal(draft.statusCode, 200, draft.body);
    const p = draft.json();
    assert.equal(p.order.externalId, String(chosen.id));
    assert.equal(p.action, "none", "already synced with this content");
    assert.equal(p.customerDefaults.draft, true);
    assert.equal(p.customerDefaults.fields.produtorRural, true);
    assert.equal(p.customerDefaults.fields.uf, p.normalized.billingAddress.state);
    assert.deepEqual(
      p.customerDefaults.errors.map((x: Json) => x.field),
      ["quebrado"],
    );
    assert.deepEqual(await Promise.all(tables.map((x) => count(x))), before);

    const unknown = await post(`/api/v1/stores/${storeA}/preview/recent`, { externalId: "no-such-order" });
    assert.equal(unknown.statusCode, 404);
    const noOrders = await connectSimulatorStore(
      ctx,
      { storeId: 1, accessToken: "x".repeat(10), apiBase: sim.apiBase },
      "Vazia",
    );
    assert.equal((await post(`/api/v1/stores/${noOrders}/preview/recent`)).statusCode, 404);
  });

  it("the new endpoints are in the OpenAPI document under their tags", async () => {
    const doc = (await app.inject("/api/openapi.json")).json();
    const tags = doc.tags.map((x: Json) => x.name);
    assert.ok(tags.includes("overview") && tags.includes("failures"));
    assert.deepEqual(doc.paths["/api/v1/overview"].get.tags, ["overview"]);
    assert.ok(doc.paths["/api/v1/failures"].get);
    assert.ok(doc.paths["/api/v1/failures/retry"].post);
    assert.ok(doc.paths["/api/v1/failures/orders/{storeId}/{externalId}/payload"].get);
    assert.ok(doc.paths["/api/v1/stores/{id}/test-connection"].post);
    assert.ok(doc.paths["/api/v1/stores/{id}/preview/recent"].post);
    assert.ok(doc.paths["/api/v1/orders/{id}/status"].post);
    assert.ok(doc.paths["/api/v1/orders/{id}/transitions"].get);
  });
});
