// The audit rows of the "send or sync again" actions (Reprocessar, Reenviar): nothing about the
// order changes, so the row says what was queued again. Each is called on the action's transaction.
import type { FastifyRequest } from "fastify";
import type { Queryable } from "../db/db.ts";
import { auditSource, recordAudit } from "./record.ts";

/** The first ones named in a row (a bulk retry can name thousands). */
const LISTED = 100;

const orderNumber = async (tx: Queryable, id: number) => {
  const { rows } = await tx.query<{ number: number }>("select number from sales_orders where id = $1", [id]);
  return rows[0] ? String(rows[0].number) : null;
};

/** Falhas' and Integração's Reprocessar of store orders (one, many, or a store's orders in error). */
export async function auditOrdersRetried(
  tx: Queryable,
  request: FastifyRequest,
  queued: { storeId: number; externalId: string }[],
  allOrdersOfStore?: number,
): Promise<void> {
  const one = queued.length === 1 ? queued[0] : undefined;
  await recordAudit(tx, auditSource(request), {
    action: "integration.retry",
    entityType: allOrdersOfStore === undefined ? "store_order" : "store",
    entityId: allOrdersOfStore ?? (one ? `${one.storeId}/${one.externalId}` : null),
    entityLabel: one ? one.externalId : `${queued.length} pedidos`,
    after: {
      orders: queued.slice(0, LISTED).map((o) => `${o.storeId}/${o.externalId}`),
      ordersQueued: queued.length,
    },
  });
}

/** Falhas' Reprocessar of jobs in error. */
export async function auditJobsRetried(
  tx: Queryable,
  request: FastifyRequest,
  jobs: readonly string[],
  queued: number,
): Promise<void> {
  if (queued === 0) return;
  await recordAudit(tx, auditSource(request), {
    action: "job.retry",
    entityType: "job",
    entityLabel: `${queued} tarefas`,
    after: { jobs: jobs.slice(0, LISTED), jobsQueued: queued },
  });
}

/** Reenviar of pushes to the store: one row per order. */
export async function auditPushesResent(
  tx: Queryable,
  request: FastifyRequest,
  pushes: { id: number; salesOrderId: number; summary: string | null }[],
): Promise<void> {
  const byOrder = new Map<number, typeof pushes>();
  for (const p of pushes) byOrder.set(p.salesOrderId, [...(byOrder.get(p.salesOrderId) ?? []), p]);
  for (const [orderId, sent] of byOrder) {
    await recordAudit(tx, auditSource(request), {
      action: "order.push.resend",
      entityType: "order",
      entityId: orderId,
      entityLabel: await orderNumber(tx, orderId),
      after: { pushes: sent.map((p) => p.summary ?? String(p.id)) },
    });
  }
}

/** Reenviar of a failed customer e-mail. */
export async function auditEmailResent(
  tx: Queryable,
  request: FastifyRequest,
  emailId: number,
  email: { salesOrderId: number; to: string; subject: string },
): Promise<void> {
  await recordAudit(tx, auditSource(request), {
    action: "order.email.resend",
    entityType: "order",
    entityId: email.salesOrderId,
    entityLabel: await orderNumber(tx, email.salesOrderId),
    after: { emailId, to: email.to, subject: email.subject },
  });
}
