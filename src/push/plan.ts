// Which pushes a back-office change owes the store: pure, from what enqueue.ts read. Platform
// channel: one outbox row per action the trigger asks for (the status's Ativo row, and
// "faturado" when an invoice was approved). XML and webhook channels: one status event per
// change of an Ativo status, or an "invoiced" event when invoicing did not move the status.
// Each row has a dedupe key, so planning the same change twice never queues a push twice.
import { CANONICAL_LABELS, type CanonicalStatus } from "../domain/order-status.ts";
import type { Capabilities, PlatformId, PushAction } from "../platforms/connector.ts";
import { customerEmailsBy } from "../stores/stores.ts";
import { ACTION_LABELS, type PushActionKind, supportedActions } from "./actions.ts";
import { type PushChannelKind, readPushChannel } from "./channel.ts";
import type { StatusEvent } from "./status-event.ts";

export interface PushOrigin {
  store: { id: number; name: string; platform: PlatformId; settings: Record<string, unknown> };
  capabilities: Capabilities;
  order: {
    id: number;
    number: number;
    externalOrderId: string | null;
    storeOrderNumber: string | null;
    /** The sales order's total: the invoiced value a platform may check against the order. */
    totalCents: number;
  };
  /** The store's status row for the order's (new) status. */
  statusRow: { active: boolean; platformValues: string[] };
  /** The actions the status's trigger asks for, those of "faturado" and of "pagamento_confirmado". */
  statusActions: PushActionKind[];
  invoiceActions: PushActionKind[];
  paymentActions: PushActionKind[];
  /** The order's latest shipment and live invoice, if any. */
  shipment: { carrier: string; trackingCode: string | null; trackingUrl: string | null } | null;
  invoice: {
    id: number;
    kind: "nfe" | "simple";
    accessKey: string | null;
    number: string | null;
    series: string | null;
    issuedAt: string | null;
    xmlUrl: string | null;
  } | null;
}

export interface PushCause {
  /** A status change, an invoice approved without one, or a payment confirmed by hand without one. */
  kind: "status" | "invoice" | "payment";
  status: CanonicalStatus;
  previous: CanonicalStatus | null;
  version: number;
  occurredAt: string;
  /** Notificar cliente, as asked on the change. */
  notifyCustomer: boolean;
  /** The change approved an invoice (the "faturado" trigger applies). */
  invoiced: boolean;
  /** The change confirmed the payment by hand: the store is told once ("pay", trigger pagamento_confirmado). */
  paymentConfirmed: boolean;
  deliveredAt: string | null;
}

/** What the push job needs, stored in outbox.payload. */
export interface OutboxPayload {
  /** pt-BR: what the push does, for Falhas and the timeline. */
  summary: string;
  externalOrderId: string | null;
  /** Platform channel. */
  action?: PushAction;
  /** XML and webhook channels. */
  event?: StatusEvent;
}

export interface PlannedPush {
  channel: PushChannelKind;
  action: PushActionKind | "status";
  dedupeKey: string;
  payload: OutboxPayload;
}

function platformAction(
  kind: PushActionKind,
  origin: PushOrigin,
  cause: PushCause,
  notify: boolean,
): PushAction | null {
  switch (kind) {
    case "pay":
      return { kind: "pay" };
    case "invoice": {
      const inv = origin.invoice;
      // Only an NF-e has an access key to show on the store; a simple sale pushes nothing.
      if (inv?.kind !== "nfe" || !inv.accessKey) return null;
      return {
        kind: "invoice",
        accessKey: inv.accessKey,
        link: inv.xmlUrl,
        number: inv.number,
        series: inv.series,
        issuedAt: inv.issuedAt,
        valueCents: origin.order.totalCents,
      };
    }
    case "pack":
      return { kind: "pack" };
    case "fulfill":
      return {
        kind: "fulfill",
        trackingNumber: origin.shipment?.trackingCode ?? null,
        trackingUrl: origin.shipment?.trackingUrl ?? null,
        notifyCustomer: notify,
      };
    case "deliver":
      return { kind: "deliver", deliveredAt: cause.deliveredAt };
    case "close":
      return { kind: "close" };
    case "cancel":
      return { kind: "cancel", reason: "other", email: notify, restock: true };
  }
}

function summaryOf(action: PushAction): string {
  if (action.kind === "invoice") return `${ACTION_LABELS.invoice} (chave ${action.accessKey})`;
  if (action.kind === "fulfill") {
    const tracking = action.trackingNumber ?? action.trackingUrl;
    return tracking ? `${ACTION_LABELS.fulfill} ${tracking}` : "marcar como enviado, sem rastreio";
  }
  if (action.kind === "open") return "reabrir o pedido";
  return ACTION_LABELS[action.kind];
}

