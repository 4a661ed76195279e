// The simulator's HTTP API: request checks, rate limit, paging, order actions, fulfillment
// orders, metafields, customers and OAuth. No database needed.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { formatTime } from "./format.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "./index.ts";
import { call, UA } from "./test-client.ts";

describe("Nuvemshop simulator: request checks", () => {
  let sim: NuvemshopSimulator;
  before(async () => {
    sim = await startNuvemshopSimulator({ orders: 30, rateLimit: false });
  });
  after(() => sim.close());

  it("answers 400 without a User-Agent, 401 for a bad or missing token", async () => {
    const noUa = await call(sim, "GET", "/orders", { headers: { "user-agent": "" } });
    assert.equal(noUa.status, 400);
    const bad = await call(sim, "GET", "/orders", { headers: { authentication: "bearer nope" } });
    assert.equal(bad.status, 401);
    assert.deepEqual(bad.json(), { code: 401, message: "Unauthorized", description: "Invalid access token" });
    assert.equal((await call(sim, "GET", "/orders", { auth: false })).status, 401);
    const viaAuthorization = await call(sim, "GET", "/orders", {
      auth: false,
      headers: { authorization: `Bearer ${sim.accessToken}` },
    });
    assert.equal(viaAuthorization.status, 200);
    assert.equal((await call(sim, "GET", `${sim.url}/2025-03/${sim.storeId}/orders`)).status, 200);
    assert.equal((await call(sim, "GET", `${sim.apiBase}/999/orders`)).json().code, 404);
  });

  it("answers 415 for a non-JSON body, 400 for bad JSON, 422 for bad fields", async () => {
    const id = sim.listOrders()[0]!.id;
    const text = await call(sim, "POST", `/orders/${id}/cancel`, {
      body: "reason=fraud",
      headers: { "content-type": "text/plain" },
    });
    assert.equal(text.status, 415);
    const broken = await call(sim, "POST", `/orders/${id}/cancel`, {
      body: "{oops",
      headers: { "content-type": "application/json" },
    });
    assert.equal(broken.status, 400);
    assert.deepEqual(broken.json(), { error: "Problems parsing JSON" });
    const reason = await call(sim, "POST", `/orders/${id}/cancel`, { body: { reason: "bored" } });
    assert.equal(reason.status, 422);
    assert.ok(Array.isArray(reason.json().reason));
    assert.equal((await call(sim, "GET", "/orders?per_page=201")).status, 422);
    assert.equal((await call(sim, "GET", "/orders?created_at_min=yesterday")).status, 422);
    assert.equal(sim.getOrder(Number(id))!.status, sim.listOrders()[0]!.status, "nothing changed");
  });

  it("a deleted order answers 404 and leaves the listing; restored, it is back", async () => {
    const id = Number(sim.listOrders()[1]!.id);
    const deleted = sim.deleteOrder(id);
    const gone = await call(sim, "GET", `/orders/${id}`);
    assert.equal(gone.status, 404);
    assert.equal(gone.json().code, 404);
    const listed = (await call(sim, "GET", "/orders?per_page=200")).json() as { id: number }[];
    assert.ok(!listed.some((o) => o.id === id), "not listed any more");
    sim.restoreOrder(deleted);
    const back = await call(sim, "GET", `/orders/${id}`);
    assert.equal(back.status, 200);
    assert.equal(back.json().number, deleted.number);
  });

  it("answers 402 on every call while suspended", async () => {
    sim.suspend(true);
    const res = await call(sim, "GET", "/orders");
    assert.equal(res.status, 402);
    assert.equal(res.json().message, "Payment Required");
    sim.suspend(false);
    assert.equal((await call(sim, "GET", "/orders")).status, 200);
  });

  it("serves HEAD like GET without a body, and logs requests with lower-cased headers", async () => {
    sim.clearLog();
    const head = await call(sim, "HEAD", "/orders?per_page=5");
    assert.equal(head.status, 200);
    assert.equal(head.text, "");
    assert.equal(head.headers["x-total-count"], "30");
    const log = sim.requestLog();
    assert.equal(log.length, 1);
    assert.equal(log[0]!.headers["user-agent"], UA);
    assert.equal(log[0]!.query.per_page, "5");
    const viaHttp = await (
      await fetch(`${sim.url}/__log`, { headers: { "x-simulator-key": sim.controlKey } })
    ).json();
    assert.deepEqual(viaHttp, log);
  });

  it("strips the customer without read_customers", async () => {
    sim.setOptions({ readCustomers: false });
    const orders = (await call(sim, "GET", "/orders?per_page=5")).json();
    assert.ok(
      orders.every((o: Record<string, unknown>) => !("customer" in o) && "contact_identification" in o),
    );
    assert.equal((await call(sim, "GET", "/customers")).status, 403);
    sim.setOptions({ readCustomers: true });
    const doc = sim
      .listOrders()
      .map((o) => (o.customer as { identification: string | null }).identification)
      .find((d) => d && /^\d{3}\.\d{3}/.test(d))!;
    const found = (await call(sim, "GET", `/customers?q=${doc.replace(/\D/g, "")}`)).json();
    assert.ok(found.some((c: { identification: string }) => c.identification === doc));
  });
});

