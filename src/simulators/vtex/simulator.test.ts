// The VTEX simulator's Orders API over loopback: auth, List orders (paging, the 30-page stop, the
// index lag, the creation window), Get order money, and the 429 / fault switches.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startVtexSimulator, type VtexOrder, type VtexSimulator } from "./index.ts";
import { call } from "./test-client.ts";

describe("VTEX simulator: auth and faults", () => {
  let sim: VtexSimulator;
  before(async () => {
    sim = await startVtexSimulator({ orders: 5, getOrderPerMinute: 3, retryAfterSeconds: 1 });
  });
  after(() => sim.close());

  it("answers 401 with the OMS body when the key pair is missing, wrong or revoked", async () => {
    for (const headers of [
      {} as Record<string, string>,
      { "x-vtex-api-appkey": sim.appKey, "x-vtex-api-apptoken": "wrong" },
    ]) {
      const res = await call(sim, "GET", "/api/oms/pvt/orders", { auth: false, headers });
      assert.equal(res.status, 401);
      assert.deepEqual(res.json(), { error: { code: "1", message: "Unauthorized access", exception: null } });
    }
    assert.equal((await call(sim, "GET", "/api/oms/pvt/orders")).status, 200);
    sim.setOptions({ unauthorized: true });
    assert.equal((await call(sim, "GET", "/api/oms/pvt/orders")).status, 401);
    sim.setOptions({ unauthorized: false, suspended: true });
    const suspended = await call(sim, "GET", "/api/oms/pvt/orders");
    assert.equal(suspended.status, 402);
    assert.match(suspended.json().error.message, /suspended/);
    sim.setOptions({ suspended: false });
  });

  it("throttles Get order per account with 429 and Retry-After, and can be turned off", async () => {
    const id = sim.listOrders()[0]!.orderId;
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(sim, "GET", `/api/oms/pvt/orders/${id}`)).status);
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    const limited = await call(sim, "GET", `/api/oms/pvt/orders/${id}`);
    assert.equal(limited.headers["retry-after"], "1");
    assert.equal((await call(sim, "GET", "/api/oms/pvt/orders")).status, 200, "only Get order is counted");
    sim.setOptions({ rateLimit: false });
    assert.equal((await call(sim, "GET", `/api/oms/pvt/orders/${id}`)).status, 200);
    sim.setOptions({ rateLimit: true, getOrderPerMinute: 6000 });
  });

  it("a scripted afterApply fault carries the write out and loses its answer", async () => {
    const order = sim.createOrder();
    sim.setOptions({
      faultScript: [{ status: 503, count: 1, method: "POST", path: "/cancel$", afterApply: true }],
    });
    const res = await call(sim, "POST", `/api/oms/pvt/orders/${order.orderId}/cancel`, {
      body: { reason: "x" },
    });
    assert.equal(res.status, 503);
    assert.equal(sim.getOrder(order.orderId)!.status, "canceled");
    assert.equal(sim.faultsRemaining(), 0);
    sim.setOptions({ faultScript: [{ status: 429, count: 1 }] });
    const limited = await call(sim, "GET", "/api/oms/pvt/orders");
    assert.equal(limited.status, 429);
    assert.ok(limited.headers["retry-after"]);
    assert.equal((await call(sim, "GET", "/api/oms/pvt/orders")).status, 200);
  });

  it("places orders and moves them through the control plane, and refuses bad JSON bodies", async () => {
    const created = await call(sim, "POST", "/__control/orders", { body: { count: 2 } });
    assert.equal(created.status, 201);
    const [order] = created.json();
    assert.equal(order.status, "payment-pending");
    const moved = await call(sim, "POST", `/__control/orders/${order.orderId}/status`, {
      body: { status: "payment-approved" },
    });
    assert.equal(moved.json().status, "window-to-cancel");
    assert.ok(moved.json().authorizedDate);
    const bad = await call(sim, "POST", `/__control/orders/${order.orderId}/status`, {
      body: { status: "nope" },
    });
    assert.equal(bad.status, 400);
    const badJson = await call(sim, "POST", `/api/oms/pvt/orders/${order.orderId}/cancel`, {
      body: "{reason",
    });
    assert.equal(badJson.status, 400);
    assert.equal(sim.getOrder(order.orderId)!.status, "window-to-cancel");
  });

  it("logs API calls with the headers of interest, and only with the control key", async () => {
    assert.equal((await call(sim, "GET", "/__log", { headers: { "x-simulator-key": "nope" } })).status, 401);
    await call(sim, "DELETE", "/__log");
    await call(sim, "GET", "/api/oms/pvt/orders?per_page=2");
    const log = (await call(sim, "GET", "/__log")).json();
    assert.equal(log.length, 1);
    assert.equal(log[0].path, "/api/oms/pvt/orders");
    assert.equal(log[0].query.per_page, "2");
    assert.equal(log[0].headers["x-vtex-api-appkey"], sim.appKey);
  });
});

