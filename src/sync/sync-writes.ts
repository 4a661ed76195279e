// The set-based writes of a sync batch: each function is one statement over a JSON array of
// rows (jsonb_to_recordset), whatever the batch size.
import type { Queryable } from "../db/db.ts";
import type { Decision, Reason } from "./decide.ts";
import type { SyncCandidate } from "./sync-inputs.ts";

type Writing = Extract<Decision, { kind: "create" | "update" }>;

const json = (rows: unknown[]) => JSON.stringify(rows);

function salesOrderColumns(c: SyncCandidate, d: Writing, customerId: number | null) {
  const o = d.data;
  return {
    customer_id: customerId,
    // The order's date: when the customer placed it on the platform (null: the insert's now()).
    ordered_at: c.order?.createdAt ?? null,
    store_order_number: o.storeOrderNumber,
    canonical_status: o.canonicalStatus,
    status: o.status,
    payment_type: o.paymentType,
    payment_method: o.paymentMethod,
    installments: Math.max(1, o.installments),
    payment_confirmed_at: o.paymentConfirmedAt,
    carrier: o.carrier,
    shipping_type: o.shippingType,
    subtotal_cents: o.subtotalCents,
    discount_cents: o.discountCents,
    shipping_cents: o.shippingCents,
    total_cents: o.totalCents,
    customer_snapshot: o.customerSnapshot,
    delivery_address: o.deliveryAddress,
    notes: o.notes,
    flags: o.flags,
  };
}

const RECORD = `store_order_id bigint, id bigint, customer_id bigint, ordered_at timestamptz, store_order_number text, canonical_status text,
  status text, payment_type text, payment_method text, installments integer, payment_confirmed_at timestamptz,
  carrier text, shipping_type text, subtotal_cents bigint, discount_cents bigint, shipping_cents bigint,
  total_cents bigint, customer_snapshot jsonb, delivery_address jsonb, notes text, flags jsonb`;

/** New sales orders, numbered by the sequence; returns them by store order id. */
export async function insertSalesOrders(
  tx: Queryable,
  store: { id: number; orgId: number },
  rows: { c: SyncCandidate; d: Writing; customerId: number | null }[],
): Promise<Map<number, { id: number; number: number }>> {
  if (rows.length === 0) return new Map();
  const { rows: inserted } = await tx.query<{ id: number; number: number; store_order_id: number }>(
    `insert into sales_orders (org_id, origin_store_id, store_order_id, customer_id, ordered_at, store_order_number,
       canonical_status, status, payment_type, payment_method, installments, payment_confirmed_at, carrier,
       shipping_type, subtotal_cents, discount_cents, shipping_cents, total_cents, customer_snapshot,
       delivery_address, notes, flags)
     select $1, $2, store_order_id, customer_id, coalesce(ordered_at, now()), store_order_number, canonical_status,
            status, payment_type, payment_method, installments, payment_confirmed_at, carrier, shipping_type,
            subtotal_cents, discount_cents, shipping_cents, total_cents, customer_snapshot, delivery_address, notes,
            flags
       from jsonb_to_recordset($3::jsonb) as r(${RECORD})
      order by store_order_id
     returning id, number, store_order_id`,
    [
      store.orgId,
      store.id,
      json(
        rows.map(({ c, d, customerId }) => ({
          store_order_id: c.storeOrderId,
          ...salesOrderColumns(c, d, customerId),
        })),
      ),
    ],
  );
  return new Map(inserted.map((r) => [r.store_order_id, { id: r.id, number: r.number }]));
}

/**
 * Brings sales orders up to date. An invoiced order keeps its amounts (the invoice was issued
 * on them); the status version counts status changes, for the e-mail and push outboxes.
 */
export async function updateSalesOrders(
  tx: Queryable,
  rows: { c: SyncCandidate; d: Writing; customerId: number | null }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `update sales_orders s set
       customer_id = coalesce(s.customer_id, r.customer_id),
       ordered_at = coalesce(r.ordered_at, s.ordered_at),
       store_order_number = r.store_order_number,
       status_version = s.status_version + (r.canonical_status <> s.canonical_status)::int,
       canonical_status = r.canonical_status,
       status = r.status,
       payment_type = r.payment_type, payment_method = r.payment_method, installments = r.installments,
       payment_confirmed_at = coalesce(s.payment_confirmed_at, r.payment_confirmed_at),
       carrier = r.carrier, shipping_type = r.shipping_type,
       subtotal_cents = case when s.status = 'faturado' then s.subtotal_cents else r.subtotal_cents end,
       discount_cents = case when s.status = 'faturado' then s.discount_cents else r.discount_cents end,
       shipping_cents = case when s.status = 'faturado' then s.shipping_cents else r.shipping_cents end,
       total_cents = case when s.status = 'faturado' then s.total_cents else r.total_cents end,
       customer_snapshot = r.customer_snapshot, delivery_address = r.delivery_address, notes = r.notes,
       flags = r.flags, updated_at = now()
     from jsonb_to_recordset($1::jsonb) as r(${RECORD})
     where s.id = r.id`,
    [
      json(
        rows.map(({ c, d, customerId }) => ({
          id: c.salesOrder!.id,
          ...salesOrderColumns(c, d, customerId),
        })),
      ),
    ],
  );
}

