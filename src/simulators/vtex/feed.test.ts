// Feed v3 over loopback: the config rules (409 on mixed filters, one feed per appKey, 404 without
// one), maxlot, the visibility timeout, commit, retention, and that only matching status moves
// enter a FromWorkflow feed.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startVtexSimulator, type VtexSimulator } from "./index.ts";
import { call } from "./test-client.ts";

const CONFIG = "/api/orders/feed/config";
const FEED = "/api/orders/feed";

describe("VTEX simulator: Feed v3", () => {
  let sim: VtexSimulator;
  before(async () => {
    sim = await startVtexSimulator({ orders: 0 });
  });
  after(() => sim.close());

  const configure = (
    filter: object,
    queue = { visibilityTimeoutInSeconds: 60, MessageRetentionPeriodInSeconds: 3600 },
  ) => call(sim, "POST", CONFIG, { body: { filter, queue } });
  const read = async (maxlot = 10) => (await call(sim, "GET", `${FEED}?maxlot=${maxlot}`)).json();

  it("answers 404 without a configuration and 409 when the filter types are mixed", async () => {
    assert.equal((await call(sim, "GET", `${FEED}?maxlot=1`)).status, 404);
    const mixed = await configure({ type: "FromWorkflow", status: ["invoiced"], expression: "value > 1" });
    assert.equal(mixed.status, 409);
    const mixed2 = await configure({ type: "FromOrders", expression: "value > 1", status: ["invoiced"] });
    assert.equal(mixed2.status, 409);
    assert.equal((await configure({ type: "FromOrders", expression: "value >" })).status, 400);
    assert.equal((await call(sim, "GET", CONFIG)).status, 404);
  });

  it("lets in only the status moves the FromWorkflow filter names, and refuses maxlot above 10", async () => {
    assert.equal(
      (await configure({ type: "FromWorkflow", status: ["ready-for-handling", "canceled"] })).status,
      200,
    );
    const config = (await call(sim, "GET", CONFIG)).json();
    assert.deepEqual(config.filter, { type: "FromWorkflow", status: ["ready-for-handling", "canceled"] });
    assert.equal(config.queue.visibilityTimeoutInSeconds, 60);
    const a = sim.createOrder();
    const b = sim.createOrder();
    sim.setStatus(a.orderId, "ready-for-handling");
    sim.setStatus(b.orderId, "canceled");
    assert.equal((await call(sim, "GET", `${FEED}?maxlot=11`)).status, 400);
    assert.equal((await call(sim, "GET", `${FEED}?maxlot=0`)).status, 400);
    const items = await read();
    assert.deepEqual(
      items.map((i: { orderId: string; state: string }) => [i.orderId, i.state]),
      [
        [a.orderId, "ready-for-handling"],
        [b.orderId, "canceled"],
      ],
    );
    const item = items[0];
    for (const key of [
      "eventId",
      "handle",
      "domain",
      "state",
      "lastState",
      "orderId",
      "lastChange",
      "currentChange",
    ])
      assert.ok(key in item, key);
    assert.equal(item.lastState, "payment-pending");
    await call(sim, "POST", FEED, { body: { handles: items.map((i: { handle: string }) => i.handle) } });
  });

  it("hides read items for the visibility timeout, hands them out again with a new handle, and commit removes them", async () => {
    const order = sim.createOrder();
    sim.setStatus(order.orderId, "ready-for-handling");
    const [first] = await read(1);
    assert.equal(first.orderId, order.orderId);
    assert.deepEqual(await read(), [], "invisible while the visibility timeout runs");
    sim.advanceTime(61_000);
    const [again] = await read();
    assert.equal(again.eventId, first.eventId);
    assert.notEqual(again.handle, first.handle);
    // A stale handle commits nothing; the latest one removes the item.
    assert.equal((await call(sim, "POST", FEED, { body: { handles: [first.handle] } })).status, 200);
    sim.advanceTime(61_000);
    const [third] = await read();
    assert.equal(third.eventId, first.eventId);
    assert.equal((await call(sim, "POST", FEED, { body: { handles: [third.handle] } })).status, 200);
    sim.advanceTime(61_000);
    assert.deepEqual(await read(), []);
    assert.equal((await call(sim, "POST", FEED, { body: { nope: 1 } })).status, 400);
  });

  it("drops items past the retention period and removes a feed that got no event during it", async () => {
    const order = sim.createOrder();
    sim.setStatus(order.orderId, "ready-for-handling");
    sim.advanceTime(3_601_000);
    assert.equal(
      (await call(sim, "GET", CONFIG)).status,
      404,
      "no event for an hour: the configuration is gone",
    );
    assert.equal((await call(sim, "GET", `${FEED}?maxlot=1`)).status, 404);
  });

  it("a FromOrders feed evaluates its JSONata expression and fires once per order", async () => {
    assert.equal(
      (await configure({ type: "FromOrders", expression: 'status = "handling"', disableSingleFire: false }))
        .status,
      200,
    );
    const order = sim.createOrder();
    sim.setStatus(order.orderId, "ready-for-handling");
    assert.equal(
      (await call(sim, "POST", `/api/oms/pvt/orders/${order.orderId}/start-handling`)).status,
      204,
    );
    sim.setStatus(order.orderId, "handling");
    await new Promise((resolve) => setTimeout(resolve, 20));
    const items = await read();
    assert.equal(items.length, 1);
    assert.equal(items[0].state, "handling");
    assert.equal((await call(sim, "DELETE", CONFIG)).status, 200);
    assert.equal((await call(sim, "DELETE", CONFIG)).status, 404);
  });
});
