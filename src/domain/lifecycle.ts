// The order lifecycle, hub style: which canonical status may follow which (nextStatus: forward
// along the happy path, Cancelado and Problemas from anywhere, nothing leaves Cancelado) and the
// data each step needs. A refused move is a value with a stable code and the pt-BR reason the
// panel shows; the back office turns it into a 409 illegal_transition.
import { CANONICAL_LABELS, type CanonicalStatus, nextStatus } from "./order-status.ts";

/** How a move is asked for: the status form, or the back-office action that carries its data. */
export type MoveVia = "status_form" | "payment" | "invoice" | "shipment";

/** What the order already has, read under the order's lock. */
export interface OrderFacts {
  /** Payment confirmed: by the platform (paid) or by hand (bank deposit, R6.4). */
  paymentConfirmed: boolean;
  /** A shipment (carrier + tracking code or URL) is recorded. */
  shipped: boolean;
  /** An approved invoice (NF-e or simple sale) is live. */
  invoiced: boolean;
  /** The buyer collects the order at the store (Retirada na loja): delivered without a shipment. */
  pickup: boolean;
}

/** What a step may be missing; the status form offers the way to get it (Confirmar pagamento, Enviar). */
export type Need = "payment" | "shipment";

export type RefusalCode =
  | "same"
  | "backwards"
  | "cancelled_is_final"
  | "needs_shipment_form"
  | "needs_shipment"
  | "invoice_live"
  | "payment_not_confirmed";

export type MoveCheck = { ok: true } | { ok: false; code: RefusalCode; reason: string; message: string };

interface StepRule {
  /** The one action that carries this step's data: any other way in is refused. */
  onlyVia?: MoveVia;
  /** What the order must already have, in the order the form asks for it. */
  needs?: (facts: OrderFacts) => Need[];
  /** The refusal that is not a missing need (a live invoice before cancelling). */
  forbids?: (facts: OrderFacts) => RefusalCode | null;
  /** What the step records (done by backoffice/order-status.ts and the action). */
  records: string;
}

const payment = (f: OrderFacts): Need[] => (f.paymentConfirmed ? [] : ["payment"]);
const paymentAndShipment = (f: OrderFacts): Need[] => [
  ...payment(f),
  ...(f.shipped ? [] : ["shipment" as const]),
];

/**
 * The transitions table's data column. Which moves exist at all is nextStatus's; this says what
 * each target needs. docs/REQUIREMENTS.md#seed-003: every step from Pagamento confirmado on needs the payment
 * confirmed — by the platform or by hand with Confirmar pagamento, never on the way by a status
 * move. Invoicing is not a status: see checkInvoice and statusAfterInvoice.
 */
export const STEP_RULES: Record<CanonicalStatus, StepRule> = {
  aguardando_pagamento: { records: "nothing: the initial status (a move back to it is refused)" },
  pagamento_confirmado: {
    needs: payment,
    records: "nothing more: Confirmar pagamento recorded who and when",
  },
  em_preparacao: { needs: payment, records: "nothing more" },
  despachado: {
    onlyVia: "shipment",
    needs: payment,
    records: "a shipment: carrier and tracking code or URL",
  },
  embarcado: { needs: paymentAndShipment, records: "nothing more" },
  entregue: {
    needs: (f) => (f.pickup ? payment(f) : paymentAndShipment(f)),
    records: "delivered_at on the order and on its undelivered shipments",
  },
  cancelado: { forbids: (f) => (f.invoiced ? "invoice_live" : null), records: "nothing more" },
  problemas: { records: "nothing more" },
};

const NEED_REFUSAL: Record<Need, RefusalCode> = {
  payment: "payment_not_confirmed",
  shipment: "needs_shipment",
};

/** What the order still lacks to move to `to` (empty when nothing). */
export function missingFor(to: CanonicalStatus, facts: OrderFacts): Need[] {
  return STEP_RULES[to].needs?.(facts) ?? [];
}

