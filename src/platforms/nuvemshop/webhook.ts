// Nuvemshop webhooks: hex HMAC-SHA256 of the raw body, keyed with the app's client secret,
// in x-linkedstore-hmac-sha256. Thin payload {store_id, event, id}: the order is re-read.
import crypto from "node:crypto";
import { type Headers, type WebhookNotice, WebhookPayloadError } from "../connector.ts";
import { parsePrivacyNotice, privacyEventOf } from "./privacy.ts";

export const ORDER_EVENTS = new Set([
  "order/created",
  "order/updated",
  "order/paid",
  "order/packed",
  "order/fulfilled",
  "order/cancelled",
  "order/edited",
  "order/pending",
  "order/voided",
  "order/unpacked",
  "order/custom_fields_updated",
]);
const LIFECYCLE: Record<string, WebhookNotice["lifecycle"]> = {
  "app/suspended": "suspended",
  "app/resumed": "resumed",
  "app/uninstalled": "uninstalled",
};
export const APP_EVENTS = new Set(Object.keys(LIFECYCLE));
export const PRIVACY_EVENTS = new Set(["store/redact", "customers/redact", "customers/data_request"]);

export const SIGNATURE_HEADER = "x-linkedstore-hmac-sha256";

export function verifyNuvemshopWebhook(rawBody: Buffer, headers: Headers, secret: string): boolean {
  const given = headers[SIGNATURE_HEADER] ?? headers.http_x_linkedstore_hmac_sha256;
  const value = Array.isArray(given) ? given[0] : given;
  if (!value || !secret || !/^[0-9a-f]{64}$/i.test(value.trim())) return false;
  const expected = crypto.createHmac("sha256", secret).update(rawBody).digest();
  return crypto.timingSafeEqual(expected, Buffer.from(value.trim(), "hex"));
}

export function parseNuvemshopWebhook(rawBody: Buffer): WebhookNotice {
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString("utf8"));
  } catch {
    throw new WebhookPayloadError("the webhook body is not JSON");
  }
  const b = body as { store_id?: unknown; event?: unknown; id?: unknown };
  if (typeof b !== "object" || b === null || Array.isArray(b) || b.store_id === undefined) {
    throw new WebhookPayloadError("the webhook body lacks store_id or event");
  }
  // LGPD notices posted to their own URL may leave the event out.
  const event = typeof b.event === "string" ? b.event : privacyEventOf(b as Record<string, unknown>);
  if (event === null) throw new WebhookPayloadError("the webhook body lacks store_id or event");
  const storeExternalId = String(b.store_id);
  const kind = ORDER_EVENTS.has(event)
    ? "order"
    : APP_EVENTS.has(event)
      ? "app"
      : PRIVACY_EVENTS.has(event)
        ? "privacy"
        : "other";
  const externalOrderId = kind === "order" && b.id !== undefined && b.id !== null ? String(b.id) : null;
  if (kind === "order" && externalOrderId === null)
    throw new WebhookPayloadError(`${event} without an order id`);
  // No delivery id on Nuvemshop: pending work coalesces per store+order (every order event
  // means "re-read this order"); other events per store+event+body.
  const dedupeKey =
    kind === "order"
      ? `${storeExternalId}:order:${externalOrderId}`
      : `${storeExternalId}:${event}:${crypto.createHash("sha256").update(rawBody).digest("hex").slice(0, 16)}`;
  const lifecycle = LIFECYCLE[event];
  const privacy = kind === "privacy" ? parsePrivacyNotice(event, b as Record<string, unknown>) : undefined;
  return {
    event,
    storeExternalId,
    externalOrderId,
    kind,
    dedupeKey,
    ...(lifecycle ? { lifecycle } : {}),
    ...(privacy ? { privacy } : {}),
  };
}
