// Privacy requests as rows: recorded from a platform's notice (in the webhook's transaction) or
// made by hand on a customer record, each with the job that carries it out; listed for the
// panel, and a data request's export read back for download.

import { customerRedacted } from "../backoffice/customer-record.ts";
import type { Queryable } from "../db/db.ts";
import { PonteError } from "../errors.ts";
import { enqueue } from "../jobs/queue.ts";
import { privacyRequestJob } from "../jobs/specs.ts";
import type { PrivacyNotice } from "../platforms/connector.ts";

export type PrivacyKind = PrivacyNotice["kind"];

const DAY_MS = 86_400_000;

/**
 * Records a platform's request and queues its job; a store's removal waits `retentionDays`.
 * Null when this notice (`dedupeKey`) is already an open request: a second delivery is the same one.
 */
export async function recordPlatformRequest(
  tx: Queryable,
  store: { id: number; orgId: number },
  notice: PrivacyNotice,
  dedupeKey: string,
  retentionDays: number,
): Promise<number | null> {
  const runAt = notice.kind === "store_redact" ? new Date(Date.now() + retentionDays * DAY_MS) : new Date();
  const subject =
    notice.kind === "store_redact" ? null : { ...notice.customer, externalOrderIds: notice.externalOrderIds };
  const { rows } = await tx.query<{ id: number }>(
    `insert into privacy_requests (org_id, store_id, kind, source, platform_request_id, subject, execute_after,
                                   dedupe_key)
     values ($1, $2, $3, 'platform', $4, $5::jsonb, $6, $7)
     on conflict (store_id, dedupe_key) where dedupe_key is not null and state in ('pending', 'failed')
     do nothing returning id`,
    [store.orgId, store.id, notice.kind, notice.requestId, JSON.stringify(subject), runAt, dedupeKey],
  );
  if (!rows[0]) return null;
  const id = Number(rows[0].id);
  await enqueue(tx, privacyRequestJob(id, runAt));
  return id;
}

/** A store connected again: its pending removal (store redact) is cancelled, its data kept. */
export async function cancelStoreRemoval(tx: Queryable, storeId: number): Promise<void> {
  await tx.query(
    `update privacy_requests set state = 'cancelled', error = null, done_at = now()
      where store_id = $1 and kind = 'store_redact' and state in ('pending', 'failed')`,
    [storeId],
  );
}

/** A request made on the customer record (Exportar dados, Anonimizar cliente). */
export async function createManualRequest(
  tx: Queryable,
  orgId: number,
  customerId: number,
  kind: "data_request" | "customer_redact",
  actor: string,
): Promise<PrivacyRequest> {
  const { rows } = await tx.query<{ id: number; redacted: boolean }>(
    "select id, redacted_at is not null as redacted from customers where id = $1 and org_id = $2 for update",
    [customerId, orgId],
  );
  if (!rows[0]) throw new PonteError("not_found", `customer ${customerId} not found`);
  if (rows[0].redacted) throw customerRedacted(customerId);
  const inserted = await tx.query<{ id: number }>(
    `insert into privacy_requests (org_id, customer_id, kind, source, requested_by)
     values ($1, $2, $3, 'manual', $4) returning id`,
    [orgId, customerId, kind, actor],
  );
  const id = Number(inserted.rows[0]!.id);
  await enqueue(tx, privacyRequestJob(id));
  return readRequest(tx, orgId, id);
}

export interface PrivacyRequest {
  id: number;
  kind: PrivacyKind;
  source: "platform" | "manual";
  state: "pending" | "done" | "failed" | "cancelled";
  error: string | null;
  store: { id: number; name: string } | null;
  customer: { id: number; name: string } | null;
  requestedBy: string | null;
  platformRequestId: string | null;
  receivedAt: string;
  executeAfter: string;
  doneAt: string | null;
  hasData: boolean;
  summary: Record<string, number> | null;
}

const SELECT = `select r.id, r.kind, r.source, r.state, r.error,
       case when t.id is not null then json_build_object('id', t.id, 'name', t.name) end as store,
       case when c.id is not null then json_build_object('id', c.id, 'name', c.name) end as customer,
       r.requested_by as "requestedBy", r.platform_request_id as "platformRequestId",
       r.received_at as "receivedAt", r.execute_after as "executeAfter", r.done_at as "doneAt",
       r.data is not null as "hasData", r.summary
  from privacy_requests r
  left join stores t on t.id = r.store_id
  left join customers c on c.id = r.customer_id`;

type Row = Omit<PrivacyRequest, "receivedAt" | "executeAfter" | "doneAt"> & {
  receivedAt: Date;
  executeAfter: Date;
  doneAt: Date | null;
};

const shape = (r: Row): PrivacyRequest => ({
  ...r,
  id: Number(r.id),
  receivedAt: r.receivedAt.toISOString(),
  executeAfter: r.executeAfter.toISOString(),
  doneAt: r.doneAt?.toISOString() ?? null,
});

export async function readRequest(q: Queryable, orgId: number, id: number): Promise<PrivacyRequest> {
  const { rows } = await q.query<Row>(`${SELECT} where r.id = $1 and r.org_id = $2`, [id, orgId]);
  if (!rows[0]) throw new PonteError("not_found", `privacy request ${id} not found`);
  return shape(rows[0]);
}

/** Newest first; one customer's when `customerId` is given. At most `limit`. */
export async function listRequests(
  q: Queryable,
  orgId: number,
  options: { customerId?: number; limit?: number } = {},
): Promise<PrivacyRequest[]> {
  const { rows } = await q.query<Row>(
    `${SELECT} where r.org_id = $1 and ($2::bigint is null or r.customer_id = $2)
      order by r.id desc limit $3`,
    [orgId, options.customerId ?? null, options.limit ?? 200],
  );
  return rows.map(shape);
}

/** A data request's export; 404 when it has none (not done yet, or erased by a later redact). */
export async function requestData(q: Queryable, orgId: number, id: number): Promise<unknown> {
  const { rows } = await q.query<{ data: unknown }>(
    "select data from privacy_requests where id = $1 and org_id = $2 and data is not null",
    [id, orgId],
  );
  if (!rows[0]) throw new PonteError("not_found", `privacy request ${id} has no data`);
  return rows[0].data;
}
