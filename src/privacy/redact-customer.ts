// A customer anonymised (LGPD art. 18, IV/VI), in the caller's transaction: the record keeps
// its row (orders keep their customer) without name, contacts, document or addresses; the
// orders keep what fiscal law needs (numbers, invoices, amounts, dates, items) and lose the
// buyer's identity; payloads, inbox bodies, e-mails and free text lose the person's values.
// What stays, and why, is in docs/PRIVACY.md.
import type { Queryable } from "../db/db.ts";
import { normalizeDocument } from "../domain/document.ts";
import type { Scope } from "./scope.ts";
import { containing, REDACTED, scrubColumn } from "./scrub.ts";

export const ANONYMOUS_NAME = "Cliente anonimizado";

const EMPTY_ADDRESS = {
  name: null,
  street: null,
  number: null,
  complement: null,
  neighborhood: null,
  city: null,
  state: null,
  zipcode: null,
  country: null,
  phone: null,
};

/** The canonical order's personal parts, replaced (the rest of the order stays readable). */
const NORMALIZED_PATCH = {
  customer: {
    externalId: null,
    name: ANONYMOUS_NAME,
    email: null,
    phone: null,
    document: null,
    documentKind: null,
    documentProblem: "missing",
  },
  billingAddress: EMPTY_ADDRESS,
  shippingAddress: null,
  notes: { buyer: null, merchant: null },
};

/** An inbox body or store payload that held the person: replaced whole. */
const REDACTED_BODY = JSON.stringify({ redacted: true });

export type RedactSummary = Record<string, number>;

/** Customer records without their personal data (the rows stay: orders point at them). */
export async function anonymiseCustomers(q: Queryable, orgId: number, ids: number[]): Promise<number> {
  const { rowCount } = await q.query(
    `update customers set name = $3, email = null, phone = null, document = null, document_kind = null,
            addresses = '[]', extra_fields = '{}', redacted_at = now(), updated_at = now()
      where id = any($1::bigint[]) and org_id = $2`,
    [ids, orgId, ANONYMOUS_NAME],
  );
  return rowCount;
}

/**
 * `wide`: also look for the person's values in every webhook delivery and earlier request of the
 * organization (a customer's request); a store's removal deletes its deliveries instead.
 */
export async function redactCustomer(
  q: Queryable,
  orgId: number,
  scope: Scope,
  options: { wide: boolean } = { wide: true },
): Promise<RedactSummary> {
  const summary: RedactSummary = {};
  const count = async (key: string, work: Promise<{ rowCount: number } | number>) => {
    const done = await work;
    summary[key] = (summary[key] ?? 0) + (typeof done === "number" ? done : done.rowCount);
  };
  const S = scope.salesOrderIds;
  const SO = scope.storeOrderIds;
  const values = scope.values;

  if (scope.customerId !== null) await count("customers", anonymiseCustomers(q, orgId, [scope.customerId]));
  await count(
    "salesOrders",
    q.query(
      `update sales_orders set customer_snapshot = jsonb_build_object('name', $2::text, 'redacted', true),
              delivery_address = null, notes = null, redacted_at = now(), updated_at = now()
        where id = any($1::bigint[])`,
      [S, ANONYMOUS_NAME],
    ),
  );
  await count(
    "storeOrders",
    q.query(
      `update store_orders set raw = $2::jsonb, customer_name = $3,
              normalized = case when normalized is null then null else normalized || $4::jsonb end,
              redacted_at = now(), updated_at = now()
        where id = any($1::bigint[])`,
      [SO, REDACTED_BODY, ANONYMOUS_NAME, JSON.stringify(NORMALIZED_PATCH)],
    ),
  );
  // Webhook deliveries: those about these orders (a fat body carries the whole order), and any
  // other that names the person (a privacy notice carries the e-mail and CPF).
  for (const { storeId, externalIds } of scope.storeOrders) {
    await count(
      "inbox",
      q.query("update inbox set body = $3 where store_id = $1 and external_id = any($2::text[])", [
        storeId,
        externalIds,
        REDACTED_BODY,
      ]),
    );
  }
  // Across all deliveries only what identifies one person (an e-mail, a CPF/CNPJ): a name or a
  // street could be someone else's too.
  const identifying = values.filter((v) => v.includes("@") || /^[0-9A-Z]{11,14}$/.test(normalizeDocument(v)));
  if (options.wide && identifying.length > 0) {
    await count(
      "inbox",
      q.query("update inbox set body = $3 where org_id = $1 and body ilike any($2::text[])", [
        orgId,
        identifying.map(containing),
        REDACTED_BODY,
      ]),
    );
  }
  // E-mails to them: the message is theirs; one not sent yet is not sent any more.
  await count(
    "emails",
    q.query(
      `update email_outbox set to_address = $2, subject = $2, html = '', text = '', smtp_response = null,
              status = case when status in ('pending', 'sending') then 'failed' else status end,
              last_error = case when status in ('pending', 'sending') then 'cliente anonimizado (LGPD)'
                                else last_error end
        where sales_order_id = any($1::bigint[])`,
      [S, REDACTED],
    ),
  );
  const bySales = "sales_order_id = any($2::bigint[])";
  const byOrders = "sales_order_id = any($2::bigint[]) or store_order_id = any($3::bigint[])";
  await count("events", scrubColumn(q, "order_events", "message", false, byOrders, [S, SO], values));
  await count("events", scrubColumn(q, "order_events", "data", true, byOrders, [S, SO], values));
  const links = "store_order_id = any($2::bigint[]) or sales_order_id = any($3::bigint[])";
  await count("syncErrors", scrubColumn(q, "order_links", "sync_reason", false, links, [SO, S], values));
  await count("syncErrors", scrubColumn(q, "order_links", "last_error", true, links, [SO, S], values));
  await count("pushes", scrubColumn(q, "outbox", "payload", true, bySales, [S], values));
  await count("pushes", scrubColumn(q, "outbox", "last_error", false, bySales, [S], values));
  await count("notes", scrubColumn(q, "invoices", "cancel_reason", false, bySales, [S], values));
  await count("notes", scrubColumn(q, "stock_movements", "note", false, bySales, [S], values));
  const receipts = "receivable_id in (select id from receivables where sales_order_id = any($2::bigint[]))";
  await count("notes", scrubColumn(q, "receivable_receipts", "note", false, receipts, [S], values));
  await count("notes", scrubColumn(q, "receivable_receipts", "undo_reason", false, receipts, [S], values));
  // The audit trail keeps who changed what, not the person's values: the changes to their record
  // and to their orders, and (a customer's request) any other change that names them.
  const audited = `entity_type = 'customer' and entity_id = $2::text
                   or entity_type = 'order' and entity_id = any($3::text[])`;
  const auditParams = [String(scope.customerId ?? ""), S.map(String)];
  for (const column of ["entity_label", "before", "after"] as const) {
    const json = column !== "entity_label";
    await count("audit", scrubColumn(q, "audit_log", column, json, audited, auditParams, values));
    if (options.wide && identifying.length > 0)
      await count("audit", scrubColumn(q, "audit_log", column, json, "org_id = $2", [orgId], identifying));
  }
  // Earlier requests about the person: their exports and what they were asked with go too.
  if (!options.wide) return summary;
  await count(
    "privacyRequests",
    q.query(
      `update privacy_requests set data = null, subject = null
        where org_id = $1 and (customer_id = $2 or subject::text ilike any($3::text[])
                               or data::text ilike any($3::text[]))`,
      [orgId, scope.customerId, identifying.map(containing)],
    ),
  );
  return summary;
}
