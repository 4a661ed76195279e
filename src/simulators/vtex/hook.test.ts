// The orders hook over loopback: the ping on save (200 saves, anything else is a 400), thin notices
// with the configured headers reached through `hosts`, the retry schedule (sped up), the
// drop/duplicate switches, and removal after three idle days.
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, describe, it } from "node:test";
import { hookRetryDelays, startVtexSimulator, type VtexSimulator } from "./index.ts";
import { call } from "./test-client.ts";

interface Received {
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
  at: number;
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const PONTE = "https://ponte.test";
const HOOK = "/api/orders/hook/config";

describe("VTEX simulator: hook", () => {
  let sim: VtexSimulator;
  let sink: http.Server;
  let received: Received[] = [];
  let answer: (r: Received) => number = () => 200;

  before(async () => {
    sink = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const entry = {
          headers: req.headers,
          body: JSON.parse(Buffer.concat(chunks).toString("utf8")),
          at: Date.now(),
        };
        received.push(entry);
        res.writeHead(answer(entry)).end();
      });
    });
    await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
    sim = await startVtexSimulator({ orders: 0, hosts: { [PONTE]: origin }, hook: { timeScale: 60_000 } });
  });
  after(async () => {
    await sim.close();
    sink.close();
  });
  beforeEach(() => {
    received = [];
    answer = () => 200;
  });

  const save = (url = `${PONTE}/vtex/hook`) =>
    call(sim, "POST", HOOK, {
      body: {
        filter: { type: "FromWorkflow", status: ["ready-for-handling"] },
        hook: { url, headers: { "x-ponte-key": "k1" } },
      },
    });
  const notices = () => received.filter((r) => !("hookConfig" in r.body));

  it("pings the url on save: 200 saves the hook, anything else answers 400", async () => {
    answer = () => 500;
    assert.equal((await save()).status, 400);
    assert.equal((await call(sim, "GET", HOOK)).status, 404);
    assert.equal((await save("https://unmapped.example/hook")).status, 400, "no route to the host");
    assert.equal((await save("http://127.0.0.1:1/hook")).status, 400, "https only");
    answer = () => 200;
    received = [];
    assert.equal((await save()).status, 200);
    assert.deepEqual(received[0]!.body, { hookConfig: "ping" });
    assert.equal(received[0]!.headers["x-ponte-key"], "k1");
    const config = (await call(sim, "GET", HOOK)).json();
    assert.equal(config.hook.url, `${PONTE}/vtex/hook`);
  });

  it("sends a thin notice for each matching status move, with the configured headers", async () => {
    const order = sim.createOrder();
    sim.setStatus(order.orderId, "ready-for-handling");
    const notice = await waitFor("a notice", () => notices()[0]);
    assert.deepEqual(Object.keys(notice.body).sort(), ["Domain", "LastChange", "OrderId", "Origin", "State"]);
    assert.equal(notice.body.OrderId, order.orderId);
    assert.equal(notice.body.State, "ready-for-handling");
    assert.deepEqual(notice.body.Origin, { Account: sim.account, Key: sim.appKey });
    assert.equal(notice.headers["x-ponte-key"], "k1");
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(notices().length, 1, "payment-pending and order-created are not in the filter");
  });

  it("sends notices with the configured headers altered or left out when told to", async () => {
    for (const [mode, expected] of [
      ["tampered", "k1-tampered"],
      ["missing", undefined],
    ] as const) {
      sim.setOptions({ hook: { timeScale: 60_000, headers: mode } });
      received = [];
      const order = sim.createOrder();
      sim.setStatus(order.orderId, "ready-for-handling");
      const notice = await waitFor(`a notice with headers ${mode}`, () => notices()[0]);
      assert.equal(notice.headers["x-ponte-key"], expected);
    }
    sim.setOptions({ hook: { timeScale: 60_000 } });
  });

  it("retries a failed notice on a growing schedule until it gets a 200", async () => {
    const delays = hookRetryDelays();
    assert.deepEqual(delays.slice(0, 4), [60_000, 120_000, 240_000, 480_000]);
    sim.setOptions({ hook: { timeScale: 6000 } });
    let calls = 0;
    answer = () => (++calls <= 3 ? 503 : 200);
    const order = sim.createOrder();
    sim.setStatus(order.orderId, "ready-for-handling");
    await waitFor("four attempts", () => (notices().length >= 4 ? true : undefined));
    const [a, b, c, d] = notices().map((n) => n.at);
    // Scaled by 6000: waits of 10, 20 and 40 ms.
    assert.ok(b! - a! >= 9, "the first retry waits");
    assert.ok(d! - c! > b! - a!, "waits grow");
    // The simulator records an attempt once the answer is back, a moment after the sink saw it.
    const log = await waitFor("four attempts recorded", () => {
      const sent = sim.sentNotices().filter((n) => n.orderId === order.orderId);
      return sent.length >= 4 ? sent : undefined;
    });
    assert.deepEqual(
      log.map((n) => [n.attempt, n.status]),
      [
        [1, 503],
        [2, 503],
        [3, 503],
        [4, 200],
      ],
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(notices().length, 4, "no retry after the 200");
    sim.setOptions({ hook: { timeScale: 60_000 } });
  });

  it("drops or duplicates notices when told to", async () => {
    sim.setOptions({ hook: { timeScale: 60_000, duplicateRate: 1, duplicates: 3 } });
    const order = sim.createOrder();
    sim.setStatus(order.orderId, "ready-for-handling");
    await waitFor("three copies", () => (notices().length >= 3 ? true : undefined));
    sim.setOptions({ hook: { timeScale: 60_000, dropRate: 1 } });
    received = [];
    const lost = sim.createOrder();
    sim.setStatus(lost.orderId, "ready-for-handling");
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(notices().length, 0);
    assert.ok(sim.sentNotices().some((n) => n.orderId === lost.orderId && n.dropped));
    sim.setOptions({ hook: { timeScale: 60_000 } });
  });

  it("removes a hook with no notices for three days", async () => {
    sim.advanceTime(3 * 24 * 3_600_000 + 1000);
    assert.equal((await call(sim, "GET", HOOK)).status, 404);
    const order = sim.createOrder();
    sim.setStatus(order.orderId, "ready-for-handling");
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(notices().length, 0);
  });
});
