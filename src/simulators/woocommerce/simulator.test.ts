// The REST API over loopback: key auth (Basic, query string, the 401 bodies, read-only keys, a
// revoked key), paging and its limits, the date filters, plugin fields, statuses, notes, batch,
// and the fault switches.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startWooSimulator, type WooSimulator } from "./index.ts";
import { basic, call } from "./test-client.ts";

describe("WooCommerce simulator: auth", () => {
  let sim: WooSimulator;
  before(async () => {
    sim = await startWooSimulator({ orders: 5 });
  });
  after(() => sim.close());

  it("takes the key pair by HTTP Basic or in the query string", async () => {
    assert.equal((await call(sim, "GET", "/orders")).status, 200);
    const query = `consumer_key=${sim.consumerKey}&consumer_secret=${sim.consumerSecret}`;
    assert.equal((await call(sim, "GET", `/orders?${query}`, { auth: false })).status, 200);
  });

  it("answers 401 with WooCommerce's bodies: no key, an unknown key, a wrong secret", async () => {
    const none = await call(sim, "GET", "/orders", { auth: false });
    assert.equal(none.status, 401);
    assert.deepEqual(none.json(), {
      code: "woocommerce_rest_cannot_view",
      message: "Sorry, you cannot list resources.",
      data: { status: 401 },
    });
    const unknown = await call(sim, "GET", "/orders/1", {
      headers: { authorization: basic("ck_nope", "cs_nope") },
    });
    assert.equal(unknown.json().code, "woocommerce_rest_cannot_view");
    const wrong = await call(sim, "GET", "/orders", {
      headers: { authorization: basic(sim.consumerKey, "cs_wrong") },
    });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.json().code, "woocommerce_rest_authentication_error");
    assert.equal(wrong.json().message, "Consumer secret is invalid.");
    assert.match(String(wrong.headers["www-authenticate"]), /^Basic realm=/);
  });

  it("refuses writes with a read key, and every call once the keys are revoked", async () => {
    const id = sim.listOrders()[0]!.id as number;
    const key = sim.addKey("read");
    const headers = { authorization: basic(key.consumerKey, key.consumerSecret) };
    assert.equal((await call(sim, "GET", `/orders/${id}`, { headers })).status, 200);
    const write = await call(sim, "PUT", `/orders/${id}`, { headers, body: { status: "completed" } });
    assert.equal(write.status, 401);
    assert.equal(write.json().message, "The API key provided does not have write permissions.");
    assert.notEqual(sim.getOrder(id)!.status, "completed");
    sim.setOptions({ unauthorized: true });
    const revoked = await call(sim, "PUT", `/orders/${id}`, { body: { status: "completed" } });
    assert.equal(revoked.json().code, "woocommerce_rest_cannot_edit");
    sim.setOptions({ unauthorized: false });
  });
});

