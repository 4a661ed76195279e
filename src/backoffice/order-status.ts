// Changing a sales order's status from the back office (R6.3: the order page's status form, and
// the actions that carry a step's data: payment confirmation, invoice, shipment), under the same
// rules the sync applies (domain/order-status.ts) plus the lifecycle's data rules
// (domain/lifecycle.ts): forward along the happy path, Cancelado and Problemas from anywhere,
// nothing leaves Cancelado, Despachado only with a shipment. One transaction: lock, check,
// update, record the timeline event. Effects (the customer e-mail when notifyCustomer, the push to the
// store) are not sent here: the caller gets the event and attaches them in the same transaction,
// from the order it locked (orders/order-lock.ts), which this keeps current.
import type { Queryable } from "../db/db.ts";
import {
  checkMove,
  type MoveVia,
  missingFor,
  type Need,
  type RefusalCode,
  STEP_RULES,
} from "../domain/lifecycle.ts";
import {
  CANONICAL_LABELS,
  CANONICAL_STATUSES,
  type CanonicalStatus,
  nextStatus,
  type SalesOrderStatus,
  salesOrderStatusFor,
} from "../domain/order-status.ts";
import type {
  InvoiceRef,
  OrderStatus,
  ShipmentRef,
  StatusChange,
  StatusChangedEvent,
} from "../domain/status-change.ts";
import { PonteError } from "../errors.ts";
import type { LockedOrder } from "../orders/order-lock.ts";
import { insertOrderEvent } from "../orders/timeline.ts";

export interface StatusChangeRequest {
  status: CanonicalStatus;
  notifyCustomer: boolean;
  /** The operator's message to the customer, when notified. */
  message: string | null;
  /** Who asked: "user:<email>" or "token:<name>". */
  actor: string;
  /** How the move was asked for (default: the status form). Despachado only comes with a shipment. */
  via?: MoveVia;
  /** The step's data, carried in the event for the pushes and the e-mail. */
  shipment?: ShipmentRef;
  invoice?: InvoiceRef;
}

/** How the timeline says where a change came from. */
const VIA_TEXT: Record<MoveVia, string> = {
  status_form: "alterado no painel",
  payment: "pagamento confirmado à mão",
  invoice: "faturamento",
  shipment: "envio registrado",
};

/** The 409 a refused move answers: details.reason in pt-BR for the panel, details.reasonCode stable. */
export function illegalTransition(
  salesOrderId: number,
  from: CanonicalStatus,
  to: CanonicalStatus | null,
  refusal: { code: RefusalCode; reason: string; message: string },
): PonteError {
  const what = to === null ? "cannot be invoiced" : `cannot move from ${from} to ${to}`;
  return new PonteError("illegal_transition", `sales order ${salesOrderId} ${what}: ${refusal.message}`, {
    details: { reason: refusal.reason, reasonCode: refusal.code, from, to },
  });
}

/** The order's status as the back-office actions answer it, from the order they hold. */
export function orderStatusOf(order: LockedOrder): OrderStatus {
  const { id, canonicalStatus, status, statusVersion } = order;
  return { id, canonicalStatus, status, statusVersion };
}

/** The statuses the order may move to now, in the happy path's order. */
export function allowedTargets(current: CanonicalStatus): CanonicalStatus[] {
  return CANONICAL_STATUSES.filter((s) => nextStatus(current, s).apply);
}

export interface Transition {
  status: CanonicalStatus;
  label: string;
  /** Where the panel asks for it: Despachado comes with the shipment form (carrier and tracking). */
  form: "status" | "shipment";
  /** pt-BR: why it cannot be chosen yet (a shipment missing, an invoice to reverse first), or null. */
  blocked: string | null;
  /** What the order still lacks for it, in order: the form offers Confirmar pagamento inline for "payment". */
  needs: Need[];
}

/** The statuses the status form offers for the order, each with what it still lacks. */
export function orderTransitions(order: LockedOrder): { current: CanonicalStatus; allowed: Transition[] } {
  const allowed = order.deleted ? [] : allowedTargets(order.canonicalStatus);
  const facts = order.facts;
  return {
    current: order.canonicalStatus,
    allowed: allowed.map((status) => {
      const form = STEP_RULES[status].onlyVia === "shipment" ? "shipment" : "status";
      const check = checkMove(
        order.canonicalStatus,
        status,
        facts,
        form === "shipment" ? "shipment" : "status_form",
      );
      return {
        status,
        label: CANONICAL_LABELS[status],
        form,
        blocked: check.ok ? null : check.reason,
        needs: missingFor(status, facts),
      };
    }),
  };
}

/**
 * Changes the status of the order the caller holds locked (lockSalesOrder), in its transaction,
 * under the lifecycle's rules (domain/lifecycle.ts); throws illegal_transition (409) when they
 * forbid it. Records what the step records: the delivery date on Entregue. It never confirms a
 * payment: a step past payment needs one confirmed already (payment-confirmation.ts, or the
 * platform). The held order is brought up to date, for the effects that read it next.
 */
export async function changeOrderStatus(
  tx: Queryable,
  current: LockedOrder,
  change: StatusChangeRequest,
): Promise<StatusChange> {
  const salesOrderId = current.id;
  const from = current.canonicalStatus;
  const to = change.status;
  const via = change.via ?? "status_form";
  const check = checkMove(from, to, current.facts, via);
  if (!check.ok) throw illegalTransition(salesOrderId, from, to, check);

  const status = salesOrderStatusFor(to, current.status);
  const delivered = to === "entregue";
  const updated = await tx.query<{
    canonical_status: CanonicalStatus;
    status: SalesOrderStatus;
    status_version: number;
    delivered_at: Date | null;
  }>(
    `update sales_orders set canonical_status = $2, status = $3, status_version = status_version + 1,
            delivered_at = case when $4 then now() else delivered_at end,
            updated_at = now()
      where id = $1
      returning canonical_status, status, status_version, delivered_at`,
    [salesOrderId, to, status, delivered],
  );
  const order = updated.rows[0]!;
  if (delivered) {
    await tx.query(
      "update shipments set delivered_at = now() where sales_order_id = $1 and delivered_at is null",
      [salesOrderId],
    );
  }
  current.canonicalStatus = order.canonical_status;
  current.status = order.status;
  current.statusVersion = order.status_version;
  const data: StatusChangedEvent["data"] = {
    from,
    to,
    notifyCustomer: change.notifyCustomer,
    message: change.message,
    version: order.status_version,
    ...(change.shipment ? { shipment: change.shipment } : {}),
    ...(change.invoice ? { invoice: change.invoice } : {}),
    ...(delivered && order.delivered_at ? { deliveredAt: order.delivered_at.toISOString() } : {}),
    ...(via === "payment" ? { paymentConfirmed: true as const } : {}),
  };
  const text = `Status: ${CANONICAL_LABELS[from]} → ${CANONICAL_LABELS[to]} (${VIA_TEXT[via]})`;
  const event = await insertOrderEvent(tx, current, "status_changed", text, data, change.actor);
  return {
    orgId: current.orgId,
    order: orderStatusOf(current),
    event: {
      id: event.id,
      salesOrderId,
      storeOrderId: current.storeOrderId,
      kind: "status_changed",
      message: text,
      data,
      actor: change.actor,
      createdAt: event.createdAt.toISOString(),
    },
  };
}