describe("Nuvemshop simulator: rate limit", () => {
  let sim: NuvemshopSimulator;
  before(async () => {
    sim = await startNuvemshopSimulator({ orders: 5 });
  });
  after(() => sim.close());

  it("reports the bucket in x-rate-limit-* and answers 429 without Retry-After past 40", async () => {
    // 60 at once: the bucket (40, leaking 2 a second) overflows even on a slow, loaded machine.
    const answers = await Promise.all(
      Array.from({ length: 60 }, () => call(sim, "GET", "/orders?per_page=1")),
    );
    const limited = answers.filter((a) => a.status === 429);
    assert.ok(limited.length >= 1 && limited.length <= 20, `429s: ${limited.length}`);
    assert.ok(
      limited.every((a) => a.headers["x-rate-limit-remaining"] === "0"),
      "only a full bucket refuses",
    );
    for (const a of answers) {
      assert.equal(a.headers["x-rate-limit-limit"], "40");
      assert.match(String(a.headers["x-rate-limit-remaining"]), /^\d+$/);
      assert.match(String(a.headers["x-rate-limit-reset"]), /^\d+$/);
    }
    assert.ok(limited.every((a) => a.headers["retry-after"] === undefined));
    assert.ok(
      Number(limited[0]!.headers["x-rate-limit-reset"]) > 15_000,
      "a full bucket takes ~20 s to drain",
    );
    sim.setOptions({ planMultiplier: 10 });
    const next = await call(sim, "GET", "/orders?per_page=1");
    assert.equal(next.status, 200);
    assert.equal(next.headers["x-rate-limit-limit"], "400");
  });
});

