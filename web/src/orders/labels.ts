// How the order screens name things in pt-BR: status badges, timeline event kinds, actors.
import {
  CANONICAL_LABELS,
  type CanonicalStatus,
  SALES_ORDER_LABELS,
  type SalesOrderStatus,
} from "../../../src/domain/order-status.ts";

export function canonicalLabel(status: string | null | undefined): string {
  if (!status) return "—";
  return CANONICAL_LABELS[status as CanonicalStatus] ?? status;
}

export function salesOrderLabel(status: string | null | undefined): string {
  if (!status) return "—";
  return SALES_ORDER_LABELS[status as SalesOrderStatus] ?? status;
}

const BADGE: Record<CanonicalStatus, string> = {
  aguardando_pagamento: "badge-warn",
  pagamento_confirmado: "badge-info",
  em_preparacao: "badge-info",
  despachado: "badge-info",
  embarcado: "badge-info",
  entregue: "badge-ok",
  cancelado: "badge-bad",
  problemas: "badge-bad",
};

export const statusBadgeClass = (status: string) => `badge ${BADGE[status as CanonicalStatus] ?? ""}`.trim();

/** order_events.kind → what the timeline calls it. */
const EVENT_LABELS: Record<string, string> = {
  sales_order_created: "Pedido de venda criado",
  sales_order_updated: "Pedido de venda atualizado",
  sales_order_deleted: "Pedido de venda excluído",
  status_changed: "Mudança de status",
  status_ignored: "Status da loja ignorado",
  status_invalid: "Status inválido",
  sync_failed: "Falha na sincronização",
  sync_held: "Sincronização retida",
  customer_created: "Cliente cadastrado",
  customer_linked: "Cliente vinculado",
  customer_linked_manually: "Cliente vinculado manualmente",
  customer_merged: "Cadastro de cliente unificado",
  customer_not_linked: "Cliente não vinculado",
  customer_default_failed: "Campo padrão do cliente não aplicado",
  products_created: "Produtos cadastrados",
  link_deleted: "Mapeamento apagado",
  payment_confirmed: "Pagamento confirmado",
  invoice_added: "Nota fiscal registrada",
  invoiced: "Faturado",
  invoice_cancelled: "Nota estornada",
  duplicate_live_invoice: "Nota ativa duplicada",
  store_cancelled_with_invoice: "Cancelado na loja com nota ativa",
  store_cancelled_after_shipment: "Cancelado na loja já enviado",
  store_cancellation_resolved: "Cancelamento na loja resolvido",
  shipment_created: "Envio registrado",
  push_sent: "Enviado à loja",
  push_retrying: "Envio à loja adiado",
  push_failed: "Falha no envio à loja",
  push_resend: "Reenvio à loja",
  status_pushed: "Status enviado à loja",
  email_sent: "E-mail enviado",
  email_failed: "Falha no envio de e-mail",
  email_queued: "E-mail na fila",
  email_local: "E-mail na Caixa de saída",
  email_skipped: "E-mail não enviado",
  email_resend: "Reenvio de e-mail",
  notification_sent: "Notificação enviada",
};

export function eventLabel(kind: string): string {
  const known = EVENT_LABELS[kind];
  if (known) return known;
  if (kind.startsWith("email") || kind.includes("_email")) return "E-mail";
  if (kind.startsWith("push") || kind.includes("_push")) return "Envio à loja";
  if (kind.startsWith("sync")) return "Sincronização";
  const words = kind.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What kind of entry it is, for its marker in the timeline. */
export function eventTone(kind: string): "ok" | "bad" | "warn" | "info" {
  if (/failed|error|not_linked|default_failed|duplicate/.test(kind)) return "bad";
  if (/held|ignored|invalid|deleted|skipped|cancelled|retrying/.test(kind)) return "warn";
  if (/created|sent|confirmed|linked|invoiced|local/.test(kind)) return "ok";
  return "info";
}

/** "user:ana@loja.com" → "ana@loja.com"; "system" → "Ponte (automático)". */
export function actorLabel(actor: string | null | undefined): string {
  if (!actor) return "—";
  if (actor === "system" || actor === "sync" || actor === "worker") return "Ponte (automático)";
  if (actor === "api") return "API";
  const [kind, ...rest] = actor.split(":");
  const name = rest.join(":");
  if (!name) return actor;
  if (kind === "user") return name;
  if (kind === "token") return `Token de API “${name}”`;
  return actor;
}
