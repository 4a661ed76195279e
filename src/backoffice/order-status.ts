// Changing a sales order's status from the back office (R6.3: the order page's status form, and
// the actions that carry a step's data: payment confirmation, invoice, shipment), under the same
// rules the sync applies (domain/order-status.ts) plus the lifecycle's data rules
// (domain/lifecycle.ts): forward along the happy path, Cancelado and Problemas from anywhere,
// nothing leaves Cancelado, Despachado only with a shipment. One transaction: lock, check,
// update, record the timeline event. Effects (the customer e-mail when notifyCustomer, the push to the
// store) are not sent here: the caller gets the event and attaches them in the same transaction.
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
import { PonteError } from "../errors.ts";
import { type LockedOrder, lockSalesOrder, orderNotFound, readFacts } from "./order-lock.ts";

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

/** The shipment a move to Despachado records (tracking for the store's fulfill push). */
export interface ShipmentRef {
  id: number;
  carrier: string;
  trackingCode: string | null;
  trackingUrl: string | null;
}

/** The invoice that moved the order (access key for the store's NF-e push). */
export interface InvoiceRef {
  id: number;
  kind: "nfe" | "simple";
  accessKey: string | null;
  number: string | null;
  series: string | null;
  xmlUrl: string | null;
}

export interface OrderStatus {
  id: number;
  canonicalStatus: CanonicalStatus;
  status: SalesOrderStatus;
  statusVersion: number;
}

export interface StatusChangedEvent {
  id: number;
  salesOrderId: number;
  storeOrderId: number | null;
  kind: "status_changed";
  message: string;
  data: {
    from: CanonicalStatus;
    to: CanonicalStatus;
    notifyCustomer: boolean;
    message: string | null;
    version: number;
    /** Present when the move came with a shipment (Despachado). */
    shipment?: ShipmentRef;
    /** Present when invoicing moved the order. */
    invoice?: InvoiceRef;
    /** Present on Entregue: when the delivery was recorded. */
    deliveredAt?: string;
    /** Present when the move came with a payment confirmed by hand (the store's "pay" push). */
    paymentConfirmed?: true;
  };
  actor: string;
  createdAt: string;
}

export interface StatusChange {
  order: OrderStatus;
  orgId: number;
  /** The timeline entry: what effects (e-mail, push) hang on, keyed by (order, version). */
  event: StatusChangedEvent;
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

/** A back-office entry in the order's timeline (Histórico / Notificações). */
export async function insertOrderEvent(
  tx: Queryable,
  order: Pick<LockedOrder, "orgId" | "id" | "storeOrderId">,
  kind: string,
  message: string,
  data: Record<string, unknown>,
  actor: string,
): Promise<{ id: number; createdAt: Date }> {
  const { rows } = await tx.query<{ id: number; created_at: Date }>(
    `insert into order_events (org_id, sales_order_id, store_order_id, kind, message, data, actor)
     values ($1, $2, $3, $4, $5, $6, $7) returning id, created_at`,
    [order.orgId, order.id, order.storeOrderId, kind, message, JSON.stringify(data), actor],
  );
  return { id: rows[0]!.id, createdAt: rows[0]!.created_at };
}

/** The order's status as the back-office actions answer it. */
export async function readOrderStatus(q: Queryable, id: number): Promise<OrderStatus> {
  const { rows } = await q.query<OrderStatus>(
    `select id, canonical_status as "canonicalStatus", status, status_version as "statusVersion"
       from sales_orders where id = $1`,
    [id],
  );
  return rows[0]!;
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

export async function orderTransitions(
  q: Queryable,
  salesOrderId: number,
): Promise<{ current: CanonicalStatus; allowed: Transition[] }> {
  const { rows } = await q.query<{ canonical_status: CanonicalStatus; deleted: boolean; paid: boolean }>(
    `select canonical_status, deleted_at is not null as deleted, payment_confirmed_at is not null as paid
       from sales_orders where id = $1`,
    [salesOrderId],
  );
  const row = rows[0];
  if (!row) throw orderNotFound(salesOrderId);
  const allowed = row.deleted ? [] : allowedTargets(row.canonical_status);
  const facts = await readFacts(q, salesOrderId, row.paid);
  return {
    current: row.canonical_status,
    allowed: allowed.map((status) => {
      const form = STEP_RULES[status].onlyVia === "shipment" ? "shipment" : "status";
      const check = checkMove(
        row.canonical_status,
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
 * Changes the status in the caller's transaction under the lifecycle's rules (domain/lifecycle.ts);
 * throws illegal_transition (409) when they forbid it. Records what the step records: the
 * delivery date on Entregue. It never confirms a payment: a step past payment needs one
 * confirmed already (payment-confirmation.ts, or the platform).
 */
export async function changeOrderStatus(
  tx: Queryable,
  salesOrderId: number,
  change: StatusChangeRequest,
): Promise<StatusChange> {
  // Same lock order as the sync (store order, then sales order): a concurrent sync cannot
  // overwrite this change with a stale read.
  const current = await lockSalesOrder(tx, salesOrderId);
  const storeOrderId = current.storeOrderId;
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
    order: {
      id: salesOrderId,
      canonicalStatus: order.canonical_status,
      status: order.status,
      statusVersion: order.status_version,
    },
    event: {
      id: event.id,
      salesOrderId,
      storeOrderId,
      kind: "status_changed",
      message: text,
      data,
      actor: change.actor,
      createdAt: event.createdAt.toISOString(),
    },
  };
}
