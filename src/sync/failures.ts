// Orders in error, for the Falhas screen: every store's links in sync state `error` with their
// reason and last error, the payload that came in, and Reprocessar for many at once (the
// same sync job as the panel's per-order Reprocessar).
import type { Db, Queryable } from "../db/db.ts";
import { decodeCursor, encodeCursor, isTimestamp } from "../db/keyset-cursor.ts";
import { enqueueMany } from "../jobs/queue.ts";
import { syncOrderJob } from "../jobs/specs.ts";
import { getStore } from "../stores/stores.ts";
import { orderNotFound } from "./sync-order.ts";

export interface OrderFailure {
  storeId: number;
  storeName: string;
  storeOrderId: number;
  externalId: string;
  number: string | null;
  /** pt-BR, as the integration panel shows it. */
  reason: string | null;
  reasonCode: string | null;
  lastError: Record<string, unknown> | null;
  attempts: number;
  /** When the order last failed. */
  updatedAt: string;
}

interface Row {
  id: number;
  store_id: number;
  store_name: string;
  store_order_id: number;
  external_id: string;
  number: string | null;
  sync_reason: string | null;
  reason_code: string | null;
  last_error: Record<string, unknown> | null;
  attempts: number;
  updated_at: Date;
  /** updated_at to the microsecond, for the cursor (a Date keeps milliseconds only). */
  cursor_at: string;
}

export interface OrderFailurePage {
  items: OrderFailure[];
  next: string | null;
}

/** Newest failure first, keyset-paginated on (updated_at, link id). */
export async function listOrderFailures(
  q: Queryable,
  options: { storeId?: number; limit: number; after?: string | null },
): Promise<OrderFailurePage> {
  const params: unknown[] = [options.limit + 1];
  const where = ["l.sync_state = 'error'"];
  if (options.storeId !== undefined) {
    params.push(options.storeId);
    where.push(`l.store_id = $${params.length}`);
  }
  if (options.after) {
    const [at, id] = decodeCursor(options.after, isTimestamp);
    params.push(at, id);
    where.push(`(l.updated_at, l.id) < ($${params.length - 1}::timestamptz, $${params.length}::bigint)`);
  }
  const { rows } = await q.query<Row>(
    `select l.id, l.store_id, st.name as store_name, so.id as store_order_id, so.external_id, so.number,
            l.sync_reason, l.reason_code, l.last_error, l.attempts, l.updated_at,
            to_json(l.updated_at) #>> '{}' as cursor_at
       from order_links l
       join store_orders so on so.id = l.store_order_id
       join stores st on st.id = l.store_id
      where ${where.join(" and ")}
      order by l.updated_at desc, l.id desc limit $1`,
    params,
  );
  const more = rows.length > options.limit;
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      storeId: r.store_id,
      storeName: r.store_name,
      storeOrderId: r.store_order_id,
      externalId: r.external_id,
      number: r.number,
      reason: r.sync_reason,
      reasonCode: r.reason_code,
      lastError: r.last_error,
      attempts: r.attempts,
      updatedAt: r.updated_at.toISOString(),
    })),
    next: more && last ? encodeCursor(last.cursor_at, last.id) : null,
  };
}

/** The order as the platform sent it, and why Ponte could not read it (when it could not). */
export async function getStoredPayload(
  q: Queryable,
  storeId: number,
  externalId: string,
): Promise<{ raw: unknown; normalizeError: string | null }> {
  const { rows } = await q.query<{ raw: unknown; normalize_error: string | null }>(
    "select raw, normalize_error from store_orders where store_id = $1 and external_id = $2",
    [storeId, externalId],
  );
  if (!rows[0]) throw orderNotFound(storeId, externalId);
  return { raw: rows[0].raw, normalizeError: rows[0].normalize_error };
}

export interface OrderRetry {
  orders?: readonly { storeId: number; externalId: string }[];
  /** Every order of this store in error. */
  allOrdersOfStore?: number;
}

const ENQUEUE_CHUNK = 1_000;

/**
 * Reprocessar, in bulk: a fresh sync job for each order named (unknown ones are skipped) and,
 * with allOrdersOfStore, for each of that store's orders in error. Returns how many were queued.
 */
export async function retryOrders(
  db: Db,
  request: OrderRetry,
  onCommit?: (tx: Queryable, queued: { storeId: number; externalId: string }[]) => Promise<unknown>,
): Promise<number> {
  if (request.allOrdersOfStore !== undefined) await getStore(db, request.allOrdersOfStore);
  const named = request.orders ?? [];
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ store_id: number; external_id: string }>(
      `select so.store_id, so.external_id
         from store_orders so
         join unnest($1::bigint[], $2::text[]) as u(store_id, external_id)
           on so.store_id = u.store_id and so.external_id = u.external_id
       union
       select so.store_id, so.external_id
         from order_links l join store_orders so on so.id = l.store_order_id
        where l.store_id = $3 and l.sync_state = 'error'`,
      [named.map((o) => o.storeId), named.map((o) => o.externalId), request.allOrdersOfStore ?? null],
    );
    for (let i = 0; i < rows.length; i += ENQUEUE_CHUNK) {
      await enqueueMany(
        tx,
        rows.slice(i, i + ENQUEUE_CHUNK).map((r) => syncOrderJob(Number(r.store_id), r.external_id)),
      );
    }
    if (rows.length > 0)
      await onCommit?.(
        tx,
        rows.map((r) => ({ storeId: Number(r.store_id), externalId: r.external_id })),
      );
    return rows.length;
  });
}
