// "Orders changed since": pages of GET /orders by updated_at. The page token the engine keeps is
// this file's own JSON: where the walk restarted (updated_at_min), the page and its next link.
import type { OrderPage } from "../connector.ts";
import { type NuvemshopClient, nextLink, PlatformRequestError } from "./client.ts";

export const PER_PAGE = 200;
/** Nuvemshop may cap page × per_page at 10,000: within one updated_at, offsets stop there. */
const PAGE_CAP = 10_000;
/**
 * updated_at_min when there is no `since` (a store's first import). Every listing sends
 * updated_at_min, so every listing comes in updated_at order (then id) and a restart at the cap
 * from the last updated_at seen resumes exactly where it stopped. Without the filter the list comes
 * in created_at order, and restarting it from an updated_at skipped every order created after the
 * cap but last updated before that instant. Older than any Nuvemshop order, yet not the Unix epoch
 * itself (a MySQL TIMESTAMP column starts one second after it).
 */
export const NO_CURSOR_UPDATED_AT_MIN = "2000-01-01T00:00:00Z";

/** Resumable position in the listing: the page token, as JSON. */
export interface ListPosition {
  updatedAtMin: string | null;
  page?: number;
  /** Written by older versions only: such a walk starts over at page 1 of its updatedAtMin. */
  nextUrl?: string | null;
  /** Ids already listed at updatedAtMin: the next page starts there, without them. */
  listedAtMin?: string[];
}

interface Listed {
  id: unknown;
  updated_at?: unknown;
}

/** A token this module wrote, or the first page from `since` for none (or one it cannot read). */
export function readPageToken(since: string | null, pageToken: string | null): ListPosition {
  if (pageToken !== null) {
    try {
      const p = JSON.parse(pageToken) as ListPosition;
      if (
        typeof p === "object" &&
        p !== null &&
        (typeof p.updatedAtMin === "string" || p.updatedAtMin === null)
      )
        return p;
    } catch {
      // Not ours: start over from `since` (orders read again are stored once).
    }
  }
  return { updatedAtMin: since, page: 1 };
}

export async function listOrders(
  client: NuvemshopClient,
  since: string | null,
  pageToken: string | null,
): Promise<OrderPage> {
  const cursor = readPageToken(since, pageToken);
  // A next URL saved by an older version may walk in created_at order or point at another
  // origin: it is never followed; that walk starts over (orders read again are stored once).
  const page = cursor.nextUrl ? 1 : (cursor.page ?? 1);
  const from = cursor.updatedAtMin ?? NO_CURSOR_UPDATED_AT_MIN;
  const url = client.url("/orders", { updated_at_min: from, per_page: PER_PAGE, page });
  const res = await client.request("GET", url);
  // Past the last page Nuvemshop answers [] or 404.
  if (res.status === 404) return { orders: [], nextPageToken: null, total: null };
  if (res.status >= 400) {
    throw new PlatformRequestError(`listing orders answered ${res.status}`, res.status, res.body, false);
  }
  const listed = (Array.isArray(res.body) ? res.body : []) as Listed[];
  const already = new Set(cursor.listedAtMin ?? []);
  const orders = listed.filter((o) => !already.has(String(o.id)));
  const total = Number(res.headers.get("x-total-count") ?? Number.NaN);
  const link = nextLink(res.headers.get("link"));
  // The token goes only to the store's API: a next page elsewhere is an error, not a lead.
  if (link && !client.isOwnOrigin(link)) throw client.refuseForeignLink("listing orders", link);
  let next: ListPosition | null = null;
  if (link && listed.length > 0) {
    // Not the next offset page: an order listed earlier that changes moves to the end and
    // shifts every later one back a place, so the next offset would skip one. The next page
    // starts at the last updated_at seen instead, without the orders already listed there.
    const last = listed[listed.length - 1]!.updated_at;
    if (typeof last !== "string" || last === "") {
      throw new PlatformRequestError("listed order without updated_at", res.status, null, false);
    }
    const atLast = listed.filter((o) => o.updated_at === last).map((o) => String(o.id));
    if (Date.parse(last) > Date.parse(from)) {
      next = { updatedAtMin: last, page: 1, listedAtMin: atLast };
    } else {
      // The whole page shares one updated_at: the next offset page within that instant.
      if ((page + 1) * PER_PAGE > PAGE_CAP) {
        // More than 10,000 orders share it: restarting would loop forever.
        throw new PlatformRequestError(
          `more than ${PAGE_CAP} orders share the updated_at ${last}: the listing cannot move past it`,
          res.status,
          null,
          false,
        );
      }
      next = { updatedAtMin: last, page: page + 1, listedAtMin: [...already, ...atLast] };
    }
  }
  return {
    orders,
    nextPageToken: next ? JSON.stringify(next) : null,
    total: Number.isFinite(total) ? total : null,
  };
}
