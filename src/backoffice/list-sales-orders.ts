// The Pedidos list (docs/REQUIREMENTS.md#seed-003, R6.1): sales orders found by number, customer or document (one
// search box), filtered by period, status, store and value, sorted by the order's date, status or
// value, keyset-paginated so a deep page costs what the first one does. Each sort has its own
// index (migrations 0004 and 0010): (org, sort key…, id). The date is the order date: when the
// customer ordered on the platform (`ordered_at`), not when Ponte created the sales order.
import type { Queryable } from "../db/db.ts";
import { isTimestamp } from "../db/keyset-cursor.ts";
import { BUSINESS_TIME_ZONE as TIME_ZONE } from "../domain/business-date.ts";
import { CANONICAL_STATUSES, type CanonicalStatus, isCanonicalStatus } from "../domain/order-status.ts";
import { PonteError } from "../errors.ts";
import {
  invalidField as invalid,
  type OrderSearch,
  parseCustomerFilter,
  parseOrderSearch,
  searchCondition,
} from "./order-search.ts";

export type ListSort = "ordered_at" | "status" | "total";
/** `created_at` is the name scripts used for the date sort before the order date: the same sort. */
export type ListSortParam = ListSort | "created_at";
export type ListOrder = "asc" | "desc";

/** The query string as received: every value a string (or several, when repeated). */
export interface ListQuery {
  from?: string;
  to?: string;
  status?: string | string[];
  storeId?: string | string[];
  q?: string;
  customer?: string;
  minTotal?: number;
  maxTotal?: number;
  sort?: ListSortParam;
  order?: ListOrder;
  limit?: number;
  after?: string;
}

/** A period bound: a plain date (a whole day in São Paulo time) or an instant. */
type Bound = { kind: "date"; value: string } | { kind: "instant"; value: string; local: boolean };

export interface ListFilter {
  from: Bound | null;
  to: Bound | null;
  statuses: CanonicalStatus[];
  storeIds: number[];
  search: OrderSearch | null;
  customer: OrderSearch | null;
  minTotal: number | null;
  maxTotal: number | null;
  sort: ListSort;
  order: ListOrder;
  limit: number;
  after: Cursor | null;
}

export interface OrderListItem {
  id: number;
  number: number;
  storeOrderNumber: string | null;
  originStoreId: number | null;
  originStoreName: string | null;
  platform: string | null;
  origin: "store" | "manual";
  canonicalStatus: string;
  status: string;
  customerName: string | null;
  /** Digits and upper-case letters, unmasked. */
  customerDocument: string | null;
  totalCents: number;
  /** The order date: when the customer ordered on the platform (made in the back office: createdAt). */
  orderedAt: string;
  /** When Ponte created the sales order (for a store's order: when it was imported). */
  createdAt: string;
}

export interface OrderListPage {
  items: OrderListItem[];
  /** Pass back as `after` for the next page; null on the last one. */
  next: string | null;
}

export const LIST_LIMIT_DEFAULT = 50;
export const LIST_LIMIT_MAX = 200;

// ---------------------------------------------------------------- cursor

/** Where the previous page ended: its sort, direction and last row's key. */
export type Cursor =
  | { sort: "ordered_at"; order: ListOrder; orderedAt: string; id: number }
  | { sort: "status"; order: ListOrder; rank: number; orderedAt: string; id: number }
  | { sort: "total"; order: ListOrder; totalCents: number; id: number };

export function encodeCursor(cursor: Cursor): string {
  const key =
    cursor.sort === "ordered_at"
      ? [cursor.orderedAt]
      : cursor.sort === "status"
        ? [cursor.rank, cursor.orderedAt]
        : [cursor.totalCents];
  return Buffer.from(JSON.stringify([cursor.sort, cursor.order, ...key, cursor.id])).toString("base64url");
}

const invalidCursor = (message: string) =>
  new PonteError("invalid_cursor", `after: ${message}`, {
    details: { fields: [{ path: "/after", message }] },
  });

const isInstant = (v: unknown): v is string => typeof v === "string" && isTimestamp(v);
/** The status_rank column is a smallint. */
const isRank = (v: unknown): v is number =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) < 32_768;
const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;

/** Reads a cursor, which must have been made for this sort and direction. */
export function decodeCursor(text: string, sort: ListSort, order: ListOrder): Cursor {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor("not a cursor from this list");
  }
  if (!Array.isArray(parts)) throw invalidCursor("not a cursor from this list");
  const [s, o, ...key] = parts as unknown[];
  if (s !== sort || o !== order) {
    throw invalidCursor(`made for sort=${String(s)}&order=${String(o)}, not sort=${sort}&order=${order}`);
  }
  const id = key.at(-1);
  if (sort === "ordered_at" && key.length === 2 && isInstant(key[0]) && isId(id)) {
    return { sort, order, orderedAt: key[0], id };
  }
  const rank = key[0];
  if (sort === "status" && key.length === 3 && isRank(rank) && isInstant(key[1]) && isId(id)) {
    return { sort, order, rank, orderedAt: key[1], id };
  }
  if (sort === "total" && key.length === 2 && Number.isSafeInteger(key[0]) && isId(id)) {
    return { sort, order, totalCents: key[0] as number, id };
  }
  throw invalidCursor("not a cursor from this list");
}

