// Webhooks and the key handover over loopback: the creation ping, signed deliveries of the full
// order, no retry, the webhook disabled after too many failures (and the counter reset by a
// success), the delivery switches, and /wc-auth/v1/authorize handing keys over.
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, afterEach, before, beforeEach, describe, it } from "node:test";
import { startWooSimulator, type WooSimulator } from "./index.ts";
import { basic, call, type Receiver, startReceiver } from "./test-client.ts";

const HOOK_URL = "https://ponte.test/webhooks/woo";
const SECRET = "segredo-do-webhook";

describe("WooCommerce simulator: webhooks", () => {
  let sim: WooSimulator;
  let receiver: Receiver;
  before(async () => {
    receiver = await startReceiver();
    sim = await startWooSimulator({ orders: 3, hosts: { "https://ponte.test": receiver.origin } });
  });
  after(async () => {
    await sim.close();
    await receiver.close();
  });
  beforeEach(() => {
    receiver.received.length = 0;
    receiver.status = 200;
  });
  afterEach(async () => {
    for (const hook of (await call(sim, "GET", "/webhooks")).json())
      await call(sim, "DELETE", `/webhooks/${hook.id}?force=true`);
    sim.setOptions({ webhooks: null });
  });

  const register = async (topic = "order.updated") => {
    const res = await call(sim, "POST", "/webhooks", {
      body: { name: "Ponte", topic, delivery_url: HOOK_URL, secret: SECRET },
    });
    assert.equal(res.status, 201);
    await sim.settled();
    receiver.received.length = 0;
    return res.json();
  };
  const state = async (id: number) =>
    (await call(sim, "GET", "/__control")).json().webhooks.find((h: { id: number }) => h.id === id);
  const touch = async (orderId: number) => {
    await call(sim, "POST", `/__control/orders/${orderId}`, {
      body: { customer_note: `nota ${Math.random()}` },
    });
    await sim.settled();
  };

  it("pings a new webhook with a form body and keeps it pending when the ping is not a 200", async () => {
    const res = await call(sim, "POST", "/webhooks", {
      body: { topic: "order.created", delivery_url: HOOK_URL },
    });
    assert.equal(res.status, 201);
    assert.equal(res.json().status, "active");
    assert.equal(res.json().secret, undefined, "the secret is write-only");
    await sim.settled();
    const [ping] = receiver.received;
    assert.equal(ping!.raw, `webhook_id=${res.json().id}`);
    assert.equal(ping!.headers["content-type"], "application/x-www-form-urlencoded");
    assert.match(String(ping!.headers["user-agent"]), /^WooCommerce\/[\d.]+ Hookshot \(WordPress\/[\d.]+\)$/);
    assert.equal(ping!.headers["x-wc-webhook-signature"], undefined);
    assert.equal((await state(res.json().id)).pendingDelivery, false);
    receiver.status = 202;
    const second = await call(sim, "POST", "/webhooks", {
      body: { topic: "order.created", delivery_url: HOOK_URL },
    });
    assert.equal(second.status, 201, "created whatever the ping got");
    await sim.settled();
    assert.equal((await state(second.json().id)).pendingDelivery, true, "only a 200 answers the ping");
    const bad = await call(sim, "POST", "/webhooks", {
      body: { topic: "order.shipped", delivery_url: HOOK_URL },
    });
    assert.equal(bad.json().code, "woocommerce_rest_shop_webhook_invalid_topic");
  });

  it("delivers the full order, signed with a base64 HMAC-SHA256 of the raw body", async () => {
    const hook = await register("order.created");
    const order = sim.createOrder();
    await sim.settled();
    assert.equal(receiver.received.length, 1);
    const [delivery] = receiver.received;
    const expected = crypto.createHmac("sha256", SECRET).update(delivery!.raw).digest("base64");
    assert.equal(delivery!.headers["x-wc-webhook-signature"], expected);
    assert.equal(delivery!.headers["x-wc-webhook-topic"], "order.created");
    assert.equal(delivery!.headers["x-wc-webhook-resource"], "order");
    assert.equal(delivery!.headers["x-wc-webhook-event"], "created");
    assert.equal(delivery!.headers["x-wc-webhook-id"], String(hook.id));
    assert.equal(delivery!.headers["x-wc-webhook-source"], sim.siteUrl);
    assert.ok(delivery!.headers["x-wc-webhook-delivery-id"]);
    assert.ok(delivery!.raw.includes("\\/wp-json\\/wc\\/v3"), "PHP escapes slashes");
    const body = JSON.parse(delivery!.raw);
    assert.equal(body.id, order.id);
    assert.equal(body.total, order.total);
    assert.ok(Array.isArray(body.line_items));
  });

  it("sends order.updated for a merchant's change and only {id} for order.deleted", async () => {
    await register("order.updated");
    await register("order.deleted");
    const id = sim.listOrders()[0]!.id as number;
    await call(sim, "POST", `/__control/orders/${id}`, { body: { status: "completed" } });
    await call(sim, "DELETE", `/orders/${id}`);
    await sim.settled();
    const topics = receiver.received.map((r) => r.headers["x-wc-webhook-topic"]);
    assert.deepEqual(topics.sort(), ["order.deleted", "order.updated"]);
    const deleted = receiver.received.find((r) => r.headers["x-wc-webhook-topic"] === "order.deleted")!;
    assert.deepEqual(JSON.parse(deleted.raw), { id });
  });

  it("never retries, disables the webhook on the 7th failure in a row, and a success resets the count", async () => {
    const hook = await register();
    const id = sim.listOrders()[1]!.id as number;
    receiver.status = 500;
    for (let i = 0; i < 5; i++) await touch(id);
    assert.equal(receiver.received.length, 5, "one request per change: no retry");
    assert.equal((await state(hook.id)).failureCount, 5);
    receiver.status = 302; // a 2xx, 301 or 302 is a success
    await touch(id);
    assert.equal((await state(hook.id)).failureCount, 0);
    receiver.status = 303;
    for (let i = 0; i < 6; i++) await touch(id);
    assert.equal(
      (await call(sim, "GET", `/webhooks/${hook.id}`)).json().status,
      "active",
      "6 failures: still active",
    );
    await touch(id);
    assert.equal((await call(sim, "GET", `/webhooks/${hook.id}`)).json().status, "disabled");
    const before = receiver.received.length;
    await touch(id);
    assert.equal(receiver.received.length, before, "a disabled webhook delivers nothing");
  });

  it("builds a delayed delivery's body when it is sent, from the order as it is then", async () => {
    await register();
    const id = sim.createOrder().id as number;
    sim.setOptions({ webhooks: { delayMs: 30 } });
    await call(sim, "POST", `/__control/orders/${id}`, { body: { status: "processing" } });
    await call(sim, "POST", `/__control/orders/${id}`, { body: { status: "cancelled" } });
    await sim.settled();
    assert.deepEqual(
      receiver.received.map((r) => JSON.parse(r.raw).status),
      ["cancelled", "cancelled"],
    );
  });

  it("drops everything when the cron stalls, and sends bad or missing signatures on request", async () => {
    await register();
    const id = sim.listOrders()[2]!.id as number;
    sim.setOptions({ webhooks: { dropAll: true } });
    await touch(id);
    assert.equal(receiver.received.length, 0);
    assert.ok(sim.deliveries().some((d) => d.dropped));
    sim.setOptions({ webhooks: { signature: "bad" } });
    await touch(id);
    const bad = receiver.received.at(-1)!;
    assert.notEqual(
      bad.headers["x-wc-webhook-signature"],
      crypto.createHmac("sha256", SECRET).update(bad.raw).digest("base64"),
    );
    sim.setOptions({ webhooks: { signature: "missing", duplicateRate: 1 } });
    await touch(id);
    const [a, b] = receiver.received.slice(-2);
    assert.equal(a!.headers["x-wc-webhook-signature"], undefined);
    assert.equal(
      a!.headers["x-wc-webhook-delivery-id"],
      b!.headers["x-wc-webhook-delivery-id"],
      "a duplicate",
    );
  });
});

