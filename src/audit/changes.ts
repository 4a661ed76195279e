// Audit an order's change around the work that makes it, on the same transaction: the order's
// fields are read before and after, and the difference is what the row records.
import type { FastifyRequest } from "fastify";
import type { Queryable } from "../db/db.ts";
import { type AuditSource, auditSource, type Fields, recordAudit } from "./record.ts";
import { orderSnapshot, receivableSnapshot } from "./snapshots.ts";

export async function auditedOrderChange<T>(
  tx: Queryable,
  source: AuditSource,
  orderId: number,
  action: string,
  work: () => Promise<T>,
  input?: Fields,
): Promise<T> {
  const before = await orderSnapshot(tx, orderId);
  const result = await work();
  const after = await orderSnapshot(tx, orderId);
  await recordAudit(tx, source, {
    action,
    entityType: "order",
    entityId: orderId,
    entityLabel: before.number === null ? null : String(before.number),
    before,
    after,
    input: input && withoutEmpty(input),
  });
  return result;
}

/** The input's fields that were given (an absent note is not part of the change). */
export function withoutEmpty(input: Fields): Fields {
  return Object.fromEntries(
    Object.entries(input).filter(([, v]) => v !== undefined && v !== null && v !== ""),
  );
}

/** A receivable's change (baixa, its undo), recorded against its order. */
export async function auditedReceivableChange<T>(
  tx: Queryable,
  source: AuditSource,
  receivableId: number,
  action: string,
  work: () => Promise<T>,
  input?: Fields,
): Promise<T> {
  const before = await receivableSnapshot(tx, receivableId);
  const result = await work();
  const after = await receivableSnapshot(tx, receivableId);
  await recordAudit(tx, source, {
    action,
    entityType: "order",
    entityId: before.orderId,
    entityLabel: before.orderNumber === null ? null : String(before.orderNumber),
    before: before.fields,
    after: after.fields,
    input: input && withoutEmpty(input),
  });
  return result;
}

/** An Integração action on a store's order (Reprocessar, Ignorar, Mapeamento): no fields change. */
export async function auditStoreOrder(
  tx: Queryable,
  request: FastifyRequest,
  store: { id: number; name: string },
  externalId: string,
  action: string,
  result: Fields = {},
): Promise<void> {
  await recordAudit(tx, auditSource(request), {
    action,
    entityType: "store_order",
    entityId: `${store.id}/${externalId}`,
    entityLabel: `${store.name} ${externalId}`,
    after: { storeId: store.id, externalId, ...result },
  });
}

/** What a panel sync (Criar, Atualizar) left: its state and the sales order. */
export const syncResult = (outcome: {
  state: string;
  salesOrderId: number | null;
  salesOrderNumber: number | null;
}): Fields => ({
  syncState: outcome.state,
  salesOrderId: outcome.salesOrderId,
  salesOrderNumber: outcome.salesOrderNumber,
});

/**
 * A store's table replaced whole (DE-PARA, Envio à loja): the rows that went away and the rows
 * that came, under the table's name; nothing when the table is as it was.
 */
export async function auditTable(
  tx: Queryable,
  request: FastifyRequest<{ Params: { id: number } }>,
  action: string,
  table: string,
  before: readonly unknown[],
  after: readonly unknown[],
): Promise<void> {
  const key = (row: unknown) => JSON.stringify(row);
  const kept = new Set(after.map(key));
  const had = new Set(before.map(key));
  const removed = before.filter((r) => !kept.has(key(r)));
  const added = after.filter((r) => !had.has(key(r)));
  if (removed.length === 0 && added.length === 0) return;
  const { rows } = await tx.query<{ name: string }>("select name from stores where id = $1", [
    request.params.id,
  ]);
  await recordAudit(tx, auditSource(request), {
    action,
    entityType: "store",
    entityId: request.params.id,
    entityLabel: rows[0]?.name ?? null,
    before: { [table]: removed },
    after: { [table]: added },
  });
}
