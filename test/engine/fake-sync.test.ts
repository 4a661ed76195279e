// The sync engine on Loja Teste, the in-memory test platform (test/fake-platform): an import
// crosses pages by the platform's opaque cursor and resumes from it, reads only what changed
// since, refreshes statuses, turns signed notices into inbox work and links customers by
// CPF/CNPJ — with string order codes, an account-name store id and a pt-BR status vocabulary.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { checkDocument } from "../../src/domain/document.ts";
import { importOrders } from "../../src/sync/import-orders.ts";
import { scheduleStatusRefresh } from "../../src/sync/refresh-statuses.ts";
import { EVENTS, signNotice } from "../fake-platform/fake-store.ts";
import { type FakeHub, startFakeHub } from "../fake-platform/hub.ts";

describe("sync engine on the Loja Teste platform", () => {
  let hub: FakeHub;
  const listings = () => hub.shop.log.flatMap((r) => (r.call.op === "listar" ? [r.call] : []));
  const linkOf = async (codigo: string) =>
    (await hub.api("GET", `/api/v1/integration/${hub.storeId}/orders/${codigo}`)).json;

  before(async () => {
    hub = await startFakeHub({ orders: 23, pageSize: 5 });
    hub.shop.takeNotices(); // the seed's own notices: the import reads those orders
  });
  after(() => hub.close());

  it("an interrupted import resumes from the platform's cursor, and every order lands once", async () => {
    await assert.rejects(
      importOrders(hub.ctx, hub.storeId, (r) => {
        if (r.pages === 2) throw new Error("the worker died");
      }),
      /the worker died/,
    );
    const saved = await hub.t.db.query<{ import_progress: { pageToken: string | null } }>(
      "select import_progress from stores where id = $1",
      [hub.storeId],
    );
    const token = saved.rows[0]!.import_progress.pageToken;
    assert.equal(typeof token, "string", "the cursor after page 2 was kept");
    assert.equal(await hub.count("store_orders where store_id = $1", [hub.storeId]), 10);

    const before = listings().length;
    const result = await importOrders(hub.ctx, hub.storeId);
    assert.equal(result.done, true);
    assert.equal(listings()[before]!.cursor, token, "the resumed run starts at the saved cursor, untouched");
    assert.equal(result.pages, 3, "pages 3 to 5 of 5 orders");
    const ids = await hub.t.db.query<{ n: number; distinct: number }>(
      "select count(*)::int as n, count(distinct external_id)::int as distinct from store_orders where store_id = $1",
      [hub.storeId],
    );
    assert.deepEqual(ids.rows[0], { n: 23, distinct: 23 });
    const codes = await hub.t.db.query<{ external_id: string }>(
      "select external_id from store_orders where store_id = $1 order by external_id",
      [hub.storeId],
    );
    assert.deepEqual(
      codes.rows.map((r) => r.external_id),
      hub.shop
        .listOrders()
        .map((o) => o.codigo)
        .sort(),
      "stored by the platform's own codes",
    );
  });

  it("creates a sales order per status the table lets in, in the status the fake's vocabulary maps to", async () => {
    const { rows } = await hub.t.db.query<{
      key: string;
      status: string | null;
      canonical: string | null;
      state: string;
    }>(
      `select distinct so.platform_status as key, s.status, s.canonical_status as canonical, l.sync_state as state
         from store_orders so join order_links l on l.store_order_id = so.id
         left join sales_orders s on s.id = l.sales_order_id where so.store_id = $1 order by 1`,
      [hub.storeId],
    );
    assert.deepEqual(rows, [
      { key: "aguardando", status: "em_aberto", canonical: "aguardando_pagamento", state: "synced" },
      { key: "aprovado", status: "confirmado", canonical: "pagamento_confirmado", state: "synced" },
      { key: "cancelado", status: null, canonical: null, state: "held" },
      { key: "entregue", status: "confirmado", canonical: "entregue", state: "synced" },
      { key: "enviado", status: "confirmado", canonical: "despachado", state: "synced" },
      { key: "faturado", status: "confirmado", canonical: "em_preparacao", state: "synced" },
    ]);
    const cancelled = hub.shop.listOrders().find((o) => o.situacao === "cancelado")!;
    const held = await linkOf(cancelled.codigo);
    assert.equal(held.reasonCode, "status_not_creating");
    assert.equal(held.number, cancelled.numeroPedido);
    // Money in cents as the platform sent it.
    const sample = hub.shop.listOrders()[0]!;
    const stored = await hub.t.db.query<{ total_cents: number; raw: unknown }>(
      "select total_cents, raw from store_orders where store_id = $1 and external_id = $2",
      [hub.storeId, sample.codigo],
    );
    assert.equal(stored.rows[0]!.total_cents, sample.valores.totalCentavos);
    assert.deepEqual(stored.rows[0]!.raw, sample, "the payload stored as received");
  });

  it("links customers by CPF/CNPJ: one per valid document, none for a missing or invalid one", async () => {
    const { rows } = await hub.t.db.query<{
      document: string | null;
      customer_id: number | null;
      problem: string | null;
    }>(
      `select so.normalized->'customer'->>'document' as document, s.customer_id, l.customer_problem as problem
         from store_orders so join order_links l on l.store_order_id = so.id
         join sales_orders s on s.id = l.sales_order_id where so.store_id = $1`,
      [hub.storeId],
    );
    const valid = rows.filter((r) => checkDocument(r.document).ok);
    const invalid = rows.filter((r) => !checkDocument(r.document).ok);
    assert.ok(valid.length > 0 && invalid.length > 0, "the seed has both");
    for (const r of valid) assert.ok(r.customer_id !== null, `${r.document} links a customer`);
    for (const r of invalid) {
      assert.equal(r.customer_id, null);
      assert.match(r.problem ?? "", /CPF\/CNPJ/);
    }
    const customers = await hub.t.db.query<{ n: number; docs: number; pj: number }>(
      `select count(*)::int as n, count(distinct document)::int as docs,
              count(*) filter (where length(document) = 14)::int as pj from customers`,
    );
    const c = customers.rows[0]!;
    assert.equal(c.n, c.docs, "one customer per document");
    assert.equal(c.n, new Set(valid.map((r) => r.document)).size);
    assert.ok(c.pj > 0, "a CNPJ buyer is a customer too");
  });

  it("the next import reads only what changed since the last one, and follows it", async () => {
    const [a, b] = hub.shop.listOrders().filter((o) => o.situacao === "aguardando");
    hub.shop.setStatus(a!.codigo, "aprovado");
    hub.shop.setStatus(b!.codigo, "cancelado");
    hub.shop.takeNotices(); // lost notices: the import still finds the changes
    const before = listings().length;
    const result = await importOrders(hub.ctx, hub.storeId);
    assert.equal(result.done, true);
    const since = listings()[before]!.alteradosDesde;
    assert.ok(since !== null, "asked for orders changed since the cursor");
    assert.ok(result.orders < 23, `only the recent changes were read (${result.orders})`);
    assert.equal(result.changed, 2);
    assert.equal((await linkOf(a!.codigo)).salesOrderStatus, "confirmado");
    assert.equal((await linkOf(b!.codigo)).salesOrderStatus, "cancelado");
  });

  it("a status refresh re-reads open linked orders and follows a change no one announced", async () => {
    const open = hub.shop.listOrders().find((o) => o.situacao === "aprovado")!;
    hub.shop.setStatus(open.codigo, "enviado");
    hub.shop.takeNotices();
    const queued = await hub.t.db.transaction((tx) => scheduleStatusRefresh(tx, hub.storeId));
    assert.ok(queued > 0);
    await hub.drainQueue();
    assert.equal((await linkOf(open.codigo)).canonicalStatus, "despachado");
  });

  it("signed notices become inbox work, coalesced per order, and sync the order", async () => {
    const made = hub.shop.createOrder({ situacao: "aguardando" });
    hub.shop.setStatus(made.codigo, "aprovado");
    const acks = await hub.deliverNotices();
    assert.deepEqual(acks, ["accepted", "duplicate"], "two notices about one order: one piece of work");
    await hub.drainQueue();
    const row = await linkOf(made.codigo);
    assert.equal(row.synced, true);
    assert.equal(row.storeStatus, "aprovado");
    assert.equal(row.salesOrderStatus, "confirmado");

    // A notice signed with another key is refused; one about an account not connected here is ignored.
    hub.shop.setStatus(made.codigo, "faturado");
    const [genuine] = hub.shop.takeNotices();
    const forged = await hub.deliver({ body: genuine!.body, headers: { "x-loja-teste-assinatura": "AAAA" } });
    assert.equal(forged.status, 401);
    const stranger = Buffer.from(
      JSON.stringify({ conta: "outra-conta", evento: EVENTS.orderChanged, pedido: "PDx" }),
    );
    const ignored = await hub.deliver({
      body: stranger,
      headers: { "x-loja-teste-assinatura": signNotice(stranger, hub.shop.webhookSecret) },
    });
    assert.equal(ignored.json.status, "ignored");
  });

  it("app notices suspend and resume the store", async () => {
    await hub.deliver(hub.shop.appNotice(EVENTS.suspended));
    const suspended = (await hub.api("GET", `/api/v1/stores/${hub.storeId}`)).json;
    assert.equal(suspended.connectionState, "suspended");
    assert.match(suspended.connectionMessage, /Loja Teste/);
    await hub.deliver(hub.shop.appNotice(EVENTS.resumed));
    assert.equal((await hub.api("GET", `/api/v1/stores/${hub.storeId}`)).json.connectionState, "ok");
  });
});
