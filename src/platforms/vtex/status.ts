// VTEX's order status vocabulary (platforms README §4.3, read in the help center's "Order flow
// and status" and the Orders API OpenAPI, "Create or update feed configuration" status list).
// The DE-PARA reads the status string itself; a value not listed here is kept as its own key
// and flagged, so it lands as "status not mapped", never as a guess.
import type { Flag } from "../connector.ts";
import type { StatusValue } from "../module.ts";

/** Every documented status with its pt-BR label (the panel's suggestions). */
export const vtexStatusValues: StatusValue[] = [
  { value: "incomplete", label: "Incompleto (sem status na VTEX)" },
  { value: "order-created", label: "Pedido criado" },
  { value: "order-accepted", label: "Pedido aceito" },
  { value: "on-order-completed", label: "Pedido concluído no checkout" },
  { value: "on-order-completed-ffm", label: "Pedido concluído no fulfillment" },
  // Only in the Orders Feed guide's example (platforms README §4.3).
  { value: "order-completed", label: "Pedido concluído" },
  { value: "payment-pending", label: "Aguardando pagamento" },
  { value: "payment-approved", label: "Pagamento aprovado" },
  { value: "window-to-change-payment", label: "Janela para alterar o pagamento" },
  { value: "window-to-change-seller", label: "Janela para alterar o seller" },
  { value: "window-to-cancel", label: "Carência para cancelamento" },
  { value: "waiting-for-authorization", label: "Aguardando autorização" },
  { value: "waiting-for-fulfillment", label: "Aguardando fulfillment" },
  { value: "waiting-ffmt-authorization", label: "Aguardando autorização para despachar" },
  { value: "waiting-for-manual-authorization", label: "Aguardando autorização manual" },
  { value: "authorize-fulfillment", label: "Autorizando despacho" },
  { value: "waiting-for-mkt-authorization", label: "Aguardando autorização do marketplace" },
  { value: "waiting-seller-handling", label: "Aguardando o seller" },
  { value: "ready-for-handling", label: "Pronto para manuseio" },
  { value: "start-handling", label: "Iniciando manuseio" },
  { value: "handling", label: "Preparando entrega" },
  { value: "ready-for-invoicing", label: "Pronto para faturar" },
  { value: "invoice", label: "Verificando nota fiscal" },
  { value: "invoiced", label: "Faturado" },
  { value: "request-cancel", label: "Cancelamento pedido" },
  { value: "cancellation-requested", label: "Cancelamento solicitado" },
  { value: "cancel", label: "Cancelando" },
  { value: "canceled", label: "Cancelado" },
];

const KNOWN: ReadonlySet<string> = new Set(vtexStatusValues.map((s) => s.value));

/** Before the payment is approved (the order flow's first steps). [U] for the authorization states. */
const UNPAID: ReadonlySet<string> = new Set([
  "incomplete",
  "order-created",
  "order-accepted",
  "on-order-completed",
  "on-order-completed-ffm",
  "order-completed",
  "payment-pending",
  "window-to-change-payment",
  "waiting-for-authorization",
  "waiting-for-manual-authorization",
]);

/** On the way to cancelled: paid only when the order says the payment was authorized. */
const CANCELLING: ReadonlySet<string> = new Set([
  "request-cancel",
  "cancellation-requested",
  "cancel",
  "canceled",
]);

export interface StatusReading {
  key: string;
  paid: boolean;
  cancelled: boolean;
  flags: Flag[];
}

/** `status` as VTEX sent it (null: an incomplete order); `authorized`: the order has an authorizedDate. */
export function readVtexStatus(status: string | null, authorized: boolean): StatusReading {
  const key = status ?? "incomplete";
  const flags: Flag[] = KNOWN.has(key)
    ? []
    : [{ field: "status", value: key, message: `unknown VTEX status "${key}"` }];
  const cancelled = key === "canceled";
  // Past payment-approved means paid; an unknown status is not guessed to be paid.
  const paid = !KNOWN.has(key) || UNPAID.has(key) ? false : CANCELLING.has(key) ? authorized : true;
  return { key, paid, cancelled, flags };
}