function statusEvent(origin: PushOrigin, cause: PushCause, id: string, notify: boolean): StatusEvent {
  const { store, order, shipment, invoice } = origin;
  return {
    id,
    type: cause.kind === "status" ? "order.status_changed" : "order.invoiced",
    occurredAt: cause.occurredAt,
    store: { id: store.id, name: store.name, platform: store.platform },
    order: {
      salesOrderId: order.id,
      salesOrderNumber: order.number,
      storeOrderId: order.externalOrderId,
      storeOrderNumber: order.storeOrderNumber,
    },
    status: {
      code: cause.status,
      label: CANONICAL_LABELS[cause.status],
      previousCode: cause.previous,
      platformStatus: origin.statusRow.platformValues[0] ?? null,
      version: cause.version,
    },
    tracking: shipment
      ? { carrier: shipment.carrier, code: shipment.trackingCode, url: shipment.trackingUrl }
      : null,
    invoice: invoice
      ? {
          kind: invoice.kind,
          accessKey: invoice.accessKey,
          number: invoice.number,
          series: invoice.series,
          issuedAt: invoice.issuedAt,
          xmlUrl: invoice.xmlUrl,
        }
      : null,
    deliveredAt: cause.deliveredAt,
    notifyCustomer: notify,
  };
}

export function planPushes(origin: PushOrigin, cause: PushCause): PlannedPush[] {
  const channel = readPushChannel(origin.store.settings).kind;
  // Who e-mails the customer (R6.3): when the platform does, pushes carry its notify flags and
  // Ponte sends nothing; when Ponte does (the default), the flags are off. Never both.
  const notify = customerEmailsBy(origin.store.settings) === "platform" && cause.notifyCustomer;
  const orderKey = `push:${origin.order.id}`;
  const statusApplies = cause.kind === "status" && origin.statusRow.active;

  if (channel !== "platform") {
    // A payment confirmed without a status change has no status event to send.
    const where = channel === "xml" ? "por XML" : "ao webhook";
    if (statusApplies) {
      const id = `${orderKey}:status:v${cause.version}`;
      const summary = `enviar o status ${CANONICAL_LABELS[cause.status]} ${where}`;
      const event = statusEvent(origin, cause, id, notify);
      return [
        {
          channel,
          action: "status",
          dedupeKey: id,
          payload: { summary, externalOrderId: origin.order.externalOrderId, event },
        },
      ];
    }
    if (cause.invoiced && origin.invoice) {
      const id = `${orderKey}:invoiced:${origin.invoice.id}`;
      const event = statusEvent(origin, { ...cause, kind: "invoice" }, id, notify);
      const summary = `enviar o faturamento ${where}`;
      return [
        {
          channel,
          action: "status",
          dedupeKey: id,
          payload: { summary, externalOrderId: origin.order.externalOrderId, event },
        },
      ];
    }
    return [];
  }

  // The platform's API needs the platform's order id.
  if (!origin.order.externalOrderId) return [];
  // "pay" goes only with a payment confirmed by hand (the platform already has one it reported),
  // whatever the status; the store turns it off in Envio à loja (Pagamento confirmado).
  const wanted: PushActionKind[] = [
    ...(cause.paymentConfirmed && origin.paymentActions.includes("pay") ? ["pay" as const] : []),
    ...(cause.invoiced ? origin.invoiceActions : []),
    ...(statusApplies ? origin.statusActions.filter((a) => a !== "pay") : []),
  ];
  const supported = supportedActions(origin.capabilities);
  const planned: PlannedPush[] = [];
  for (const kind of new Set(wanted)) {
    if (!supported.includes(kind)) continue;
    const action = platformAction(kind, origin, cause, notify);
    if (!action) continue;
    // An NF-e is pushed once whatever change carries it, a payment once per order (it is confirmed
    // once); the rest once per status version.
    const dedupeKey =
      action.kind === "invoice"
        ? `${orderKey}:invoice:${action.accessKey}`
        : action.kind === "pay"
          ? `${orderKey}:pay`
          : `${orderKey}:${kind}:v${cause.version}`;
    planned.push({
      channel,
      action: kind,
      dedupeKey,
      payload: { summary: summaryOf(action), externalOrderId: origin.order.externalOrderId, action },
    });
  }
  return planned;
}
