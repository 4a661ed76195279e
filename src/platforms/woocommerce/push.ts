// Push actions on WooCommerce (platforms README §2.1 "Actions"; REST docs _orders.md "Update an
// order", _order-notes.md "Create an order note"). Core has no tracking nor NF-e field: Ponte
// writes each as an order note (POST /orders/{id}/notes {note, customer_note}) and as order meta
// (PUT /orders/{id} {meta_data}), which plugins and wp-admin's custom fields can read. WooCommerce
// has no idempotency key: each action reads the order first and reports "already applied" when
// the order already shows the effect, and writes only what is missing (a retry after a lost answer
// never writes a note twice).
// - fulfill: note "Pedido enviado. Código de rastreio: …" + meta _ponte_tracking_code/_url. The
//   note goes to the buyer (customer_note, which makes WooCommerce e-mail it) only when the store
//   says WooCommerce talks to its customers (settings.customerEmails = "platform") and the change
//   asks to notify; else it is private (Ponte e-mails the buyer itself).
// - invoice: note with the NF-e access key (and number, series, link) + meta _ponte_nfe_key.
// - close: status completed. cancel: status cancelled (WooCommerce restocks and writes its note).
// - pay: set_paid (write-only: status processing and a payment date; _orders.md "set_paid"), only
//   for an order still waiting (pending, on-hold, failed); stock is reduced once by core's own
//   guard (the order's _order_stock_reduced flag). [U]
import type { PushAction, PushResult } from "../connector.ts";
import { type ApiResponse, errorCode, type WooClient, WooRequestError } from "./client.ts";
import { NFE_KEY_META, TRACKING_META, TRACKING_URL_META } from "./map-order.ts";
import { isObject, type Json, meta, text } from "./read-json.ts";

const refusal = (message: string, status: number | null = null): PushResult => ({
  ok: false,
  retryable: false,
  status,
  message,
});

/** An applying request's answer (5xx, timeouts and 429 have already thrown or been waited out). */
function failed(res: ApiResponse, what: string): PushResult | null {
  if (res.status < 400) return null;
  return {
    ok: false,
    retryable: res.status === 408 || res.status === 429,
    status: res.status,
    message: `${what}: WooCommerce answered ${res.status}${errorCode(res.body) ? ` (${errorCode(res.body)})` : ""}`,
  };
}

/** Statuses after which nothing but a refund happens. */
const FINAL = new Set(["cancelled", "refunded", "trash"]);

export interface PushOptions {
  /** The store's settings say WooCommerce e-mails the customers (customerEmails "platform"). */
  platformEmailsCustomers: boolean;
}

async function notes(client: WooClient, orderId: string): Promise<string[]> {
  const res = await client.request("GET", client.url(`/orders/${orderId}/notes`, { type: "any" }));
  if (res.status >= 400)
    throw new WooRequestError(
      `reading notes of order ${orderId} answered ${res.status}`,
      res.status,
      res.body,
      res.status >= 500,
    );
  return (Array.isArray(res.body) ? res.body.filter(isObject) : []).map((n) => text(n.note) ?? "");
}

/**
 * Writes what is missing of a note (found by `mark` in an existing note) and meta entries, in
 * that order: the meta (which moves date_modified and fires order.updated) comes last.
 */
async function noteAndMeta(
  client: WooClient,
  orderId: string,
  order: Json,
  note: { text: string; mark: string; toCustomer: boolean },
  entries: [string, string | null][],
): Promise<PushResult> {
  const missingMeta = entries.filter(
    ([key, value]) => value !== null && meta(order.meta_data, key) !== value,
  );
  const hasNote = (await notes(client, orderId)).some((n) => n.includes(note.mark));
  if (hasNote && missingMeta.length === 0) return { ok: true, alreadyApplied: true, order };
  if (!hasNote) {
    const res = await client.request("POST", client.url(`/orders/${orderId}/notes`), {
      body: { note: note.text, customer_note: note.toCustomer },
    });
    const failure = failed(res, "adding the order note");
    if (failure) return failure;
  }
  if (missingMeta.length === 0) return { ok: true, alreadyApplied: false, order };
  const res = await client.request("PUT", client.url(`/orders/${orderId}`), {
    body: { meta_data: missingMeta.map(([key, value]) => ({ key, value })) },
  });
  return failed(res, "writing the order meta") ?? { ok: true, alreadyApplied: false, order: res.body };
}

