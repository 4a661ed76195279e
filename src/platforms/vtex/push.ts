// Push actions on VTEX (platforms README §4.4; Orders API OpenAPI, "Start handling order",
// "Order invoice notification", "Update order's partial invoice (send tracking number)", "Cancel
// order"). VTEX has no idempotency keys: each action reads the order once and reports "already
// applied" when the order already shows the effect, so a retried push is never applied twice.
import { checkNfeKey } from "../../domain/nfe-key.ts";
import type { PushAction, PushResult } from "../connector.ts";
import { type ApiResponse, type VtexClient, VtexRequestError } from "./client.ts";
import { lastOutputPackage, text } from "./map-order.ts";

type Json = Record<string, unknown>;

/** start-handling moves ready-for-handling to handling: these come after it. */
const HANDLING_OR_LATER = ["start-handling", "handling", "ready-for-invoicing", "invoice", "invoiced"];
/** A cancellation asked for or done. */
const CANCELLING = ["request-cancel", "cancellation-requested", "cancel", "canceled"];

const refusal = (message: string, status: number | null = null): PushResult => ({
  ok: false,
  retryable: false,
  status,
  message,
});

/** An applying request's answer (5xx, timeouts and 429 have already thrown or been waited out). */
function answer(res: ApiResponse): PushResult {
  if (res.status >= 400) {
    return {
      ok: false,
      retryable: res.status === 408 || res.status === 429,
      status: res.status,
      message: JSON.stringify(res.body),
    };
  }
  return { ok: true, alreadyApplied: false, order: res.body };
}

const outputPackages = (order: Json): Json[] => {
  const attachment = order.packageAttachment as { packages?: unknown } | null | undefined;
  const packages = Array.isArray(attachment?.packages) ? (attachment.packages as Json[]) : [];
  return packages.filter(
    (p) => typeof p === "object" && p !== null && (text(p.type) ?? "Output") === "Output",
  );
};

/** The NF-e's number from its access key (positions 26–34, nfe-key.ts), without leading zeros. [U] */
function numberFromKey(accessKey: string): string | null {
  const check = checkNfeKey(accessKey);
  return check.ok ? check.parts.number.replace(/^0+(?=.)/, "") : null;
}

const CANCEL_REASONS: Record<Extract<PushAction, { kind: "cancel" }>["reason"], string> = {
  customer: "Cancelado a pedido do cliente",
  inventory: "Cancelado por falta de estoque",
  fraud: "Cancelado por suspeita de fraude",
  other: "Cancelado pelo lojista",
};

async function invoice(
  client: VtexClient,
  base: string,
  order: Json,
  action: Extract<PushAction, { kind: "invoice" }>,
): Promise<PushResult> {
  const invoiceNumber = action.number ?? numberFromKey(action.accessKey);
  const done = outputPackages(order).some(
    (p) =>
      text(p.invoiceKey) === action.accessKey ||
      (invoiceNumber !== null && text(p.invoiceNumber) === invoiceNumber),
  );
  if (done) return { ok: true, alreadyApplied: true, order };
  if (invoiceNumber === null)
    return refusal("A nota fiscal não tem número nem chave de acesso válida para informar à VTEX.");
  const items = (Array.isArray(order.items) ? (order.items as Json[]) : []).map((item) => ({
    id: String(item.id),
    price: Number(item.sellingPrice ?? item.price ?? 0),
    quantity: Number(item.quantity ?? 0),
  }));
  return answer(
    await client.request("POST", client.url(`${base}/invoice`), {
      body: {
        type: "Output",
        invoiceNumber,
        // Cents as a string (OpenAPI, "Order invoice notification": invoiceValue "2499").
        invoiceValue: String(action.valueCents),
        issuanceDate: action.issuedAt ?? new Date().toISOString(),
        invoiceKey: action.accessKey,
        invoiceUrl: action.link,
        items,
      },
    }),
  );
}

