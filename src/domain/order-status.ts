// Canonical order statuses (R4.1 in docs/REQUIREMENTS.md) and the rules the sync engine applies to them:
// the sales-order status each one implies (R2.4, R4.3) and "never backwards" (DESIGN 3).

export const CANONICAL_STATUSES = [
  "aguardando_pagamento",
  "pagamento_confirmado",
  "em_preparacao",
  "despachado",
  "embarcado",
  "entregue",
  "cancelado",
  "problemas",
] as const;
export type CanonicalStatus = (typeof CANONICAL_STATUSES)[number];

export type SalesOrderStatus = "em_aberto" | "confirmado" | "cancelado" | "faturado";

export const CANONICAL_LABELS: Record<CanonicalStatus, string> = {
  aguardando_pagamento: "Aguardando pagamento",
  pagamento_confirmado: "Pagamento confirmado",
  em_preparacao: "Em preparação",
  despachado: "Despachado",
  embarcado: "Embarcado",
  entregue: "Entregue",
  cancelado: "Cancelado",
  problemas: "Problemas",
};

export const SALES_ORDER_LABELS: Record<SalesOrderStatus, string> = {
  em_aberto: "Em aberto",
  confirmado: "Confirmado",
  cancelado: "Cancelado",
  faturado: "Faturado",
};

export function isCanonicalStatus(value: string): value is CanonicalStatus {
  return (CANONICAL_STATUSES as readonly string[]).includes(value);
}

/** Position on the happy path; cancelado and problemas sit outside it. */
const RANK: Record<CanonicalStatus, number | null> = {
  aguardando_pagamento: 0,
  pagamento_confirmado: 1,
  em_preparacao: 2,
  despachado: 3,
  embarcado: 4,
  entregue: 5,
  cancelado: null,
  problemas: null,
};

/**
 * docs/REQUIREMENTS.md#seed-001: payment received → Confirmado, cancelled → Cancelado, the rest Em aberto. Every
 * status past payment implies it was received. A faturado order stays faturado unless cancelled.
 */
export function salesOrderStatusFor(
  canonical: CanonicalStatus,
  current?: SalesOrderStatus,
): SalesOrderStatus {
  if (canonical === "cancelado") return "cancelado";
  if (current === "faturado") return "faturado";
  const rank = RANK[canonical];
  return rank !== null && rank >= 1 ? "confirmado" : "em_aberto";
}

export type StatusStep =
  | { apply: true; status: CanonicalStatus }
  | { apply: false; reason: "same" | "backwards" | "cancelled_is_final" };

/**
 * Whether a status read from the platform may replace the sales order's. Forward moves and the
 * explicit rules (cancel; problems) apply; a move back along the happy path (a stale read) and
 * leaving Cancelado do not.
 */
export function nextStatus(current: CanonicalStatus, incoming: CanonicalStatus): StatusStep {
  if (current === incoming) return { apply: false, reason: "same" };
  if (current === "cancelado") return { apply: false, reason: "cancelled_is_final" };
  if (incoming === "cancelado" || incoming === "problemas" || current === "problemas") {
    return { apply: true, status: incoming };
  }
  const from = RANK[current]!;
  const to = RANK[incoming]!;
  return to > from ? { apply: true, status: incoming } : { apply: false, reason: "backwards" };
}