describe("Nuvemshop simulator: orders", () => {
  let sim: NuvemshopSimulator;
  before(async () => {
    sim = await startNuvemshopSimulator({ orders: 70, rateLimit: false, seed: 5 });
  });
  after(() => sim.close());

  it("pages with Link and X-Total-Count, collecting every order once", async () => {
    const seen: number[] = [];
    let url: string | undefined = `${sim.apiBase}/${sim.storeId}/orders?per_page=30`;
    let pages = 0;
    while (url) {
      const res = await call(sim, "GET", url);
      assert.equal(res.status, 200);
      assert.equal(res.headers["x-total-count"], "70");
      seen.push(...res.json().map((o: { id: number }) => o.id));
      pages++;
      url = /<([^>]+)>; rel="next"/.exec(String(res.headers.link))?.[1];
    }
    assert.equal(pages, 3);
    assert.equal(new Set(seen).size, 70);
    assert.deepEqual(
      [...seen].sort(),
      sim
        .listOrders()
        .map((o) => o.id as number)
        .sort(),
    );
    assert.equal((await call(sim, "GET", "/orders?page=4&per_page=30")).status, 404);
    sim.setOptions({ pastLastPage: "empty", pageCap: true });
    assert.deepEqual((await call(sim, "GET", "/orders?page=4&per_page=30")).json(), []);
    assert.equal((await call(sim, "GET", "/orders?page=51&per_page=200")).status, 422);
    sim.setOptions({ pastLastPage: "404", pageCap: false });
  });

  it("filters by updated_at_min, oldest change first", async () => {
    const since = Date.now() - 1000;
    const [a, b] = sim.listOrders().slice(0, 2) as { id: number }[];
    sim.updateOrder(b!.id, { owner_note: "first" });
    sim.updateOrder(a!.id, { owner_note: "second" });
    const res = await call(sim, "GET", `/orders?updated_at_min=${encodeURIComponent(formatTime(since))}`);
    const found: { id: number; updated_at: string }[] = res.json();
    assert.ok(found.some((o) => o.id === a!.id) && found.some((o) => o.id === b!.id));
    assert.ok(found.every((o) => o.updated_at >= formatTime(since)));
    const sorted = [...found].sort((x, y) => x.updated_at.localeCompare(y.updated_at) || x.id - y.id);
    assert.deepEqual(found, sorted, "ordered by updated_at, then id");
    const filtered = (await call(sim, "GET", "/orders?status=cancelled&per_page=200")).json();
    assert.ok(filtered.length > 0 && filtered.every((o: { status: string }) => o.status === "cancelled"));
  });

  it("packs, fulfills and cancels with the state rules, bumping updated_at", async () => {
    const all = sim.listOrders();
    const open = all.find(
      (o) =>
        o.status === "open" &&
        o.payment_status === "paid" &&
        o.shipping_status === "unpacked" &&
        o.shipping_pickup_type === "ship",
    )!;
    const packed = (await call(sim, "POST", `/orders/${open.id}/pack`)).json();
    assert.equal(packed.shipping_status, "unfulfilled");
    assert.equal(packed.next_action, "waiting_shipment");
    assert.ok(packed.updated_at > String(open.updated_at));
    const body = {
      shipping_tracking_number: "JT194690698BR",
      shipping_tracking_url: "https://t.example/JT194690698BR",
      notify_customer: false,
    };
    const shipped = (await call(sim, "POST", `/orders/${open.id}/fulfill`, { body })).json();
    assert.equal(shipped.shipping_status, "fulfilled");
    assert.equal(shipped.shipping_tracking_number, "JT194690698BR");
    assert.ok(shipped.shipped_at);
    assert.deepEqual(sim.actions().at(-1), { ...sim.actions().at(-1), action: "fulfill", body });
    assert.equal((await call(sim, "POST", `/orders/${open.id}/pack`)).status, 422, "already shipped");

    const legacy = all.find(
      (o) => o.shipping_status === "unshipped" && o.status === "open" && o.payment_status === "paid",
    )!;
    assert.equal(
      (await call(sim, "POST", `/orders/${legacy.id}/fulfill`, { body: {} })).json().shipping_status,
      "shipped",
    );

    const closed = all.find((o) => o.status === "closed")!;
    assert.equal(
      (await call(sim, "POST", `/orders/${closed.id}/cancel`, { body: { reason: "fraud" } })).status,
      422,
    );
    const cancelled = (
      await call(sim, "POST", `/orders/${open.id}/cancel`, { body: { reason: "fraud", restock: false } })
    ).json();
    assert.equal(cancelled.status, "cancelled");
    assert.equal(cancelled.cancel_reason, "fraud");
    assert.ok(cancelled.cancelled_at);
    for (const action of ["cancel", "pack", "fulfill", "close"]) {
      assert.equal(
        (await call(sim, "POST", `/orders/${open.id}/${action}`, { body: {} })).status,
        422,
        action,
      );
    }
    const reopened = (await call(sim, "POST", `/orders/${closed.id}/open`)).json();
    assert.equal(reopened.status, "open");
    const put = (
      await call(sim, "PUT", `/orders/${closed.id}`, { body: { owner_note: "Embrulhar 🎁" } })
    ).json();
    assert.equal(put.owner_note, "Embrulhar 🎁");
  });

  it("keeps fulfillment orders to the §1.6 rules", async () => {
    const order = sim
      .listOrders()
      .find(
        (o) =>
          o.status === "open" &&
          o.payment_status === "paid" &&
          o.shipping_status === "unpacked" &&
          o.shipping_pickup_type === "ship",
      )!;
    const base = `/orders/${order.id}/fulfillment-orders`;
    const [fo] = (await call(sim, "GET", base)).json();
    assert.equal(fo.status, "UNPACKED");
    const patch = (body: object) => call(sim, "PATCH", `${base}/${fo.id}`, { body });
    assert.equal((await patch({ status: "READY_FOR_PICKUP" })).status, 422, "pickup only");
    assert.equal((await patch({ status: "PACKED" })).json().status, "PACKED");
    assert.equal((await patch({ status: "UNPACKED" })).json().status, "UNPACKED");
    const events = `${base}/${fo.id}/tracking-events`;
    assert.equal(
      (await call(sim, "POST", events, { body: { status: "in_transit" } })).status,
      422,
      "needs DISPATCHED",
    );
    const dispatched = await patch({
      status: "DISPATCHED",
      tracking_info: { code: "QB123456789BR", url: "https://t.example/QB" },
    });
    assert.equal(dispatched.json().status, "DISPATCHED");
    assert.equal(sim.getOrder(order.id as number)!.shipping_tracking_number, "QB123456789BR");
    assert.equal((await patch({ status: "PACKED" })).status, 422);
    assert.equal((await patch({ destination: { city: "Santos" } })).status, 422, "frozen after dispatch");
    const event = { status: "in_transit", description: "Em trânsito para São Paulo" };
    assert.equal((await call(sim, "POST", events, { body: event })).status, 201);
    const again = await call(sim, "POST", events, { body: event });
    assert.equal(again.status, 400);
    assert.equal(
      again.json().description,
      "The tracking event must not be identical to an existing tracking event",
    );
    await call(sim, "POST", events, {
      body: { status: "delivered", happened_at: "2026-01-02T10:00:00-03:00" },
    });
    const done = (await call(sim, "GET", `${base}/${fo.id}`)).json();
    assert.equal(done.status, "DELIVERED");
    assert.equal(done.fulfilled_at, "2026-01-02T10:00:00-03:00");
    assert.equal((await call(sim, "GET", events)).json().length, 2);
  });

  it("validates legacy fulfillment dates", async () => {
    const id = sim.listOrders()[3]!.id;
    const bad = await call(sim, "POST", `/orders/${id}/fulfillments`, {
      body: { status: "dispatched", happened_at: "02/01/2026" },
    });
    assert.equal(bad.status, 422);
    const good = await call(sim, "POST", `/orders/${id}/fulfillments`, {
      body: { status: "dispatched", happened_at: "2026-01-02" },
    });
    assert.equal(good.status, 201);
    assert.equal((await call(sim, "GET", `/orders/${id}/fulfillments`)).json().length, 1);
  });

  it("creates, reads and updates metafields", async () => {
    const id = sim.listOrders()[1]!.id;
    const value = JSON.stringify([{ key: "35260912ABC34501DE35550010000001231123456784", link: null }]);
    const created = await call(sim, "POST", "/metafields", {
      body: { namespace: "nfe", key: "list", value, owner_resource: "Order", owner_id: id },
    });
    assert.equal(created.status, 201);
    const mf = created.json();
    const found = (await call(sim, "GET", `/metafields/orders?owner_id=${id}&namespace=nfe&key=list`)).json();
    assert.deepEqual(found, [mf]);
    const updated = (await call(sim, "PUT", `/metafields/${mf.id}`, { body: { value: "[]" } })).json();
    assert.equal(updated.value, "[]");
    assert.equal((await call(sim, "GET", `/metafields/${mf.id}`)).json().value, "[]");
    assert.equal(sim.metafields().length, 1);
    const dup = await call(sim, "POST", "/metafields", {
      body: { namespace: "nfe", key: "list", value, owner_resource: "Order", owner_id: id },
    });
    assert.equal(dup.status, 422);
    const notString = await call(sim, "POST", "/metafields", {
      body: { namespace: "nfe", key: "x", value: 1, owner_resource: "Order", owner_id: 1 },
    });
    assert.deepEqual(Object.keys(notString.json()).sort(), ["owner_id", "value"]);
  });

  it("registers webhooks only for HTTPS public URLs and known events, once per event and URL", async () => {
    const post = (event: string, url: string) => call(sim, "POST", "/webhooks", { body: { event, url } });
    assert.deepEqual((await post("order/paid", "http://example.com/h")).json(), {
      url: ["invalid url specified"],
    });
    for (const url of [
      "https://localhost/h",
      "https://127.0.0.1/h",
      "https://[::1]/h",
      "https://api.nuvemshop.com.br/x",
      "https://loja.tiendanube.com/x",
      "not a url",
    ]) {
      const refused = await post("order/paid", url);
      assert.equal(refused.status, 422, url);
      assert.deepEqual(refused.json(), { url: ["invalid url specified"] }, url);
    }
    const own = await post("order/nope", "https://api.nuvemshop.com.br/x");
    assert.deepEqual(Object.keys(own.json()).sort(), ["event", "url"]);
    const ok = await post("order/paid", "https://erp.example.com/h");
    assert.equal(ok.status, 201);
    assert.deepEqual(Object.keys(ok.json()).sort(), ["created_at", "event", "id", "updated_at", "url"]);

    // The same event and URL twice: 422, and still one subscription.
    const duplicate = await post("order/paid", "https://erp.example.com/h");
    assert.equal(duplicate.status, 422);
    assert.ok(Array.isArray(duplicate.json().url), duplicate.text);
    const other = await post("order/created", "https://erp.example.com/h");
    assert.equal(other.status, 201, "another event on the same URL is fine");
    // A PUT that would make a duplicate is refused too; one to a new URL moves it.
    const clash = await call(sim, "PUT", `/webhooks/${other.json().id}`, { body: { event: "order/paid" } });
    assert.equal(clash.status, 422);
    const moved = await call(sim, "PUT", `/webhooks/${other.json().id}`, {
      body: { url: "https://erp.example.com/novo" },
    });
    assert.equal(moved.status, 200);
    assert.equal(moved.json().url, "https://erp.example.com/novo");
    assert.equal(
      (await call(sim, "PUT", `/webhooks/${ok.json().id}`, { body: { url: "http://x.com" } })).status,
      422,
    );

    // Listing: filters and pages, as GET /orders pages.
    for (let i = 0; i < 3; i++)
      assert.equal((await post("order/updated", `https://erp.example.com/p${i}`)).status, 201);
    const all = await call(sim, "GET", "/webhooks");
    assert.equal(all.json().length, 5);
    assert.equal(all.headers["x-total-count"], "5");
    const page2 = await call(sim, "GET", "/webhooks?per_page=2&page=2");
    assert.equal(page2.json().length, 2);
    assert.match(String(page2.headers.link), /rel="next"/);
    assert.deepEqual(
      (await call(sim, "GET", "/webhooks?event=order/updated")).json().map((h: { url: string }) => h.url),
      ["https://erp.example.com/p0", "https://erp.example.com/p1", "https://erp.example.com/p2"],
    );
    assert.equal(
      (await call(sim, "GET", `/webhooks?url=${encodeURIComponent("https://erp.example.com/h")}`)).json()
        .length,
      1,
    );
    assert.equal((await call(sim, "GET", `/webhooks/${ok.json().id}`)).json().event, "order/paid");
    for (const hook of all.json()) {
      assert.equal((await call(sim, "DELETE", `/webhooks/${hook.id}`)).status, 200);
    }
    assert.equal((await call(sim, "GET", `/webhooks/${ok.json().id}`)).status, 404);
    assert.equal(
      (await call(sim, "GET", "/webhooks?page=1")).status,
      404,
      "past the last page (default 404)",
    );
  });

  it("exchanges an OAuth code once, within 30 s", async () => {
    const form = (code: string) =>
      new URLSearchParams({
        client_id: sim.clientId,
        client_secret: sim.clientSecret,
        grant_type: "authorization_code",
        code,
      }).toString();
    const code = sim.issueAuthorizationCode();
    const headers = { "content-type": "application/x-www-form-urlencoded" };
    const first = await call(sim, "POST", "/apps/authorize/token", {
      body: form(code),
      headers,
      auth: false,
    });
    assert.equal(first.status, 200);
    assert.deepEqual(first.json(), {
      access_token: sim.accessToken,
      token_type: "bearer",
      scope: "read_orders,write_orders,read_customers",
      user_id: sim.storeId,
    });
    const second = await call(sim, "POST", "/apps/authorize/token", {
      body: form(code),
      headers,
      auth: false,
    });
    assert.equal(second.status, 400);
    assert.equal(second.json().error, "invalid_grant");
    const redirect = await call(
      sim,
      "GET",
      `/apps/${sim.clientId}/authorize?state=s1&redirect_uri=${encodeURIComponent("http://127.0.0.1:9/cb")}`,
      { auth: false },
    );
    assert.equal(redirect.status, 302);
    const location = new URL(String(redirect.headers.location));
    assert.equal(location.searchParams.get("state"), "s1");
    const json = await call(sim, "POST", "/apps/authorize/token", {
      auth: false,
      body: {
        client_id: sim.clientId,
        client_secret: "wrong",
        grant_type: "authorization_code",
        code: location.searchParams.get("code"),
      },
    });
    assert.equal(json.status, 401);
  });
});