// ---------------------------------------------------------------- parsing

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?$/i;

function parseBound(field: "from" | "to", raw: string | undefined): Bound | null {
  if (raw === undefined || raw === "") return null;
  const date = DATE.exec(raw);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const check = new Date(Date.UTC(y, m - 1, d));
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
      throw invalid(field, `"${raw}" is not a calendar date`);
    }
    return { kind: "date", value: raw };
  }
  if (DATE_TIME.test(raw) && !Number.isNaN(Date.parse(raw.length <= 16 ? `${raw}:00` : raw))) {
    return { kind: "instant", value: raw, local: !/(Z|[+-]\d{2}:\d{2})$/i.test(raw) };
  }
  throw invalid(field, `"${raw}" is not an ISO date (2026-11-27) or date-time (2026-11-27T14:30:00-03:00)`);
}

/** Repeated (`status=a&status=b`) and comma-separated (`status=a,b`) values, trimmed, de-duplicated. */
function listValues(raw: string | string[] | undefined): string[] {
  const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
  return [...new Set(values)];
}

export function parseListQuery(q: ListQuery): ListFilter {
  const statuses = listValues(q.status);
  for (const s of statuses) {
    if (!isCanonicalStatus(s)) {
      throw invalid("status", `unknown status "${s}" (one of ${CANONICAL_STATUSES.join(", ")})`);
    }
  }
  const storeIds = listValues(q.storeId).map((s) => {
    const n = Number(s);
    if (!/^\d+$/.test(s) || !Number.isSafeInteger(n) || n < 1) {
      throw invalid("storeId", `"${s}" is not a store id`);
    }
    return n;
  });
  const minTotal = q.minTotal ?? null;
  const maxTotal = q.maxTotal ?? null;
  for (const [field, v] of [
    ["minTotal", minTotal],
    ["maxTotal", maxTotal],
  ] as const) {
    if (v !== null && (!Number.isSafeInteger(v) || v < 0)) throw invalid(field, "whole cents, 0 or more");
  }
  if (minTotal !== null && maxTotal !== null && minTotal > maxTotal) {
    throw invalid("maxTotal", "must be at least minTotal");
  }
  const limit = q.limit ?? LIST_LIMIT_DEFAULT;
  if (!Number.isInteger(limit) || limit < 1 || limit > LIST_LIMIT_MAX) {
    throw invalid("limit", `between 1 and ${LIST_LIMIT_MAX}`);
  }
  const sort: ListSort = q.sort === undefined || q.sort === "created_at" ? "ordered_at" : q.sort;
  const order = q.order ?? "desc";
  return {
    from: parseBound("from", q.from),
    to: parseBound("to", q.to),
    statuses: statuses as CanonicalStatus[],
    storeIds,
    search: parseOrderSearch(q.q),
    customer: parseCustomerFilter(q.customer),
    minTotal,
    maxTotal,
    sort,
    order,
    limit,
    after: q.after ? decodeCursor(q.after, sort, order) : null,
  };
}

// ---------------------------------------------------------------- query

/** The happy path, then cancelado and problemas: the same ranks as the status_rank column. */
const STATUS_RANK: Record<CanonicalStatus, number> = {
  aguardando_pagamento: 1,
  pagamento_confirmado: 2,
  em_preparacao: 3,
  despachado: 4,
  embarcado: 5,
  entregue: 6,
  cancelado: 7,
  problemas: 8,
};

const SORT_KEYS: Record<ListSort, string[]> = {
  ordered_at: ["ordered_at", "id"],
  status: ["status_rank", "ordered_at", "id"],
  total: ["total_cents", "id"],
};

function cursorValues(c: Cursor): unknown[] {
  if (c.sort === "ordered_at") return [c.orderedAt, c.id];
  if (c.sort === "status") return [c.rank, c.orderedAt, c.id];
  return [c.totalCents, c.id];
}

const CASTS: Record<string, string> = {
  ordered_at: "timestamptz",
  status_rank: "smallint",
  total_cents: "bigint",
  id: "bigint",
};

/** Ponte's number (unique per org), the store's (0010), the document (0004), the folded name (0004). */
const SEARCH_COLUMNS = {
  salesOrderNumber: (n: string) => `s.number = ${n}`,
  storeOrderNumber: "s.store_order_number",
  document: "s.customer_document",
  foldedName: "s.customer_search",
};

interface Row {
  id: number;
  number: number;
  store_order_number: string | null;
  origin_store_id: number | null;
  store_name: string | null;
  platform: string | null;
  canonical_status: string;
  status: string;
  customer_name: string | null;
  customer_document: string | null;
  total_cents: number;
  ordered_at: Date;
  created_at: Date;
  ordered_key: string;
  status_rank: number;
}

/**
 * The list's filter as SQL conditions on `s` (sales_orders), its values added through `p`; also
 * what the CSV export of the current filter reads (exports.ts). `$1` is the org.
 */
