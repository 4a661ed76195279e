// The migration that makes one live invoice per store order (issue 11, item 8) on a database that
// already has the defect: a store order invoiced on a sales order excluded afterwards and again on
// its re-created one. The rows are written as they were before the migration (no API could make
// them now); the migration must apply, keep one live invoice per store order in the index, say so
// on the other order's timeline, and flag a store cancellation that hid a live invoice.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { loadMigrations, migrate } from "../../src/db/migrate.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { testLogger } from "../helpers/logger.ts";

describe("migration order_invariants on a database with the defect", () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase({ migrated: false });
  });
  after(() => t.drop());

  it("applies, keeps the live invoice of the order still in the back office, and flags the others", async () => {
    const all = await loadMigrations();
    const at = all.findIndex((m) => m.name === "order_invariants");
    assert.ok(at > 0, "the migration exists");
    // The schema as it was before: the earlier migrations, by hand, as `ponte migrate` would.
    await t.db.query(
      "create table schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())",
    );
    for (const m of all.slice(0, at)) {
      await t.db.transaction(async (tx) => {
        await tx.query(m.sql);
        await tx.query("insert into schema_migrations (version, name) values ($1, $2)", [m.version, m.name]);
      });
    }
    const one = async (sql: string, params: unknown[] = []) =>
      Number((await t.db.query<{ id: number }>(`${sql} returning id`, params)).rows[0]!.id);
    const store = await one("insert into stores (org_id, platform, name) values (1, 'nuvemshop', 'Loja')");
    const storeOrder = (ext: string) =>
      one(
        `insert into store_orders (org_id, store_id, external_id, raw, payload_digest) values (1, $1, $2, '{}', 'd')`,
        [store, ext],
      );
    const salesOrder = (so: number, extra = "") =>
      one(
        `insert into sales_orders (org_id, origin_store_id, store_order_id, canonical_status, status${extra ? ", deleted_at" : ""})
         values (1, $1, $2, 'em_preparacao', 'faturado'${extra ? ", now()" : ""})`,
        [store, so],
      );
    const invoice = (salesOrderId: number, status = "approved") =>
      one("insert into invoices (org_id, sales_order_id, kind, status) values (1, $1, 'simple', $2)", [
        salesOrderId,
        status,
      ]);

    // The defect: excluded with its invoice live, re-created, invoiced again.
    const twice = await storeOrder("1001");
    const excluded = await salesOrder(twice, "deleted");
    const oldInvoice = await invoice(excluded);
    const recreated = await salesOrder(twice);
    const newInvoice = await invoice(recreated);
    // Normal history: reversed, then invoiced again.
    const normal = await storeOrder("1002");
    const normalOrder = await salesOrder(normal);
    const reversed = await invoice(normalOrder, "cancelled");
    const live = await invoice(normalOrder);
    // Cancelled by the store with its invoice still live (before the flag existed).
    const cancelled = await salesOrder(await storeOrder("1003"));
    await t.db.query(
      "update sales_orders set canonical_status = 'cancelado', status = 'cancelado' where id = $1",
      [cancelled],
    );
    await invoice(cancelled);
    // A manual sales order: no store order, untouched.
    const manual = await one("insert into sales_orders (org_id) values (1)");
    const manualInvoice = await invoice(manual);

    const result = await migrate(t.db, testLogger);
    assert.ok(
      result.applied.some((label) => label.endsWith("_order_invariants")),
      result.applied.join(),
    );

    const { rows } = await t.db.query<{ id: number; store_order_id: number | null }>(
      "select id, store_order_id from invoices order by id",
    );
    const storeOrderOf = new Map(
      rows.map((r) => [Number(r.id), r.store_order_id === null ? null : Number(r.store_order_id)]),
    );
    assert.equal(
      storeOrderOf.get(newInvoice),
      twice,
      "the re-created order's invoice is the one in the index",
    );
    assert.equal(storeOrderOf.get(oldInvoice), null, "the excluded order's is left for the operator");
    assert.equal(storeOrderOf.get(reversed), normal);
    assert.equal(storeOrderOf.get(live), normal);
    assert.equal(storeOrderOf.get(manualInvoice), null);
    const told = await t.db.query<{ sales_order_id: number; kind: string }>(
      "select sales_order_id, kind from order_events where kind = 'duplicate_live_invoice'",
    );
    assert.deepEqual(
      told.rows.map((r) => Number(r.sales_order_id)),
      [excluded],
    );
    const flags = await t.db.query<{ id: number; store_cancellation: string | null }>(
      "select id, store_cancellation from sales_orders where store_cancellation is not null",
    );
    assert.deepEqual(
      flags.rows.map((r) => [Number(r.id), r.store_cancellation]),
      [[cancelled, "invoice_live"]],
    );
    // From now on the database refuses a second live invoice on a store order, on any of its sales orders.
    const third = await salesOrder(twice, "deleted");
    await assert.rejects(
      t.db.query("insert into invoices (org_id, sales_order_id, kind) values (1, $1, 'simple')", [third]),
      /invoices_one_live_per_store_order/,
    );
    // "pay" is a push action a store may choose.
    await t.db.query(
      "insert into push_maps (org_id, store_id, trigger, actions) values (1, $1, 'pagamento_confirmado', '{pay}')",
      [store],
    );
  });
});