async function setStatus(client: WooClient, orderId: string, body: Json, what: string): Promise<PushResult> {
  const res = await client.request("PUT", client.url(`/orders/${orderId}`), { body });
  return failed(res, what) ?? { ok: true, alreadyApplied: false, order: res.body };
}

function fulfillNote(action: Extract<PushAction, { kind: "fulfill" }>): { text: string; mark: string } {
  const code = action.trackingNumber;
  const mark = code !== null ? `Código de rastreio: ${code}` : `Rastreamento: ${action.trackingUrl}`;
  const parts = ["Pedido enviado.", code !== null ? `Código de rastreio: ${code}.` : null];
  if (action.trackingUrl !== null) parts.push(`Rastreamento: ${action.trackingUrl}`);
  return { text: parts.filter(Boolean).join(" "), mark };
}

function invoiceNote(action: Extract<PushAction, { kind: "invoice" }>): string {
  const parts = ["Nota fiscal emitida (NF-e)."];
  if (action.number !== null)
    parts.push(`Número ${action.number}${action.series !== null ? `, série ${action.series}` : ""}.`);
  parts.push(`Chave de acesso: ${action.accessKey}.`);
  if (action.link !== null) parts.push(`DANFE/XML: ${action.link}`);
  return parts.join(" ");
}

async function apply(
  client: WooClient,
  orderId: string,
  action: PushAction,
  options: PushOptions,
): Promise<PushResult> {
  if (action.kind === "pack" || action.kind === "open" || action.kind === "deliver")
    return refusal(`O WooCommerce não tem a ação "${action.kind}" para pedidos.`);
  const order = await client.getOrder(orderId);
  if (order === null) return refusal(`Pedido ${orderId} não encontrado no WooCommerce.`, 404);
  const status = text(order.status) ?? "";
  switch (action.kind) {
    case "fulfill": {
      // Nothing to show without a tracking code or link: the order is completed by "close". [U]
      if (action.trackingNumber === null && action.trackingUrl === null)
        return { ok: true, alreadyApplied: true, order };
      if (status === "trash") return refusal("O pedido está na lixeira do WooCommerce.");
      const note = fulfillNote(action);
      return noteAndMeta(
        client,
        orderId,
        order,
        { ...note, toCustomer: action.notifyCustomer && options.platformEmailsCustomers },
        [
          [TRACKING_META, action.trackingNumber],
          [TRACKING_URL_META, action.trackingUrl],
        ],
      );
    }
    case "invoice":
      if (status === "trash") return refusal("O pedido está na lixeira do WooCommerce.");
      return noteAndMeta(
        client,
        orderId,
        order,
        { text: invoiceNote(action), mark: action.accessKey, toCustomer: options.platformEmailsCustomers },
        [[NFE_KEY_META, action.accessKey]],
      );
    case "close":
      if (status === "completed") return { ok: true, alreadyApplied: true, order };
      if (FINAL.has(status) || status === "failed")
        return refusal(`O WooCommerce não conclui um pedido com status "${status}".`);
      return setStatus(client, orderId, { status: "completed" }, "completing the order");
    case "cancel":
      if (status === "cancelled" || status === "refunded") return { ok: true, alreadyApplied: true, order };
      if (status === "trash") return refusal("O pedido está na lixeira do WooCommerce.");
      return setStatus(client, orderId, { status: "cancelled" }, "cancelling the order");
    case "pay":
      if (text(order.date_paid_gmt) !== null || status === "processing" || status === "completed")
        return { ok: true, alreadyApplied: true, order };
      if (FINAL.has(status))
        return refusal(`O WooCommerce não marca como pago um pedido com status "${status}".`);
      return setStatus(client, orderId, { set_paid: true }, "marking the order paid");
  }
}

export async function pushToWoo(
  client: WooClient,
  orderId: string,
  action: PushAction,
  options: PushOptions,
): Promise<PushResult> {
  try {
    return await apply(client, orderId, action, options);
  } catch (error) {
    // Access problems (PlatformAccessError) propagate: the store needs a person.
    if (error instanceof WooRequestError)
      return { ok: false, retryable: error.retryable, status: error.status, message: error.message };
    throw error;
  }
}
