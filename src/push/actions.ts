// What a back-office change may push to the store through the platform's API (R8.1), and the
// defaults per trigger. A trigger is a canonical status the order moves to, or "faturado" (an
// invoice approved). Each store may override a trigger's actions (push_maps, "Envio à loja");
// a trigger without an override uses its platform's default here.
import { CANONICAL_LABELS, CANONICAL_STATUSES, type CanonicalStatus } from "../domain/order-status.ts";
import type { Capabilities, PlatformId } from "../platforms/connector.ts";

/** In the order they run when one trigger asks for several. */
export const PUSH_ACTIONS = ["pay", "invoice", "pack", "fulfill", "close", "cancel"] as const;
export type PushActionKind = (typeof PUSH_ACTIONS)[number];

export const PUSH_TRIGGERS = [...CANONICAL_STATUSES, "faturado"] as const;
export type PushTrigger = CanonicalStatus | "faturado";

export const TRIGGER_LABELS: Record<PushTrigger, string> = {
  ...CANONICAL_LABELS,
  faturado: "Faturado (NF-e aprovada)",
};

/** pt-BR: what the action does on the store, for the timeline and Falhas. */
export const ACTION_LABELS: Record<PushActionKind | "status", string> = {
  pay: "marcar como pago",
  invoice: "informar a NF-e",
  pack: "marcar como embalado",
  fulfill: "marcar como enviado, com o rastreio",
  close: "arquivar o pedido (fechar)",
  cancel: "cancelar o pedido",
  status: "enviar o evento de status",
};

/**
 * Nuvemshop (docs/PUSH.md): a payment confirmed by hand (bank deposit, docs/REQUIREMENTS.md#seed-003) marks
 * the order paid (PUT /orders/{id} {"status":"paid"}); Em preparação packs, Despachado/Embarcado
 * fulfill with the tracking, Cancelado cancels. Nuvemshop's v1 API has no "delivered" action (only
 * the fulfillment-order API has a DELIVERED state), so Entregue closes the order, which is what
 * next_action "close" asks for once an order is shipped. An approved NF-e goes in the `nfe`
 * metafield. Problemas pushes nothing: Nuvemshop has no problem state.
 */
const NUVEMSHOP_DEFAULTS: Record<PushTrigger, PushActionKind[]> = {
  aguardando_pagamento: [],
  pagamento_confirmado: ["pay"],
  em_preparacao: ["pack"],
  despachado: ["fulfill"],
  embarcado: ["fulfill"],
  entregue: ["close"],
  cancelado: ["cancel"],
  problemas: [],
  faturado: ["invoice"],
};

export function defaultPushActions(platform: PlatformId, trigger: PushTrigger): PushActionKind[] {
  return platform === "nuvemshop" ? [...NUVEMSHOP_DEFAULTS[trigger]] : [];
}

/** The actions a platform's connector can do, from its capability flags. */
export function supportedActions(capabilities: Capabilities): PushActionKind[] {
  const can: Record<PushActionKind, boolean> = {
    pay: capabilities.markPaid,
    invoice: capabilities.pushInvoice,
    pack: capabilities.pack,
    fulfill: capabilities.pushTracking,
    close: capabilities.close,
    cancel: capabilities.cancel,
  };
  return PUSH_ACTIONS.filter((a) => can[a]);
}

export const isPushTrigger = (value: string): value is PushTrigger =>
  (PUSH_TRIGGERS as readonly string[]).includes(value);
export const isPushAction = (value: string): value is PushActionKind =>
  (PUSH_ACTIONS as readonly string[]).includes(value);
