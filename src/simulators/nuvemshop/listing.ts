// GET /orders: the §1.3 filters, sorting, and page/per_page paging with X-Total-Count and Link.
import { cents, parseTime } from "./format.ts";
import { FieldErrors, failure, invalidField, type Reply } from "./http.ts";
import { ms } from "./order-index.ts";
import { type OrderStore, parseFields, presentOrder } from "./orders.ts";
import type { Json, Order } from "./types.ts";

export interface PagingOptions {
  pastLastPage: "empty" | "404";
  pageCap: boolean;
}

const STATUSES = ["any", "open", "closed", "cancelled"];
const PAYMENT = ["any", "pending", "authorized", "paid", "abandoned", "refunded", "voided"];
/** Filter value → the stored values it matches (both vocabularies, §1.5). */
const SHIPPING: Record<string, string[]> = {
  unpacked: ["unpacked"],
  unfulfilled: ["unfulfilled", "unshipped", "packed"],
  fulfilled: ["fulfilled", "shipped", "delivered"],
  unshipped: ["unshipped", "unfulfilled"],
  shipped: ["shipped", "fulfilled"],
};
const CHANNELS = ["form", "store", "api", "meli", "pos", "mobile"];

function fold(text: unknown): string {
  return String(text ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

function matchesQuery(order: Order, q: string): boolean {
  if (/^#?\d+$/.test(q.trim()) && String(order.number) === q.trim().replace("#", "")) return true;
  const needle = fold(q.trim());
  const customer = (order.customer ?? {}) as Json;
  return [order.contact_name, order.contact_email, order.billing_name, customer.name, customer.email].some(
    (v) => fold(v).includes(needle),
  );
}

/** A list to page: its length and a way to take part of it. */
interface Pageable<T> {
  total: number;
  slice(from: number, to: number): T[];
}

export function listOrders(
  store: Pick<OrderStore, "sorted">,
  query: URLSearchParams,
  readCustomers: boolean,
  paging: PagingOptions,
  selfUrl: URL,
): Reply {
  const errors = new FieldErrors();
  const get = (name: string) => {
    const value = query.get(name);
    return value === null || value === "" ? undefined : value;
  };
  const time = (name: string) => {
    const raw = get(name);
    if (raw === undefined) return undefined;
    const t = parseTime(raw);
    if (t === undefined) errors.add(name, "is not a valid ISO 8601 date");
    return t;
  };
  const money = (name: string) => {
    const raw = get(name);
    if (raw === undefined) return undefined;
    const c = cents(raw);
    if (Number.isNaN(c)) errors.add(name, "is not a valid number");
    return c;
  };
  const status = get("status") ?? "any";
  if (!STATUSES.includes(status)) errors.add("status", `must be one of ${STATUSES.join(", ")}`);
  const payment = get("payment_status") ?? "any";
  if (!PAYMENT.includes(payment)) errors.add("payment_status", `must be one of ${PAYMENT.join(", ")}`);
  const shipping = get("shipping_status") ?? "any";
  if (shipping !== "any" && !SHIPPING[shipping]) errors.add("shipping_status", "is invalid");
  const channels = get("channels")?.split(",");
  if (channels?.some((c) => !CHANNELS.includes(c))) errors.add("channels", "is invalid");
  const sinceRaw = get("since_id");
  const sinceId = sinceRaw === undefined ? undefined : Number(sinceRaw);
  if (sinceId !== undefined && !Number.isSafeInteger(sinceId)) errors.add("since_id", "must be an integer");
  const customerIds = get("customer_ids")
    ?.split(",")
    .map((v) => Number(v.trim()));
  if (customerIds?.some((id) => !Number.isSafeInteger(id))) errors.add("customer_ids", "must be integers");
  const createdMin = time("created_at_min");
  const createdMax = time("created_at_max");
  const updatedMin = time("updated_at_min");
  const updatedMax = time("updated_at_max");
  const totalMin = money("total_min");
  const totalMax = money("total_max");
  const q = get("q");
  errors.check();

  // Created order by default. With updated_at_min, by updated_at then id, so an importer can walk
  // the pages (or restart from the last updated_at it saw) without skipping a changed order.
  // The store keeps the orders sorted both ways: the sort key's own bounds are a range of that
  // index (binary search), and only the other filters look at each order in the range.
  const key = updatedMin !== undefined ? "updated_at" : "created_at";
  const index = store.sorted(key);
  const [min, max] = key === "updated_at" ? [updatedMin, updatedMax] : [createdMin, createdMax];
  const from = min === undefined ? 0 : index.lowerBound(min);
  const to = Math.max(from, max === undefined ? index.size : index.upperBound(max));

  const tests: ((o: Order) => boolean)[] = [];
  if (sinceId !== undefined) tests.push((o) => !(o.id <= sinceId));
  if (status !== "any") tests.push((o) => o.status === status);
  if (payment !== "any") tests.push((o) => o.payment_status === payment);
  if (shipping !== "any") tests.push((o) => SHIPPING[shipping]!.includes(o.shipping_status));
  if (channels) tests.push((o) => channels.includes(String(o.storefront)));
  if (customerIds) tests.push((o) => customerIds.includes(Number((o.customer as Json | undefined)?.id)));
  if (key !== "created_at") {
    if (createdMin !== undefined) tests.push((o) => !(ms(o.created_at) < createdMin));
    if (createdMax !== undefined) tests.push((o) => !(ms(o.created_at) > createdMax));
  }
  if (key !== "updated_at" && updatedMax !== undefined) tests.push((o) => !(ms(o.updated_at) > updatedMax));
  if (totalMin !== undefined) tests.push((o) => !(cents(o.total) < totalMin));
  if (totalMax !== undefined) tests.push((o) => !(cents(o.total) > totalMax));
  if (q !== undefined) tests.push((o) => matchesQuery(o, q));

  let matched: Pageable<Order>;
  if (tests.length === 0) {
    matched = { total: to - from, slice: (a, b) => index.slice(from + a, Math.min(from + b, to)) };
  } else {
    const found = index.slice(from, to).filter((o) => tests.every((test) => test(o)));
    matched = { total: found.length, slice: (a, b) => found.slice(a, b) };
  }

  const fields = parseFields(query.get("fields"));
  return pageOf(matched, query, paging, selfUrl, (o) => presentOrder(o, readCustomers, fields));
}

/** Pages any list: page from 1, per_page 30 by default and 200 at most. */
export function paginate<T>(
  items: T[],
  query: URLSearchParams,
  paging: PagingOptions,
  selfUrl: URL,
  present: (item: T) => unknown,
): Reply {
  return pageOf({ total: items.length, slice: (a, b) => items.slice(a, b) }, query, paging, selfUrl, present);
}

function pageOf<T>(
  items: Pageable<T>,
  query: URLSearchParams,
  paging: PagingOptions,
  selfUrl: URL,
  present: (item: T) => unknown,
): Reply {
  const pageRaw = query.get("page") ?? "1";
  const perPageRaw = query.get("per_page") ?? "30";
  const errors = new FieldErrors();
  const page = /^\d+$/.test(pageRaw) ? Number(pageRaw) : Number.NaN;
  const perPage = /^\d+$/.test(perPageRaw) ? Number(perPageRaw) : Number.NaN;
  if (!(page >= 1)) errors.add("page", "must be an integer greater than 0");
  if (!(perPage >= 1)) errors.add("per_page", "must be an integer greater than 0");
  else if (perPage > 200) errors.add("per_page", "must be less than or equal to 200");
  errors.check();
  if (paging.pageCap && page * perPage > 10_000) {
    throw invalidField("page", "page * per_page cannot exceed 10000: filter by date or since_id instead");
  }
  const total = items.total;
  const lastPage = Math.ceil(total / perPage);
  if (page > lastPage && paging.pastLastPage === "404") {
    throw failure(404, `Last page is ${lastPage}`);
  }
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const headers: Record<string, string> = { "x-total-count": String(total) };
  const link = linkHeader(selfUrl, page, perPage, lastPage);
  if (link) headers.link = link;
  return { status: 200, body: slice.map(present), headers };
}

function linkHeader(selfUrl: URL, page: number, perPage: number, lastPage: number): string {
  const at = (n: number) => {
    const url = new URL(selfUrl);
    url.searchParams.set("page", String(n));
    url.searchParams.set("per_page", String(perPage));
    return url.toString();
  };
  const parts: string[] = [];
  if (page < lastPage) parts.push(`<${at(page + 1)}>; rel="next"`);
  if (lastPage >= 1) parts.push(`<${at(lastPage)}>; rel="last"`);
  parts.push(`<${at(1)}>; rel="first"`);
  if (page > 1) parts.push(`<${at(Math.min(page - 1, Math.max(lastPage, 1)))}>; rel="prev"`);
  return parts.join(", ");
}
