// A customer's record (Clientes → the customer): documents and contacts, addresses, the default
// fields the store's expressions filled when the sync created it (seed 002: "quando for feita uma
// consulta no cadastro do cliente, o parâmetro estará ligado"), its latest orders and the stores
// it came from.
import type { Queryable } from "../db/db.ts";
import { PonteError } from "../errors.ts";

/** The record page shows this many orders, newest first; `ordersCount` says how many there are. */
export const RECORD_ORDERS_LIMIT = 100;

export interface CustomerOrder {
  id: number;
  number: number;
  storeOrderNumber: string | null;
  storeName: string | null;
  orderedAt: string;
  canonicalStatus: string;
  status: string;
  totalCents: number;
}

export interface CustomerRecord {
  id: number;
  name: string;
  kind: "PF" | "PJ";
  document: string | null;
  documentKind: "cpf" | "cnpj" | null;
  email: string | null;
  phone: string | null;
  addresses: Record<string, unknown>[];
  extraFields: Record<string, unknown>;
  originStore: { id: number; name: string; platform: string } | null;
  stores: { id: number; name: string; platform: string; ordersCount: number }[];
  ordersCount: number;
  orders: CustomerOrder[];
  createdAt: string;
  updatedAt: string;
  /** When the customer was anonymised (LGPD); null while the record holds their data. */
  redactedAt: string | null;
}

export const customerNotFound = (id: number) => new PonteError("not_found", `customer ${id} not found`);

/** An anonymised record (LGPD) is closed: nothing is exported, edited, linked or merged into it again. */
export const customerRedacted = (id: number) =>
  new PonteError("conflict", `customer ${id} is anonymised`, {
    details: {
      reasonCode: "customer_redacted",
      reason: "Este cliente foi anonimizado (LGPD): o cadastro não recebe mais dados pessoais nem pedidos.",
    },
  });

export async function readCustomer(q: Queryable, orgId: number, id: number): Promise<CustomerRecord> {
  const { rows } = await q.query<CustomerRecord>(
    `select c.id, c.name, c.kind, c.document, c.document_kind as "documentKind", c.email, c.phone,
            c.addresses, c.extra_fields as "extraFields",
            case when st.id is not null then json_build_object('id', st.id, 'name', st.name,
              'platform', st.platform) end as "originStore",
            coalesce((select json_agg(json_build_object('id', x.id, 'name', x.name, 'platform', x.platform,
                        'ordersCount', x.n) order by x.name, x.id)
                        from (select t.id, t.name, t.platform, count(*)::int as n
                                from sales_orders s join stores t on t.id = s.origin_store_id
                               where s.customer_id = c.id and s.deleted_at is null
                               group by t.id) x), '[]') as stores,
            (select count(*)::int from sales_orders s where s.customer_id = c.id and s.deleted_at is null)
              as "ordersCount",
            coalesce((select json_agg(json_build_object('id', o.id, 'number', o.number,
                        'storeOrderNumber', o.store_order_number, 'storeName', o.store_name,
                        'orderedAt', o.ordered_at, 'canonicalStatus', o.canonical_status,
                        'status', o.status, 'totalCents', o.total_cents) order by o.ordered_at desc, o.id desc)
                        from (select s.id, s.number, s.store_order_number, t.name as store_name,
                                     s.ordered_at, s.canonical_status, s.status, s.total_cents
                                from sales_orders s left join stores t on t.id = s.origin_store_id
                               where s.customer_id = c.id and s.deleted_at is null
                               order by s.ordered_at desc, s.id desc limit $3) o), '[]') as orders,
            c.created_at as "createdAt", c.updated_at as "updatedAt", c.redacted_at as "redactedAt"
       from customers c
       left join stores st on st.id = c.origin_store_id
      where c.id = $1 and c.org_id = $2`,
    [id, orgId, RECORD_ORDERS_LIMIT],
  );
  const row = rows[0];
  if (!row) throw customerNotFound(id);
  return {
    ...row,
    // json_build_object gives the timestamp as PostgreSQL prints it: the API sends ISO.
    orders: row.orders.map((o) => ({ ...o, orderedAt: new Date(o.orderedAt).toISOString() })),
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    redactedAt: row.redactedAt === null ? null : new Date(row.redactedAt).toISOString(),
  };
}
