// Nuvemshop's mandatory LGPD notices, read into Ponte's neutral privacy request:
// customers/data_request {store_id, customer{id,email,phone,identification}, orders_requested[],
// data_request{id}}, customers/redact {store_id, customer{…}, orders_to_redact[]} and
// store/redact {store_id}. The partner portal posts them to their own URLs, so a body may come
// without `event`: its fields then say which it is.
import type { PrivacyNotice } from "../connector.ts";

const KINDS: Record<string, PrivacyNotice["kind"]> = {
  "customers/data_request": "data_request",
  "customers/redact": "customer_redact",
  "store/redact": "store_redact",
};

type Body = Record<string, unknown>;

/** The event of an LGPD body sent without one; null when the body is not one. */
export function privacyEventOf(body: Body): string | null {
  if (body.data_request !== undefined || body.orders_requested !== undefined) return "customers/data_request";
  if (body.orders_to_redact !== undefined || body.customer !== undefined) return "customers/redact";
  if (Object.keys(body).every((key) => key === "store_id" || key === "shop_domain")) return "store/redact";
  return null;
}

const text = (value: unknown): string | null =>
  typeof value === "string" && value.trim() !== ""
    ? value.trim()
    : typeof value === "number" && Number.isFinite(value)
      ? String(value)
      : null;

/** Order ids as listed: plain ids, or objects with an id. */
function orderIds(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const ids = value.map((v) => text(typeof v === "object" && v !== null ? (v as Body).id : v));
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

export function parsePrivacyNotice(event: string, body: Body): PrivacyNotice | undefined {
  const kind = KINDS[event];
  if (!kind) return undefined;
  if (kind === "store_redact") return { kind, customer: null, externalOrderIds: [], requestId: null };
  const c = (typeof body.customer === "object" && body.customer !== null ? body.customer : {}) as Body;
  const request = (
    typeof body.data_request === "object" && body.data_request !== null ? body.data_request : {}
  ) as Body;
  return {
    kind,
    customer: {
      externalId: text(c.id),
      email: text(c.email),
      phone: text(c.phone),
      document: text(c.identification),
    },
    externalOrderIds: orderIds(kind === "data_request" ? body.orders_requested : body.orders_to_redact),
    requestId: text(request.id),
  };
}
