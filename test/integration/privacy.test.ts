// LGPD requests (issue 17, item 5) through the simulator's signed privacy notices and the API: a
// data request produces the customer's data as JSON; a customer redact leaves no trace of the
// name, e-mail or CPF anywhere in the database while invoice numbers, keys and amounts stay, and
// a later webhook for the order does not bring them back; a store redact removes the store's
// data after its retention period and not before; the same requests made by hand.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import type { Db } from "../../src/db/db.ts";
import { buildApp } from "../../src/http/app.ts";
import { buildTaskList } from "../../src/jobs/tasks.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import { syncOrder } from "../../src/sync/sync-order.ts";
import { authHeaders } from "../helpers/auth.ts";
import { connectSimulatorStore, testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { jobInfo } from "../helpers/jobs.ts";
import { traces } from "../helpers/traces.ts";
import { injectSignedBody, injectWebhook } from "../helpers/webhooks.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;

const NFE_KEY = "35260912ABC34501DE35550010000001231123456784";
/** About 2.6 s: long enough to see the store's data still there, short enough to wait for. */
const RETENTION_DAYS = "0.00003";

interface Person {
  name: string;
  email: string;
  cpf: string;
}
const ANA: Person = {
  name: "Ana Beatriz Quintela",
  email: "ana.quintela@example.org",
  cpf: "529.982.247-25",
};
const BRUNO: Person = {
  name: "Bruno Tavares Lemos",
  email: "bruno.lemos@example.org",
  cpf: "111.444.777-35",
};
const CARLA: Person = {
  name: "Carla Nogueira Prado",
  email: "carla.prado@example.org",
  cpf: "390.533.447-05",
};

/** Every trace of a person: name, e-mail, CPF as digits and as typed. */
const personTraces = (db: Db, p: Person) => traces(db, [p.name, p.email, p.cpf, p.cpf.replace(/\D/g, "")]);

describe("LGPD requests: data export, customer anonymised, store removed", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: NuvemshopSimulator;
  let other: NuvemshopSimulator;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  let storeId: number;
  let otherStoreId: number;
  let secret: string;
  let customerSeq = 0;

  const api = async (method: "GET" | "POST" | "PATCH", url: string, payload?: unknown) => {
    const res = await app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return { status: res.statusCode, json: res.json() as Json, headers: res.headers };
  };
  const ok = async (method: "GET" | "POST" | "PATCH", url: string, payload?: unknown) => {
    const res = await api(method, url, payload);
    assert.ok(
      res.status >= 200 && res.status < 300,
      `${method} ${url}: ${res.status} ${JSON.stringify(res.json)}`,
    );
    return res.json;
  };

  /** An order placed by this person on a store, imported: its sales order id and store order id. */
  async function placed(on: NuvemshopSimulator, store: number, p: Person) {
    const id = ++customerSeq;
    const order = on.createOrder({
      payment_status: "paid",
      contact_name: p.name,
      contact_email: p.email,
      contact_identification: p.cpf,
      contact_phone: "+55 11 98765-4321",
      customer: {
        id: 5000 + id,
        name: p.name,
        email: p.email,
        identification: p.cpf,
        phone: "+55 11 98765-4321",
      },
    }) as { id: number };
    const outcome = await syncOrder(ctx, store, String(order.id));
    assert.ok(outcome?.salesOrderId, `imported: ${JSON.stringify(outcome)}`);
    return { salesOrderId: outcome.salesOrderId as number, externalId: order.id };
  }

  /** Runs the privacy jobs that are due, as the workers would. */
  async function runDuePrivacyJobs(): Promise<number> {
    const { rows } = await t.db.query<{ payload: unknown }>(
      `select j.payload from graphile_worker._private_jobs j
         join graphile_worker._private_tasks k on k.id = j.task_id
        where k.identifier = 'privacy-request' and j.run_at <= now()`,
    );
    const handler = buildTaskList(ctx)["privacy-request"]!;
    for (const { payload } of rows) await handler(payload, jobInfo());
    return rows.length;
  }

  const customerIdOf = async (p: Person) => {
    const found = (await ok("GET", `/api/v1/customers?q=${encodeURIComponent(p.cpf)}`)).items as Json[];
    assert.equal(found.length, 1, `one customer for ${p.name}`);
    return found[0]!.id as number;
  };
  const requests = async () => (await ok("GET", "/api/v1/privacy-requests")).items as Json[];

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db, { PONTE_STORE_REDACT_AFTER_DAYS: RETENTION_DAYS });
    sim = await startNuvemshopSimulator({ orders: 0, seed: 1717, rateLimit: false });
    other = await startNuvemshopSimulator({ orders: 0, seed: 1718, storeId: 7_777_001, rateLimit: false });
    app = await buildApp({ ctx, version: "test" });
    headers = await authHeaders(ctx);
    storeId = await connectSimulatorStore(ctx, sim, "Loja Centro");
    otherStoreId = await connectSimulatorStore(ctx, other, "Loja Praia");
    secret = ctx.platforms.nuvemshop!.webhookSecret;
  });
  after(async () => {
    await app.close();
    await sim.close();
    await other.close();
    await t.drop();
  });

  it("a data request from the platform produces the customer's data as JSON, shown and downloadable", async () => {
    const first = await placed(sim, storeId, ANA);
    const second = await placed(sim, storeId, ANA);
    await placed(sim, storeId, BRUNO);
    const body = sim.privacyNotice("customers/data_request", ANA.email);
    assert.match(body, /"data_request":\{"id":\d+\}/);
    assert.deepEqual(await injectSignedBody(app, secret, body), { status: 200, ack: "accepted" });
    assert.deepEqual(await injectSignedBody(app, secret, body), { status: 200, ack: "duplicate" });

    const [pending] = await requests();
    assert.deepEqual(
      [pending!.kind, pending!.source, pending!.state, pending!.store.name, pending!.hasData],
      ["data_request", "platform", "pending", "Loja Centro", false],
    );
    assert.equal((await api("GET", `/api/v1/privacy-requests/${pending!.id}/data.json`)).status, 404);
    assert.equal(await runDuePrivacyJobs(), 1);

    const done = await ok("GET", `/api/v1/privacy-requests/${pending!.id}`);
    assert.equal(done.state, "done");
    assert.equal(done.hasData, true);
    assert.equal(done.customer.name, ANA.name);
    const download = await api("GET", `/api/v1/privacy-requests/${pending!.id}/data.json`);
    assert.equal(download.status, 200);
    assert.match(
      String(download.headers["content-disposition"]),
      /attachment; filename="lgpd-solicitacao-\d+\.json"/,
    );
    const data = download.json;
    assert.equal(data.customer.email, ANA.email);
    assert.equal(data.customer.document, ANA.cpf.replace(/\D/g, ""));
    assert.deepEqual(
      data.orders.map((o: Json) => o.id).sort(),
      [first.salesOrderId, second.salesOrderId].sort(),
      "both of her orders, not Bruno's",
    );
    const order = data.orders.find((o: Json) => o.id === first.salesOrderId);
    assert.ok(order.items.length > 0, "with their items");
    const detail = await ok("GET", `/api/v1/orders/${first.salesOrderId}`);
    assert.equal(order.totalCents, detail.totalCents, "and amounts");
    assert.equal(order.customer.name, ANA.name);
    // Shown on her record too.
    const customerId = await customerIdOf(ANA);
    const hers = (await ok("GET", `/api/v1/customers/${customerId}/privacy-requests`)).items as Json[];
    assert.deepEqual(
      hers.map((r) => r.id),
      [pending!.id],
    );
  });

  it("a customer redact leaves no trace of her, keeps the fiscal records, and a later webhook does not bring her back", async () => {
    const customerId = await customerIdOf(ANA);
    const record = await ok("GET", `/api/v1/customers/${customerId}`);
    const invoicedId = record.orders[0].id as number;
    await ok("POST", `/api/v1/orders/${invoicedId}/status`, {
      status: "em_preparacao",
      notifyCustomer: true,
    });
    const invoiced = await ok("POST", `/api/v1/orders/${invoicedId}/invoice`, {
      kind: "nfe",
      accessKey: NFE_KEY,
      issuedAt: "2026-03-10T22:30:00-03:00",
    });
    const before = await ok("GET", `/api/v1/orders/${invoicedId}`);
    // An operator corrected her record: the audit trail holds her name and e-mail before and after.
    await ok("PATCH", `/api/v1/customers/${customerId}`, { email: ANA.email.toUpperCase() });
    await ok("PATCH", `/api/v1/customers/${customerId}`, { email: ANA.email });
    assert.ok(Object.keys(await personTraces(t.db, ANA)).length > 0, "her data is there before");
    const audited = await t.db.query("select 1 from audit_log where after::text like $1", [`%${ANA.email}%`]);
    assert.ok(audited.rows.length > 0, "the audit trail names her before the redact");
    const emails = await t.db.query("select 1 from email_outbox where to_address = $1", [ANA.email]);
    assert.ok(emails.rows.length > 0, "an e-mail was written to her");

    const body = sim.privacyNotice("customers/redact", ANA.email);
    assert.deepEqual(await injectSignedBody(app, secret, body), { status: 200, ack: "accepted" });
    assert.equal(await runDuePrivacyJobs(), 2, "hers, and the data request's job again (already done)");

    const [redact] = await requests();
    assert.deepEqual([redact!.kind, redact!.state], ["customer_redact", "done"]);
    assert.ok(redact!.summary.salesOrders >= 2, JSON.stringify(redact!.summary));
    assert.deepEqual(
      await personTraces(t.db, ANA),
      {},
      "no column of any table holds her name, e-mail or CPF",
    );
    assert.ok(Object.keys(await personTraces(t.db, BRUNO)).length > 0, "Bruno's data is untouched");

    const after = await ok("GET", `/api/v1/orders/${invoicedId}`);
    const [invoice] = (await ok("GET", `/api/v1/orders/${invoicedId}/invoices`)).items as Json[];
    assert.deepEqual(
      [invoice!.accessKey, invoice!.number, invoice!.series, invoice!.issuedAt],
      [NFE_KEY, invoiced.invoice.number, invoiced.invoice.series, invoiced.invoice.issuedAt],
      "the NF-e key, number, series and date stay",
    );
    assert.equal(after.totalCents, before.totalCents, "amounts stay");
    assert.equal(after.items.length, before.items.length, "items stay");
    const customer = await ok("GET", `/api/v1/customers/${customerId}`);
    assert.equal(customer.name, "Cliente anonimizado");
    assert.equal(customer.document, null);
    assert.equal(customer.email, null);
    assert.ok(customer.redactedAt);
    assert.equal(customer.ordersCount, 2, "the orders keep their customer");
    // The export made earlier is gone with the rest.
    const exported = (await requests()).find((r) => r.kind === "data_request")!;
    assert.equal((await api("GET", `/api/v1/privacy-requests/${exported.id}/data.json`)).status, 404);
    const again = await api("POST", `/api/v1/customers/${customerId}/privacy-requests`, {
      kind: "customer_redact",
    });
    assert.equal(again.status, 409);
    assert.equal(again.json.error.reasonCode, "customer_redacted");
    const edit = await app.inject({
      method: "PATCH",
      url: `/api/v1/customers/${customerId}`,
      headers,
      payload: { name: ANA.name, email: ANA.email },
    });
    assert.equal(edit.statusCode, 409, "the anonymised record takes no personal data again");
    assert.equal(edit.json().error.reasonCode, "customer_redacted");

    // The platform still has her on the order: its next webhook is read and not stored.
    const [external] = JSON.parse(body).orders_to_redact as number[];
    sim.updateOrder(external!, { owner_note: "nota nova" });
    assert.equal((await injectWebhook(app, secret, sim.storeId, "order/updated", external!)).status, 200);
    await buildTaskList(ctx)["sync-orders"]!({ storeId }, jobInfo());
    await syncOrder(ctx, storeId, String(external));
    assert.deepEqual(await personTraces(t.db, ANA), {}, "still no trace after the order's next webhook");
  });

  it("the same requests are made by hand on the customer record", async () => {
    const customerId = await customerIdOf(BRUNO);
    const made = await api("POST", `/api/v1/customers/${customerId}/privacy-requests`, {
      kind: "data_request",
    });
    assert.equal(made.status, 201);
    assert.deepEqual(
      [made.json.kind, made.json.source, made.json.state, made.json.customer.id],
      ["data_request", "manual", "pending", customerId],
    );
    assert.ok(made.json.requestedBy);
    const audit = await ok("GET", `/api/v1/audit?entityType=customer&entityId=${customerId}`);
    const entry = (audit.items as Json[]).find((e) => e.action === "customer.privacy.data_request");
    assert.ok(entry, "the audit trail says who asked for her data");
    assert.equal(entry.after.privacyRequest, made.json.id);
    assert.equal(
      (await api("POST", "/api/v1/customers/999999/privacy-requests", { kind: "data_request" })).status,
      404,
    );
    assert.equal(
      (await api("POST", `/api/v1/customers/${customerId}/privacy-requests`, { kind: "store_redact" }))
        .status,
      400,
    );
    await runDuePrivacyJobs();
    const data = await ok("GET", `/api/v1/privacy-requests/${made.json.id}/data.json`);
    assert.equal(data.customer.name, BRUNO.name);
    assert.equal(data.orders.length, 1);

    const redact = await ok("POST", `/api/v1/customers/${customerId}/privacy-requests`, {
      kind: "customer_redact",
    });
    assert.equal(redact.state, "pending");
    await runDuePrivacyJobs();
    assert.equal((await ok("GET", `/api/v1/privacy-requests/${redact.id}`)).state, "done");
    assert.deepEqual(await personTraces(t.db, BRUNO), {});
    const list = (await ok("GET", `/api/v1/customers/${customerId}/privacy-requests`)).items as Json[];
    assert.deepEqual(
      list.map((r) => r.kind),
      ["customer_redact", "data_request"],
    );
  });

  it("a store redact removes the store's data after the retention period, not before, keeping fiscal records", async () => {
    const kept = await placed(other, otherStoreId, CARLA);
    const dropped = await placed(other, otherStoreId, CARLA);
    await ok("POST", `/api/v1/orders/${kept.salesOrderId}/invoice`, { kind: "simple" });
    const centro = await placed(sim, storeId, {
      ...ANA,
      name: "Dora Centro",
      email: "dora@example.org",
      cpf: "714.602.380-01",
    });

    const body = other.privacyNotice("store/redact");
    assert.deepEqual(JSON.parse(body), { store_id: other.storeId, event: "store/redact" });
    // Installed again within the retention period: the removal is called off.
    assert.deepEqual(await injectSignedBody(app, secret, body), { status: 200, ack: "accepted" });
    await connectSimulatorStore(ctx, other, "Loja Praia", "reconnect");
    const [cancelled] = await requests();
    assert.deepEqual([cancelled!.kind, cancelled!.state], ["store_redact", "cancelled"]);

    // The platform sends it after the app was uninstalled: the store still gets it.
    assert.equal((await injectWebhook(app, secret, other.storeId, "app/uninstalled", 1)).ack, "accepted");
    assert.deepEqual(await injectSignedBody(app, secret, body), { status: 200, ack: "accepted" });
    assert.deepEqual(await injectSignedBody(app, secret, body), { status: 200, ack: "duplicate" });
    const [request] = await requests();
    assert.deepEqual(
      [request!.kind, request!.state, request!.store.id],
      ["store_redact", "pending", otherStoreId],
    );
    const due = new Date(request!.executeAfter).getTime();
    assert.ok(due > Date.now(), "it waits its retention period");

    await runDuePrivacyJobs();
    assert.equal(
      (await api("GET", `/api/v1/orders/${dropped.salesOrderId}`)).status,
      200,
      "not removed before",
    );
    assert.ok(Object.keys(await personTraces(t.db, CARLA)).length > 0);
    // An operator had corrected her e-mail: the audit trail names her until the removal.
    await ok("PATCH", `/api/v1/customers/${await customerIdOf(CARLA)}`, { email: CARLA.email.toUpperCase() });

    await sleep(Math.max(0, due - Date.now()) + 200);
    await runDuePrivacyJobs();
    assert.equal((await ok("GET", `/api/v1/privacy-requests/${request!.id}`)).state, "done");
    assert.equal((await api("GET", `/api/v1/orders/${dropped.salesOrderId}`)).status, 404, "removed after");
    const fiscal = await ok("GET", `/api/v1/orders/${kept.salesOrderId}`);
    assert.ok(fiscal.totalCents > 0, "the invoiced order stays, with its amounts");
    assert.deepEqual(await personTraces(t.db, CARLA), {}, "nothing of the store's customer remains");
    const { rows } = await t.db.query<{ n: number }>(
      `select (select count(*) from store_orders where store_id = $1)
            + (select count(*) from inbox where store_id = $1) as n`,
      [otherStoreId],
    );
    assert.equal(Number(rows[0]!.n), 0, "its payloads and deliveries are gone");
    assert.equal(
      (await api("GET", `/api/v1/orders/${centro.salesOrderId}`)).status,
      200,
      "the other store's stay",
    );
  });
});