describe("WooCommerce simulator: orders", () => {
  let sim: WooSimulator;
  before(async () => {
    sim = await startWooSimulator({ orders: 35, seed: 3 });
  });
  after(() => sim.close());

  it("pages 10 by default with X-WP-Total, X-WP-TotalPages and Link, and [] past the end", async () => {
    const first = await call(sim, "GET", "/orders");
    assert.equal(first.json().length, 10);
    assert.equal(first.headers["x-wp-total"], "35");
    assert.equal(first.headers["x-wp-totalpages"], "4");
    assert.match(String(first.headers.link), /page=2>; rel="next"/);
    const seen = new Set<number>();
    for (let page = 1; page <= 4; page++) {
      for (const o of (await call(sim, "GET", `/orders?per_page=10&page=${page}`)).json()) seen.add(o.id);
    }
    assert.equal(seen.size, 35);
    const past = await call(sim, "GET", "/orders?page=9");
    assert.equal(past.status, 200);
    assert.deepEqual(past.json(), []);
    assert.equal((await call(sim, "GET", "/orders?per_page=100")).json().length, 35);
    const over = await call(sim, "GET", "/orders?per_page=101");
    assert.equal(over.status, 400);
    assert.equal(over.json().code, "rest_invalid_param");
    assert.ok(over.json().data.params.per_page);
    assert.equal((await call(sim, "GET", "/orders?per_page=0")).status, 400);
  });

  it("filters by modified_after in site time, or in GMT with dates_are_gmt", async () => {
    const all = sim.listOrders();
    const pivot = all.map((o) => o.date_modified_gmt as string).sort()[20]!;
    const newer = all.filter((o) => (o.date_modified_gmt as string) > pivot && o.status !== "trash").length;
    const gmt = await call(sim, "GET", `/orders?per_page=100&dates_are_gmt=true&modified_after=${pivot}`);
    assert.equal(gmt.json().length, newer);
    // The same wall-clock value read as site time (three hours behind GMT) is three hours later.
    const local = await call(sim, "GET", `/orders?per_page=100&modified_after=${pivot}`);
    assert.ok(local.json().length < newer);
    const localPivot = all.find((o) => o.date_modified_gmt === pivot)!.date_modified as string;
    assert.equal(
      (await call(sim, "GET", `/orders?per_page=100&modified_after=${localPivot}`)).json().length,
      newer,
    );
    assert.equal((await call(sim, "GET", "/orders?modified_after=yesterday")).status, 400);
  });

  it("shows the plugin's fields, only its meta, or neither", async () => {
    const id = sim.listOrders().find((o) => (o.billing as Record<string, string>).cpf)!.id as number;
    const read = async () => (await call(sim, "GET", `/orders/${id}`)).json();
    const withPlugin = await read();
    assert.match(withPlugin.billing.cpf, /^\d{11}$/);
    assert.ok(withPlugin.shipping.number);
    sim.setOptions({ plugin: "meta" });
    const metaOnly = await read();
    assert.equal(metaOnly.billing.cpf, undefined);
    assert.ok(metaOnly.meta_data.some((m: { key: string }) => m.key === "_billing_cpf"));
    sim.setOptions({ plugin: "absent" });
    const none = await read();
    assert.equal(none.billing.cpf, undefined);
    assert.ok(!none.meta_data.some((m: { key: string }) => m.key.startsWith("_billing_")));
    assert.ok(none.billing.address_1.endsWith(`, ${withPlugin.billing.number}`));
    sim.setOptions({ plugin: "rest" });
  });

  it("moves orders through core and custom statuses, merges meta, and 404s an unknown id", async () => {
    const order = sim.createOrder();
    const id = order.id as number;
    const moved = await call(sim, "PUT", `/orders/${id}`, {
      body: { status: "aguardando-envio", meta_data: [{ key: "_nfe_numero", value: "123" }] },
    });
    assert.equal(moved.status, 200);
    assert.equal(moved.json().status, "aguardando-envio");
    const listed = await call(sim, "GET", "/orders?status=aguardando-envio&per_page=100");
    assert.ok(listed.json().some((o: { id: number }) => o.id === id));
    const again = await call(sim, "PUT", `/orders/${id}`, {
      body: { meta_data: [{ key: "_nfe_numero", value: "124" }] },
    });
    const nfe = again.json().meta_data.filter((m: { key: string }) => m.key === "_nfe_numero");
    assert.deepEqual(
      nfe.map((m: { value: string }) => m.value),
      ["124"],
    );
    const completed = await call(sim, "PUT", `/orders/${id}`, { body: { status: "completed" } });
    assert.ok(completed.json().date_completed_gmt);
    assert.ok(completed.json().date_paid_gmt);
    const bad = await call(sim, "PUT", `/orders/${id}`, { body: { status: "shipped" } });
    assert.equal(bad.status, 400);
    assert.equal(bad.json().code, "rest_invalid_param");
    const missing = await call(sim, "GET", "/orders/999999");
    assert.equal(missing.status, 404);
    assert.equal(missing.json().code, "woocommerce_rest_shop_order_invalid_id");
  });

  it("adds notes and lists them; a note needs its text", async () => {
    const id = sim.listOrders()[0]!.id as number;
    const added = await call(sim, "POST", `/orders/${id}/notes`, {
      body: { note: "Enviado pelos Correios: JT194690698BR", customer_note: true },
    });
    assert.equal(added.status, 201);
    assert.equal(added.json().customer_note, true);
    assert.equal(added.json().author, "system");
    const notes = (await call(sim, "GET", `/orders/${id}/notes`)).json();
    assert.ok(notes.some((n: { note: string }) => n.note.includes("JT194690698BR")));
    assert.equal((await call(sim, "POST", `/orders/${id}/notes`, { body: {} })).status, 400);
  });

  it("takes a batch of up to 100 objects and refuses more with 413", async () => {
    const ids = [sim.createOrder().id as number, sim.createOrder().id as number];
    const ok = await call(sim, "POST", "/orders/batch", {
      body: {
        update: [
          { id: ids[0], status: "on-hold" },
          { id: 999999, status: "on-hold" },
        ],
      },
    });
    assert.equal(ok.status, 200);
    assert.equal(ok.json().update[0].status, "on-hold");
    assert.equal(ok.json().update[1].error.code, "woocommerce_rest_shop_order_invalid_id");
    const tooMany = await call(sim, "POST", "/orders/batch", {
      body: { update: Array.from({ length: 101 }, () => ({ id: ids[1], status: "completed" })) },
    });
    assert.equal(tooMany.status, 413);
    assert.equal(tooMany.json().code, "woocommerce_rest_request_entity_too_large");
    assert.notEqual(sim.getOrder(ids[1]!)!.status, "completed");
  });

  it("trashes an order (410 the second time) and deletes it for good with force=true", async () => {
    const id = sim.createOrder().id as number;
    assert.equal((await call(sim, "DELETE", `/orders/${id}`)).json().status, "trash");
    assert.equal((await call(sim, "DELETE", `/orders/${id}`)).status, 410);
    const listed = (await call(sim, "GET", "/orders?per_page=100")).json();
    assert.ok(!listed.some((o: { id: number }) => o.id === id), "any leaves the trash out");
    assert.equal((await call(sim, "DELETE", `/orders/${id}?force=true`)).status, 200);
    assert.equal((await call(sim, "GET", `/orders/${id}`)).status, 404);
  });
});

