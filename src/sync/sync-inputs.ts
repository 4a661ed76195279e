// Reading what decide() needs for a batch of store orders, one statement per kind of thing:
// the orders with their link and sales order (row-locked, so one order's syncs serialize
// whoever runs them), customers by document and products by SKU.
import type { Queryable } from "../db/db.ts";
import type { CanonicalStatus, SalesOrderStatus } from "../domain/order-status.ts";
import type { CanonicalOrder } from "../platforms/connector.ts";
import type { ExistingLink, ExistingSalesOrder } from "./decide.ts";
import type { KnownPayload } from "./store-orders.ts";

export interface SyncCandidate {
  storeOrderId: number;
  externalId: string;
  number: string | null;
  order: CanonicalOrder | null;
  normalizeError: string | null;
  digest: string;
  link: (ExistingLink & { attempts: number; customerProblem: string | null; reason: string | null }) | null;
  salesOrder: (ExistingSalesOrder & SalesOrderHeader) | null;
}

/** The sales-order fields an update compares, to say in the timeline what changed. */
export interface SalesOrderHeader {
  totalCents: number;
  paymentType: string | null;
  installments: number;
  carrier: string | null;
  shippingType: string | null;
  statusVersion: number;
}

interface CandidateRow {
  id: number;
  external_id: string;
  number: string | null;
  normalized: CanonicalOrder | null;
  normalize_error: string | null;
  payload_digest: string;
  link_id: number | null;
  sync_state: ExistingLink["syncState"] | null;
  synced_digest: string | null;
  reason_code: string | null;
  sync_reason: string | null;
  attempts: number | null;
  customer_problem: string | null;
  so_id: number | null;
  so_number: number | null;
  canonical_status: CanonicalStatus | null;
  status: SalesOrderStatus | null;
  customer_id: number | null;
  so_deleted: boolean | null;
  total_cents: number | null;
  payment_type: string | null;
  installments: number | null;
  carrier: string | null;
  shipping_type: string | null;
  status_version: number | null;
}

/** The store orders (of this store) with their link and sales order, locked until commit unless told not to. */
export async function loadCandidates(
  tx: Queryable,
  storeId: number,
  storeOrderIds: readonly number[],
  options: { lock?: boolean; known?: ReadonlyMap<number, KnownPayload> } = {},
): Promise<SyncCandidate[]> {
  // Orders whose payload the caller holds are not read back (the jsonb is the bulk of the row).
  const known = options.known ?? new Map<number, KnownPayload>();
  // Lock first, read after: the read then runs on a snapshot taken once the lock is ours, so it
  // sees the link and sales order that a sync which held the lock just committed.
  if (options.lock !== false) {
    await tx.query(
      "select id from store_orders where id = any($1::bigint[]) and store_id = $2 order by id for update",
      [storeOrderIds, storeId],
    );
  }
  const { rows } = await tx.query<CandidateRow>(
    `select so.id, so.external_id, so.number,
            case when so.id = any($3::bigint[]) then null else so.normalized end as normalized,
            so.normalize_error, so.payload_digest,
            l.id as link_id, l.sync_state, l.synced_digest, l.reason_code, l.sync_reason, l.attempts,
            l.customer_problem,
            s.id as so_id, s.number as so_number, s.canonical_status, s.status, s.customer_id,
            s.deleted_at is not null as so_deleted, s.total_cents, s.payment_type, s.installments, s.carrier,
            s.shipping_type, s.status_version
       from store_orders so
       left join order_links l on l.store_order_id = so.id
       left join sales_orders s on s.id = l.sales_order_id
      where so.id = any($1::bigint[]) and so.store_id = $2
      order by so.id`,
    [storeOrderIds, storeId, [...known.keys()]],
  );
  return rows.map((r) => ({
    storeOrderId: r.id,
    externalId: r.external_id,
    number: r.number,
    order: known.get(r.id)?.order ?? r.normalized,
    normalizeError: r.normalize_error,
    digest: r.payload_digest,
    link:
      r.link_id === null
        ? null
        : {
            syncState: r.sync_state!,
            syncedDigest: r.synced_digest,
            reasonCode: r.reason_code,
            attempts: r.attempts ?? 0,
            customerProblem: r.customer_problem,
            reason: r.sync_reason,
          },
    salesOrder:
      r.so_id === null
        ? null
        : {
            id: r.so_id,
            number: r.so_number!,
            canonicalStatus: r.canonical_status!,
            status: r.status!,
            customerId: r.customer_id,
            deleted: r.so_deleted === true,
            totalCents: r.total_cents!,
            paymentType: r.payment_type,
            installments: r.installments!,
            carrier: r.carrier,
            shippingType: r.shipping_type,
            statusVersion: r.status_version!,
          },
  }));
}

/** ERP customers by normalized document. */
export async function customersByDocument(
  q: Queryable,
  orgId: number,
  documents: readonly string[],
): Promise<Map<string, number>> {
  if (documents.length === 0) return new Map();
  const { rows } = await q.query<{ id: number; document: string }>(
    "select id, document from customers where org_id = $1 and document = any($2::text[])",
    [orgId, [...new Set(documents)]],
  );
  return new Map(rows.map((r) => [r.document, r.id]));
}

export async function productsBySku(
  q: Queryable,
  orgId: number,
  skus: readonly string[],
): Promise<Map<string, number>> {
  if (skus.length === 0) return new Map();
  const { rows } = await q.query<{ id: number; sku: string }>(
    "select id, sku from products where org_id = $1 and sku = any($2::text[])",
    [orgId, [...new Set(skus)]],
  );
  return new Map(rows.map((r) => [r.sku, r.id]));
}

/** The valid documents and all SKUs a set of orders refers to. */
export function referencedKeys(orders: readonly (CanonicalOrder | null)[]) {
  const documents: string[] = [];
  const skus: string[] = [];
  for (const o of orders) {
    if (!o) continue;
    if (o.customer.document && o.customer.documentProblem === null) documents.push(o.customer.document);
    for (const i of o.items) if (i.sku) skus.push(i.sku);
  }
  return { documents, skus };
}
