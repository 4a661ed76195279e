// WooCommerce webhook deliveries (platforms README §2.2; core class-wc-webhook.php deliver(),
// generate_signature(), deliver_ping()):
// - X-WC-Webhook-Signature: base64 of HMAC-SHA256 over the exact body, keyed with the webhook's
//   secret — which Ponte chose when it registered the webhook (webhook-subscriptions.ts).
// - The body is the full REST order (the GET of the webhook's API version); order.deleted sends
//   {"id": …} only. X-WC-Webhook-Topic (order.created…), -Source (the site's home_url('/')),
//   -Delivery-ID (one per delivery), -ID (the webhook's id).
// - On creation WooCommerce pings the URL with the form body "webhook_id=<id>" and no signature
//   header (deliver_ping sends only the body), and the webhook stays "pending delivery" unless the
//   ping gets a 200: that exact body passes unsigned and is read as an "other" notice (it carries
//   nothing to act on, so letting it through unsigned costs nothing).
// No retries (a failed delivery is lost; the periodic import catches up), at most once per
// change, in any order: the order is re-read before anything is written.
import crypto from "node:crypto";
import { type Headers, type WebhookNotice, WebhookPayloadError } from "../connector.ts";
import { orderIdOf } from "./map-order.ts";
import { isObject, text } from "./read-json.ts";
import { normalizeSiteUrl } from "./site-url.ts";

export const SIGNATURE_HEADER = "x-wc-webhook-signature";
const TOPIC_HEADER = "x-wc-webhook-topic";
const SOURCE_HEADER = "x-wc-webhook-source";
const DELIVERY_ID_HEADER = "x-wc-webhook-delivery-id";

const PING = /^webhook_id=\d{1,20}$/;

/** True for a body that is exactly WooCommerce's creation ping. */
export const isWebhookPing = (rawBody: Buffer): boolean =>
  rawBody.length <= 40 && PING.test(rawBody.toString("latin1"));

function header(headers: Headers, name: string): string | null {
  const found = Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];
  const value = Array.isArray(found) ? found[0] : found;
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** WooCommerce's signature of `rawBody` with `secret` (the harness and tests sign with it). */
export const signWooBody = (rawBody: Buffer, secret: string): string =>
  crypto.createHmac("sha256", secret).update(rawBody).digest("base64");

export function verifyWooWebhook(rawBody: Buffer, headers: Headers, secret: string): boolean {
  const given = header(headers, SIGNATURE_HEADER);
  if (given === null) return isWebhookPing(rawBody);
  if (!secret) return false;
  const expected = Buffer.from(signWooBody(rawBody, secret), "utf8");
  const received = Buffer.from(given, "utf8");
  // Equal lengths first: timingSafeEqual needs them, and the length of a base64 SHA-256 is public.
  return received.length === expected.length && crypto.timingSafeEqual(received, expected);
}

export function parseWooWebhook(rawBody: Buffer, headers: Headers = {}): WebhookNotice {
  // The site the delivery is about: X-WC-Webhook-Source (home_url('/')) in the stored form of the
  // store id (site-url.ts); the body names no site. Missing: "" (no store: recorded, ignored).
  const source = header(headers, SOURCE_HEADER);
  const storeExternalId = (source === null ? null : normalizeSiteUrl(source)) ?? "";
  const deliveryId = header(headers, DELIVERY_ID_HEADER);
  if (isWebhookPing(rawBody)) {
    return {
      event: "webhook/ping",
      storeExternalId,
      externalOrderId: null,
      kind: "other",
      dedupeKey: `ping:${rawBody.toString("latin1")}:${deliveryId ?? ""}`,
    };
  }
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString("utf8"));
  } catch {
    throw new WebhookPayloadError("the webhook body is not JSON");
  }
  if (!isObject(body)) throw new WebhookPayloadError("the webhook body is not an object");
  const topic = header(headers, TOPIC_HEADER);
  const orderId = orderIdOf(body);
  if (topic !== null && !topic.startsWith("order.")) {
    return {
      event: topic,
      storeExternalId,
      externalOrderId: null,
      kind: "other",
      dedupeKey: deliveryId ?? `${topic}:${String(body.id ?? "")}`,
    };
  }
  if (orderId === null) throw new WebhookPayloadError("the webhook body has no order id");
  const status = text(body.status);
  return {
    // order/<status> for a full order; the topic (order.deleted: {"id"} only) otherwise.
    event: status !== null ? `order/${status}` : (topic ?? "order.updated"),
    storeExternalId,
    externalOrderId: orderId,
    kind: "order",
    dedupeKey: deliveryId ?? `${orderId}:${text(body.date_modified_gmt) ?? topic ?? ""}`,
  };
}
