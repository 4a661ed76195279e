// WooCommerce's key handover, end to end against the simulator: a signed-in merchant names the
// site, is sent to its /wc-auth/v1/authorize, WooCommerce POSTs the new key pair to Ponte's key
// delivery address and sends the browser back, and Ponte connects the store with those keys —
// no key copied by hand. A denial, a delivery nobody asked for, and a callback without a delivery
// connect nothing; the keys never appear in an answer.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { startWooSimulator, type WooSimulator } from "../../src/simulators/woocommerce/index.ts";
import { listStores } from "../../src/stores/stores.ts";
import { testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { ensureUser, signInCookie } from "../helpers/session.ts";

const PUBLIC_URL = "https://ponte.test";
const SITE_URL = "https://loja-woo.test";
const ANA = { email: "ana@loja.com.br", password: "senha-da-ana-123" };
const INSTALL = "/api/v1/platforms/woocommerce/install";

describe("WooCommerce: connecting by clicking (the key handover)", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: WooSimulator;
  let app: FastifyInstance;
  let cookie: string;

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db, { PONTE_PUBLIC_URL: PUBLIC_URL });
    app = await buildApp({ ctx, version: "test" });
    const ponte = await app.listen({ host: "127.0.0.1", port: 0 });
    // The simulated internet: the site's delivery to PONTE_PUBLIC_URL reaches this Ponte.
    sim = await startWooSimulator({ orders: 3, seed: 21, hosts: { [PUBLIC_URL]: ponte } });
    await ensureUser(t.db, ANA);
    cookie = await signInCookie(app, ANA);
  });
  after(async () => {
    await app?.close().catch(() => undefined);
    await sim?.close().catch(() => undefined);
    await t?.drop();
  });

  /** The panel's button: the install starts for the named site, and the browser is sent to it. */
  const start = async (storeId = SITE_URL) => {
    const query = new URLSearchParams({ storeId, apiBaseUrl: sim.apiBase });
    const res = await app.inject({ url: `${INSTALL}?${query}`, headers: { cookie } });
    assert.equal(res.statusCode, 302, res.body);
    return new URL(String(res.headers.location));
  };
  /** The merchant's browser on the site's authorize page: WooCommerce answers with where it goes next. */
  const authorizeOnSite = async (authorize: URL) => {
    const res = await fetch(authorize, { redirect: "manual" });
    return { status: res.status, location: res.headers.get("location"), text: await res.text() };
  };
  /** The browser back at Ponte's callback (PONTE_PUBLIC_URL is this app). */
  const comeBack = (location: string) => {
    const back = new URL(location);
    assert.equal(back.origin, PUBLIC_URL);
    return app.inject({ url: `${back.pathname}${back.search}`, headers: { cookie, accept: "text/html" } });
  };

  it("the platforms list offers the install from the store's site", async () => {
    const res = await app.inject({ url: "/api/v1/platforms", headers: { cookie } });
    const woo = res.json().find((p: { id: string }) => p.id === "woocommerce");
    assert.equal(woo.installAvailable, true);
    assert.equal(woo.installStartsFromStore, true);
  });

  it("approving on the site connects the store with the delivered keys, which then work", async () => {
    const authorize = await start();
    assert.equal(
      `${authorize.origin}${authorize.pathname}`,
      `${new URL(sim.apiBase).origin}/wc-auth/v1/authorize`,
    );
    assert.equal(authorize.searchParams.get("scope"), "read_write");
    assert.equal(
      authorize.searchParams.get("callback_url"),
      `${PUBLIC_URL}/api/v1/platforms/woocommerce/key-delivery`,
    );
    const keysBefore = sim.keys().length;

    const onSite = await authorizeOnSite(authorize);
    assert.equal(onSite.status, 302, `the site delivered the keys and Ponte answered 200: ${onSite.text}`);
    assert.equal(sim.keys().length, keysBefore + 1, "the site kept the key it made");
    assert.match(onSite.location!, /success=1/);

    const back = await comeBack(onSite.location!);
    assert.equal(back.statusCode, 302, back.body);
    assert.match(String(back.headers.location), /^\/lojas\/\d+\?instalada=1$/);
    const stores = await listStores(t.db);
    assert.equal(stores.length, 1);
    assert.equal(stores[0]!.externalId, SITE_URL);
    assert.equal(stores[0]!.platform, "woocommerce");

    // The store page's Testar conexão with those keys: they read and write.
    const id = stores[0]!.id;
    const tested = await app.inject({
      method: "POST",
      url: `/api/v1/stores/${id}/test-connection`,
      headers: { cookie, origin: "http://localhost" },
    });
    assert.equal(tested.statusCode, 200, tested.body);
    const checks = tested.json().checks as { key: string; ok: boolean }[];
    assert.deepEqual(
      checks
        .filter((c) => ["credentials", "permissions", "orders"].includes(c.key))
        .map((c) => `${c.key} ${c.ok}`),
      ["credentials true", "permissions true", "orders true"],
    );
    const page = await app.inject({ url: `/api/v1/stores/${id}`, headers: { cookie } });
    const key = sim.keys().at(-1)!;
    assert.ok(
      !page.body.includes(key.consumerSecret) && !page.body.includes(key.consumerKey),
      "keys never shown",
    );
  });

  it("a denial on the site, or a way back without a delivery, connects nothing and says why in pt-BR", async () => {
    const before = (await listStores(t.db)).length;
    sim.setOptions({ authorize: "deny" });
    try {
      const onSite = await authorizeOnSite(await start("https://outra-loja.test"));
      assert.match(onSite.location!, /success=0/);
      const back = new URL(onSite.location!);
      const json = await app.inject({ url: `${back.pathname}${back.search}`, headers: { cookie } });
      assert.equal(json.statusCode, 400, json.body);
      assert.match(json.json().error.reason, /negado/);
    } finally {
      sim.setOptions({ authorize: "approve" });
    }
    // The browser comes back claiming success, but no key was ever delivered for that install.
    const authorize = await start("https://terceira-loja.test");
    const state = authorize.searchParams.get("user_id")!;
    const forged = await app.inject({
      url: `/api/v1/platforms/woocommerce/callback?state=${state}&success=1&user_id=${state}`,
      headers: { cookie },
    });
    assert.equal(forged.statusCode, 400, forged.body);
    assert.match(forged.json().error.reason, /não entregou as chaves/);
    assert.equal((await listStores(t.db)).length, before);
  });

  it("a key delivery for no live install is refused (the site then deletes the key)", async () => {
    const deliver = (body: object) =>
      app.inject({ method: "POST", url: "/api/v1/platforms/woocommerce/key-delivery", payload: body });
    const keys = {
      consumer_key: `ck_${"a".repeat(40)}`,
      consumer_secret: `cs_${"b".repeat(40)}`,
      key_permissions: "read_write",
    };
    assert.equal(
      (await deliver({ ...keys, user_id: "x".repeat(43) })).statusCode,
      400,
      "a state never issued",
    );
    const state = (await start("https://quarta-loja.test")).searchParams.get("user_id")!;
    assert.equal(
      (await deliver({ ...keys, user_id: state, key_permissions: "read" })).statusCode,
      400,
      "a read-only key",
    );
    assert.equal((await deliver({ ...keys, user_id: state })).statusCode, 200);
    assert.equal((await deliver({ ...keys, user_id: state })).statusCode, 400, "delivered once");
    const other = await app.inject({
      method: "POST",
      url: "/api/v1/platforms/nuvemshop/key-delivery",
      payload: { ...keys, user_id: state },
    });
    assert.equal(other.statusCode, 404, "a platform without a key handover");
  });

  it("the site must be a WooCommerce address with https, and the API base one the server allows", async () => {
    const bad = await app.inject({
      url: `${INSTALL}?storeId=${encodeURIComponent("http://loja.test")}`,
      headers: { cookie },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.fields[0].path, "/storeId");
    const foreign = await app.inject({
      url: `${INSTALL}?${new URLSearchParams({ storeId: SITE_URL, apiBaseUrl: "https://elsewhere.example/wp-json/wc/v3" })}`,
      headers: { cookie },
    });
    assert.equal(foreign.statusCode, 400, "the keys would go to another host");
    assert.equal(foreign.json().error.reasonCode, "api_base_refused");
  });
});
