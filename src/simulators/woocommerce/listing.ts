// GET /orders (_orders.md "List all orders", parameters table): page, per_page (default 10; WP core
// validates 1..100 and answers 400 rest_invalid_param above), offset, after/before (post_date),
// modified_after/modified_before (post_modified), dates_are_gmt (the *_gmt columns instead),
// status (any or a list; any leaves out the trash), order (desc by default), orderby (date by
// default — "date ID" in the orders controller, so equal dates fall back to the id — id, include,
// title, slug; modified [U]: accepted by newer cores), search, include, exclude, parent, customer,
// product. Headers X-WP-Total and X-WP-TotalPages (_introduction.md "Pagination"), and Link.
// Past the last page the answer is [] with the same headers. Date filters are strict (WP_Date_Query
// "after"/"before" without inclusive) and read as format.ts filterWall explains.
import { columnWall, DATE_TIME, filterWall } from "./format.ts";
import { type Reply, wcError } from "./http.ts";
import type { OrderRecord } from "./record.ts";
import type { Json } from "./types.ts";

export const DEFAULT_PER_PAGE = 10;
export const MAX_PER_PAGE = 100;

const ORDERBY = ["date", "id", "include", "title", "slug", "modified"];

class Problems {
  readonly params: Record<string, string> = {};
  add(param: string, problem: string): void {
    this.params[param] ??= problem;
  }
  check(): void {
    const names = Object.keys(this.params);
    if (names.length === 0) return;
    const details = Object.fromEntries(
      names.map((n) => [n, { code: "rest_invalid_param", message: this.params[n], data: null }]),
    );
    throw wcError(400, "rest_invalid_param", `Invalid parameter(s): ${names.join(", ")}`, {
      params: this.params,
      details,
    });
  }
}

/** WordPress reads array parameters from `name[]=a&name[]=b` or a comma list (wp_parse_list). */
function list(query: URLSearchParams, name: string): string[] | undefined {
  const values = [...query.getAll(name), ...query.getAll(`${name}[]`)];
  if (values.length === 0) return undefined;
  return values.flatMap((v) => v.split(/[\s,]+/)).filter((v) => v !== "");
}

function integer(query: URLSearchParams, name: string, problems: Problems, min: number, max?: number) {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (!/^-?\d+$/.test(raw.trim())) {
    problems.add(name, `${name} is not of type integer.`);
    return undefined;
  }
  const n = Number(raw);
  if (max !== undefined && (n < min || n > max))
    problems.add(name, `${name} must be between ${min} (inclusive) and ${max} (inclusive)`);
  else if (n < min) problems.add(name, `${name} must be greater than or equal to ${min}`);
  return n;
}

function bool(query: URLSearchParams, name: string, problems: Problems): boolean {
  const raw = query.get(name);
  if (raw === null || raw === "") return false;
  if (["true", "1"].includes(raw.toLowerCase())) return true;
  if (["false", "0"].includes(raw.toLowerCase())) return false;
  problems.add(name, `${name} is not of type boolean.`);
  return false;
}

export interface ListContext {
  orders: OrderRecord[];
  statuses: string[];
  offsetMinutes: number;
  /** Where the request came in (origin + path), for Link. */
  selfUrl: URL;
  render: (record: OrderRecord) => Json;
}

