// Pushes that failed (after their last attempt, or on an error retrying cannot fix), for the
// Falhas screen, and Reenviar: the push goes back to pending with its attempts at zero and a new
// job. A push already sent is not sent again (409): the store has it.
import type { Db, Queryable } from "../db/db.ts";
import { type NewestFirstOptions, newestFirstFilter, newestFirstPage } from "../db/keyset-cursor.ts";
import { PonteError } from "../errors.ts";
import { enqueueMany } from "../jobs/queue.ts";
import { pushJob } from "../jobs/specs.ts";

export interface PushFailure {
  id: number;
  storeId: number;
  storeName: string;
  salesOrderId: number;
  /** The sales order's number. */
  orderNumber: number;
  storeOrderNumber: string | null;
  action: string;
  channel: string;
  /** pt-BR: what the push does. */
  summary: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  /** When it failed. */
  failedAt: string;
}

interface Row {
  id: number;
  store_id: number;
  store_name: string;
  sales_order_id: number;
  order_number: number;
  store_order_number: string | null;
  action: string;
  channel: string;
  summary: string | null;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
  cursor_at: string;
}

/** Newest failure first, keyset-paginated on (updated_at, id). */
export async function listPushFailures(
  q: Queryable,
  options: NewestFirstOptions,
): Promise<{ items: PushFailure[]; next: string | null }> {
  const { params, where } = newestFirstFilter(
    options,
    { store: "o.store_id", at: "o.updated_at", id: "o.id" },
    ["o.status = 'failed'", "o.channel <> 'email'"],
  );
  const { rows } = await q.query<Row>(
    `select o.id, o.store_id, st.name as store_name, o.sales_order_id, so.number as order_number,
            so.store_order_number, o.action, o.channel, o.payload->>'summary' as summary, o.attempts, o.last_error,
            o.created_at, o.updated_at, to_json(o.updated_at) #>> '{}' as cursor_at
       from outbox o
       join stores st on st.id = o.store_id
       join sales_orders so on so.id = o.sales_order_id
      where ${where}
      order by o.updated_at desc, o.id desc limit $1`,
    params,
  );
  return newestFirstPage(rows, options.limit, (r) => ({
    id: Number(r.id),
    storeId: Number(r.store_id),
    storeName: r.store_name,
    salesOrderId: Number(r.sales_order_id),
    orderNumber: Number(r.order_number),
    storeOrderNumber: r.store_order_number,
    action: r.action,
    channel: r.channel,
    summary: r.summary,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at.toISOString(),
    failedAt: r.updated_at.toISOString(),
  }));
}

/**
 * Reenviar, for many: failed (or still pending) pushes go back to pending, attempts at zero, a
 * job each, and a timeline line saying who asked. Unknown and sent pushes are skipped; returns
 * the ids queued.
 */
export async function resendPushes(
  db: Db,
  ids: readonly number[],
  actor: string,
  onCommit?: OnResent,
): Promise<number[]> {
  if (ids.length === 0) return [];
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{
      id: number;
      store_id: number;
      org_id: number;
      sales_order_id: number;
      summary: string | null;
    }>(
      `update outbox set status = 'pending', attempts = 0, last_error = null, next_attempt_at = null, updated_at = now()
        where id = any($1::bigint[]) and channel <> 'email' and status in ('failed', 'pending')
        returning id, store_id, org_id, sales_order_id, payload->>'summary' as summary`,
      [ids],
    );
    const queued = rows
      .map((r) => ({ ...r, id: Number(r.id), store_id: Number(r.store_id) }))
      .sort((a, b) => a.id - b.id);
    await enqueueMany(
      tx,
      queued.map((r) => pushJob(r.store_id, r.id)),
    );
    await tx.query(
      `insert into order_events (org_id, sales_order_id, store_order_id, kind, message, data, actor)
       select o.org_id, o.sales_order_id, so.store_order_id, 'push_resend',
              'Reenvio à loja solicitado' || coalesce(' (' || (o.payload->>'summary') || ')', ''),
              jsonb_build_object('outboxId', o.id, 'action', o.action, 'channel', o.channel), $2
         from outbox o join sales_orders so on so.id = o.sales_order_id
        where o.id = any($1::bigint[])`,
      [queued.map((r) => r.id), actor],
    );
    if (queued.length > 0)
      await onCommit?.(
        tx,
        queued.map((r) => ({ id: r.id, salesOrderId: Number(r.sales_order_id), summary: r.summary })),
      );
    return queued.map((r) => r.id);
  });
}

/** Runs last in a Reenviar's transaction with the pushes queued again (the audit row). */
export type OnResent = (
  tx: Queryable,
  pushes: { id: number; salesOrderId: number; summary: string | null }[],
) => Promise<unknown>;

/** Reenviar for one push: 404 when unknown, 409 when it was already sent. */
export async function resendPush(
  db: Db,
  id: number,
  actor: string,
  onCommit?: OnResent,
): Promise<{ id: number; status: "pending" }> {
  const queued = await resendPushes(db, [id], actor, onCommit);
  if (queued.length === 1) return { id, status: "pending" };
  const { rows } = await db.query<{ status: string }>(
    "select status from outbox where id = $1 and channel <> 'email'",
    [id],
  );
  if (!rows[0]) throw new PonteError("not_found", `push ${id} not found`);
  throw new PonteError("conflict", `push ${id} was already sent: it is not sent again`, {
    details: { reason: "Este envio já foi concluído: a loja já recebeu", reasonCode: "push_already_sent" },
  });
}