export function salesOrderConditions(f: ListFilter, p: (value: unknown) => string): string[] {
  const where = ["s.org_id = $1", "s.deleted_at is null"];

  const bound = (b: Bound, side: "from" | "to") => {
    if (b.kind === "date") {
      // A plain date is the whole day where the merchant is: `to` includes all of it.
      const day = side === "from" ? `${p(b.value)}::date` : `(${p(b.value)}::date + 1)`;
      return `${day}::timestamp at time zone '${TIME_ZONE}'`;
    }
    return b.local ? `${p(b.value)}::timestamp at time zone '${TIME_ZONE}'` : `${p(b.value)}::timestamptz`;
  };
  if (f.from) where.push(`s.ordered_at >= ${bound(f.from, "from")}`);
  if (f.to) where.push(`s.ordered_at ${f.to.kind === "date" ? "<" : "<="} ${bound(f.to, "to")}`);
  if (f.statuses.length === 1) where.push(`s.status_rank = ${p(STATUS_RANK[f.statuses[0]!])}`);
  else if (f.statuses.length > 1) {
    where.push(`s.status_rank = any(${p(f.statuses.map((s) => STATUS_RANK[s]))}::smallint[])`);
  }
  if (f.storeIds.length === 1) where.push(`s.origin_store_id = ${p(f.storeIds[0])}`);
  else if (f.storeIds.length > 1) where.push(`s.origin_store_id = any(${p(f.storeIds)}::bigint[])`);
  for (const search of [f.search, f.customer]) {
    if (search) where.push(searchCondition(search, SEARCH_COLUMNS, p));
  }
  if (f.minTotal !== null) where.push(`s.total_cents >= ${p(f.minTotal)}`);
  if (f.maxTotal !== null) where.push(`s.total_cents <= ${p(f.maxTotal)}`);
  return where;
}

/** The sort's key columns, in order (the last one is always `id`). */
export const sortKeysOf = (sort: ListSort): readonly string[] => SORT_KEYS[sort];

/** One page of the org's live sales orders; deleted ones are never listed. */
export async function listSalesOrders(q: Queryable, orgId: number, f: ListFilter): Promise<OrderListPage> {
  const params: unknown[] = [orgId];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = salesOrderConditions(f, p);

  const keys = SORT_KEYS[f.sort];
  const dir = f.order === "desc" ? "desc" : "asc";
  if (f.after) {
    const values = cursorValues(f.after).map((v, i) => `${p(v)}::${CASTS[keys[i]!]}`);
    where.push(
      `(${keys.map((k) => `s.${k}`).join(", ")}) ${dir === "desc" ? "<" : ">"} (${values.join(", ")})`,
    );
  }
  const orderBy = (alias: string) => keys.map((k) => `${alias}.${k} ${dir}`).join(", ");

  // Two steps: the page's ids from the sort's index alone (an index-only scan: the index carries
  // every filterable column but the numbers and the document, migrations 0004 and 0010), then those
  // rows and their store. A search by number or document finds its few rows by their own indexes.
  const { rows } = await q.query<Row>(
    `select s.id, s.number, s.store_order_number, s.origin_store_id, s.canonical_status, s.status,
            s.customer_name, s.customer_document, s.total_cents, s.ordered_at, s.created_at, s.status_rank,
            to_json(s.ordered_at) #>> '{}' as ordered_key, st.name as store_name, st.platform
       from (select s.id, ${keys
         .filter((k) => k !== "id")
         .map((k) => `s.${k}`)
         .join(", ")}
               from sales_orders s
              where ${where.join(" and ")}
              order by ${orderBy("s")}
              limit ${p(f.limit + 1)}) page
       join sales_orders s on s.id = page.id
       left join stores st on st.id = s.origin_store_id
      order by ${orderBy("page")}`,
    params,
  );
  const more = rows.length > f.limit;
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return { items: page.map(toItem), next: more && last ? encodeCursor(cursorOf(last, f)) : null };
}

function cursorOf(r: Row, f: ListFilter): Cursor {
  if (f.sort === "ordered_at") return { sort: f.sort, order: f.order, orderedAt: r.ordered_key, id: r.id };
  if (f.sort === "status") {
    return { sort: f.sort, order: f.order, rank: r.status_rank, orderedAt: r.ordered_key, id: r.id };
  }
  return { sort: f.sort, order: f.order, totalCents: r.total_cents, id: r.id };
}

function toItem(r: Row): OrderListItem {
  return {
    id: r.id,
    number: r.number,
    storeOrderNumber: r.store_order_number,
    originStoreId: r.origin_store_id,
    originStoreName: r.store_name,
    platform: r.platform,
    origin: r.origin_store_id === null ? "manual" : "store",
    canonicalStatus: r.canonical_status,
    status: r.status,
    customerName: r.customer_name,
    customerDocument: r.customer_document,
    totalCents: r.total_cents,
    orderedAt: r.ordered_at.toISOString(),
    createdAt: r.created_at.toISOString(),
  };
}
