// Where a payment confirmed by hand stands on the store (issue 11, item 11): the order page never
// shows the store's "Aguardando pagamento" next to a confirmed payment without saying why — the
// push that marks it paid is on its way, failed, was sent and the store has not been read since,
// or this store cannot or does not take it.
import type { Queryable } from "../db/db.ts";
import type { PlatformId } from "../platforms/connector.ts";
import { isSupportedPlatform, platformModule } from "../platforms/registry.ts";
import { readPushChannel } from "../push/channel.ts";
import { loadPushOverrides, resolveActions } from "../push/push-map.ts";

export type PaymentStoreSyncState =
  | "pending"
  | "sent"
  | "failed"
  | "not_sent"
  | "off"
  | "unsupported"
  | "other_channel";

export interface PaymentStoreSync {
  state: PaymentStoreSyncState;
  /** pt-BR, shown next to the store's payment status. */
  message: string;
}

const CONFIRMED = "Pagamento confirmado no ERP";

const MESSAGES: Record<PaymentStoreSyncState, string> = {
  pending: `${CONFIRMED}; envio à loja pendente: a loja ainda mostra o pedido aguardando pagamento`,
  sent: `${CONFIRMED} e enviado à loja; a situação na loja se atualiza na próxima leitura do pedido`,
  failed: `${CONFIRMED}; o envio à loja falhou: use Reenviar em Falhas › Envios à loja`,
  not_sent: `${CONFIRMED}; a confirmação não foi enviada à loja: marque o pedido como pago no painel da loja`,
  off: `${CONFIRMED}; esta loja não envia a confirmação de pagamento (Lojas › Envio à loja › Pagamento confirmado): marque o pedido como pago no painel da loja`,
  unsupported: `${CONFIRMED}; a plataforma da loja não aceita a confirmação de pagamento pela API: marque o pedido como pago no painel da loja`,
  other_channel: `${CONFIRMED}; esta loja recebe os envios por XML ou webhook, que não mudam a situação na plataforma`,
};

export interface PaymentStoreSyncInput {
  salesOrderId: number;
  /** Who confirmed it by hand; null when the platform reported the payment. */
  confirmedBy: string | null;
  /** The store's latest reading says paid. */
  storePaid: boolean;
  store: { id: number; platform: PlatformId; settings: Record<string, unknown> } | null;
}

/** Null when there is nothing to explain (not confirmed by hand, not from a store, or the store shows it paid). */
export async function paymentStoreSync(
  q: Queryable,
  input: PaymentStoreSyncInput,
): Promise<PaymentStoreSync | null> {
  const { store } = input;
  if (!store || input.confirmedBy === null || input.storePaid) return null;
  const state = await stateOf(q, input.salesOrderId, store);
  return { state, message: MESSAGES[state] };
}

async function stateOf(
  q: Queryable,
  salesOrderId: number,
  store: NonNullable<PaymentStoreSyncInput["store"]>,
): Promise<PaymentStoreSyncState> {
  const { rows } = await q.query<{ status: "pending" | "sent" | "failed" | "skipped" }>(
    `select status from outbox where sales_order_id = $1 and action = 'pay' and channel = 'platform'
      order by id desc limit 1`,
    [salesOrderId],
  );
  const push = rows[0]?.status;
  if (push === "pending" || push === "sent" || push === "failed") return push;
  if (readPushChannel(store.settings).kind !== "platform") return "other_channel";
  const known = isSupportedPlatform(store.platform);
  if (!known || !platformModule(store.platform).capabilities.markPaid) return "unsupported";
  const actions = resolveActions(
    store.platform,
    "pagamento_confirmado",
    await loadPushOverrides(q, store.id),
  );
  // Configured but never queued: confirmed before the store took payments, or before it was turned on.
  return actions.includes("pay") ? "not_sent" : "off";
}
