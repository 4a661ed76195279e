// GET /api/oms/pvt/orders (OpenAPI "List orders"): `per_page` defaults to 15 and goes up to 100,
// `page` is limited to 30; f_creationDate / f_authorizedDate / f_invoicedDate take
// "field:[A TO B]" with ISO instants (both ends included), f_status a comma-separated list, orderBy
// "field,asc|desc". The answer is {list, facets, paging{total, pages, currentPage, perPage}, stats}.
// Only indexed orders are listed (see orders.ts).
import { badRequest, ok, type Reply } from "./http.ts";
import type { OrderStore } from "./orders.ts";
import type { Json } from "./types.ts";

export const DEFAULT_PER_PAGE = 15;
export const MAX_PER_PAGE = 100;
export const MAX_PAGE = 30;

const RANGE = /^(creationDate|authorizedDate|invoicedDate):\[(.+) TO (.+)\]$/;
const SORTABLE = new Set(["creationDate", "orderId", "totalValue", "items"]);

function positive(name: string, raw: string | null, fallback: number): number {
  if (raw === null || raw === "") return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw badRequest(`${name} must be a positive integer`);
  return Number(raw);
}

function range(field: string, raw: string): [number, number] {
  const match = RANGE.exec(raw);
  const from = match ? Date.parse(match[2]!) : Number.NaN;
  const to = match ? Date.parse(match[3]!) : Number.NaN;
  // [U] A malformed range answers 400 (the OpenAPI gives only the well-formed shape).
  if (!match || match[1] !== field || Number.isNaN(from) || Number.isNaN(to))
    throw badRequest(
      `f_${field} must look like ${field}:[2024-01-01T00:00:00.000Z TO 2024-01-31T23:59:59.999Z]`,
    );
  return [from, to];
}

export function listOrders(store: OrderStore, query: URLSearchParams): Reply {
  const page = positive("page", query.get("page"), 1);
  // [U] Past page 30 the simulator answers 400 instead of silently returning nothing, so a client
  // that pages on forever is told; narrow the creation window to read more.
  if (page > MAX_PAGE)
    throw badRequest(`page is limited to ${MAX_PAGE}; narrow f_creationDate to read further`);
  // [U] A per_page above 100 is taken as 100 (the OpenAPI says only that it "goes up to 100").
  const perPage = Math.min(positive("per_page", query.get("per_page"), DEFAULT_PER_PAGE), MAX_PER_PAGE);

  let rows = store.indexed();
  for (const field of ["creationDate", "authorizedDate", "invoicedDate"]) {
    const raw = query.get(`f_${field}`);
    if (!raw) continue;
    const [from, to] = range(field, raw);
    rows = rows.filter((row) => {
      const at = typeof row[field] === "string" ? Date.parse(row[field] as string) : Number.NaN;
      return at >= from && at <= to;
    });
  }
  const statuses = query.get("f_status");
  if (statuses) {
    const wanted = new Set(statuses.split(",").map((s) => s.trim()));
    rows = rows.filter((row) => wanted.has(row.status as string));
  }
  const q = query.get("q")?.trim().toLowerCase();
  if (q) rows = rows.filter((row) => `${row.orderId} ${row.clientName}`.toLowerCase().includes(q));

  // [U] Without orderBy the newest orders come first.
  const [field = "creationDate", direction = "desc"] = (query.get("orderBy") ?? "creationDate,desc").split(
    ",",
  );
  if (!SORTABLE.has(field) || !["asc", "desc"].includes(direction))
    throw badRequest("orderBy must be creationDate|orderId|totalValue|items followed by ,asc or ,desc");
  const key = (row: Json): string | number =>
    field === "creationDate"
      ? Date.parse(row.creationDate as string)
      : field === "items"
        ? (row.totalItems as number)
        : field === "totalValue"
          ? (row.totalValue as number)
          : (row.orderId as string);
  const sign = direction === "asc" ? 1 : -1;
  rows.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return (
      (ka < kb ? -1 : ka > kb ? 1 : 0) * sign ||
      (a.sequence as string).localeCompare(b.sequence as string) * sign
    );
  });

  const total = rows.length;
  const list = rows
    .slice((page - 1) * perPage, page * perPage)
    .map(({ invoicedDate: _hidden, ...row }) => row);
  return ok({
    list,
    facets: [],
    paging: { total, pages: Math.ceil(total / perPage), currentPage: page, perPage },
    stats: { stats: { totalValue: { Count: total }, totalItems: { Count: total } } },
  });
}
