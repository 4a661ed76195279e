// WooCommerce's order statuses (REST docs _orders.md "Order properties": pending, processing,
// on-hold, completed, cancelled, refunded, failed, trash; checkout-draft from the block checkout,
// platforms README §2.1 [U]). The status key is the slug exactly as received: a plugin's own status
// (e.g. "aguardando-envio") is its own key and flagged, so the DE-PARA holds it as "status not
// mapped" until the merchant maps it — never guessed.
import type { Flag } from "../connector.ts";
import type { StatusValue } from "../module.ts";

/** Every core status with the label a pt-BR WooCommerce shows. */
export const wooStatusValues: StatusValue[] = [
  { value: "pending", label: "Pendente (aguardando pagamento)" },
  { value: "on-hold", label: "Aguardando" },
  { value: "processing", label: "Processando" },
  { value: "completed", label: "Concluído" },
  { value: "cancelled", label: "Cancelado" },
  { value: "refunded", label: "Reembolsado" },
  { value: "failed", label: "Malsucedido" },
  { value: "checkout-draft", label: "Rascunho (checkout não concluído)" },
  { value: "trash", label: "Lixeira" },
];

const KNOWN: ReadonlySet<string> = new Set(wooStatusValues.map((s) => s.value));

/** Paid by WooCommerce's own rule: processing and completed are the "paid" statuses (wc_get_is_paid_statuses). */
const PAID: ReadonlySet<string> = new Set(["processing", "completed"]);

/**
 * Cancelled: cancelled and refunded (the sale is undone). "failed" is a payment that did not go
 * through — the shopper may still pay it (it can move back to pending/processing) — so it is not
 * read as cancelled; the default DE-PARA still puts it in the Cancelado row. [U]
 */
const CANCELLED: ReadonlySet<string> = new Set(["cancelled", "refunded"]);

export interface StatusReading {
  key: string;
  paid: boolean;
  cancelled: boolean;
  flags: Flag[];
}

/**
 * `status` as WooCommerce sent it; `datePaid`: the order has date_paid(_gmt). A date_paid means
 * the payment went through (WC_Order::payment_complete sets it), whatever the status says now —
 * except for a refunded order, which gave the money back.
 */
export function readWooStatus(status: string, datePaid: boolean): StatusReading {
  const flags: Flag[] = KNOWN.has(status)
    ? []
    : [
        {
          field: "status",
          value: status,
          message: `WooCommerce status "${status}" is not a core status (a plugin's)`,
        },
      ];
  const cancelled = CANCELLED.has(status);
  const paid = status !== "refunded" && (PAID.has(status) || datePaid);
  return { key: status, paid, cancelled, flags };
}
