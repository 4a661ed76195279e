import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { loadMigrations, migrate } from "../../src/db/migrate.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { testLogger } from "../helpers/logger.ts";
import { run } from "../helpers/process.ts";

describe("migrations", () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase({ migrated: false });
  });
  after(() => t.drop());

  it("apply from zero, create every table of the data model, and a second run is a no-op", async () => {
    const all = await loadMigrations();
    const first = await migrate(t.db, testLogger);
    assert.equal(first.applied.length, all.length);
    const { rows } = await t.db.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public'",
    );
    const tables = new Set(rows.map((r) => r.table_name));
    for (const table of [
      "organizations",
      "stores",
      "store_orders",
      "order_links",
      "sales_orders",
      "sales_order_items",
      "customers",
      "products",
      "stock_movements",
      "invoices",
      "receivables",
      "shipments",
      "order_events",
      "status_maps",
      "payment_maps",
      "shipping_maps",
      "customer_default_fields",
      "inbox",
      "outbox",
    ]) {
      assert.ok(tables.has(table), `missing table ${table}`);
    }
    const queue = await t.db.query("select to_regclass('graphile_worker._private_jobs') as t");
    assert.ok(queue.rows[0]?.t, "job queue schema installed");

    const second = await migrate(t.db, testLogger);
    assert.deepEqual(second.applied, []);
    const count = await t.db.query<{ n: number }>("select count(*)::int as n from schema_migrations");
    assert.equal(count.rows[0]?.n, all.length);
  });

  it("money is exact integer cents and documents keep letters and leading zeros", async () => {
    await t.db.query(
      "insert into customers (org_id, document, document_kind, kind, name) values (1, '12ABC34501DE35', 'cnpj', 'PJ', 'Ação Ltda'), (1, '01234567890', 'cpf', 'PF', 'Zoë')",
    );
    const { rows } = await t.db.query<{ document: string }>("select document from customers order by id");
    assert.deepEqual(
      rows.map((r) => r.document),
      ["12ABC34501DE35", "01234567890"],
    );
    await assert.rejects(
      t.db.query("insert into customers (org_id, document, name) values (1, '01234567890', 'Outro')"),
      /customers_org_document/,
    );
    const so = await t.db.query<{ total_cents: number; number: number }>(
      "insert into sales_orders (org_id, total_cents) values (1, 123456789012) returning total_cents, number",
    );
    assert.equal(so.rows[0]?.total_cents, 123456789012);
    assert.equal(typeof so.rows[0]?.number, "number");
  });
});

describe("two `ponte migrate` at the same time", () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase({ migrated: false });
  });
  after(() => t.drop());

  it("both exit 0 and the schema is applied once", async () => {
    const env = { DATABASE_URL: t.url };
    const [a, b] = await Promise.all([run(["migrate"], env), run(["migrate"], env)]);
    assert.equal(a.code, 0, a.output);
    assert.equal(b.code, 0, b.output);
    const all = await loadMigrations();
    const { rows } = await t.db.query<{ n: number }>("select count(*)::int as n from schema_migrations");
    assert.equal(rows[0]?.n, all.length);
  });
});

describe("the order date migration on a database with orders", () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase({ migrated: false });
  });
  after(() => t.drop());

  it("dates existing sales orders by their store order's creation time, or their own when there is none", async () => {
    // The schema as it was before the order date, with orders the earlier code imported: the
    // sales orders were all created at the import, the customers ordered weeks before.
    const all = await loadMigrations();
    const at = all.findIndex((m) => m.name === "order_date");
    assert.ok(at > 0, "the order date migration exists");
    await t.db.query(`create table schema_migrations (
      version integer primary key, name text not null, applied_at timestamptz not null default now())`);
    for (const m of all.slice(0, at)) {
      await t.db.query(m.sql);
      await t.db.query("insert into schema_migrations (version, name) values ($1, $2)", [m.version, m.name]);
    }
    const { rows: stores } = await t.db.query<{ id: number }>(
      "insert into stores (org_id, platform, name, external_id) values (1, 'nuvemshop', 'Loja', '1') returning id",
    );
    const { rows: storeOrders } = await t.db.query<{ id: number }>(
      `insert into store_orders (org_id, store_id, external_id, number, raw, payload_digest, platform_created_at)
       values (1, $1, '10', '100', '{}', 'a', '2026-10-01T02:30:00Z'), (1, $1, '11', '101', '{}', 'b', null)
       returning id`,
      [stores[0]!.id],
    );
    const imported = "2026-12-01T15:00:00Z";
    const { rows: sales } = await t.db.query<{ id: number }>(
      `insert into sales_orders (org_id, origin_store_id, store_order_id, store_order_number, created_at)
       values (1, $1, $2, '100', $4), (1, $1, $3, '101', $4), (1, null, null, null, '2026-11-20T12:00:00Z')
       returning id`,
      [stores[0]!.id, storeOrders[0]!.id, storeOrders[1]!.id, imported],
    );

    assert.deepEqual((await migrate(t.db, testLogger)).applied.length, all.length - at);
    const { rows } = await t.db.query<{ id: number; ordered_at: Date }>(
      "select id, ordered_at from sales_orders order by id",
    );
    assert.deepEqual(
      rows.map((r) => [r.id, r.ordered_at.toISOString()]),
      [
        [sales[0]!.id, "2026-10-01T02:30:00.000Z"],
        [sales[1]!.id, new Date(imported).toISOString()],
        [sales[2]!.id, "2026-11-20T12:00:00.000Z"],
      ],
    );
    const made = await t.db.query<{ fresh: boolean }>(
      "insert into sales_orders (org_id) values (1) returning ordered_at = created_at as fresh",
    );
    assert.equal(made.rows[0]!.fresh, true, "a new sales order without one is dated when it is made");
  });
});
