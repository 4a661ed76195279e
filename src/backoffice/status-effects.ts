// What a status change sets in motion, written in the same transaction as the change: the
// pushes the store's status table asks for (outbox) and the customer's e-mail (e-mail outbox).
// Nothing is sent here; jobs deliver the outbox rows after the commit. Each effect takes what it
// needs from the order the action locked and kept current (orders/order-lock.ts).
import type { AppContext } from "../context.ts";
import type { Queryable } from "../db/db.ts";
import type { InvoiceRef, StatusChange } from "../domain/status-change.ts";
import { enqueueStatusEmail } from "../email/enqueue.ts";
import type { LockedOrder } from "../orders/order-lock.ts";
import { enqueueInvoicePushes, enqueuePaymentPushes, enqueueStorePushes } from "../push/enqueue.ts";

export async function applyStatusEffects(
  tx: Queryable,
  ctx: AppContext,
  order: LockedOrder,
  change: StatusChange,
): Promise<void> {
  await enqueueStorePushes(tx, ctx, order, change);
  await enqueueStatusEmail(tx, ctx, order, change);
}

/** An invoice approved (or cancelled) on a sales order, for the hooks below. */
export interface InvoiceEffect {
  orgId: number;
  salesOrderId: number;
  storeOrderId: number | null;
  originStoreId: number | null;
  invoice: InvoiceRef & { issuedAt: string };
  /** The order_events row (kind invoiced / invoice_cancelled): key outbox rows on it. */
  eventId: number;
  /** The status change invoicing caused (→ em_preparacao), already given to applyStatusEffects; else null. */
  statusChange: StatusChange | null;
  /** "Notificar cliente" as asked with the invoice. */
  notifyCustomer: boolean;
}

/**
 * Called in the invoice's transaction after every approved invoice, whether or not the canonical
 * status moved. When invoicing moved the status, applyStatusEffects already planned the pushes
 * (with the invoice in the event); when it did not (an order already past Em preparação), the
 * store still gets its invoice push (PushAction "invoice").
 */
export async function afterInvoice(
  tx: Queryable,
  ctx: AppContext,
  order: LockedOrder,
  effect: InvoiceEffect,
): Promise<void> {
  if (effect.statusChange === null) {
    await enqueueInvoicePushes(tx, ctx, order, { notifyCustomer: effect.notifyCustomer });
  }
}

/**
 * Called in the transaction of a payment confirmed by hand that did not move the status (when it
 * did, the status change's effects carry it): the store is told the order is paid.
 */
export async function afterPaymentConfirmed(
  tx: Queryable,
  ctx: AppContext,
  order: LockedOrder,
): Promise<void> {
  await enqueuePaymentPushes(tx, ctx, order);
}

/** Called in the estorno's transaction (invoice cancelled, stock and receivables reversed). */
export async function afterInvoiceCancelled(
  _tx: Queryable,
  _ctx: AppContext,
  _order: LockedOrder,
  _effect: InvoiceEffect,
): Promise<void> {}