/** Items of new orders, and the replacement items of updated ones (`replace`). */
export async function insertItems(
  tx: Queryable,
  orders: { salesOrderId: number; d: Writing; replace?: boolean }[],
  products: ReadonlyMap<string, number>,
): Promise<void> {
  const replaced = orders.filter((o) => o.replace).map((o) => o.salesOrderId);
  if (replaced.length > 0) {
    await tx.query("delete from sales_order_items where sales_order_id = any($1::bigint[])", [replaced]);
  }
  const items = orders.flatMap(({ salesOrderId, d }) =>
    d.data.items.map((i) => ({
      sales_order_id: salesOrderId,
      position: i.position,
      product_id: i.sku === null ? null : (products.get(i.sku) ?? null),
      sku: i.sku,
      name: i.name,
      variant: i.variant,
      quantity: i.quantity,
      unit_price_cents: i.unitPriceCents,
      total_cents: i.totalCents,
    })),
  );
  if (items.length === 0) return;
  await tx.query(
    `insert into sales_order_items (sales_order_id, position, product_id, sku, name, variant, quantity,
       unit_price_cents, total_cents)
     select sales_order_id, position, product_id, sku, name, variant, quantity, unit_price_cents, total_cents
       from jsonb_to_recordset($1::jsonb) as r(sales_order_id bigint, position integer, product_id bigint,
         sku text, name text, variant text, quantity integer, unit_price_cents bigint, total_cents bigint)`,
    [json(items)],
  );
}

export interface LinkWrite {
  c: SyncCandidate;
  state: "synced" | "held" | "error";
  reason: Reason | null;
  /** Set when synced; a held or failed order keeps whatever link it had. */
  salesOrderId: number | null;
  attempts: number;
  customer?: { synced: boolean; foundByDocument: boolean; problem: string | null };
}

export async function upsertLinks(
  tx: Queryable,
  links: LinkWrite[],
  store: { id: number; orgId: number },
): Promise<void> {
  if (links.length === 0) return;
  await tx.query(
    `insert into order_links as l (org_id, store_id, store_order_id, sales_order_id, sync_state, sync_reason,
       reason_code, status_valid, synced_digest, synced_at, customer_synced, customer_found_by_document,
       customer_problem, attempts, last_error)
     select $1, $2, store_order_id, sales_order_id, sync_state, sync_reason, reason_code, status_valid,
            synced_digest, case when sync_state = 'synced' then now() end, coalesce(customer_synced, false),
            coalesce(customer_found, false), customer_problem, attempts, last_error
       from jsonb_to_recordset($3::jsonb) as r(store_order_id bigint, sales_order_id bigint, sync_state text,
         sync_reason text, reason_code text, status_valid boolean, synced_digest text, customer_synced boolean,
         customer_found boolean, customer_problem text, attempts integer, last_error jsonb)
      order by store_order_id
     on conflict (store_order_id) do update set
       sales_order_id = coalesce(excluded.sales_order_id, l.sales_order_id),
       sync_state = excluded.sync_state, sync_reason = excluded.sync_reason, reason_code = excluded.reason_code,
       status_valid = excluded.status_valid, synced_digest = excluded.synced_digest,
       synced_at = coalesce(excluded.synced_at, l.synced_at),
       customer_synced = case when excluded.sync_state = 'synced' then excluded.customer_synced else l.customer_synced end,
       customer_found_by_document = case when excluded.sync_state = 'synced' then excluded.customer_found_by_document
                                         else l.customer_found_by_document end,
       customer_problem = case when excluded.sync_state = 'synced' then excluded.customer_problem
                               else l.customer_problem end,
       attempts = excluded.attempts, last_error = excluded.last_error, updated_at = now()`,
    [
      store.orgId,
      store.id,
      json(
        links.map((l) => ({
          store_order_id: l.c.storeOrderId,
          sales_order_id: l.salesOrderId,
          sync_state: l.state,
          sync_reason: l.reason?.message ?? null,
          reason_code: l.reason?.code ?? null,
          status_valid: !(l.state === "synced" && l.reason !== null),
          synced_digest: l.c.digest,
          customer_synced: l.customer?.synced ?? null,
          customer_found: l.customer?.foundByDocument ?? null,
          customer_problem: l.customer?.problem ?? null,
          attempts: l.attempts,
          last_error:
            l.state === "error"
              ? {
                  code: l.reason?.code,
                  message: l.reason?.message,
                  normalizeError: l.c.normalizeError,
                  at: new Date(),
                }
              : null,
        })),
      ),
    ],
  );
}

export interface EventWrite {
  salesOrderId: number | null;
  storeOrderId: number | null;
  kind: string;
  message: string;
  data?: Record<string, unknown>;
  actor: string;
}

export async function insertEvents(tx: Queryable, orgId: number, events: EventWrite[]): Promise<void> {
  if (events.length === 0) return;
  await tx.query(
    `insert into order_events (org_id, sales_order_id, store_order_id, kind, message, data, actor)
     select $1, sales_order_id, store_order_id, kind, message, coalesce(data, '{}'), actor
       from jsonb_to_recordset($2::jsonb) as r(sales_order_id bigint, store_order_id bigint,
         kind text, message text, data jsonb, actor text)`,
    [
      orgId,
      json(
        events.map((e) => ({
          sales_order_id: e.salesOrderId,
          store_order_id: e.storeOrderId,
          kind: e.kind,
          message: e.message,
          data: e.data ?? null,
          actor: e.actor,
        })),
      ),
    ],
  );
}
