// The sync engine against the simulator: an import creates one sales order per store order
// its status table allows, links customers by CPF/CNPJ, follows the platform's status
// without going backwards, and the panel's actions and preview behave as R5 says.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { checkDocument } from "../../src/domain/document.ts";
import { buildApp } from "../../src/http/app.ts";
import { scheduleDueWork } from "../../src/jobs/scheduler.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import { importOrders } from "../../src/sync/import-orders.ts";
import { scheduleStatusRefresh } from "../../src/sync/refresh-statuses.ts";
import { syncOrder } from "../../src/sync/sync-order.ts";
import { authHeaders } from "../helpers/auth.ts";
import { testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";

const CANCELLED_KEYS = ["cancelled", "voided", "refunded", "abandoned"];

describe("sync engine: store orders to sales orders", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: NuvemshopSimulator;
  let app: FastifyInstance;
  let auth: Record<string, string>;
  let storeId: number;
  const count = async (sql: string, params: unknown[] = []) =>
    (await t.db.query<{ n: number }>(`select count(*)::int as n from ${sql}`, params)).rows[0]!.n;
  const newOrder = (overrides: Record<string, unknown>) =>
    sim.createOrder(overrides) as Record<string, unknown> & { id: number };
  const panelRow = async (externalId: string | number) =>
    (await app.inject({ url: `/api/v1/integration/${storeId}/orders/${externalId}`, headers: auth })).json();

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    sim = await startNuvemshopSimulator({
      orders: 300,
      seed: 11,
      clientSecret: ctx.platforms.nuvemshop!.webhookSecret,
      rateLimit: false,
    });
    app = await buildApp({ ctx, version: "test" });
    auth = await authHeaders(ctx);
    const res = await app.inject({
      headers: auth,
      method: "POST",
      url: "/api/v1/stores",
      payload: {
        platform: "nuvemshop",
        name: "Loja Agro",
        externalId: String(sim.storeId),
        accessToken: sim.accessToken,
        apiBaseUrl: sim.apiBase,
      },
    });
    storeId = res.json().id;
    // Seed 002's example: every customer of this store is a rural producer.
    const defaults = await app.inject({
      headers: auth,
      method: "PUT",
      url: `/api/v1/stores/${storeId}/customer-defaults`,
      payload: {
        rows: [
          { field: "produtorRural", expression: "true" },
          { field: "uf", expression: "billingAddress.state" },
        ],
      },
    });
    assert.equal(defaults.statusCode, 200, defaults.body);
  });
  after(async () => {
    await app.close();
    await sim.close();
    await t.drop();
  });

  it("imports every order once: a sales order for each status that processes inclusion, the rest held", async () => {
    const result = await importOrders(ctx, storeId);
    assert.equal(result.done, true);
    const orders = sim.listOrders();
    const { rows } = await t.db.query<{
      platform_status: string;
      n: number;
      with_so: number;
      states: string[];
    }>(
      `select so.platform_status, count(*)::int as n, count(s.id)::int as with_so, array_agg(distinct l.sync_state) as states
         from store_orders so join order_links l on l.store_order_id = so.id
         left join sales_orders s on s.id = l.sales_order_id
        group by 1`,
    );
    assert.equal(
      rows.reduce((a, r) => a + r.n, 0),
      orders.length,
      "every order has a link row",
    );
    for (const r of rows) {
      if (CANCELLED_KEYS.includes(r.platform_status)) {
        assert.equal(r.with_so, 0, `${r.platform_status}: cancelled does not process inclusion`);
        assert.deepEqual(r.states, ["held"]);
      } else {
        assert.equal(r.with_so, r.n, `${r.platform_status}: one sales order each`);
        assert.deepEqual(r.states, ["synced"]);
      }
    }
    assert.equal(await count("sales_orders"), result.created);
    assert.equal(await count("sales_orders s join order_links l on l.sales_order_id = s.id"), result.created);

    // Seed 001: payment received → Confirmado, the rest Em aberto.
    const statuses = await t.db.query<{ key: string; status: string; canonical: string }>(
      `select distinct so.platform_status as key, s.status, s.canonical_status as canonical
         from store_orders so join order_links l on l.store_order_id = so.id join sales_orders s on s.id = l.sales_order_id`,
    );
    const byKey = new Map(statuses.rows.map((r) => [r.key, r]));
    assert.deepEqual(byKey.get("pending"), {
      key: "pending",
      status: "em_aberto",
      canonical: "aguardando_pagamento",
    });
    assert.deepEqual(byKey.get("paid"), {
      key: "paid",
      status: "confirmado",
      canonical: "pagamento_confirmado",
    });
    assert.equal(byKey.get("shipped")?.canonical, "despachado");

    // Money: the sales order carries the store's total in cents, items sum to the subtotal.
    const money = await t.db.query<{ bad: number }>(
      `select count(*)::int as bad from sales_orders s
        where s.subtotal_cents <> (select coalesce(sum(total_cents), 0) from sales_order_items i where i.sales_order_id = s.id)
           or s.total_cents <> s.subtotal_cents - s.discount_cents + s.shipping_cents`,
    );
    assert.equal(money.rows[0]!.bad, 0);
  });

  it("links customers by CPF/CNPJ: created once with the store's default fields, found for the next orders", async () => {
    const synced = await t.db.query<{
      document: string | null;
      customer_id: number | null;
      found: boolean;
      problem: string | null;
    }>(
      `select so.normalized->'customer'->>'document' as document, s.customer_id, l.customer_found_by_document as found,
              l.customer_problem as problem
         from store_orders so join order_links l on l.store_order_id = so.id join sales_orders s on s.id = l.sales_order_id`,
    );
    let withoutDocument = 0;
    for (const r of synced.rows) {
      if (checkDocument(r.document).ok) {
        assert.ok(r.customer_id !== null, "a valid document links a customer");
        assert.equal(r.problem, null);
      } else {
        withoutDocument++;
        assert.equal(r.customer_id, null, "no valid CPF/CNPJ → no customer link");
        assert.match(r.problem ?? "", /CPF\/CNPJ/);
      }
    }
    assert.ok(withoutDocument > 0, "the seed has buyers without a valid document");
    const customers = await t.db.query<{ n: number; docs: number; rural: number; alnum: number }>(
      `select count(*)::int as n, count(distinct document)::int as docs,
              count(*) filter (where extra_fields->>'produtorRural' = 'true')::int as rural,
              count(*) filter (where document ~ '[A-Z]')::int as alnum
         from customers`,
    );
    const c = customers.rows[0]!;
    assert.equal(c.n, c.docs, "one customer per document");
    assert.equal(c.rural, c.n, "default field applied to every new customer");
    assert.ok(c.alnum > 0, "alphanumeric CNPJ customers are linked too");
    const repeat = await t.db.query<{ n: number }>(
      "select count(*)::int as n from order_links where customer_found_by_document",
    );
    assert.ok(repeat.rows[0]!.n > 0, "a returning customer is found in the ERP by document");
    assert.ok((await count("products where created_by_integration and stock_quantity = 0")) > 0);
  });

  it("a second import and a duplicate sync change nothing", async () => {
    const before = [await count("sales_orders"), await count("order_events"), await count("customers")];
    const again = await importOrders(ctx, storeId);
    assert.equal(again.created, 0);
    const anyOrder = sim.listOrders()[3]!;
    await Promise.all([1, 2, 3].map(() => syncOrder(ctx, storeId, String(anyOrder.id))));
    assert.deepEqual(
      [await count("sales_orders"), await count("order_events"), await count("customers")],
      before,
    );
  });

  it("follows the platform forward, never backwards, and cancels", async () => {
    const order = newOrder({ payment_status: "pending", status: "open", shipping_status: "unpacked" });
    const id = String(order.id);
    assert.equal((await syncOrder(ctx, storeId, id))?.state, "synced");
    // order/paid before order/created: the job reads the platform, so order does not matter.
    sim.updateOrder(order.id, { payment_status: "paid" });
    const paid = await syncOrder(ctx, storeId, id);
    assert.equal((await panelRow(id)).salesOrderStatus, "confirmado");
    sim.updateOrder(order.id, { status: "cancelled" });
    await syncOrder(ctx, storeId, id);
    const so = (await app.inject({ url: `/api/v1/orders/${paid!.salesOrderId}`, headers: auth })).json();
    assert.equal(so.status, "cancelado");
    assert.equal(so.statusVersion, 3);
    const changes = so.events.filter((e: { kind: string }) => e.kind === "status_changed");
    assert.deepEqual(
      changes.map((e: { data: { to: string } }) => e.data.to),
      ["pagamento_confirmado", "cancelado"],
    );
    // A stale "paid" seen after the cancel (an older copy) does not move it back.
    sim.updateOrder(order.id, { status: "open" });
    await syncOrder(ctx, storeId, id);
    const still = (await app.inject({ url: `/api/v1/orders/${paid!.salesOrderId}`, headers: auth })).json();
    assert.equal(still.status, "cancelado");
    assert.ok(still.events.some((e: { kind: string }) => e.kind === "status_ignored"));
  });

  it("Carregar lists only orders needing attention; Criar, Mapeamento and Atualizar follow R5", async () => {
    const list = (
      await app.inject({
        url: `/api/v1/integration/${storeId}/orders?view=attention&limit=500`,
        headers: auth,
      })
    ).json();
    assert.ok(list.orders.length > 0);
    for (const o of list.orders) {
      assert.ok(!o.synced || o.salesOrderStatus !== "confirmado", `order ${o.number} needs no attention`);
    }
    const all = (
      await app.inject({ url: `/api/v1/integration/${storeId}/orders?view=all&limit=500`, headers: auth })
    ).json();
    assert.ok(all.orders.length > list.orders.length, "confirmed orders are hidden from Carregar");

    // A cancelled order was held; Criar creates it (as Cancelado), a second Criar is refused.
    const held = list.orders.find((o: { reasonCode: string }) => o.reasonCode === "status_not_creating");
    assert.ok(held, "a cancelled order is held");
    assert.equal(held.synced, false);
    const created = await app.inject({
      headers: auth,
      method: "POST",
      url: `/api/v1/integration/${storeId}/orders/${held.externalId}/create`,
    });
    assert.equal(created.statusCode, 200, created.body);
    assert.equal(created.json().synced, true);
    assert.equal(created.json().salesOrderStatus, "cancelado");
    const twice = await app.inject({
      headers: auth,
      method: "POST",
      url: `/api/v1/integration/${storeId}/orders/${held.externalId}/create`,
    });
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().error.reasonCode, "already_synced");
    assert.match(twice.json().error.reason, /já sincronizado/);

    // Mapeamento: refused on a valid synced order, allowed once its sales order is deleted.
    const unlink = () =>
      app.inject({
        headers: auth,
        method: "DELETE",
        url: `/api/v1/integration/${storeId}/orders/${held.externalId}/link`,
      });
    const refused = await unlink();
    assert.equal(refused.statusCode, 409);
    assert.match(refused.json().error.reason, /status inválido/);
    const del = await app.inject({
      headers: auth,
      method: "DELETE",
      url: `/api/v1/orders/${created.json().salesOrderId}`,
    });
    assert.equal(del.statusCode, 204);
    const row = await panelRow(held.externalId);
    assert.equal(row.synced, false);
    assert.equal(row.canUnlink, true);
    const done = await unlink();
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().syncState, "not_synced", "as if never synced");
    const recreated = await app.inject({
      headers: auth,
      method: "POST",
      url: `/api/v1/integration/${storeId}/orders/${held.externalId}/create`,
    });
    assert.equal(recreated.statusCode, 200);
    assert.notEqual(recreated.json().salesOrderNumber, created.json().salesOrderNumber);

    // Atualizar: the store changed the order (a new note and total), the sales order follows.
    const target = all.orders.find(
      (o: { synced: boolean; storeStatus: string; canonicalStatus: string }) =>
        o.synced && o.storeStatus === "paid" && o.canonicalStatus === "pagamento_confirmado",
    );
    sim.updateOrder(Number(target.externalId), { shipping_status: "packed" });
    const updated = await app.inject({
      headers: auth,
      method: "POST",
      url: `/api/v1/integration/${storeId}/orders/${target.externalId}/update`,
    });
    assert.equal(updated.statusCode, 200, updated.body);
    assert.equal(updated.json().canonicalStatus, "em_preparacao");
  });

  it("holds an order whose status is not in the table; Criar syncs it with an invalid status, which may be unlinked", async () => {
    const map = (await app.inject({ url: `/api/v1/stores/${storeId}/status-map`, headers: auth })).json();
    const rows = map.rows.map((r: { canonicalStatus: string; platformValues: string[] }) =>
      r.canonicalStatus === "aguardando_pagamento" ? { ...r, platformValues: ["authorized"] } : r,
    );
    const put = await app.inject({
      headers: auth,
      method: "PUT",
      url: `/api/v1/stores/${storeId}/status-map`,
      payload: { rows },
    });
    assert.equal(put.statusCode, 200, put.body);
    const order = newOrder({ payment_status: "pending", status: "open", shipping_status: "unpacked" });
    const outcome = await syncOrder(ctx, storeId, String(order.id));
    assert.equal(outcome?.state, "held");
    assert.equal(outcome?.reason?.code, "status_unmapped");
    const row = await panelRow(order.id);
    assert.match(row.reason, /não está na tabela de status/);
    const created = await app.inject({
      headers: auth,
      method: "POST",
      url: `/api/v1/integration/${storeId}/orders/${order.id}/create`,
    });
    assert.equal(created.json().synced, true);
    assert.equal(created.json().statusValid, false);
    assert.equal(created.json().canUnlink, true);
    const unlinked = await app.inject({
      headers: auth,
      method: "DELETE",
      url: `/api/v1/integration/${storeId}/orders/${order.id}/link`,
    });
    assert.equal(unlinked.statusCode, 200);
    const so = (
      await app.inject({ url: `/api/v1/orders/${created.json().salesOrderId}`, headers: auth })
    ).json();
    assert.ok(so.deletedAt, "the sales order created with an invalid status goes with the link");
    await app.inject({
      headers: auth,
      method: "PUT",
      url: `/api/v1/stores/${storeId}/status-map`,
      payload: { rows: map.rows },
    });
  });

  it("holds orders with unknown SKUs when the store says so", async () => {
    await app.inject({
      headers: auth,
      method: "PATCH",
      url: `/api/v1/stores/${storeId}`,
      payload: { unknownSkuPolicy: "hold" },
    });
    const order = newOrder({ payment_status: "paid" });
    const products = order.products as { sku: string }[];
    await t.db.query(
      "delete from products where sku = any($1) and not exists (select 1 from sales_order_items i where i.product_id = products.id)",
      [products.map((p) => p.sku)],
    );
    const known = await count("products where sku = any($1)", [products.map((p) => p.sku)]);
    const outcome = await syncOrder(ctx, storeId, String(order.id));
    if (known < new Set(products.map((p) => p.sku)).size) {
      assert.equal(outcome?.state, "held");
      assert.equal(outcome?.reason?.code, "unknown_sku");
    } else {
      assert.equal(outcome?.state, "synced");
    }
    await app.inject({
      headers: auth,
      method: "PATCH",
      url: `/api/v1/stores/${storeId}`,
      payload: { unknownSkuPolicy: "create" },
    });
    assert.equal((await syncOrder(ctx, storeId, String(order.id), { mode: "create" }))?.state, "synced");
  });

  it("an unreadable order lands in erro with its reason and a scheduled retry, without blocking others", async () => {
    const good = newOrder({ payment_status: "paid" });
    const bad = newOrder({ payment_status: "paid" });
    sim.updateOrder(bad.id, { total: "doze reais" });
    const result = await importOrders(ctx, storeId);
    assert.ok(result.done);
    const badRow = await panelRow(bad.id);
    assert.equal(badRow.syncState, "error");
    assert.match(badRow.reason, /ilegível.*total/);
    assert.equal((await panelRow(good.id)).synced, true);
    const retry = await t.db.query<{ run_at: Date }>(
      "select run_at from graphile_worker.jobs where key = $1",
      [`sync:${storeId}:${bad.id}`],
    );
    assert.ok(retry.rows[0] && retry.rows[0].run_at.getTime() > Date.now(), "retried later with backoff");
    const reprocess = await app.inject({
      headers: auth,
      method: "POST",
      url: `/api/v1/integration/${storeId}/orders/${bad.id}/retry`,
    });
    assert.equal(reprocess.statusCode, 202);
  });

  it("previews a payload without writing anything", async () => {
    const raw = newOrder({ payment_status: "paid" });
    const tables = ["store_orders", "sales_orders", "customers", "order_events", "order_links", "products"];
    const before = await Promise.all(tables.map((x) => count(x)));
    const res = await app.inject({
      headers: auth,
      method: "POST",
      url: `/api/v1/stores/${storeId}/preview`,
      payload: raw,
    });
    assert.equal(res.statusCode, 200, res.body);
    const p = res.json();
    assert.equal(p.action, "create");
    assert.equal(p.salesOrder.status, "confirmado");
    assert.equal(p.status.canonical, "pagamento_confirmado");
    assert.match(p.explanation, /Criaria o pedido de venda como Confirmado/);
    if (p.customer.match === "create") assert.equal(p.customer.defaultFields.produtorRural, true);
    assert.deepEqual(await Promise.all(tables.map((x) => count(x))), before);
    const cancelled = await app.inject({
      headers: auth,
      method: "POST",
      url: `/api/v1/stores/${storeId}/preview`,
      payload: { ...raw, status: "cancelled" },
    });
    assert.equal(cancelled.json().action, "hold");
    assert.match(cancelled.json().explanation, /não processa inclusão/);
  });

  it("status refresh re-reads linked orders that are not final, under each order's job key", async () => {
    await t.db.query("update stores set next_import_at = now(), next_refresh_at = now() where id = $1", [
      storeId,
    ]);
    const due = await scheduleDueWork(t.db);
    assert.deepEqual(due, { imports: [storeId], refreshes: [storeId] });
    assert.deepEqual(
      await scheduleDueWork(t.db),
      { imports: [], refreshes: [] },
      "not due again before the interval",
    );
    const queued = await t.db.transaction((tx) => scheduleStatusRefresh(tx, storeId));
    const open = await count(
      `order_links l join sales_orders s on s.id = l.sales_order_id
        where l.store_id = $1 and s.deleted_at is null and s.canonical_status not in ('entregue', 'cancelado')`,
      [storeId],
    );
    assert.equal(queued, Math.min(open, 500));
    const jobs = await count("graphile_worker.jobs where task_identifier = 'sync-order' and key like $1", [
      `sync:${storeId}:%`,
    ]);
    assert.ok(jobs >= Math.min(open, 500), "one keyed sync job per order to refresh");
  });
});
