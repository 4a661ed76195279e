// What a back-office change may push to the store through the platform's API (R8.1), and the
// defaults per trigger. A trigger is a canonical status the order moves to, or "faturado" (an
// invoice approved). Each store may override a trigger's actions (push_maps, "Envio à loja");
// a trigger without an override uses its platform's default here.
import { CANONICAL_LABELS } from "../domain/order-status.ts";
import { PUSH_ACTIONS, PUSH_TRIGGERS, type PushActionKind, type PushTrigger } from "../domain/push-action.ts";
import type { Capabilities } from "../platforms/connector.ts";
import { isSupportedPlatform, platformModule } from "../platforms/registry.ts";

export { PUSH_ACTIONS, PUSH_TRIGGERS, type PushActionKind, type PushTrigger };

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
  deliver: "marcar como entregue",
  close: "arquivar o pedido (fechar)",
  cancel: "cancelar o pedido",
  status: "enviar o evento de status",
};

/** The platform's default for a trigger (its module's `defaults.push`); none for a platform not registered. */
export function defaultPushActions(platform: string, trigger: PushTrigger): PushActionKind[] {
  return isSupportedPlatform(platform) ? [...platformModule(platform).defaults.push[trigger]] : [];
}

/** The actions a platform's connector can do, from its capability flags. */
export function supportedActions(capabilities: Capabilities): PushActionKind[] {
  const can: Record<PushActionKind, boolean> = {
    pay: capabilities.markPaid,
    invoice: capabilities.pushInvoice,
    pack: capabilities.pack,
    fulfill: capabilities.pushTracking,
    deliver: capabilities.pushDelivery ?? false,
    close: capabilities.close,
    cancel: capabilities.cancel,
  };
  return PUSH_ACTIONS.filter((a) => can[a]);
}

export const isPushTrigger = (value: string): value is PushTrigger =>
  (PUSH_TRIGGERS as readonly string[]).includes(value);
export const isPushAction = (value: string): value is PushActionKind =>
  (PUSH_ACTIONS as readonly string[]).includes(value);
