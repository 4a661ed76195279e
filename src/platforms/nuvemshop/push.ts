// Push actions (pay, pack, fulfill, cancel, close/open, NF-e metafield). Nuvemshop has no
// idempotency keys, so each action reads the order first and does nothing when the
// platform already shows its effect: a retried push is never applied twice.
import type { PushAction, PushResult } from "../connector.ts";
import { type NuvemshopClient, PlatformRequestError } from "./client.ts";

type Json = Record<string, unknown>;

/** Shipping stages from packed on, in both vocabularies (unfulfilled = packed, not yet shipped). */
const PACKED_OR_LATER = [
  "packed",
  "partially_packed",
  "unfulfilled",
  "fulfilled",
  "partially_fulfilled",
  "shipped",
  "delivered",
];
/** "unshipped" cannot tell packed from not: next_action can. */
const PACKED_NEXT_ACTIONS = ["waiting_shipment", "waiting_client_pickup", "waiting_pickup"];

function alreadyApplied(order: Json, action: PushAction): boolean {
  const shipping = String(order.shipping_status ?? "");
  switch (action.kind) {
    case "pay":
      return order.payment_status === "paid";
    case "pack":
      return (
        PACKED_OR_LATER.includes(shipping) || PACKED_NEXT_ACTIONS.includes(String(order.next_action ?? ""))
      );
    case "fulfill":
      return (
        ["fulfilled", "shipped", "delivered"].includes(shipping) &&
        (action.trackingNumber === null || order.shipping_tracking_number === action.trackingNumber)
      );
    case "cancel":
      return order.status === "cancelled";
    case "close":
      return order.status === "closed";
    case "deliver":
      return shipping === "delivered";
    case "open":
      return order.status === "open";
    case "invoice":
      return false; // decided on the metafield itself
  }
}

/** What an applying request's answer means (a 5xx or timeout has already thrown, retryable). */
function answer(res: { status: number; body: unknown }): PushResult {
  if (res.status >= 400) {
    return { ok: false, retryable: false, status: res.status, message: JSON.stringify(res.body) };
  }
  return { ok: true, alreadyApplied: false, order: res.body };
}

function failure(error: unknown): PushResult {
  if (error instanceof PlatformRequestError) {
    return { ok: false, retryable: error.retryable, status: error.status, message: error.message };
  }
  throw error;
}

async function pushInvoice(
  client: NuvemshopClient,
  orderId: string,
  accessKey: string,
  link: string | null,
): Promise<PushResult> {
  // One metafield `nfe`/`list` whose value is a JSON string of [{key, link}]: read, merge, write.
  const found = await client.request(
    "GET",
    client.url("/metafields/orders", { owner_id: orderId, namespace: "nfe", key: "list" }),
  );
  const existing = Array.isArray(found.body) ? (found.body[0] as Json | undefined) : undefined;
  let list: { key: string; link: string | null }[] = [];
  if (existing && typeof existing.value === "string") {
    try {
      list = JSON.parse(existing.value);
    } catch {
      list = [];
    }
  }
  if (list.some((entry) => entry.key === accessKey))
    return { ok: true, alreadyApplied: true, order: existing };
  const value = JSON.stringify([...list, { key: accessKey, link }]);
  const res = existing
    ? await client.request("PUT", client.url(`/metafields/${existing.id}`), { value })
    : await client.request("POST", client.url("/metafields"), {
        namespace: "nfe",
        key: "list",
        value,
        owner_resource: "Order",
        owner_id: Number(orderId),
      });
  return answer(res);
}

export async function pushToNuvemshop(
  client: NuvemshopClient,
  orderId: string,
  action: PushAction,
): Promise<PushResult> {
  try {
    if (action.kind === "invoice") return await pushInvoice(client, orderId, action.accessKey, action.link);
    const current = (await client.getOrder(orderId)) as Json | null;
    if (current === null)
      return { ok: false, retryable: false, status: 404, message: `order ${orderId} not found` };
    if (alreadyApplied(current, action)) return { ok: true, alreadyApplied: true, order: current };
    const base = `/orders/${encodeURIComponent(orderId)}`;
    // A payment confirmed by hand (bank deposit): PUT /orders/{id} {"status":"paid"} (docs/PUSH.md).
    if (action.kind === "pay")
      return answer(await client.request("PUT", client.url(base), { status: "paid" }));
    const path = `${base}/${action.kind}`;
    const body =
      action.kind === "fulfill"
        ? {
            shipping_tracking_number: action.trackingNumber,
            shipping_tracking_url: action.trackingUrl,
            notify_customer: action.notifyCustomer,
          }
        : action.kind === "cancel"
          ? { reason: action.reason, email: action.email, restock: action.restock }
          : undefined;
    return answer(await client.request("POST", client.url(path), body ?? {}));
  } catch (error) {
    return failure(error);
  }
}