describe("WooCommerce simulator: key handover", () => {
  let sim: WooSimulator;
  let receiver: Receiver;
  before(async () => {
    receiver = await startReceiver();
    sim = await startWooSimulator({ orders: 1, hosts: { "https://ponte.test": receiver.origin } });
  });
  after(async () => {
    await sim.close();
    await receiver.close();
  });

  const authorizeUrl = (callback = "https://ponte.test/woo/chaves") =>
    `/wc-auth/v1/authorize?${new URLSearchParams({
      app_name: "Ponte",
      scope: "read_write",
      user_id: "loja-7",
      return_url: "https://ponte.test/woo/voltar",
      callback_url: callback,
    })}`;

  it("posts new keys to callback_url, redirects with success=1, and the keys then work", async () => {
    receiver.status = 200;
    const res = await call(sim, "GET", authorizeUrl(), { auth: false });
    assert.equal(res.status, 302);
    assert.equal(res.headers.location, "https://ponte.test/woo/voltar?success=1&user_id=loja-7");
    const posted = JSON.parse(receiver.received.at(-1)!.raw);
    assert.equal(posted.user_id, "loja-7");
    assert.equal(posted.key_permissions, "read_write");
    assert.match(posted.consumer_key, /^ck_[0-9a-f]{40}$/);
    const headers = { authorization: basic(posted.consumer_key, posted.consumer_secret) };
    assert.equal((await call(sim, "GET", "/orders", { headers })).status, 200);
  });

  it("deletes the key when the callback does not answer 200, and redirects with success=0 on denial", async () => {
    const before = sim.keys().length;
    receiver.status = 500;
    const failed = await call(sim, "GET", authorizeUrl(), { auth: false });
    assert.equal(failed.status, 401);
    assert.match(failed.text, /unable to send the consumer data/);
    assert.equal(sim.keys().length, before);
    assert.equal((await call(sim, "GET", authorizeUrl("http://ponte.test/x"), { auth: false })).status, 401);
    sim.setOptions({ authorize: "deny" });
    const denied = await call(sim, "GET", authorizeUrl(), { auth: false });
    assert.equal(denied.headers.location, "https://ponte.test/woo/voltar?success=0&user_id=loja-7");
  });
});
