// Nuvemshop's mandatory LGPD notices (shared platform notes §1.7), built from the simulator's own
// orders: customers/data_request {store_id, event, customer{id,email,phone,identification},
// orders_requested, checkouts_requested, drafts_orders_requested, data_request{id}},
// customers/redact {…customer, orders_to_redact} and store/redact {store_id, event}.
import type { Json, Order } from "./types.ts";

export type PrivacyEvent = "customers/data_request" | "customers/redact" | "store/redact";

/** The notice's fields beside store_id and event; the customer is the one with this e-mail. */
export function privacyFields(
  event: PrivacyEvent,
  orders: readonly Order[],
  email: string | undefined,
  requestId: number,
): Json {
  if (event === "store/redact") return {};
  const wanted = (email ?? "").toLowerCase();
  const theirs = orders.filter((o) => {
    const c = (o.customer ?? {}) as Json;
    return String(c.email ?? o.contact_email ?? "").toLowerCase() === wanted;
  });
  const first = theirs[0];
  const c = ((first?.customer ?? {}) as Json) ?? {};
  const customer = {
    id: c.id ?? null,
    email: email ?? null,
    phone: c.phone ?? first?.contact_phone ?? null,
    identification: c.identification ?? first?.contact_identification ?? null,
  };
  const ids = theirs.map((o) => o.id);
  if (event === "customers/redact") return { customer, orders_to_redact: ids };
  return {
    customer,
    orders_requested: ids,
    checkouts_requested: [],
    drafts_orders_requested: [],
    data_request: { id: requestId },
  };
}
