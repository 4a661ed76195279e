// The connector's order listing against the simulator, without a database: every order arrives
// across the 10,000-result page cap, on the first import (no cursor) as well as with one.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createLogger } from "../../logger.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "../../simulators/nuvemshop/index.ts";
import type { ListCursor, StoreConnector } from "../connector.ts";
import { nuvemshop } from "./index.ts";

interface Listed {
  id: number;
  updated_at: string;
}

/** Walks the connector's pages from `start` to the end, as importOrders does. */
async function listAll(connector: StoreConnector, start: ListCursor) {
  const seen: Listed[] = [];
  const restarts: string[] = [];
  let cursor: ListCursor | null = start;
  let pages = 0;
  while (cursor) {
    const page = await connector.listOrdersChangedSince(cursor);
    seen.push(...(page.orders as Listed[]));
    pages++;
    assert.ok(pages < 200, "the listing ends");
    if (page.next && page.next.updatedAtMin !== cursor.updatedAtMin && page.next.updatedAtMin !== null) {
      restarts.push(page.next.updatedAtMin);
    }
    cursor = page.next;
  }
  return { seen, restarts, pages };
}

describe("Nuvemshop connector: listing past the 10,000-result cap", () => {
  const N = 10_600;
  let sim: NuvemshopSimulator;
  let connector: StoreConnector;
  let allIds: number[];

  before(async () => {
    // pageCap: the simulator refuses page × per_page > 10,000 as Nuvemshop may.
    sim = await startNuvemshopSimulator({ orders: N, seed: 11, rateLimit: false, pageCap: true });
    connector = nuvemshop.connect(
      { storeExternalId: String(sim.storeId), apiBaseUrl: sim.apiBase, accessToken: sim.accessToken },
      {
        logger: createLogger({ logLevel: "silent", logPretty: false }),
        userAgent: "PonteTest (dev@example.com)",
      },
    );
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
    const result = await listAll(connector, { updatedAtMin: null, page: 1, nextUrl: null });
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
    check(await listAll(connector, { updatedAtMin: from, page: 1, nextUrl: null }), expected);
  });

  it("does not loop forever when 10,000 orders share one updated_at", async () => {
    const same = "2020-05-05T05:05:05+0000";
    for (const o of sim.listOrders().slice(0, 10_001)) sim.updateOrder(o.id as number, { updated_at: same });
    await assert.rejects(
      listAll(connector, { updatedAtMin: null, page: 1, nextUrl: null }),
      /share the updated_at/,
    );
  });
});