async function fulfill(
  client: VtexClient,
  base: string,
  order: Json,
  action: Extract<PushAction, { kind: "fulfill" }>,
): Promise<PushResult> {
  // The tracking goes on an invoice: the order's last Output invoice.
  const invoiced = lastOutputPackage(order);
  const number = text(invoiced?.invoiceNumber);
  if (!invoiced || number === null)
    return refusal("O pedido ainda não tem nota fiscal na VTEX: informe a nota fiscal antes do rastreio.");
  if (action.trackingNumber === null) return refusal("Não há código de rastreio para enviar à VTEX.");
  if (text(invoiced.trackingNumber) === action.trackingNumber)
    return { ok: true, alreadyApplied: true, order };
  const logistics = (order.shippingData as { logisticsInfo?: Json[] } | undefined)?.logisticsInfo?.[0];
  return answer(
    await client.request("PATCH", client.url(`${base}/invoice/${encodeURIComponent(number)}`), {
      body: {
        trackingNumber: action.trackingNumber,
        trackingUrl: action.trackingUrl,
        courier: text(invoiced.courier) ?? text(logistics?.deliveryCompany) ?? null,
        dispatchedDate: new Date().toISOString(),
      },
    }),
  );
}

async function apply(client: VtexClient, orderId: string, action: PushAction): Promise<PushResult> {
  if (action.kind === "pay" || action.kind === "close" || action.kind === "open") {
    return refusal(`A VTEX não tem a ação "${action.kind}" para pedidos (o pagamento é do gateway da VTEX).`);
  }
  const order = await client.getOrder(orderId);
  if (order === null) return refusal(`Pedido ${orderId} não encontrado na VTEX.`, 404);
  const status = text(order.status) ?? "";
  const base = `/api/oms/pvt/orders/${encodeURIComponent(orderId)}`;
  switch (action.kind) {
    case "pack":
      if (HANDLING_OR_LATER.includes(status)) return { ok: true, alreadyApplied: true, order };
      return answer(await client.request("POST", client.url(`${base}/start-handling`)));
    case "invoice":
      return invoice(client, base, order, action);
    case "fulfill":
      return fulfill(client, base, order, action);
    case "deliver":
      return deliver(client, base, order, action);
    case "cancel": {
      if (CANCELLING.includes(status)) return { ok: true, alreadyApplied: true, order };
      // Orders can be cancelled only before invoiced; after that, a return invoice (type Input).
      if (status === "invoiced" || outputPackages(order).length > 0) {
        return refusal(
          "A VTEX não cancela pedido já faturado: é preciso enviar uma nota fiscal de devolução (entrada) para o pedido.",
        );
      }
      return answer(
        await client.request("POST", client.url(`${base}/cancel`), {
          body: { reason: CANCEL_REASONS[action.reason] },
        }),
      );
    }
  }
}

/**
 * Delivered: the last Output invoice's tracking marked delivered (OpenAPI, "Update order tracking
 * status": PUT invoice/{n}/tracking {isDelivered, deliveredDate, events}). VTEX takes it only on an
 * invoice with a tracking number, which the shipment push put there.
 */
async function deliver(
  client: VtexClient,
  base: string,
  order: Json,
  action: Extract<PushAction, { kind: "deliver" }>,
): Promise<PushResult> {
  const invoiced = lastOutputPackage(order);
  const number = text(invoiced?.invoiceNumber);
  if (!invoiced || number === null)
    return refusal("O pedido ainda não tem nota fiscal na VTEX: a entrega é informada na nota fiscal.");
  if (text(invoiced.trackingNumber) === null)
    return refusal(
      "A nota fiscal do pedido na VTEX ainda não tem rastreio: envie o pedido com rastreio antes.",
    );
  const courier = invoiced.courierStatus as { finished?: unknown } | null | undefined;
  if (courier?.finished === true || order.isAllDelivered === true)
    return { ok: true, alreadyApplied: true, order };
  const deliveredDate = action.deliveredAt ?? new Date().toISOString();
  return answer(
    await client.request("PUT", client.url(`${base}/invoice/${encodeURIComponent(number)}/tracking`), {
      body: {
        isDelivered: true,
        deliveredDate,
        events: [{ description: "Pedido entregue ao cliente", date: deliveredDate }],
      },
    }),
  );
}

export async function pushToVtex(
  client: VtexClient,
  orderId: string,
  action: PushAction,
): Promise<PushResult> {
  try {
    return await apply(client, orderId, action);
  } catch (error) {
    // Access problems (PlatformAccessError) propagate: the store needs a person.
    if (error instanceof VtexRequestError)
      return { ok: false, retryable: error.retryable, status: error.status, message: error.message };
    throw error;
  }
}
