import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { FEED_CONFIG, vtexFeed } from "./feed.ts";
import { FakeOms, fakeClient, fakeOrder } from "./test-fake-oms.ts";

function omsWithEvents(count: number): FakeOms {
  const oms = new FakeOms();
  oms.feedConfig = structuredClone(FEED_CONFIG);
  for (let i = 1; i <= count; i++) {
    oms.add(fakeOrder({ orderId: `v${i}-01`, status: "payment-pending" }));
    oms.move(`v${i}-01`, "payment-approved");
  }
  return oms;
}

describe("VTEX orders feed", () => {
  it("creates the feed config Ponte needs when there is none", async () => {
    const oms = new FakeOms();
    assert.deepEqual(await vtexFeed(fakeClient(oms)).read(10), []);
    const config = oms.feedConfig as typeof FEED_CONFIG;
    assert.equal(config.filter.type, "FromWorkflow");
    for (const status of [
      "payment-pending",
      "payment-approved",
      "ready-for-handling",
      "handling",
      "invoiced",
      "canceled",
    ])
      assert.ok(config.filter.status.includes(status), status);
    assert.deepEqual(config.queue, {
      visibilityTimeoutInSeconds: 240,
      MessageRetentionPeriodInSeconds: 345600,
    });
  });

  it("keeps a config that already covers Ponte's statuses", async () => {
    const oms = omsWithEvents(1);
    await vtexFeed(fakeClient(oms)).read(10);
    assert.equal(oms.sent("POST", /feed\/config/).length, 0);
  });

  it("reads up to max items in lots of at most 10, and acknowledges them", async () => {
    const oms = omsWithEvents(25);
    const feed = vtexFeed(fakeClient(oms));
    const first = await feed.read(23);
    assert.equal(first.length, 23);
    assert.deepEqual(
      oms.sent("GET", /^\/api\/orders\/feed$/).map((r) => r.query.get("maxlot")),
      ["10", "10", "3"],
    );
    assert.deepEqual(first[0], { externalId: "v1-01", handle: "h1" });
    await feed.acknowledge(first.map((i) => i.handle));
    assert.deepEqual(
      oms.sent("POST", /^\/api\/orders\/feed$/).map((r) => (r.body as { handles: string[] }).handles.length),
      [10, 10, 3],
    );
    assert.deepEqual(
      oms.feed.map((e) => e.orderId),
      ["v24-01", "v25-01"],
    );
    // What was not acknowledged stays in the feed; read stops at an empty lot.
    assert.deepEqual(
      (await feed.read(50)).map((i) => i.externalId),
      ["v24-01", "v25-01"],
    );
  });

  it("re-creates the config when VTEX dropped it, and goes on reading", async () => {
    const oms = omsWithEvents(0);
    const feed = vtexFeed(fakeClient(oms));
    await feed.read(5);
    oms.feedConfig = null; // no event during the retention period
    assert.deepEqual(await feed.read(5), []);
    assert.notEqual(oms.feedConfig, null);
    oms.add(fakeOrder({ orderId: "v9-01", status: "payment-approved" }));
    oms.move("v9-01", "handling");
    assert.deepEqual(
      (await feed.read(5)).map((i) => i.externalId),
      ["v9-01"],
    );
  });
});
