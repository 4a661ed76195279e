// "Orders changed since" on WooCommerce: GET /orders (REST docs _orders.md "List all orders")
// with modified_after, orderby=modified, order=asc, per_page=100 (the most WordPress allows,
// platforms README §2.1), X-WP-Total / X-WP-TotalPages (_introduction.md "Pagination").
// - modified_after is strict ("after", WP_Date_Query) and compared with the date column as text:
//   with dates_are_gmt=true and a value WITHOUT an offset it is read as UTC; a value with "Z" or an
//   offset would be converted to the site's time first and be off by the site's offset (the
//   simulator's format.ts keeps that quirk). So Ponte sends "YYYY-MM-DDTHH:MM:SS" in UTC, one
//   second before the instant it wants (dates have second precision): "at or after".
// - Paging by page number over a list ordered by date_modified loses rows: an order that changes
//   while the walk is under way moves to the end, and every row after its old place moves one up,
//   so the first row of the next page would be skipped. So the walk is a keyset one: each page
//   asks again from the last date_modified seen (page 1), and leaves out the orders of that second
//   it has already listed. Only when a whole page falls in one second (a bulk edit) does it go on
//   by page number inside that second.
// - orderby=modified is not in the docs' list (date, id, include, title, slug) but newer cores
//   accept it [U]. A site that refuses it (400 rest_invalid_param on orderby) is walked by id
//   instead (a plain page walk; an old order that changes while it runs may then be missed until
//   its webhook or the next change).
// The page token is this file's JSON, stored by the engine between pages.
import type { OrderPage } from "../connector.ts";
import { errorCode, refused, type WooClient, WooRequestError } from "./client.ts";
import { isObject, type Json, text } from "./read-json.ts";

export const PER_PAGE = 100;

export interface ListToken {
  v: 1;
  /** The query's modified_after (UTC, no offset), null: every order. */
  after: string | null;
  /** The date_modified_gmt the last page ended on; null before the first page. */
  at: string | null;
  /** Ids already listed whose date_modified_gmt is `at`. */
  seen: string[];
  page: number;
  /** "modified": the keyset walk; "id": the fallback for a site that cannot sort by modified. */
  by: "modified" | "id";
}

/** "2017-03-22T19:28:02": UTC without an offset, as modified_after is sent. */
const wall = (ms: number) => new Date(ms).toISOString().slice(0, 19);

/** The modified_after that lists changes at or after `instant` (strict filter, whole seconds). */
function afterFor(instant: number): string {
  return wall(Math.floor(instant / 1000) * 1000 - 1000);
}

function firstToken(since: string | null): ListToken {
  const instant = since === null ? Number.NaN : Date.parse(since);
  return {
    v: 1,
    after: Number.isNaN(instant) ? null : afterFor(instant),
    at: null,
    seen: [],
    page: 1,
    by: "modified",
  };
}

/** A token this file wrote, or the first page from `since` for none (or one it cannot read). */
export function readListToken(since: string | null, pageToken: string | null): ListToken {
  if (pageToken !== null) {
    try {
      const t = JSON.parse(pageToken) as ListToken;
      if (t?.v === 1 && Number.isInteger(t.page) && t.page >= 1 && Array.isArray(t.seen)) return t;
    } catch {
      // not ours: start over (orders read again are stored once)
    }
  }
  return firstToken(since);
}

const modifiedOf = (order: Json): string => text(order.date_modified_gmt) ?? "";
const idOf = (order: Json): string => String(order.id);

async function fetchPage(client: WooClient, token: ListToken) {
  const res = await client.request(
    "GET",
    client.url("/orders", {
      per_page: PER_PAGE,
      page: token.page,
      orderby: token.by,
      order: "asc",
      dates_are_gmt: token.after === null ? undefined : "true",
      modified_after: token.after ?? undefined,
    }),
  );
  return res;
}

const refusesOrderby = (status: number, body: unknown) => {
  const params = (body as { data?: { params?: unknown } } | null)?.data?.params;
  return (
    status === 400 && errorCode(body) === "rest_invalid_param" && isObject(params) && "orderby" in params
  );
};

export async function listWooOrders(
  client: WooClient,
  since: string | null,
  pageToken: string | null,
): Promise<OrderPage> {
  let token = readListToken(since, pageToken);
  let res = await fetchPage(client, token);
  if (token.by === "modified" && refusesOrderby(res.status, res.body)) {
    token = { ...token, by: "id", page: 1, at: null, seen: [] };
    res = await fetchPage(client, token);
  }
  if (res.status >= 400) throw refused("listing orders", res);
  if (!Array.isArray(res.body))
    throw new WooRequestError(
      "listing orders: the answer is not a list",
      res.status,
      null,
      false,
      "unreadable",
    );
  const returned = res.body.filter(isObject);
  const totalPages = Number(res.headers.get("x-wp-totalpages") ?? Number.NaN);
  const totalHeader = Number(res.headers.get("x-wp-total") ?? Number.NaN);
  const total = pageToken === null && Number.isFinite(totalHeader) ? totalHeader : null;
  // Past the last page WordPress answers [] with the same headers; a short page is the last too.
  const more = Number.isFinite(totalPages) ? token.page < totalPages : returned.length === PER_PAGE;

  if (token.by === "id") {
    return {
      orders: returned,
      nextPageToken: more && returned.length > 0 ? JSON.stringify({ ...token, page: token.page + 1 }) : null,
      total,
    };
  }
  const seen = new Set(token.seen);
  // Orders of the boundary second already listed, and (on a site whose dates carry more than the
  // second) anything before it, were listed by an earlier page.
  const orders = returned.filter(
    (o) => !seen.has(idOf(o)) && (token.at === null || modifiedOf(o) >= token.at),
  );
  if (!more || returned.length === 0) return { orders, nextPageToken: null, total };
  const last = modifiedOf(returned[returned.length - 1]!);
  let next: ListToken;
  if (last === "" || (token.at !== null && last <= token.at)) {
    // The whole page is in the boundary second (or the site's dates do not move forward): go on
    // inside it by page number.
    next = { ...token, seen: [...seen, ...returned.map(idOf)], page: token.page + 1 };
  } else {
    const instant = Date.parse(`${last}Z`);
    next = {
      ...token,
      after: Number.isNaN(instant) ? token.after : afterFor(instant),
      at: last,
      seen: returned.filter((o) => modifiedOf(o) === last).map(idOf),
      page: 1,
    };
  }
  return { orders, nextPageToken: JSON.stringify(next), total };
}
