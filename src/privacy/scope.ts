// Whom a privacy request is about, in Ponte's rows: the customer record (when one is found), the
// sales orders and store orders of that person, and every text value that identifies them (to
// find it again wherever it was copied: events, e-mails, payloads).
import type { Queryable } from "../db/db.ts";
import { formatDocument, normalizeDocument } from "../domain/document.ts";

/** The person as a request names them: a customer record (manual) or the platform's identifiers. */
export interface Subject {
  customerId: number | null;
  storeId: number | null;
  externalId?: string | null;
  email?: string | null;
  phone?: string | null;
  document?: string | null;
  externalOrderIds?: string[];
}

export interface Scope {
  customerId: number | null;
  salesOrderIds: number[];
  storeOrderIds: number[];
  /** Stores the store orders are of, with each one's external order ids (inbox rows name them). */
  storeOrders: { storeId: number; externalIds: string[] }[];
  /** Every personal value found (names, e-mails, phones, CPF/CNPJ as typed and as stored). */
  values: string[];
}

/** The customer record the platform's identifiers name: by CPF/CNPJ first, else by e-mail. */
export async function findCustomer(q: Queryable, orgId: number, subject: Subject): Promise<number | null> {
  if (subject.customerId !== null) return subject.customerId;
  const document = normalizeDocument(subject.document);
  if (document !== "") {
    const { rows } = await q.query<{ id: number }>(
      "select id from customers where org_id = $1 and document = $2",
      [orgId, document],
    );
    if (rows[0]) return rows[0].id;
  }
  if (subject.email) {
    const { rows } = await q.query<{ id: number }>(
      `select id from customers where org_id = $1 and lower(email) = lower($2) and redacted_at is null
        order by id limit 1`,
      [orgId, subject.email],
    );
    if (rows[0]) return rows[0].id;
  }
  return null;
}

/** Strings worth searching for: a CPF/CNPJ also as the panel prints it, phones also as digits. */
function variants(values: Iterable<unknown>): string[] {
  const out = new Set<string>();
  for (const v of values) {
    if (typeof v !== "string") continue;
    const value = v.trim();
    if (value.length < 4) continue; // too short to identify anyone; replacing it would mangle text
    out.add(value);
    const document = normalizeDocument(value);
    if (/^[0-9A-Z]{11,14}$/.test(document) && /[0-9]{4}/.test(document)) {
      out.add(document);
      out.add(formatDocument(document));
    }
  }
  return [...out];
}

export async function resolveScope(q: Queryable, orgId: number, subject: Subject): Promise<Scope> {
  const customerId = await findCustomer(q, orgId, subject);
  const document = normalizeDocument(subject.document) || null;
  // Store orders of this person on the request's store, as the platform named them or as their
  // buyer reads; then every sales order of the customer record, and the store orders behind them.
  const { rows } = await q.query<{ sales_order_id: number | null; store_order_id: number | null }>(
    `with named as (
       select s.id from store_orders s
        where s.org_id = $1 and s.store_id = $2
          and (s.external_id = any($3::text[])
               or ($4::text is not null and s.normalized->'customer'->>'externalId' = $4)
               or ($5::text is not null and lower(s.normalized->'customer'->>'email') = lower($5))
               or ($6::text is not null and s.normalized->'customer'->>'document' = $6))
     ), sales as (
       select o.id, o.store_order_id from sales_orders o where o.org_id = $1 and o.customer_id = $7
       union
       select o.id, o.store_order_id from sales_orders o join named n on n.id = o.store_order_id
       union
       select l.sales_order_id, l.store_order_id from order_links l join named n on n.id = l.store_order_id
        where l.sales_order_id is not null
     )
     select id as sales_order_id, store_order_id from sales
     union
     select null, id from named`,
    [
      orgId,
      subject.storeId,
      subject.externalOrderIds ?? [],
      subject.externalId ?? null,
      subject.email ?? null,
      document,
      customerId,
    ],
  );
  const salesOrderIds = [
    ...new Set(rows.flatMap((r) => (r.sales_order_id ? [Number(r.sales_order_id)] : []))),
  ];
  const storeOrderIds = [
    ...new Set(rows.flatMap((r) => (r.store_order_id ? [Number(r.store_order_id)] : []))),
  ];
  return scopeOf(q, customerId, salesOrderIds, storeOrderIds, [
    subject.email,
    subject.phone,
    subject.document,
  ]);
}

/** The scope of known rows: their stores' order ids and the personal values they hold. */
export async function scopeOf(
  q: Queryable,
  customerId: number | null,
  salesOrderIds: number[],
  storeOrderIds: number[],
  extra: unknown[] = [],
): Promise<Scope> {
  const found = await q.query<{ store_id: number; external_ids: string[] }>(
    `select store_id, array_agg(external_id order by external_id) as external_ids
       from store_orders where id = any($1::bigint[]) group by store_id`,
    [storeOrderIds],
  );
  const personal = await q.query<{ v: string | null }>(
    `select unnest(array[c.name, c.email, c.phone, c.document]) as v from customers c where c.id = $1
     union
     select unnest(array[o.customer_snapshot->>'name', o.customer_snapshot->>'email',
                         o.customer_snapshot->>'phone', o.customer_snapshot->>'document',
                         o.delivery_address->>'name', o.delivery_address->>'phone',
                         o.delivery_address->>'street'])
       from sales_orders o where o.id = any($2::bigint[])
     union
     select unnest(array[s.customer_name, s.normalized->'customer'->>'name', s.normalized->'customer'->>'email',
                         s.normalized->'customer'->>'phone', s.normalized->'customer'->>'document',
                         s.normalized->'billingAddress'->>'name', s.normalized->'billingAddress'->>'street',
                         s.normalized->'shippingAddress'->>'name', s.normalized->'shippingAddress'->>'street'])
       from store_orders s where s.id = any($3::bigint[])
     union
     select e.to_address from email_outbox e where e.sales_order_id = any($2::bigint[])`,
    [customerId, salesOrderIds, storeOrderIds],
  );
  const values = variants([...personal.rows.map((r) => r.v), ...extra]);
  return {
    customerId,
    salesOrderIds,
    storeOrderIds,
    storeOrders: found.rows.map((r) => ({ storeId: Number(r.store_id), externalIds: r.external_ids })),
    values,
  };
}
