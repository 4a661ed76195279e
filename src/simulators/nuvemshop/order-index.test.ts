// The sorted order index behind GET /orders: after any mix of seeding, creating and changing
// orders it lists exactly what sorting every order on each request would.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatTime } from "./format.ts";
import { listOrders, type PagingOptions } from "./listing.ts";
import { ms } from "./order-index.ts";
import { OrderStore } from "./orders.ts";
import { OrderFactory } from "./seed.ts";
import type { Order } from "./types.ts";

const paging: PagingOptions = { pastLastPage: "empty", pageCap: false };
const self = new URL("http://127.0.0.1/v1/1/orders");

/** The ids of every page of a listing, walked with per_page=200. */
function walk(store: OrderStore, query: string): number[] {
  const ids: number[] = [];
  for (let page = 1; ; page++) {
    const res = listOrders(
      store,
      new URLSearchParams(`${query}&per_page=200&page=${page}`),
      true,
      paging,
      self,
    );
    const body = res.body as Order[];
    if (body.length === 0) return ids;
    ids.push(...body.map((o) => o.id));
  }
}

/** What the listing must be: every order, filtered and sorted from scratch. */
function expected(store: OrderStore, field: "created_at" | "updated_at", min?: number, max?: number) {
  return store
    .all()
    .filter((o) => (min === undefined || ms(o[field]) >= min) && (max === undefined || ms(o[field]) <= max))
    .sort((a, b) => ms(a[field]) - ms(b[field]) || a.id - b.id)
    .map((o) => o.id);
}

describe("Nuvemshop simulator: order index", () => {
  it("keeps listing in (timestamp, id) order as orders are created and changed", () => {
    const factory = new OrderFactory(4, 1234567);
    const store = new OrderStore(factory, () => {});
    const seedTime = Date.UTC(2026, 0, 15);
    store.load(factory.seed(900, seedTime));
    const check = () => {
      const all = store.all();
      const mid = ms(all[all.length >> 1]!.updated_at);
      const early = ms(all[40]!.created_at);
      assert.deepEqual(walk(store, ""), expected(store, "created_at"));
      assert.deepEqual(walk(store, "updated_at_min=2000-01-01T00:00:00Z"), expected(store, "updated_at"));
      assert.deepEqual(
        walk(store, `updated_at_min=${encodeURIComponent(formatTime(mid))}`),
        expected(store, "updated_at", mid),
      );
      assert.deepEqual(
        walk(
          store,
          `created_at_min=${encodeURIComponent(formatTime(early))}&created_at_max=${encodeURIComponent(formatTime(mid))}`,
        ),
        expected(store, "created_at", early, mid),
      );
      const head = listOrders(
        store,
        new URLSearchParams(`updated_at_min=${encodeURIComponent(formatTime(mid))}&per_page=1`),
        true,
        paging,
        self,
      );
      assert.equal(head.headers?.["x-total-count"], String(expected(store, "updated_at", mid).length));
    };
    check();
    const all = store.all();
    // Changes made in the admin, actions, a timestamp moved backwards, and ties on updated_at.
    for (let i = 0; i < 120; i++) store.update(all[(i * 37) % all.length]!.id, { owner_note: `n${i}` });
    for (let i = 0; i < 30; i++) {
      store.update(all[(i * 53) % all.length]!.id, {
        updated_at: "2025-12-20T10:00:00+0000",
        created_at: "2025-12-01T00:00:00+0000",
      });
    }
    for (let i = 0; i < 20; i++) {
      const order = all[(i * 71) % all.length]!;
      try {
        store.cancel(order, {});
      } catch {
        store.touch(order);
      }
    }
    for (let i = 0; i < 15; i++) store.create();
    check();
  });
});
