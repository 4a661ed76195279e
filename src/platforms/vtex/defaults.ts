// The tables a VTEX store starts with (R4.5). Statuses follow VTEX's order flow (platforms
// README §4.3, help center "Order flow and status"). The states in which an order waits on
// VTEX's side — the cancellation window, the authorization and marketplace states, the
// checkout's first steps — are in no row on purpose and declared `waiting`: the engine holds such
// an order (status_waiting, not a problem) and creates it once a feed/hook event brings a mapped
// status.
import type { MappingDefaults } from "../../domain/mapping-defaults.ts";

export { vtexStatusValues } from "./status.ts";

export const vtexDefaults: MappingDefaults = {
  status: [
    { canonical: "aguardando_pagamento", values: ["payment-pending"], active: true, createsOrder: true },
    {
      canonical: "pagamento_confirmado",
      values: ["payment-approved", "ready-for-handling"],
      active: true,
      createsOrder: true,
    },
    // "invoiced" (VTEX's "Faturado") means the NF-e is issued, not that the parcel left: it reads
    // as Em preparação, so an order Ponte invoiced does not jump to Despachado when VTEX tells it
    // back. Faturado is the back office's own sales-order status, not a canonical one. [U]
    {
      canonical: "em_preparacao",
      values: ["start-handling", "handling", "ready-for-invoicing", "invoice", "invoiced"],
      active: true,
      createsOrder: true,
    },
    // Shipping is Ponte's news to VTEX (the tracking on the invoice), never VTEX's to Ponte.
    { canonical: "despachado", values: [], active: true, createsOrder: true },
    { canonical: "embarcado", values: [], active: false, createsOrder: true },
    // Like Despachado, delivery is Ponte's news to VTEX (the invoice's tracking), never VTEX's.
    { canonical: "entregue", values: [], active: true, createsOrder: true },
    { canonical: "cancelado", values: ["canceled"], active: true, createsOrder: false },
    { canonical: "problemas", values: [], active: false, createsOrder: true },
  ],
  /** paymentSystemName as VTEX shows it (Orders API OpenAPI, "Get order" paymentData example). */
  payment: [
    ["Visa", "cartao_credito"],
    ["Mastercard", "cartao_credito"],
    ["American Express", "cartao_credito"],
    ["Elo", "cartao_credito"],
    ["Hipercard", "cartao_credito"],
    ["Diners", "cartao_credito"],
    ["Boleto Bancário", "boleto"],
    ["Pix", "pix"],
  ],
  /** deliveryCompany (the carrier) or selectedSla. */
  shipping: [["Correios", "Correios"]],
  /**
   * Em preparação starts handling (POST start-handling); the approved NF-e is the invoice
   * notification; Despachado/Embarcado add the tracking to that invoice (PATCH invoice/{n});
   * Entregue marks the invoice's tracking delivered (PUT invoice/{n}/tracking {isDelivered});
   * Cancelado cancels (refused once invoiced). Payment is VTEX's gateway's: nothing to push for it.
   */
  push: {
    aguardando_pagamento: [],
    pagamento_confirmado: [],
    em_preparacao: ["pack"],
    despachado: ["fulfill"],
    embarcado: ["fulfill"],
    entregue: ["deliver"],
    cancelado: ["cancel"],
    problemas: [],
    faturado: ["invoice"],
  },
  /**
   * Not final (help center "Order flow and status"): the checkout's first steps, the change and
   * cancellation windows, the authorization and marketplace states. An order in one waits — held
   * without being a problem — until VTEX moves it on; a sales order that exists keeps its status.
   */
  waiting: [
    "order-created",
    "order-accepted",
    "approve-payment",
    "window-to-change-payment",
    "window-to-change-seller",
    "window-to-cancel",
    "waiting-for-authorization",
    "waiting-for-order-authorization",
    "waiting-for-fulfillment",
    "waiting-ffmt-authorization",
    "waiting-for-manual-authorization",
    "authorize-fulfillment",
    "waiting-for-mkt-authorization",
    "waiting-seller-handling",
    "waiting-for-seller-decision",
  ],
};

/**
 * The statuses the feed and the hook filter on (FromWorkflow): every status of the default
 * table that the filter accepts (Orders API OpenAPI, "Create or update feed configuration":
 * "ready-for-invoicing" is not in its list).
 */
const FILTERABLE = new Set([
  "order-created",
  "on-order-completed",
  "on-order-completed-ffm",
  "payment-pending",
  "waiting-for-order-authorization",
  "approve-payment",
  "payment-approved",
  "request-cancel",
  "waiting-for-seller-decision",
  "waiting-ffmt-authorization",
  "waiting-for-authorization",
  "waiting-for-manual-authorization",
  "authorize-fulfillment",
  "order-create-error",
  "order-creation-error",
  "window-to-cancel",
  "window-to-change-seller",
  "waiting-for-mkt-authorization",
  "waiting-seller-handling",
  "ready-for-handling",
  "start-handling",
  "handling",
  "invoice-after-cancellation-deny",
  "order-accepted",
  "invoice",
  "invoiced",
  "replaced",
  "cancellation-requested",
  "cancel",
  "canceled",
]);

export const WORKFLOW_FILTER_STATUSES: readonly string[] = vtexDefaults.status
  .flatMap((row) => row.values)
  .filter((value) => FILTERABLE.has(value));