function refusal(code: RefusalCode, from: CanonicalStatus, to: CanonicalStatus | null): MoveCheck {
  const [reason, message] = TEXTS[code](from, to);
  return { ok: false, code, reason, message };
}

const label = (status: CanonicalStatus | null) => (status ? CANONICAL_LABELS[status] : "");

/** [pt-BR for the panel, English for logs and the API message]; `to` null is invoicing. */
const TEXTS: Record<RefusalCode, (from: CanonicalStatus, to: CanonicalStatus | null) => [string, string]> = {
  same: (from) => [`O pedido já está em ${CANONICAL_LABELS[from]}`, "it is already in that status"],
  backwards: (from, to) => [
    `O status só avança: não é possível voltar de ${CANONICAL_LABELS[from]} para ${label(to)}`,
    "statuses only move forward",
  ],
  cancelled_is_final: () => ["Pedido cancelado não muda mais de status", "a cancelled order is final"],
  needs_shipment_form: () => [
    "Para marcar como Despachado, registre o envio (transportadora e código ou link de rastreio) no formulário de envio",
    "Despachado needs a shipment: use POST /api/v1/orders/:id/shipments with the carrier and tracking",
  ],
  needs_shipment: (_from, to) => [
    to === "entregue"
      ? "Para marcar como Entregue, registre antes o envio (transportadora e rastreio); sem envio, só um pedido de retirada na loja"
      : `Para marcar como ${label(to)}, registre antes o envio (transportadora e rastreio)`,
    `${to} needs a recorded shipment${to === "entregue" ? " (or a store pickup)" : ""}`,
  ],
  invoice_live: () => [
    "O pedido tem nota fiscal ou venda simples ativa: faça o estorno antes de cancelar",
    "the order has a live invoice: cancel it (estorno) first",
  ],
  payment_not_confirmed: (_from, to) => [
    to === null
      ? "Pagamento não confirmado: use Confirmar pagamento antes de faturar"
      : `Pagamento não confirmado: use Confirmar pagamento antes de marcar como ${label(to)}`,
    `payment is not confirmed: ${to === null ? "invoicing" : to} needs it (docs/REQUIREMENTS.md#seed-003, R6.4)`,
  ],
};

/** Whether the order may move from `from` to `to` this way, given what it has. */
export function checkMove(
  from: CanonicalStatus,
  to: CanonicalStatus,
  facts: OrderFacts,
  via: MoveVia = "status_form",
): MoveCheck {
  const step = nextStatus(from, to);
  if (!step.apply) return refusal(step.reason, from, to);
  const rule = STEP_RULES[to];
  if (rule.onlyVia && rule.onlyVia !== via) return refusal("needs_shipment_form", from, to);
  const forbidden = rule.forbids?.(facts) ?? null;
  if (forbidden) return refusal(forbidden, from, to);
  const [missing] = missingFor(to, facts);
  return missing ? refusal(NEED_REFUSAL[missing], from, to) : { ok: true };
}

/** Invoicing (NF-e or simple sale) needs a live order with its payment confirmed (R6.4). */
export function checkInvoice(current: CanonicalStatus, facts: OrderFacts): MoveCheck {
  if (current === "cancelado") return refusal("cancelled_is_final", current, null);
  if (!facts.paymentConfirmed) return refusal("payment_not_confirmed", current, null);
  return { ok: true };
}

/**
 * What invoicing does to the canonical status: an order not yet in preparation moves to Em
 * preparação (docs/REQUIREMENTS.md#seed-004: "o status é alterado a partir do faturamento"); one already past it, or
 * in Problemas, keeps its status. The sales status becomes Faturado either way.
 */
export function statusAfterInvoice(current: CanonicalStatus): CanonicalStatus | null {
  return current === "aguardando_pagamento" || current === "pagamento_confirmado" ? "em_preparacao" : null;
}

/** Confirming payment by hand moves an order still awaiting it to Pagamento confirmado. */
export function statusAfterPaymentConfirmation(current: CanonicalStatus): CanonicalStatus | null {
  return current === "aguardando_pagamento" ? "pagamento_confirmado" : null;
}
