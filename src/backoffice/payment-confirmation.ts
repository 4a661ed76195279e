// Confirming payment by hand (R6.4, docs/REQUIREMENTS.md#seed-003): a bank deposit the platform cannot see is checked
// against the bank statement, and whoever did it is recorded with the time. An order still
// awaiting payment moves to Pagamento confirmado (with its pushes and e-mail); every step from
// there on needs it (domain/lifecycle.ts), and no status move confirms it on the way. The store
// is told once through the push outbox (the platform's "pay" action: the order marked paid).
import type { AppContext } from "../context.ts";
import type { Queryable } from "../db/db.ts";
import { checkMove, statusAfterPaymentConfirmation } from "../domain/lifecycle.ts";
import type { OrderStatus } from "../domain/status-change.ts";
import { resolveNotifyCustomer } from "../email/templates.ts";
import { PonteError } from "../errors.ts";
import { lockSalesOrder } from "../orders/order-lock.ts";
import { insertOrderEvent } from "../orders/timeline.ts";
import type { Notify } from "./invoices.ts";
import { changeOrderStatus, illegalTransition, orderStatusOf } from "./order-status.ts";
import { afterPaymentConfirmed, applyStatusEffects } from "./status-effects.ts";

export interface PaymentConfirmation {
  order: OrderStatus;
  paymentConfirmedAt: string;
  paymentConfirmedBy: string;
  statusChanged: boolean;
  /** The timeline's payment_confirmed entry. */
  eventId: number;
}

const SAO_PAULO = new Intl.DateTimeFormat("pt-BR", {
  timeZone: "America/Sao_Paulo",
  dateStyle: "short",
  timeStyle: "short",
});

export async function confirmPayment(
  tx: Queryable,
  ctx: AppContext,
  salesOrderId: number,
  note: string | null,
  actor: string,
  notify: Notify,
): Promise<PaymentConfirmation> {
  const order = await lockSalesOrder(tx, salesOrderId);
  if (order.canonicalStatus === "cancelado") {
    const refusal = checkMove("cancelado", "pagamento_confirmado", order.facts, "payment");
    if (!refusal.ok) throw illegalTransition(salesOrderId, "cancelado", "pagamento_confirmado", refusal);
  }
  if (order.paymentConfirmedAt) {
    const by = order.paymentConfirmedBy ?? "pela loja";
    throw new PonteError("conflict", `sales order ${salesOrderId}: payment already confirmed`, {
      details: {
        reason: `Pagamento já confirmado em ${SAO_PAULO.format(order.paymentConfirmedAt)} (${by})`,
        reasonCode: "payment_already_confirmed",
        confirmedAt: order.paymentConfirmedAt.toISOString(),
        confirmedBy: order.paymentConfirmedBy,
      },
    });
  }
  const { rows } = await tx.query<{ payment_confirmed_at: Date }>(
    `update sales_orders set payment_confirmed_at = now(), payment_confirmed_by = $2, updated_at = now()
      where id = $1 returning payment_confirmed_at`,
    [salesOrderId, actor],
  );
  const confirmedAt = rows[0]!.payment_confirmed_at;
  order.paymentConfirmedAt = confirmedAt;
  order.paymentConfirmedBy = actor;
  const event = await insertOrderEvent(
    tx,
    order,
    "payment_confirmed",
    note ? `Pagamento confirmado à mão: ${note}` : "Pagamento confirmado à mão",
    { confirmedAt: confirmedAt.toISOString(), confirmedBy: actor, note },
    actor,
  );
  const next = statusAfterPaymentConfirmation(order.canonicalStatus);
  if (next) {
    const change = await changeOrderStatus(tx, order, {
      status: next,
      via: "payment",
      actor,
      message: notify.message,
      notifyCustomer: await resolveNotifyCustomer(tx, order, next, notify.notifyCustomer),
    });
    await applyStatusEffects(tx, ctx, order, change);
  } else {
    await afterPaymentConfirmed(tx, ctx, order);
  }
  return {
    order: orderStatusOf(order),
    paymentConfirmedAt: confirmedAt.toISOString(),
    paymentConfirmedBy: actor,
    statusChanged: next !== null,
    eventId: event.id,
  };
}
