// Changing a sales order's status by hand (R6.3, the order page's status form), under the same
// rules the sync applies (domain/order-status.ts): forward along the happy path, Cancelado and
// Problemas from anywhere, nothing leaves Cancelado. One transaction: lock, check, update,
// record the timeline event. Effects (the customer e-mail when notifyCustomer, the push to the
// store) are not sent here: the caller gets the event and attaches them in the same transaction.
import type { Queryable } from "../db/db.ts";
import {
  CANONICAL_LABELS,
  CANONICAL_STATUSES,
  type CanonicalStatus,
  nextStatus,
  type SalesOrderStatus,
  type StatusStep,
  salesOrderStatusFor,
} from "../domain/order-status.ts";
import { PonteError } from "../errors.ts";

export interface StatusChangeRequest {
  status: CanonicalStatus;
  notifyCustomer: boolean;
  /** The operator's message to the customer, when notified. */
  message: string | null;
  /** Who asked: "user:<email>" or "token:<name>". */
  actor: string;
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

type Refusal = Extract<StatusStep, { apply: false }>["reason"];

/** pt-BR, for the panel (details.reason); the code goes in details.reasonCode. */
function refusalPt(reason: Refusal, from: CanonicalStatus, to: CanonicalStatus): string {
  switch (reason) {
    case "same":
      return `O pedido já está em ${CANONICAL_LABELS[from]}`;
    case "backwards":
      return `O status só avança: não é possível voltar de ${CANONICAL_LABELS[from]} para ${CANONICAL_LABELS[to]}`;
    case "cancelled_is_final":
      return "Pedido cancelado não muda mais de status";
  }
}

const REFUSAL_EN: Record<Refusal, string> = {
  same: "it is already in that status",
  backwards: "statuses only move forward",
  cancelled_is_final: "a cancelled order is final",
};

const notFound = (id: number) => new PonteError("not_found", `sales order ${id} not found`, { status: 404 });

const deleted = (id: number) =>
  new PonteError("conflict", `sales order ${id} was deleted: its status cannot change`, {
    status: 409,
    details: {
      reason: "Pedido de venda excluído: o status não pode mais mudar",
      reasonCode: "sales_order_deleted",
    },
  });

/** The statuses the order may move to now, in the happy path's order. */
export function allowedTargets(current: CanonicalStatus): CanonicalStatus[] {
  return CANONICAL_STATUSES.filter((s) => nextStatus(current, s).apply);
}

export async function orderTransitions(
  q: Queryable,
  salesOrderId: number,
): Promise<{ current: CanonicalStatus; allowed: { status: CanonicalStatus; label: string }[] }> {
  const { rows } = await q.query<{ canonical_status: CanonicalStatus; deleted: boolean }>(
    "select canonical_status, deleted_at is not null as deleted from sales_orders where id = $1",
    [salesOrderId],
  );
  const row = rows[0];
  if (!row) throw notFound(salesOrderId);
  const allowed = row.deleted ? [] : allowedTargets(row.canonical_status);
  return {
    current: row.canonical_status,
    allowed: allowed.map((status) => ({ status, label: CANONICAL_LABELS[status] })),
  };
}

/** Changes the status in the caller's transaction; throws illegal_transition (409) when the rules forbid it. */
export async function changeOrderStatus(
  tx: Queryable,
  salesOrderId: number,
  change: StatusChangeRequest,
): Promise<StatusChange> {
  const head = await tx.query<{ store_order_id: number | null }>(
    "select store_order_id from sales_orders where id = $1",
    [salesOrderId],
  );
  if (!head.rows[0]) throw notFound(salesOrderId);
  // The sync locks the store order before it reads and rewrites the sales order; taking the
  // same lock first keeps a concurrent sync from overwriting this change with a stale read.
  const storeOrderId = head.rows[0].store_order_id;
  if (storeOrderId !== null) {
    await tx.query("select 1 from store_orders where id = $1 for update", [storeOrderId]);
  }
  const { rows } = await tx.query<{
    org_id: number;
    canonical_status: CanonicalStatus;
    status: SalesOrderStatus;
    deleted: boolean;
  }>(
    `select org_id, canonical_status, status, deleted_at is not null as deleted
       from sales_orders where id = $1 for update`,
    [salesOrderId],
  );
  const current = rows[0]!;
  if (current.deleted) throw deleted(salesOrderId);
  const from = current.canonical_status;
  const to = change.status;
  const step = nextStatus(from, to);
  if (!step.apply) {
    throw new PonteError(
      "illegal_transition",
      `sales order ${salesOrderId} cannot move from ${from} to ${to}: ${REFUSAL_EN[step.reason]}`,
      {
        status: 409,
        details: { reason: refusalPt(step.reason, from, to), reasonCode: step.reason, from, to },
      },
    );
  }
  const status = salesOrderStatusFor(to, current.status);
  // Moving past payment by hand is how a payment the platform cannot see (bank deposit) is confirmed (R6.4).
  const confirmsPayment = salesOrderStatusFor(to) === "confirmado";
  const updated = await tx.query<{
    canonical_status: CanonicalStatus;
    status: SalesOrderStatus;
    status_version: number;
  }>(
    `update sales_orders set canonical_status = $2, status = $3, status_version = status_version + 1,
            payment_confirmed_by = case when $4 and payment_confirmed_at is null then $5 else payment_confirmed_by end,
            payment_confirmed_at = case when $4 then coalesce(payment_confirmed_at, now()) else payment_confirmed_at end,
            updated_at = now()
      where id = $1
      returning canonical_status, status, status_version`,
    [salesOrderId, to, status, confirmsPayment, change.actor],
  );
  const order = updated.rows[0]!;
  const data = {
    from,
    to,
    notifyCustomer: change.notifyCustomer,
    message: change.message,
    version: order.status_version,
  };
  const text = `Status: ${CANONICAL_LABELS[from]} → ${CANONICAL_LABELS[to]} (alterado no painel)`;
  const event = await tx.query<{ id: number; created_at: Date }>(
    `insert into order_events (org_id, sales_order_id, store_order_id, kind, message, data, actor)
     values ($1, $2, $3, 'status_changed', $4, $5, $6) returning id, created_at`,
    [current.org_id, salesOrderId, storeOrderId, text, JSON.stringify(data), change.actor],
  );
  return {
    orgId: current.org_id,
    order: {
      id: salesOrderId,
      canonicalStatus: order.canonical_status,
      status: order.status,
      statusVersion: order.status_version,
    },
    event: {
      id: event.rows[0]!.id,
      salesOrderId,
      storeOrderId,
      kind: "status_changed",
      message: text,
      data,
      actor: change.actor,
      createdAt: event.rows[0]!.created_at.toISOString(),
    },
  };
}
