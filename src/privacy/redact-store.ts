// A store's data removed after its retention period (the platform's store redact), in the
// caller's transaction. Orders with a fiscal document stay, anonymised (the law keeps them);
// the rest go with their history. Payloads, webhook deliveries, pushes and e-mails go. Customers
// left without any order are deleted; those with orders elsewhere keep their record.
import type { Queryable } from "../db/db.ts";
import { anonymiseCustomers, redactCustomer } from "./redact-customer.ts";
import { scopeOf } from "./scope.ts";

export async function redactStore(
  q: Queryable,
  orgId: number,
  storeId: number,
): Promise<Record<string, number>> {
  const summary: Record<string, number> = {};
  const add = (key: string, n: number) => {
    summary[key] = (summary[key] ?? 0) + n;
  };
  const ids = async (sql: string, params: unknown[]) =>
    (await q.query<{ id: number }>(sql, params)).rows.map((r) => Number(r.id));

  const storeOrders = await ids("select id from store_orders where store_id = $1", [storeId]);
  const salesOrders = await ids(
    `select id from sales_orders where origin_store_id = $1
     union select sales_order_id from order_links where store_id = $1 and sales_order_id is not null`,
    [storeId],
  );
  const fiscal = await ids(
    "select distinct sales_order_id as id from invoices where sales_order_id = any($1::bigint[])",
    [salesOrders],
  );
  // Customers only this store had: every order of theirs is one of the store's.
  const onlyHere = await ids(
    `select distinct o.customer_id as id from sales_orders o
      where o.id = any($1::bigint[]) and o.customer_id is not null
        and not exists (select 1 from sales_orders x where x.customer_id = o.customer_id
                          and not (x.id = any($1::bigint[])))`,
    [salesOrders],
  );
  // The kept orders lose the buyer first (their e-mails, events and payload copies with it).
  const keptStoreOrders = await ids(
    "select store_order_id as id from sales_orders where id = any($1::bigint[]) and store_order_id is not null",
    [fiscal],
  );
  await redactCustomer(q, orgId, await scopeOf(q, null, fiscal, keptStoreOrders), { wide: false });
  add("fiscalOrdersKept", fiscal.length);

  const gone = salesOrders.filter((id) => !fiscal.includes(id));
  const run = async (key: string, sql: string, params: unknown[]) =>
    add(key, (await q.query(sql, params)).rowCount);
  await run("emails", "delete from email_outbox where store_id = $1 or sales_order_id = any($2::bigint[])", [
    storeId,
    salesOrders,
  ]);
  await run("pushes", "delete from outbox where store_id = $1 or sales_order_id = any($2::bigint[])", [
    storeId,
    salesOrders,
  ]);
  await run(
    "events",
    "delete from order_events where sales_order_id = any($1::bigint[]) or store_order_id = any($2::bigint[])",
    [salesOrders, storeOrders],
  );
  await run("links", "delete from order_links where store_id = $1 or store_order_id = any($2::bigint[])", [
    storeId,
    storeOrders,
  ]);
  await q.query("update sales_orders set store_order_id = null where store_order_id = any($1::bigint[])", [
    storeOrders,
  ]);
  await q.query("update invoices set store_order_id = null where store_order_id = any($1::bigint[])", [
    storeOrders,
  ]);
  // Stock history stays (the product's count); it no longer points at a removed order.
  await q.query("update stock_movements set sales_order_id = null where sales_order_id = any($1::bigint[])", [
    gone,
  ]);
  await run("shipments", "delete from shipments where sales_order_id = any($1::bigint[])", [gone]);
  await run("salesOrders", "delete from sales_orders where id = any($1::bigint[])", [gone]);
  await run("storeOrders", "delete from store_orders where id = any($1::bigint[])", [storeOrders]);
  await run("inbox", "delete from inbox where store_id = $1", [storeId]);
  // The audit trail keeps who did what and when to the removed orders and customers, not the values.
  await run(
    "audit",
    `update audit_log set before = null, after = null, entity_label = null
      where org_id = $1 and (entity_type = 'order' and entity_id = any($2::text[])
                             or entity_type = 'customer' and entity_id = any($3::text[]))`,
    [orgId, gone.map(String), onlyHere.map(String)],
  );
  // Customers only this store had: deleted, or anonymised when a kept fiscal order still names them.
  await q.query(
    `update privacy_requests r set customer_id = null where r.customer_id = any($1::bigint[])
        and not exists (select 1 from sales_orders o where o.customer_id = r.customer_id)`,
    [onlyHere],
  );
  await run(
    "customersDeleted",
    `delete from customers c where c.id = any($1::bigint[])
        and not exists (select 1 from sales_orders o where o.customer_id = c.id)`,
    [onlyHere],
  );
  add("customersAnonymised", await anonymiseCustomers(q, orgId, onlyHere));
  await q.query(`update customers set origin_store_id = null where origin_store_id = $1`, [storeId]);
  // Exports and identifiers of the store's earlier requests go with the rest.
  await q.query("update privacy_requests set data = null, subject = null where store_id = $1", [storeId]);
  await q.query(
    `update stores set removed_at = now(), credentials = null, credentials_key_version = null,
            import_enabled = false, import_progress = null, import_cursor = null, connection_state = 'disconnected',
            connection_message = 'dados da loja removidos (LGPD)', updated_at = now()
      where id = $1`,
    [storeId],
  );
  return summary;
}