describe("VTEX simulator: List orders and Get order", () => {
  let sim: VtexSimulator;
  before(async () => {
    sim = await startVtexSimulator({ orders: 120, seed: 7 });
  });
  after(() => sim.close());

  it("pages 15 by default and at most 100, with VTEX's paging object", async () => {
    const first = (await call(sim, "GET", "/api/oms/pvt/orders")).json();
    assert.equal(first.list.length, 15);
    assert.deepEqual(first.paging, { total: 120, pages: 8, currentPage: 1, perPage: 15 });
    assert.equal(first.list[0].items, null);
    const big = (await call(sim, "GET", "/api/oms/pvt/orders?per_page=500")).json();
    assert.equal(big.list.length, 100);
    assert.equal(big.paging.perPage, 100);
    const ids = new Set<string>();
    for (let page = 1; page <= 8; page++) {
      const res = (
        await call(sim, "GET", `/api/oms/pvt/orders?page=${page}&orderBy=creationDate,asc`)
      ).json();
      for (const row of res.list) ids.add(row.orderId);
    }
    assert.equal(ids.size, 120, "every order exactly once across the pages");
  });

  it("stops at page 30", async () => {
    assert.equal((await call(sim, "GET", "/api/oms/pvt/orders?per_page=1&page=30")).status, 200);
    const past = await call(sim, "GET", "/api/oms/pvt/orders?per_page=1&page=31");
    assert.equal(past.status, 400);
    assert.match(past.json().error.message, /30/);
  });

  it("filters by a creation window, both ends included, and by status", async () => {
    const orders = sim.listOrders().sort((a, b) => a.creationDate.localeCompare(b.creationDate));
    const from = orders[10]!.creationDate;
    const to = orders[19]!.creationDate;
    const res = await call(
      sim,
      "GET",
      `/api/oms/pvt/orders?per_page=100&f_creationDate=${encodeURIComponent(`creationDate:[${from} TO ${to}]`)}`,
    );
    const listed = res
      .json()
      .list.map((r: { orderId: string }) => r.orderId)
      .sort();
    assert.deepEqual(
      listed,
      orders
        .slice(10, 20)
        .map((o) => o.orderId)
        .sort(),
    );
    const invoiced = (await call(sim, "GET", "/api/oms/pvt/orders?per_page=100&f_status=invoiced")).json();
    assert.ok(invoiced.list.length > 0);
    assert.ok(invoiced.list.every((r: { status: string }) => r.status === "invoiced"));
    const bad = await call(sim, "GET", "/api/oms/pvt/orders?f_creationDate=yesterday");
    assert.equal(bad.status, 400);
  });

  it("lists a new order only after the index lag", async () => {
    sim.setOptions({ listLagMs: 60_000 });
    const order = sim.createOrder();
    const listed = async () =>
      (await call(sim, "GET", "/api/oms/pvt/orders?per_page=5"))
        .json()
        .list.some((r: { orderId: string }) => r.orderId === order.orderId);
    assert.equal(await listed(), false);
    assert.equal(
      (await call(sim, "GET", `/api/oms/pvt/orders/${order.orderId}`)).status,
      200,
      "Get order is live",
    );
    sim.advanceTime(60_000);
    assert.equal(await listed(), true);
    sim.setOptions({ listLagMs: 0 });
  });

  it("serves every order with totals, items and payments that add up in cents", async () => {
    const kinds = new Set<string>();
    for (const { orderId } of sim.listOrders()) {
      const order: VtexOrder = (await call(sim, "GET", `/api/oms/pvt/orders/${orderId}`)).json();
      const total = (id: string) => order.totals.find((t) => t.id === id)!.value;
      assert.equal(total("Items") + total("Discounts") + total("Shipping") + total("Tax"), order.value);
      const items = order.items as { price: number; sellingPrice: number; quantity: number }[];
      assert.equal(
        total("Items"),
        items.reduce((s, it) => s + it.price * it.quantity, 0),
      );
      assert.equal(
        total("Discounts"),
        0 - items.reduce((s, it) => s + (it.price - it.sellingPrice) * it.quantity, 0),
      );
      const logistics = (order.shippingData.logisticsInfo as { price: number }[]).reduce(
        (s, l) => s + l.price,
        0,
      );
      assert.equal(total("Shipping"), logistics);
      const payments = (
        order.paymentData.transactions as { payments: { value: number; group: string }[] }[]
      )[0]!.payments;
      assert.equal(
        payments.reduce((s, p) => s + p.value, 0),
        order.value,
      );
      for (const p of payments) kinds.add(p.group);
      assert.equal((order.storePreferencesData as { currencyCode: string }).currencyCode, "BRL");
      const profile = order.clientProfileData as { isCorporate: boolean; corporateDocument: string | null };
      if (profile.isCorporate) kinds.add("corporate");
      if (total("Discounts") < 0) kinds.add("discount");
      if (
        (order.shippingData.logisticsInfo as { deliveryChannel: string }[])[0]!.deliveryChannel ===
        "pickup-in-point"
      )
        kinds.add("pickup");
      if (items.length > 1) kinds.add("multi-item");
    }
    for (const kind of [
      "instantPayment",
      "bankInvoice",
      "creditCard",
      "corporate",
      "discount",
      "pickup",
      "multi-item",
    ])
      assert.ok(kinds.has(kind), `seeded data has ${kind}`);
    assert.equal((await call(sim, "GET", "/api/oms/pvt/orders/v999sim-01")).status, 404);
  });

  it("seeds valid, formatted, alphanumeric, masked and missing documents", () => {
    const docs = sim.listOrders().map((o) => o.clientProfileData as Record<string, unknown>);
    const values = docs.map((p) => (p.isCorporate ? p.corporateDocument : p.document));
    assert.ok(values.some((v) => typeof v === "string" && /^\d{3}\.\d{3}\.\d{3}-\d{2}$/.test(v)));
    assert.ok(values.some((v) => typeof v === "string" && /^\d{11}$/.test(v)));
    assert.ok(
      values.some((v) => typeof v === "string" && /[A-Z]/.test(v)),
      "alphanumeric CNPJ",
    );
    assert.ok(values.includes("12.ABC.345/01DE-35"));
    assert.ok(
      values.some((v) => typeof v === "string" && v.startsWith("**")),
      "masked",
    );
    assert.ok(
      values.some((v) => v === null || v === ""),
      "missing",
    );
  });
});

describe("VTEX simulator: independence", () => {
  it("imports nothing of Ponte outside its own folder and the simulators' shared one", async () => {
    const fs = await import("node:fs");
    const path = await import("node:path");
    const dir = path.dirname(new URL(import.meta.url).pathname);
    const offenders: string[] = [];
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const text = fs.readFileSync(path.join(dir, name), "utf8");
      for (const m of text.matchAll(/\bfrom\s+["'](\.[^"']+)["']/g)) {
        const target = path.resolve(dir, m[1]!);
        const shared = path.resolve(dir, "../shared");
        if (!target.startsWith(`${dir}${path.sep}`) && !target.startsWith(`${shared}${path.sep}`))
          offenders.push(`${name} imports ${m[1]}`);
      }
    }
    assert.deepEqual(offenders, []);
  });
});