describe("WooCommerce simulator: faults", () => {
  let sim: WooSimulator;
  before(async () => {
    sim = await startWooSimulator({ orders: 5 });
  });
  after(() => sim.close());

  it("a scripted afterApply fault carries the write out and loses its answer", async () => {
    const id = sim.createOrder().id as number;
    sim.setOptions({
      faultScript: [{ status: 503, count: 1, method: "PUT", path: "/orders/\\d+$", afterApply: true }],
    });
    const lost = await call(sim, "PUT", `/orders/${id}`, { body: { status: "cancelled" } });
    assert.equal(lost.status, 503);
    assert.equal(sim.getOrder(id)!.status, "cancelled");
    assert.equal(sim.faultsRemaining(), 0);
    assert.equal((await call(sim, "GET", `/orders/${id}`)).status, 200);
  });

  it("answers a site down, a suspended host and the optional host rate limit", async () => {
    sim.setOptions({ siteDown: true });
    const down = await call(sim, "GET", "/orders");
    assert.equal(down.status, 500);
    assert.equal(down.json().code, "internal_server_error");
    sim.setOptions({ siteDown: false, suspended: true });
    const suspended = await call(sim, "GET", "/orders");
    assert.equal(suspended.status, 503);
    assert.match(String(suspended.headers["content-type"]), /text\/html/);
    sim.setOptions({ suspended: false, hostRateLimit: { perMinute: 1, retryAfterSeconds: 7 } });
    assert.equal((await call(sim, "GET", "/orders")).status, 200);
    const limited = await call(sim, "GET", "/orders");
    assert.equal(limited.status, 429);
    assert.equal(limited.headers["retry-after"], "7");
    sim.setOptions({ hostRateLimit: null });
    assert.equal((await call(sim, "GET", "/orders")).status, 200);
  });

  it("changes rows between two page reads, and can move date_modified backwards", async () => {
    sim.setOptions({ churnPerList: 2 });
    const before = new Map(sim.listOrders().map((o) => [o.id, JSON.stringify(o)]));
    await call(sim, "GET", "/orders?per_page=1");
    const changed = sim.listOrders().filter((o) => before.get(o.id) !== JSON.stringify(o));
    assert.ok(changed.length >= 1, "orders changed after the page was read");
    sim.setOptions({ churnPerList: 0, modifiedSkewMs: -3_600_000 });
    const order = sim.createOrder();
    const moved = (
      await call(sim, "PUT", `/orders/${order.id}`, { body: { customer_note: "pode deixar na portaria" } })
    ).json();
    assert.ok(
      Date.parse(`${moved.date_modified_gmt}Z`) < Date.parse(`${order.date_modified_gmt}Z`),
      "backwards",
    );
    sim.setOptions({ modifiedSkewMs: 0 });
  });

  it("keeps the control plane behind the control key and logs API calls", async () => {
    assert.equal(
      (await call(sim, "GET", "/__control", { headers: { "x-simulator-key": "wrong-key-wrong-key" } }))
        .status,
      401,
    );
    await call(sim, "DELETE", "/__log");
    await call(sim, "GET", "/orders?per_page=2");
    const log = (await call(sim, "GET", "/__log")).json();
    assert.equal(log.length, 1);
    assert.equal(log[0].query.per_page, "2");
  });
});
