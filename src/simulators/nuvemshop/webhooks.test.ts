// The simulator's webhook emitter: deliveries go to the URLs registered with POST /webhooks (one
// per subscription of the event), reached through the `hosts` map (no DNS); hex HMAC of the raw
// body, retries on the §1.7 schedule (sped up), and the delay/duplicate/drop/reorder/signature
// switches.
import assert from "node:assert/strict";
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, describe, it } from "node:test";
import {
  type NuvemshopSimulator,
  retryOffsets,
  startNuvemshopSimulator,
  type WebhookOptions,
} from "./index.ts";
import { call } from "./test-client.ts";

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  raw: Buffer;
  body: { store_id: number; event: string; id: number };
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
const OTHER = "https://erp.example.com";

describe("Nuvemshop simulator: webhooks", () => {
  let sim: NuvemshopSimulator;
  let sink: http.Server;
  let sinkOrigin: string;
  let received: Received[] = [];
  /** Decides each answer of the sink; 200 by default. */
  let answer: (r: Received) => number | "hang" = () => 200;
  const hookIds: number[] = [];

  const register = async (event: string, url = `${PONTE}/hook`) => {
    const res = await call(sim, "POST", "/webhooks", { body: { event, url } });
    assert.equal(res.status, 201, res.text);
    hookIds.push(res.json().id);
    return res.json().id as number;
  };

  before(async () => {
    sink = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const raw = Buffer.concat(chunks);
        const entry = {
          path: req.url ?? "",
          headers: req.headers,
          raw,
          body: JSON.parse(raw.toString("utf8")),
        };
        received.push(entry);
        const status = answer(entry);
        if (status !== "hang") res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
    sinkOrigin = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
    sim = await startNuvemshopSimulator({
      orders: 10,
      clientSecret: "s3cr3t",
      rateLimit: false,
      hosts: { [PONTE]: sinkOrigin, [OTHER]: sinkOrigin },
    });
  });
  after(async () => {
    await sim.close();
    sink.closeAllConnections();
    await new Promise((resolve) => sink.close(resolve));
  });
  beforeEach(async () => {
    received = [];
    answer = () => 200;
    sim.setOptions({ webhook: null });
    while (hookIds.length > 0) await call(sim, "DELETE", `/webhooks/${hookIds.pop()}`);
  });
  const configure = (options: WebhookOptions) => sim.setOptions({ webhook: options });

  it("sends the LGPD notices to their subscriptions, naming the customer and their orders", async () => {
    await register("customers/redact");
    await register("customers/data_request");
    await register("store/redact");
    const customer = {
      id: 4242,
      email: "lia@example.org",
      phone: "+55 11 90000-0000",
      identification: "52998224725",
    };
    const a = sim.createOrder({ customer, contact_email: customer.email });
    const b = sim.createOrder({ customer, contact_email: customer.email });
    const sent = JSON.parse(sim.privacyNotice("customers/redact", customer.email));
    sim.privacyNotice("customers/data_request", customer.email);
    sim.privacyNotice("store/redact");
    await waitFor("three notices", () => (received.length >= 3 ? true : undefined));
    const byEvent = Object.fromEntries(
      received.map((r) => [r.body.event, r.body as unknown as Record<string, unknown>]),
    );
    assert.deepEqual(byEvent["customers/redact"], sent);
    assert.deepEqual(sent, {
      store_id: sim.storeId,
      event: "customers/redact",
      customer: {
        id: 4242,
        email: customer.email,
        phone: customer.phone,
        identification: customer.identification,
      },
      orders_to_redact: [a.id, b.id],
    });
    const request = byEvent["customers/data_request"]!;
    assert.deepEqual(request.orders_requested, [a.id, b.id]);
    assert.deepEqual([request.checkouts_requested, request.drafts_orders_requested], [[], []]);
    assert.equal(typeof (request.data_request as { id: unknown }).id, "number");
    assert.deepEqual(byEvent["store/redact"], { store_id: sim.storeId, event: "store/redact" });
  });

  it("delivers only to registered URLs, signed with a hex HMAC-SHA256 of the client secret", async () => {
    sim.createOrder({ payment_status: "paid" });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(received.length, 0, "nothing is registered: nothing is sent");

    await register("order/created");
    await register("order/paid");
    const order = sim.createOrder({ payment_status: "paid" });
    await waitFor("two deliveries", () => (received.length >= 2 ? true : undefined));
    assert.deepEqual(received.map((r) => r.body.event).sort(), ["order/created", "order/paid"]);
    for (const r of received) {
      assert.equal(r.path, "/hook", "the path and query of the registered URL are kept");
      assert.deepEqual(r.body, { store_id: sim.storeId, event: r.body.event, id: order.id });
      assert.equal(r.headers["content-type"], "application/json");
      assert.ok(r.headers["user-agent"]);
      const given = Buffer.from(String(r.headers["x-linkedstore-hmac-sha256"]), "hex");
      const expected = crypto.createHmac("sha256", "s3cr3t").update(r.raw).digest();
      assert.equal(given.length, 32);
      assert.ok(crypto.timingSafeEqual(given, expected));
    }
    assert.ok(
      sim.sentWebhooks().some((w) => w.id === order.id && w.url === `${PONTE}/hook` && w.status === 200),
      "the sent log names the registered URL",
    );

    // An event nobody subscribed to goes nowhere; a removed subscription gets nothing more.
    received = [];
    sim.updateOrder(order.id as number, { owner_note: "no order/updated hook" });
    await call(sim, "DELETE", `/webhooks/${hookIds.pop()}`);
    sim.createOrder({ payment_status: "paid" });
    await waitFor("order/created", () => (received.length >= 1 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(
      received.map((r) => r.body.event),
      ["order/created"],
    );
  });

  it("sends one delivery per subscription of the event", async () => {
    await register("order/updated", `${PONTE}/webhooks/nuvemshop`);
    await register("order/updated", `${OTHER}/hooks/orders?src=ns`);
    const id = sim.listOrders()[0]!.id as number;
    sim.updateOrder(id, { owner_note: "both" });
    await waitFor("two deliveries", () => (received.length >= 2 ? true : undefined));
    assert.deepEqual(received.map((r) => r.path).sort(), ["/hooks/orders?src=ns", "/webhooks/nuvemshop"]);
    assert.equal(received[0]!.raw.toString(), received[1]!.raw.toString(), "the same notice to each");
  });

  it("cannot reach a registered URL whose host is not mapped: it fails at once and is retried", async () => {
    await register("order/updated", "https://nowhere.example/hook");
    configure({ timeScale: 100_000 });
    const id = sim.listOrders()[3]!.id as number;
    sim.updateOrder(id, { owner_note: "unreachable" });
    await waitFor("three attempts", () =>
      sim.sentWebhooks().filter((w) => w.id === id).length >= 3 ? true : undefined,
    );
    const attempts = sim.sentWebhooks().filter((w) => w.id === id);
    assert.deepEqual(
      attempts.slice(0, 3).map((w) => [w.attempt, w.status, w.url]),
      [
        [1, null, "https://nowhere.example/hook"],
        [2, null, "https://nowhere.example/hook"],
        [3, null, "https://nowhere.example/hook"],
      ],
    );
    assert.equal(received.length, 0);
  });

  it("retries failures on the Nuvemshop schedule, scaled", async () => {
    assert.deepEqual(retryOffsets().slice(0, 6), [0, 0, 300_000, 900_000, 1_800_000, 3_060_000]);
    assert.equal(retryOffsets().length, 16, "48 h runs out before 18 attempts");
    await register("order/updated");
    configure({ timeScale: 100_000 });
    let failures = 2;
    answer = () => (failures-- > 0 ? 500 : 204);
    const id = sim.listOrders()[1]!.id as number;
    sim.updateOrder(id, { owner_note: "retry me" });
    // Wait for the simulator to record the third answer, not just for the sink to see it.
    await waitFor("third attempt", () =>
      sim.sentWebhooks().some((w) => w.id === id && w.attempt === 3 && w.status !== null) ? true : undefined,
    );
    const attempts = sim.sentWebhooks().filter((w) => w.id === id && w.event === "order/updated");
    assert.deepEqual(
      attempts.map((w) => [w.attempt, w.status]),
      [
        [1, 500],
        [2, 500],
        [3, 204],
      ],
    );
  });

  it("treats a slow answer as a timeout and tries again", async () => {
    await register("order/updated");
    configure({ timeScale: 100_000, timeoutMs: 100 });
    let first = true;
    answer = () => {
      if (!first) return 200;
      first = false;
      return "hang";
    };
    const id = sim.listOrders()[2]!.id as number;
    sim.updateOrder(id, { owner_note: "slow" });
    await waitFor("retry", () =>
      sim.sentWebhooks().some((w) => w.id === id && w.attempt === 2) ? true : undefined,
    );
    const log = sim.sentWebhooks().filter((w) => w.id === id);
    assert.deepEqual(
      log.map((w) => [w.attempt, w.status]),
      [
        [1, null],
        [2, 200],
      ],
    );
  });

  it("sends wrong or no signatures on request", async () => {
    await register("order/updated");
    configure({ signature: "invalid" });
    sim.updateOrder(sim.listOrders()[0]!.id as number, { owner_note: "x" });
    const bad = await waitFor("delivery", () => received[0]);
    const expected = crypto.createHmac("sha256", "s3cr3t").update(bad.raw).digest("hex");
    assert.match(String(bad.headers["x-linkedstore-hmac-sha256"]), /^[0-9a-f]{64}$/);
    assert.notEqual(bad.headers["x-linkedstore-hmac-sha256"], expected);
    configure({ signature: "missing" });
    sim.updateOrder(sim.listOrders()[0]!.id as number, { owner_note: "y" });
    const none = await waitFor("delivery", () => received[1]);
    assert.equal(none.headers["x-linkedstore-hmac-sha256"], undefined);
  });

  it("duplicates, drops and reorders deliveries on request", async () => {
    await register("order/created");
    await register("order/paid");
    configure({ duplicateRate: 1 });
    const dup = sim.createOrder();
    await waitFor("two copies", () => (received.length >= 2 ? true : undefined));
    assert.equal(received[0]!.raw.toString(), received[1]!.raw.toString());
    assert.equal(received[0]!.body.id, dup.id);

    configure({ dropRate: 1 });
    received = [];
    const lost = sim.createOrder();
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Only this order's events count: a copy of the previous one may still be on its way.
    assert.equal(received.filter((r) => r.body.id === lost.id).length, 0);
    assert.ok(sim.sentWebhooks().some((w) => w.id === lost.id && w.dropped === true && w.status === null));

    configure({ reorder: true, delayMs: 20 });
    const paid = sim.createOrder({ payment_status: "paid" });
    const ofPaid = () => received.filter((r) => r.body.id === paid.id);
    await waitFor("both events", () => (ofPaid().length >= 2 ? true : undefined));
    assert.deepEqual(
      ofPaid().map((r) => [r.body.event, r.body.id]),
      [
        ["order/paid", paid.id],
        ["order/created", paid.id],
      ],
    );
  });

  it("announces a suspension and sends nothing else while suspended", async () => {
    for (const event of ["app/suspended", "app/resumed", "order/created"]) await register(event);
    sim.suspend(true);
    sim.createOrder();
    sim.suspend(false);
    await waitFor("app/resumed", () => (received.length >= 2 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(
      received.map((r) => r.body.event),
      ["app/suspended", "app/resumed"],
    );
  });

  it("refuses the removed sink option and bad host maps", () => {
    assert.throws(
      () => sim.setOptions({ webhook: { url: "http://127.0.0.1:1/x" } as WebhookOptions }),
      /webhook\.url/,
    );
    assert.throws(() => sim.setOptions({ hosts: { "http://ponte.test": sinkOrigin } }), /https/);
    assert.throws(() => sim.setOptions({ hosts: { [PONTE]: "not a url" } }), /hosts/);
  });
});
