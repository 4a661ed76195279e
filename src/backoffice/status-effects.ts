// What a status change sets in motion, written in the same transaction as the change: the
// pushes the store's status table asks for (outbox) and the customer's e-mail (e-mail outbox).
// Nothing is sent here; jobs deliver the outbox rows after the commit. Each effect takes what it
// needs from the order the action locked and kept current (orders/order-lock.ts).
import type { AppContext } from "../context.ts";
import type { Queryable } from "../db/db.ts";
import type { StatusChange } from "../domain/status-change.ts";
import { enqueueStatusEmail } from "../email/enqueue.ts";
import type { LockedOrder } from "../orders/order-lock.ts";
import { enqueuePaymentPushes, enqueueStorePushes } from "../push/enqueue.ts";

export async function applyStatusEffects(
  tx: Queryable,
  ctx: AppContext,
  order: LockedOrder,
  change: StatusChange,
): Promise<void> {
  await enqueueStorePushes(tx, ctx, order, change);
  await enqueueStatusEmail(tx, ctx, order, change);
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
