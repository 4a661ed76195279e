// VTEX OMS order statuses (shared platform notes §4.3, read in the help article "Order flow and
// status" and the feed config's status list in the Orders API OpenAPI, "Create or update feed
// configuration"). statusDescription is what the OMS shows in pt-BR: "Faturado", "Preparando
// Entrega" and "Pronto para o manuseio" appear in the OpenAPI examples ("List orders", "Get
// order"); [U] the other labels follow the Admin's pt-BR wording as best known.

export const STATUS_DESCRIPTIONS: Record<string, string> = {
  "order-created": "Pedido Criado",
  "order-accepted": "Pedido Aceito",
  "on-order-completed": "Pedido Completo",
  "payment-pending": "Pagamento Pendente",
  "payment-approved": "Pagamento Aprovado",
  "waiting-for-seller-decision": "Aguardando decisão do seller",
  "window-to-change-payment": "Janela para alterar pagamento",
  "window-to-change-seller": "Janela para alterar seller",
  "window-to-cancel": "Carência para Cancelamento",
  "waiting-for-authorization": "Aguardando autorização",
  "authorize-fulfillment": "Aguardando autorização para despachar",
  "ready-for-handling": "Pronto para o manuseio",
  "start-handling": "Iniciar Manuseio",
  handling: "Preparando Entrega",
  "ready-for-invoicing": "Pronto para faturar",
  invoice: "Verificando Fatura",
  invoiced: "Faturado",
  "request-cancel": "Cancelamento Solicitado",
  "cancellation-requested": "Cancelamento Solicitado",
  cancel: "Cancelar",
  canceled: "Cancelado",
};

export const KNOWN_STATUSES = Object.keys(STATUS_DESCRIPTIONS);

/** Time an order waits in window-to-cancel before moving on (help article "Order flow and status": 30 min by default). */
export const WINDOW_TO_CANCEL_MS = 30 * 60_000;

/** Statuses before handling, from which start-handling is refused and cancel allowed. */
export const CANCELABLE = new Set([
  "order-created",
  "order-accepted",
  "on-order-completed",
  "payment-pending",
  "payment-approved",
  "waiting-for-seller-decision",
  "window-to-change-payment",
  "window-to-change-seller",
  "window-to-cancel",
  "waiting-for-authorization",
  "authorize-fulfillment",
  "ready-for-handling",
  "start-handling",
  "handling",
  "ready-for-invoicing",
  "request-cancel",
  "cancellation-requested",
]);

export function describeStatus(status: string): string {
  return STATUS_DESCRIPTIONS[status] ?? status;
}
