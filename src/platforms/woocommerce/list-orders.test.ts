import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startWooSimulator, type WooSimulator } from "../../simulators/woocommerce/index.ts";
import type { StoreConnector } from "../connector.ts";
import { PER_PAGE } from "./list-orders.ts";
import { connectTo } from "./test-helpers.ts";

async function walk(connector: StoreConnector, since: string | null) {
  const ids: string[] = [];
  let token: string | null = null;
  let pages = 0;
  do {
    const page = await connector.listOrdersChangedSince(since, token);
    ids.push(...page.orders.map((o) => String((o as { id: number }).id)));
    token = page.nextPageToken;
    assert.ok(++pages < 100, "the walk ends");
  } while (token !== null);
  return { ids, pages };
}

const modifiedMs = (order: Record<string, unknown>) => Date.parse(`${order.date_modified_gmt}Z`);

describe("WooCommerce listing against the simulator", () => {
  let sim: WooSimulator;
  before(async () => {
    sim = await startWooSimulator({ orders: 260, seed: 9 });
  });
  after(() => sim.close());

  it("lists orders changed at or after `since`, asking in UTC without an offset", async () => {
    // Past every seeded change (seeded orders may have changed up to the seed day and after).
    sim.advanceTime(60 * 86_400_000);
    const changed = sim.updateOrder(sim.listOrders()[7]!.id as number, { customer_note: "Portão azul" });
    const at = modifiedMs(changed);
    sim.clearLog();
    const connector = connectTo(sim);
    assert.deepEqual((await walk(connector, new Date(at).toISOString())).ids, [String(changed.id)]);
    assert.deepEqual((await walk(connector, new Date(at + 1000).toISOString())).ids, []);
    const query = sim.requestLog()[0]!.query;
    assert.equal(query.dates_are_gmt, "true");
    assert.equal(query.modified_after, new Date(at - 1000).toISOString().slice(0, 19));
    assert.equal(query.orderby, "modified");
    assert.equal(query.per_page, String(PER_PAGE));
  });

  it("loses nothing while orders keep changing between page reads", async () => {
    sim.setOptions({ churnPerList: 7 });
    try {
      const { ids, pages } = await walk(connectTo(sim), null);
      assert.ok(pages >= 3);
      const all = sim.listOrders().map((o) => String(o.id));
      assert.deepEqual([...new Set(ids)].sort(), [...all].sort(), "every order at least once");
    } finally {
      sim.setOptions({ churnPerList: 0 });
    }
  });

  it("resumes from a stored token with a new connector", async () => {
    const first = await connectTo(sim).listOrdersChangedSince(null, null);
    assert.equal(first.total, 260);
    const token = JSON.parse(JSON.stringify(first.nextPageToken)) as string;
    const rest: string[] = [];
    let next: string | null = token;
    while (next !== null) {
      const page = await connectTo(sim).listOrdersChangedSince(null, next);
      rest.push(...page.orders.map((o) => String((o as { id: number }).id)));
      next = page.nextPageToken;
    }
    const ids = [...first.orders.map((o) => String((o as { id: number }).id)), ...rest];
    assert.equal(ids.length, 260);
    assert.equal(new Set(ids).size, 260);
  });
});

/** A site whose orders all changed in the same second (a bulk edit), and one that cannot sort by modified. */
function fakeSite(rows: { id: number; modified: string }[], acceptsModified = true) {
  const requests: URLSearchParams[] = [];
  const fetch = (async (input: string | URL) => {
    const url = new URL(String(input));
    const q = url.searchParams;
    requests.push(q);
    if (q.get("orderby") === "modified" && !acceptsModified)
      return Response.json(
        {
          code: "rest_invalid_param",
          message: "Invalid parameter(s): orderby",
          data: { status: 400, params: { orderby: "…" } },
        },
        { status: 400 },
      );
    const after = q.get("modified_after");
    const by = q.get("orderby");
    const matched = rows
      .filter((r) => after === null || r.modified > after)
      .sort((a, b) => (by === "modified" ? a.modified.localeCompare(b.modified) : 0) || a.id - b.id);
    const perPage = Number(q.get("per_page"));
    const page = Number(q.get("page"));
    const body = matched
      .slice((page - 1) * perPage, page * perPage)
      .map((r) => ({ id: r.id, status: "processing", date_modified_gmt: r.modified }));
    return Response.json(body, {
      headers: {
        "x-wp-total": String(matched.length),
        "x-wp-totalpages": String(Math.ceil(matched.length / perPage)),
      },
    });
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

describe("WooCommerce listing edge cases", () => {
  const site = {
    url: "https://loja.example",
    apiBase: "https://loja.example/wp-json/wc/v3",
    consumerKey: "ck_a",
    consumerSecret: "cs_b",
  };

  it("walks a bulk edit of more than a page in one second, each order once", async () => {
    const rows = [
      ...Array.from({ length: 250 }, (_, i) => ({ id: 1000 + i, modified: "2026-11-20T10:00:00" })),
      ...Array.from({ length: 10 }, (_, i) => ({ id: 2000 + i, modified: `2026-11-20T10:00:0${i}` })),
    ];
    const { fetch } = fakeSite(rows);
    const { ids } = await walk(connectTo(site, { fetch }), null);
    assert.equal(ids.length, 260);
    assert.equal(new Set(ids).size, 260);
  });

  it("walks by id when the site refuses orderby=modified", async () => {
    const rows = Array.from({ length: 230 }, (_, i) => ({
      id: 1 + i,
      modified: `2026-11-20T10:0${i % 10}:00`,
    }));
    const { fetch, requests } = fakeSite(rows, false);
    const { ids } = await walk(connectTo(site, { fetch }), "2026-11-20T09:00:00Z");
    assert.equal(new Set(ids).size, 230);
    assert.equal(requests.at(-1)?.get("orderby"), "id");
  });
});
