import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { vtex } from "./index.ts";
import { LAG_MARGIN_MS, listVtexOrders, WINDOW_LIMIT } from "./list-orders.ts";
import { FakeOms, fakeClient, fakeOrder } from "./test-fake-oms.ts";

const NOW = Date.parse("2026-12-01T00:00:00.000Z");
const MINUTE = 60_000;

/** `count` orders created one minute apart, ending three hours before NOW. */
function omsWith(count: number): FakeOms {
  const oms = new FakeOms();
  for (let i = 0; i < count; i++) {
    const at = new Date(NOW - 180 * MINUTE - (count - i) * MINUTE).toISOString();
    oms.add(fakeOrder({ orderId: `v${i}-01`, creationDate: at, lastChange: at }));
  }
  return oms;
}

/** Every page from `token` on: the ids listed, in order, and the pages read. */
async function walk(oms: FakeOms, since: string | null, token: string | null = null, maxPages = 1_000) {
  const ids: string[] = [];
  let pages = 0;
  let next = token;
  do {
    const page = await listVtexOrders(fakeClient(oms), since, next, NOW);
    for (const raw of page.orders) ids.push(vtex.normalize(raw).externalId);
    next = page.nextPageToken;
    pages++;
  } while (next !== null && pages < maxPages);
  return { ids, next, pages };
}

describe("VTEX orders listing", () => {
  it("splits a window of 3000 orders or more until every query stays under the page-30 cap", async () => {
    const oms = omsWith(WINDOW_LIMIT + 150);
    const { ids } = await walk(oms, null);
    assert.equal(ids.length, WINDOW_LIMIT + 150);
    assert.equal(new Set(ids).size, ids.length, "every order once");
    const lists = oms.sent("GET", /^\/api\/oms\/pvt\/orders$/);
    assert.ok(lists.every((r) => Number(r.query.get("page")) <= 30));
    assert.ok(
      lists.every((r) => r.query.get("orderBy") === "creationDate,asc" && r.query.get("per_page") === "100"),
    );
    // The first query saw the whole range (≥ 3000) and was split; pages were read only below the cap.
    const windows = new Set(lists.map((r) => r.query.get("f_creationDate")));
    assert.ok(windows.size >= 3);
  });

  it("resumes from a saved page token with a new connector: every order once", async () => {
    const oms = omsWith(450);
    const first = await walk(oms, null, null, 2);
    assert.equal(first.ids.length, 200);
    assert.notEqual(first.next, null);
    const rest = await walk(oms, null, first.next);
    const all = [...first.ids, ...rest.ids];
    assert.equal(all.length, 450);
    assert.equal(new Set(all).size, 450);
  });

  it("lists only orders changed since (with a margin for the index's lag), reading each in full", async () => {
    const oms = omsWith(5);
    const since = new Date(NOW - 10 * MINUTE).toISOString();
    oms.move("v3-01", "handling", new Date(NOW - 5 * MINUTE).toISOString());
    const { ids } = await walk(oms, since);
    assert.deepEqual(ids, ["v3-01"]);
    // Listed orders are the full orders: each was read with Get order.
    assert.ok(oms.sent("GET", /^\/api\/oms\/pvt\/orders\/v3-01$/).length === 1);
  });

  it("catches an order the lagging index left out of the previous run", async () => {
    const oms = omsWith(3);
    const lateAt = new Date(NOW - 20 * MINUTE).toISOString();
    oms.add(fakeOrder({ orderId: "vlate-01", creationDate: lateAt, lastChange: lateAt }));
    oms.unindexed.add("vlate-01");
    const run1 = await walk(oms, null);
    assert.ok(!run1.ids.includes("vlate-01"));
    // The next run's since is the previous run's start, after the late order was created.
    oms.unindexed.delete("vlate-01");
    const since = new Date(NOW - 20 * MINUTE + LAG_MARGIN_MS / 6).toISOString();
    const run2 = await walk(oms, since);
    assert.deepEqual(run2.ids, ["vlate-01"]);
  });

  it("starts over from since when the token is not its own", async () => {
    const oms = omsWith(3);
    const { ids } = await walk(oms, null, "not a token");
    assert.equal(ids.length, 3);
  });
});
