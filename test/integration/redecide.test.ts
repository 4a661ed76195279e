// What waits is decided again (issue 11, item 3): an order freed by Mapeamento and orders held by
// the DE-PARA tables are decided again from the stored order when the next import or status
// refresh runs — even when the platform did not change them — and at once, by a job queued with
// the save, when the store's status, payment or shipping table changes. Bounded per run.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { buildTaskList, type TaskList } from "../../src/jobs/tasks.ts";
import { formatTime } from "../../src/simulators/nuvemshop/format.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import { importOrders } from "../../src/sync/import-orders.ts";
import { redecideWaiting } from "../../src/sync/redecide.ts";
import { syncOrder } from "../../src/sync/sync-order.ts";
import { authHeaders } from "../helpers/auth.ts";
import { connectSimulatorStore, testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { jobInfo } from "../helpers/jobs.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;

describe("what waits is decided again", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: NuvemshopSimulator;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  let storeId: number;
  let tasks: TaskList;
  let sentinel: number;
  let defaultStatusMap: Json[];

  const api = async (method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", url: string, payload?: unknown) => {
    const res = await app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return { status: res.statusCode, json: (res.body ? res.json() : {}) as Json };
  };
  const row = async (externalId: number | string) =>
    (await api("GET", `/api/v1/integration/${storeId}/orders/${externalId}`)).json;
  /**
   * An order last changed on the platform an hour ago (outside the next import's overlap window),
   * brought in by its webhook's sync job.
   */
  const oldOrder = async (overrides: Json, change?: (o: Json) => Json) => {
    const at = formatTime(Date.now() - 60 * 60_000);
    const order = sim.createOrder({ created_at: at, updated_at: at, ...overrides }) as Json & { id: number };
    if (change) sim.updateOrder(order.id, { ...change(order), updated_at: at });
    await syncOrder(ctx, storeId, String(order.id));
    return order;
  };
  /** The next scheduled import: the platform lists only what changed (here, the sentinel). */
  const nextImport = async () => {
    sim.updateOrder(sentinel, { owner_note: `tick ${Date.now()}` });
    const result = await importOrders(ctx, storeId);
    assert.ok(result.done);
    return result;
  };
  const statusMap = (change: (r: Json) => Json) =>
    api("PUT", `/api/v1/stores/${storeId}/status-map`, {
      rows: defaultStatusMap.map((r) => change({ ...r })),
    });
  /** "authorized" out of Aguardando pagamento and, with `embarcado` given, into Embarcado with those flags. */
  const authorizedIn = (embarcado?: { active: boolean; createsOrder: boolean }) =>
    statusMap((r) =>
      r.canonicalStatus === "aguardando_pagamento"
        ? { ...r, platformValues: ["pending"] }
        : r.canonicalStatus === "embarcado" && embarcado
          ? { ...r, platformValues: ["authorized"], ...embarcado }
          : r,
    );
  const queuedRedecide = async () =>
    (
      await t.db.query<{ payload: Json }>(
        `select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
          where t.identifier = 'redecide-orders' order by j.id`,
      )
    ).rows.map((r) => r.payload);
  /** Runs the queued re-decide jobs as the queue would, until none is left. */
  const runRedecideJobs = async () => {
    for (let i = 0; i < 20; i++) {
      const { rows } = await t.db.query<{ id: string; payload: Json }>(
        `select j.id::text, j.payload from graphile_worker._private_jobs j
           join graphile_worker._private_tasks t on t.id = j.task_id
          where t.identifier = 'redecide-orders' order by j.id limit 1`,
      );
      if (!rows[0]) return i;
      await t.db.query("select graphile_worker.complete_jobs(array[$1::bigint])", [rows[0].id]);
      await tasks["redecide-orders"]!(rows[0].payload, jobInfo());
    }
    assert.fail("re-decide jobs kept coming");
  };
  const heldEvents = async (externalId: number) =>
    (
      await t.db.query<{ kind: string; message: string }>(
        `select e.kind, e.message from order_events e join store_orders so on so.id = e.store_order_id
          where so.store_id = $1 and so.external_id = $2 order by e.id`,
        [storeId, String(externalId)],
      )
    ).rows;

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    tasks = buildTaskList(ctx);
    sim = await startNuvemshopSimulator({ orders: 0, seed: 41, rateLimit: false });
    app = await buildApp({ ctx, version: "test" });
    headers = await authHeaders(ctx);
    storeId = await connectSimulatorStore(ctx, sim, "Loja Leste");
    sentinel = (sim.createOrder({ payment_status: "paid" }) as { id: number }).id;
    await nextImport();
    defaultStatusMap = (await api("GET", `/api/v1/stores/${storeId}/status-map`)).json.rows;
  });
  after(async () => {
    await app.close();
    await sim.close();
    await t.drop();
  });

  it("an order freed by Mapeamento is created again by the next import, from the stored order", async () => {
    const order = await oldOrder({ payment_status: "paid" });
    const first = await row(order.id);
    assert.equal(first.synced, true);
    assert.equal((await api("DELETE", `/api/v1/orders/${first.salesOrderId}`)).status, 204);
    const unlinked = await api("DELETE", `/api/v1/integration/${storeId}/orders/${order.id}/link`);
    assert.equal(unlinked.status, 200, JSON.stringify(unlinked.json));
    assert.equal(unlinked.json.syncState, "not_synced");

    const result = await nextImport();
    assert.equal(result.changed, 1, "only the sentinel changed on the platform");
    const again = await row(order.id);
    assert.equal(again.synced, true, "the next import re-created it");
    assert.notEqual(again.salesOrderNumber, first.salesOrderNumber);
  });

  it("an order freed by Mapeamento is created again by the status refresh too", async () => {
    const order = await oldOrder({ payment_status: "paid" });
    const first = await row(order.id);
    assert.equal((await api("DELETE", `/api/v1/orders/${first.salesOrderId}`)).status, 204);
    assert.equal((await api("DELETE", `/api/v1/integration/${storeId}/orders/${order.id}/link`)).status, 200);
    await tasks["refresh-statuses"]!({ storeId }, jobInfo());
    const again = await row(order.id);
    assert.equal(again.synced, true);
    assert.notEqual(again.salesOrderNumber, first.salesOrderNumber);
  });

  it("a status-table save decides held orders again at once; the row and the timeline say the current reason", async () => {
    const unmapped = await authorizedIn();
    assert.equal(unmapped.status, 200, JSON.stringify(unmapped.json));
    await runRedecideJobs();
    const order = await oldOrder({ payment_status: "authorized" });
    const held = await row(order.id);
    assert.equal(held.reasonCode, "status_unmapped");
    assert.match(held.reason, /"authorized" não está na tabela de status/);

    // "authorized" now belongs to Embarcado, which is inactive: the save queues the re-decision.
    const inactive = await authorizedIn({ active: false, createsOrder: true });
    assert.equal(inactive.status, 200, JSON.stringify(inactive.json));
    assert.deepEqual(await queuedRedecide(), [{ storeId }], "one job, queued with the save");
    await runRedecideJobs();
    const now = await row(order.id);
    assert.equal(now.reasonCode, "status_inactive");
    assert.match(now.reason, /Embarcado está inativo/);

    // Active, without "Processa inclusão": held for that reason now.
    await authorizedIn({ active: true, createsOrder: false });
    await runRedecideJobs();
    const notCreating = await row(order.id);
    assert.equal(notCreating.reasonCode, "status_not_creating");
    assert.match(notCreating.reason, /não processa inclusão/);
    assert.deepEqual(
      (await heldEvents(order.id)).filter((e) => e.kind === "sync_held").map((e) => e.message),
      [held.reason, now.reason, notCreating.reason],
      "the timeline follows each new reason, once",
    );

    // "Processa inclusão" on: the order is created.
    await authorizedIn({ active: true, createsOrder: true });
    await runRedecideJobs();
    const created = await row(order.id);
    assert.equal(created.synced, true);
    assert.equal(created.canonicalStatus, "embarcado");
    assert.equal((await statusMap((r) => r)).status, 200);
    await runRedecideJobs();
  });

  it("a payment or shipping table save queues the re-decision as well", async () => {
    const payment = await api("GET", `/api/v1/stores/${storeId}/payment-map`);
    const saved = await api("PUT", `/api/v1/stores/${storeId}/payment-map`, { rows: payment.json.rows });
    assert.equal(saved.status, 200);
    assert.deepEqual(await queuedRedecide(), [{ storeId }]);
    await runRedecideJobs();
    const shipping = await api("GET", `/api/v1/stores/${storeId}/shipping-map`);
    assert.equal((await api("PUT", `/api/v1/stores/${storeId}/shipping-map`, shipping.json)).status, 200);
    assert.deepEqual(await queuedRedecide(), [{ storeId }]);
    await runRedecideJobs();
  });

  it("an order held for an unknown SKU is decided again by the next import once the store creates products", async () => {
    const policy = (unknownSkuPolicy: string) =>
      api("PATCH", `/api/v1/stores/${storeId}`, { unknownSkuPolicy });
    assert.equal((await policy("hold")).status, 200);
    const order = await oldOrder({ payment_status: "paid" }, (o) => ({
      products: (o.products as Json[]).map((p) => ({ ...p, sku: `NOVO-${o.id}-${p.id}` })),
    }));
    assert.equal((await row(order.id)).reasonCode, "unknown_sku");
    assert.equal((await policy("create")).status, 200);
    await nextImport();
    assert.equal((await row(order.id)).synced, true, "created, its products registered");
  });

  it("under the hold policy, a product created meanwhile frees part of the hold: the row and timeline name what is left", async () => {
    const policy = (unknownSkuPolicy: string) =>
      api("PATCH", `/api/v1/stores/${storeId}`, { unknownSkuPolicy });
    assert.equal((await policy("hold")).status, 200);
    const [skuA, skuB] = [`A-${Date.now()}`, `B-${Date.now()}`];
    const order = await oldOrder({ payment_status: "paid" }, (o) => ({
      products: [
        { ...(o.products as Json[])[0], sku: skuA },
        { ...(o.products as Json[])[0], id: 2, sku: skuB },
      ],
    }));
    const held = await row(order.id);
    assert.equal(held.reasonCode, "unknown_sku", JSON.stringify(held));
    assert.match(held.reason, new RegExp(`${skuA}, ${skuB}`));
    // Another store order brings product A in (the store allowed it for a moment).
    assert.equal((await policy("create")).status, 200);
    const other = await oldOrder({ payment_status: "paid" }, (o) => ({
      products: [{ ...(o.products as Json[])[0], sku: skuA }],
    }));
    assert.equal((await row(other.id)).synced, true);
    assert.equal((await policy("hold")).status, 200);

    await nextImport();
    const now = await row(order.id);
    assert.equal(now.reasonCode, "unknown_sku");
    assert.match(now.reason, new RegExp(`: ${skuB}$`), "only B is missing now");
    assert.deepEqual(
      (await heldEvents(order.id)).filter((e) => e.kind === "sync_held").map((e) => e.message),
      [held.reason, now.reason],
    );
    assert.equal((await policy("create")).status, 200);
  });

  it("each run decides a bounded batch, oldest first; the next run continues", async () => {
    assert.equal((await authorizedIn()).status, 200);
    await runRedecideJobs();
    const orders: Json[] = [];
    for (let i = 0; i < 12; i++) orders.push(await oldOrder({ payment_status: "authorized" }));
    for (const o of orders) assert.equal((await row(o.id)).reasonCode, "status_unmapped");
    // Back to the default table: all twelve could be created; a run of 5 takes the 5 oldest.
    assert.equal((await statusMap((r) => r)).status, 200);
    const run = await redecideWaiting(ctx, storeId, { limit: 5 });
    assert.deepEqual(run, { decided: 5, more: true });
    const states = async () => Promise.all(orders.map(async (o) => (await row(o.id)).synced as boolean));
    assert.deepEqual(await states(), [...Array(5).fill(true), ...Array(7).fill(false)]);
    await runRedecideJobs();
    assert.deepEqual(await states(), Array(12).fill(true));
  });
});