export function listOrders(query: URLSearchParams, ctx: ListContext): Reply {
  const problems = new Problems();
  const page = integer(query, "page", problems, 1) ?? 1;
  const perPage = integer(query, "per_page", problems, 1, MAX_PER_PAGE) ?? DEFAULT_PER_PAGE;
  const offset = integer(query, "offset", problems, 0);
  const gmt = bool(query, "dates_are_gmt", problems);
  const dates: Record<string, number> = {};
  for (const name of ["after", "before", "modified_after", "modified_before"]) {
    const raw = query.get(name);
    if (raw === null) continue;
    if (!DATE_TIME.test(raw)) problems.add(name, "Invalid date.");
    else dates[name] = filterWall(raw, ctx.offsetMinutes);
  }
  const order = query.get("order") ?? "desc";
  if (!["asc", "desc"].includes(order)) problems.add("order", "order is not one of asc and desc.");
  const orderby = query.get("orderby") ?? "date";
  if (!ORDERBY.includes(orderby)) problems.add("orderby", `orderby is not one of ${ORDERBY.join(", ")}.`);
  const statuses = list(query, "status") ?? ["any"];
  for (const s of statuses) {
    if (s !== "any" && s !== "trash" && !ctx.statuses.includes(s))
      problems.add("status", `status[0] is not one of any, ${ctx.statuses.join(", ")}, and trash.`);
  }
  const ids = (name: string) => {
    const values = list(query, name);
    if (values?.some((v) => !/^\d+$/.test(v))) problems.add(name, `${name}[0] is not of type integer.`);
    return values?.map(Number);
  };
  const include = ids("include");
  const exclude = ids("exclude");
  const parent = ids("parent");
  const customer = integer(query, "customer", problems, 0);
  const product = integer(query, "product", problems, 0);
  problems.check();

  const wall = (ms: number) => columnWall(ms, gmt, ctx.offsetMinutes);
  const search = (query.get("search") ?? "").toLowerCase();
  const matched = ctx.orders.filter((r) => {
    if (statuses.includes("any") ? r.status === "trash" : !statuses.includes(r.status)) return false;
    if (dates.after !== undefined && !(wall(r.created) > dates.after)) return false;
    if (dates.before !== undefined && !(wall(r.created) < dates.before)) return false;
    if (dates.modified_after !== undefined && !(wall(r.modified) > dates.modified_after)) return false;
    if (dates.modified_before !== undefined && !(wall(r.modified) < dates.modified_before)) return false;
    if (include && !include.includes(r.id)) return false;
    if (exclude?.includes(r.id)) return false;
    if (parent && !parent.includes(r.parentId)) return false;
    if (customer !== undefined && r.customerId !== customer) return false;
    if (product !== undefined && !r.lines.some((l) => l.product_id === product)) return false;
    if (search) {
      // [U] Woo searches the order's address index, e-mail and items; the simulator searches the
      // same text loosely.
      const text = [
        r.id,
        ...Object.values(r.billing),
        ...Object.values(r.shipping),
        ...r.lines.map((l) => l.name),
      ]
        .join(" ")
        .toLowerCase();
      if (!text.includes(search)) return false;
    }
    return true;
  });
  const key = (r: OrderRecord): number =>
    orderby === "id"
      ? r.id
      : orderby === "modified"
        ? r.modified
        : orderby === "include"
          ? (include?.indexOf(r.id) ?? 0)
          : r.created;
  const sign = order === "asc" ? 1 : -1;
  matched.sort((a, b) => sign * (key(a) - key(b) || a.id - b.id));

  const total = matched.length;
  const pages = Math.ceil(total / perPage);
  // WP_Query: an offset overrides the page (found_posts still counts every match).
  const start = offset ?? (page - 1) * perPage;
  const items = matched.slice(start, start + perPage).map(ctx.render);
  const headers: Record<string, string> = { "x-wp-total": String(total), "x-wp-totalpages": String(pages) };
  const link = linkHeader(ctx.selfUrl, page, pages);
  if (link) headers.link = link;
  return { status: 200, body: items, headers };
}

/**
 * prev and next as the CRUD controller builds them, from the request's own query string (so a
 * query-string key pair is repeated in the links, as WordPress does); first and last [U], from
 * the rel values _introduction.md lists.
 */
function linkHeader(selfUrl: URL, page: number, pages: number): string {
  const at = (n: number) => {
    const url = new URL(selfUrl);
    url.searchParams.set("page", String(n));
    return url.toString();
  };
  const parts: string[] = [];
  if (page > 1) parts.push(`<${at(Math.min(page - 1, Math.max(pages, 1)))}>; rel="prev"`);
  if (pages > page) parts.push(`<${at(page + 1)}>; rel="next"`);
  if (pages >= 1) {
    parts.push(`<${at(1)}>; rel="first"`);
    parts.push(`<${at(pages)}>; rel="last"`);
  }
  return parts.join(", ");
}
