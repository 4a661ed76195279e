// "Orders changed since" on VTEX (platforms README §4.2; Orders API OpenAPI, "List orders"):
// the list cannot filter by last change, is built from an index that lags, and stops at page 30
// (per_page ≤ 100, so 3000 results per query); its summaries carry no lastChange. So the walk
// goes over creation-date windows (f_creationDate=creationDate:[A TO B], inclusive), ordered by
// creationDate asc (new orders land at the end: offsets stay put while paging); a window whose
// total is ≥ 3000 is split in halves until each is below. Every listed order is read in full
// (Get order) and kept when its lastChange is recent enough. The feed and the hook carry the
// changes of older orders: this walk is the first import and the safety net.
// The page token is this file's JSON: the fixed end of the walk, the windows left, the page.
import type { OrderPage } from "../connector.ts";
import { refused, type VtexClient, VtexRequestError } from "./client.ts";

export const PER_PAGE = 100;
const MAX_PAGE = 30;
export const WINDOW_LIMIT = MAX_PAGE * PER_PAGE;
const DAY = 86_400_000;
/**
 * With a `since`, windows start this long before it, so an order created shortly before the last
 * run but not yet in the lagging index then is listed now. Two days: the index lags minutes, and
 * every order in the window costs a Get order. [U]
 */
export const LOOKBACK_MS = 2 * DAY;
/** Only the last two years of orders can be read (OpenAPI, "Get order"). */
export const HORIZON_MS = 730 * DAY;
/** A listed order is kept when its lastChange is at most this much before `since` (index lag). [U] */
export const LAG_MARGIN_MS = 60 * 60_000;
/** Splits per call before a page is read anyway (a window narrower than 1 ms cannot split). */
const MAX_SPLITS_PER_CALL = 64;
/** Full orders read at once. */
const READ_CONCURRENCY = 4;

interface Window {
  from: number;
  to: number;
}

export interface ListToken {
  v: 1;
  windows: Window[];
  page: number;
  /** No window was split: the first window's total is the whole walk's. */
  whole: boolean;
}

function firstToken(since: string | null, now: number): ListToken {
  const start =
    since === null ? now - HORIZON_MS : Math.max(now - HORIZON_MS, Date.parse(since) - LOOKBACK_MS);
  return { v: 1, windows: [{ from: start, to: now }], page: 1, whole: true };
}

/** A token this file wrote, or the first page from `since` for none (or one it cannot read). */
export function readListToken(since: string | null, pageToken: string | null, now = Date.now()): ListToken {
  if (pageToken !== null) {
    try {
      const t = JSON.parse(pageToken) as ListToken;
      if (t?.v === 1 && Array.isArray(t.windows) && Number.isInteger(t.page) && t.page >= 1) return t;
    } catch {
      // not ours: start over (orders read again are stored once)
    }
  }
  return firstToken(since, now);
}

const iso = (ms: number) => new Date(ms).toISOString();

interface Paging {
  total: number;
  pages: number;
}

async function listPage(
  client: VtexClient,
  w: Window,
  page: number,
): Promise<{ ids: string[]; paging: Paging }> {
  const res = await client.request(
    "GET",
    client.url("/api/oms/pvt/orders", {
      f_creationDate: `creationDate:[${iso(w.from)} TO ${iso(w.to)}]`,
      orderBy: "creationDate,asc",
      per_page: PER_PAGE,
      page,
    }),
  );
  if (res.status >= 400) throw refused("listing orders", res);
  const body = res.body as { list?: unknown; paging?: { total?: unknown; pages?: unknown } } | null;
  if (!body || !Array.isArray(body.list))
    throw new VtexRequestError(
      "listing orders: the answer has no list",
      res.status,
      null,
      false,
      "unreadable",
    );
  const ids = body.list
    .map((s) => (s as { orderId?: unknown }).orderId)
    .filter((id): id is string => typeof id === "string");
  const total = Number(body.paging?.total);
  const pages = Number(body.paging?.pages);
  return {
    ids,
    paging: {
      total: Number.isFinite(total) ? total : ids.length,
      pages: Number.isFinite(pages) ? pages : ids.length === PER_PAGE ? page + 1 : page,
    },
  };
}

async function readAll(client: VtexClient, ids: string[]): Promise<Record<string, unknown>[]> {
  const orders: Record<string, unknown>[] = [];
  for (let i = 0; i < ids.length; i += READ_CONCURRENCY) {
    const read = await Promise.all(ids.slice(i, i + READ_CONCURRENCY).map((id) => client.getOrder(id)));
    for (const order of read) if (order !== null) orders.push(order); // gone since it was listed
  }
  return orders;
}

export async function listVtexOrders(
  client: VtexClient,
  since: string | null,
  pageToken: string | null,
  now = Date.now(),
): Promise<OrderPage> {
  const token = readListToken(since, pageToken, now);
  const windows = [...token.windows];
  let page = token.page;
  let whole = token.whole;
  let splits = 0;
  while (windows.length > 0) {
    const w = windows[0]!;
    const { ids, paging } = await listPage(client, w, page);
    if (page === 1 && paging.total >= WINDOW_LIMIT && w.to - w.from >= 1 && splits < MAX_SPLITS_PER_CALL) {
      const mid = w.from + Math.floor((w.to - w.from) / 2);
      windows.splice(0, 1, { from: w.from, to: mid }, { from: mid + 1, to: w.to });
      whole = false;
      splits++;
      continue;
    }
    const total = whole ? paging.total : null;
    const last = page >= Math.min(paging.pages, MAX_PAGE) || ids.length === 0;
    if (last) {
      windows.shift();
      page = 1;
    } else page++;
    const minChange = since === null ? null : Date.parse(since) - LAG_MARGIN_MS;
    const orders = (await readAll(client, ids)).filter(
      (o) => minChange === null || !(Date.parse(String(o.lastChange)) < minChange),
    );
    const next: ListToken | null = windows.length > 0 ? { v: 1, windows, page, whole } : null;
    return { orders, nextPageToken: next ? JSON.stringify(next) : null, total };
  }
  return { orders: [], nextPageToken: null, total: whole ? 0 : null };
}
