// The Clientes list: one search box read as a CPF/CNPJ (whole, masked or not, alphanumeric too;
// or the start of one), an e-mail (anything with an @) or part of the name (ignoring case and
// accents, as on Pedidos), sorted by name and keyset-paginated on (folded name, id) — migration 0018.
import type { Queryable } from "../db/db.ts";
import { decodeCursor, encodeCursor } from "../db/keyset-cursor.ts";
import { checkDocument, normalizeDocument } from "../domain/document.ts";
import { invalidField, nameCondition } from "./order-search.ts";

export const CUSTOMERS_LIMIT_DEFAULT = 50;
export const CUSTOMERS_LIMIT_MAX = 200;

export interface CustomerListQuery {
  q?: string;
  limit?: number;
  after?: string;
}

export type CustomerSearch =
  | { kind: "document"; value: string }
  | { kind: "documentPrefix"; value: string }
  | { kind: "email"; value: string }
  | { kind: "name"; value: string };

export interface CustomerListItem {
  id: number;
  name: string;
  kind: "PF" | "PJ";
  document: string | null;
  documentKind: "cpf" | "cnpj" | null;
  email: string | null;
  phone: string | null;
  ordersCount: number;
  lastOrderAt: string | null;
}

const WHOLE_DOCUMENT = /^(?:[0-9]{11}|[0-9A-Z]{12}[0-9]{2})$/;

/** What the search box holds, or null when it is empty. */
export function parseCustomerSearch(raw: string | undefined): CustomerSearch | null {
  const text = (raw ?? "").trim();
  if (text === "") return null;
  if (text.includes("@")) return { kind: "email", value: text.toLowerCase() };
  const compact = normalizeDocument(text);
  // Digits (with the mask's dots and dashes, or not): a document, or the start of one.
  if (/^[0-9]+$/.test(compact)) {
    if (WHOLE_DOCUMENT.test(compact)) return { kind: "document", value: compact };
    if (compact.length >= 3) return { kind: "documentPrefix", value: compact };
  }
  // Letters make a word look like an alphanumeric CNPJ only by chance: it must check.
  if (WHOLE_DOCUMENT.test(compact) && checkDocument(compact).ok) return { kind: "document", value: compact };
  if ([...text].length < 2) throw invalidField("q", "type at least 2 characters");
  return { kind: "name", value: text.normalize("NFC") };
}

// The cursor's key is marked as this list's, so another list's cursor (a date, a number) is refused;
// PostgreSQL text holds no NUL.
const NAME_KEY = "name:";
const isNameKey = (key: string) => key.startsWith(NAME_KEY) && !key.includes("\u0000");

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listCustomers(
  q: Queryable,
  orgId: number,
  query: CustomerListQuery,
): Promise<{ items: CustomerListItem[]; next: string | null }> {
  const limit = Math.min(query.limit ?? CUSTOMERS_LIMIT_DEFAULT, CUSTOMERS_LIMIT_MAX);
  const params: unknown[] = [orgId, limit + 1];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = ["c.org_id = $1"];
  const search = parseCustomerSearch(query.q);
  if (search?.kind === "document") where.push(`c.document = ${p(search.value)}`);
  if (search?.kind === "documentPrefix") where.push(`c.document like ${p(`${search.value}%`)}`);
  if (search?.kind === "email") where.push(`lower(c.email) like ${p(`%${escapeLike(search.value)}%`)}`);
  if (search?.kind === "name") where.push(nameCondition("c.name_search", search.value, p));
  if (query.after) {
    const [key, id] = decodeCursor(query.after, isNameKey);
    where.push(`(c.name_search, c.id) > (${p(key.slice(NAME_KEY.length))}, ${p(id)}::bigint)`);
  }
  const { rows } = await q.query<CustomerListItem & { name_search: string }>(
    `select c.id, c.name, c.kind, c.document, c.document_kind as "documentKind", c.email, c.phone,
            c.name_search, o.n as "ordersCount", o.last as "lastOrderAt"
       from customers c
       cross join lateral (select count(*)::int as n, max(s.ordered_at) as last from sales_orders s
                            where s.customer_id = c.id and s.deleted_at is null) o
      where ${where.join(" and ")}
      order by c.name_search, c.id
      limit $2`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(({ name_search: _, lastOrderAt, ...item }) => ({
      ...item,
      lastOrderAt: lastOrderAt ? new Date(lastOrderAt).toISOString() : null,
    })),
    next:
      rows.length > limit && last ? encodeCursor(`${NAME_KEY}${last.name_search}`, Number(last.id)) : null,
  };
}
