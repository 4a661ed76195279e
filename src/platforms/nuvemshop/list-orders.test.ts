// The connector's order listing against the simulator, without a database: every order arrives
// across the 10,000-result page cap, on the first import (no cursor) as well as with one.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createLogger } from "../../logger.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "../../simulators/nuvemshop/index.ts";
import type { StoreConnector } from "../connector.ts";
import { NO_CURSOR_UPDATED_AT_MIN, nuvemshop } from "./index.ts";
import { readPageToken } from "./list-orders.ts";

interface Listed {
  id: number;
  updated_at: string;
}

/** Walks the connector's pages from `since` to the end, as importOrders does. */
async function listAll(connector: StoreConnector, since: string | null) {
  const seen: Listed[] = [];
  const restarts: string[] = [];
  let token: string | null = null;
  let from = since;
  let pages = 0;
  do {
    const page = await connector.listOrdersChangedSince(since, token);
    seen.push(...(page.orders as Listed[]));
    pages++;
    assert.ok(pages < 200, "the listing ends");
    token = page.nextPageToken;
    // The token is this module's own: where the walk restarted at the cap.
    const next = token === null ? null : readPageToken(since, token).updatedAtMin;
    if (next !== null && next !== from) restarts.push(next);
    if (next !== null) from = next;
  } while (token !== null);
  return { seen, restarts, pages };
}

const access = (storeExternalId: string, apiBaseUrl: string, accessToken: string) => ({
  storeExternalId,
  apiBaseUrl,
  credentials: { accessToken },
});

describe("Nuvemshop connector: listing past the 10,000-result cap", () => {
  const N = 10_600;
  let sim: NuvemshopSimulator;
  let connector: StoreConnector;
  let allIds: number[];

  before(async () => {
    // pageCap: the simulator refuses page × per_page > 10,000 as Nuvemshop may.
    sim = await startNuvemshopSimulator({ orders: N, seed: 11, rateLimit: false, pageCap: true });
    connector = nuvemshop.connect(access(String(sim.storeId), sim.apiBase, sim.accessToken), {
      logger: createLogger({ logLevel: "silent", logPretty: false }),
      userAgent: "PonteTest (dev@example.com)",
    });
    allIds = sim
      .listOrders()
      .map((o) => o.id as number)
      .sort((a, b) => a - b);
  });
  after(() => sim.close());

  const check = ({ seen, restarts }: { seen: Listed[]; restarts: string[] }, expected: number[]) => {
    const distinct = [...new Set(seen.map((o) => o.id))].sort((a, b) => a - b);
    assert.equal(distinct.length, expected.length, "every order arrives");
    assert.deepEqual(distinct, expected);
    // An order is read twice only where the listing restarted from the last updated_at it saw.
    const counts = new Map<number, number>();
    for (const o of seen) counts.set(o.id, (counts.get(o.id) ?? 0) + 1);
    const repeated = seen.filter((o) => counts.get(o.id)! > 1);
    assert.ok(
      repeated.every((o) => restarts.includes(o.updated_at)),
      "repeats only at a restart point",
    );
  };

  it("lists every order with no cursor (a store's first import), by updated_at", async () => {
    sim.clearLog();
    const result = await listAll(connector, null);
    assert.ok(result.restarts.length >= 1, "the listing crossed the cap");
    check(result, allIds);
    for (const entry of sim.requestLog()) {
      assert.ok(entry.query.updated_at_min, "every request orders by updated_at");
    }
  });

  it("lists every order changed since a cursor", async () => {
    const sorted = sim.listOrders().sort((a, b) => String(a.updated_at).localeCompare(String(b.updated_at)));
    // A cursor that leaves more than 10,000 orders to list.
    const from = String(sorted[200]!.updated_at);
    const expected = sorted
      .filter((o) => String(o.updated_at) >= from)
      .map((o) => o.id as number)
      .sort((a, b) => a - b);
    assert.ok(expected.length > 10_000);
    check(await listAll(connector, from), expected);
  });

  it("starts over a created_at-order walk saved before every listing sent updated_at_min", async () => {
    sim.clearLog();
    const legacy = `${sim.apiBase}/${sim.storeId}/orders?per_page=200&page=7`;
    const token = JSON.stringify({ updatedAtMin: null, page: 7, nextUrl: legacy });
    const page = await connector.listOrdersChangedSince(null, token);
    assert.equal(page.orders.length, 200);
    const [entry] = sim.requestLog();
    assert.equal(entry?.query.page, "1");
    assert.equal(entry?.query.updated_at_min, NO_CURSOR_UPDATED_AT_MIN);
    // The next page starts after the last updated_at seen (not at an offset that shifts).
    const next = readPageToken(null, page.nextPageToken);
    assert.equal(next.updatedAtMin, (page.orders.at(-1) as Listed).updated_at);
    assert.equal(next.page, 1);
  });

  it("stops instead of looping when a whole 10,000-order window shares one updated_at", async () => {
    const same = "2020-05-05T05:05:05+0000";
    const stub = nuvemshop.connect(access("1", "http://stub.invalid/v1", "t"), {
      logger: createLogger({ logLevel: "silent", logPretty: false }),
      userAgent: "PonteTest (dev@example.com)",
      fetch: async (input) => {
        const url = new URL(String(input));
        assert.equal(url.searchParams.get("updated_at_min"), same);
        url.searchParams.set("page", "51");
        return new Response(JSON.stringify([{ id: 7, updated_at: same }]), {
          headers: { link: `<${url}>; rel="next"`, "x-total-count": "10001" },
        });
      },
    });
    await assert.rejects(
      stub.listOrdersChangedSince(same, JSON.stringify({ updatedAtMin: same, page: 50 })),
      /share the updated_at/,
    );
  });
});
