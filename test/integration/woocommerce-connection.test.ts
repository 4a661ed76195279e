// WooCommerce's Testar conexão end to end, the app against the WooCommerce simulator: good keys
// pass every check, the webhooks included (registered at PONTE_PUBLIC_URL, the simulator's
// creation ping answered by this Ponte); a read-only key is accepted but fails the permissions
// check in pt-BR, naming Leitura/Escrita; a revoked key fails the credentials.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { startWooSimulator, type WooSimulator } from "../../src/simulators/woocommerce/index.ts";
import { authHeaders } from "../helpers/auth.ts";
import { testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { waitFor } from "../helpers/process.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;

const PUBLIC_URL = "https://ponte.test";
const SITE_URL = "https://loja-woo.test";

describe("WooCommerce: Testar conexão checks the keys, their permission and the webhooks", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: WooSimulator;
  let app: FastifyInstance;
  let headers: Record<string, string>;

  const api = async (method: "GET" | "POST" | "PATCH", url: string, payload?: object) => {
    const res = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.body, json: () => res.json() as Json };
  };
  const connect = async (name: string, key: { consumerKey: string; consumerSecret: string }) => {
    const res = await api("POST", "/api/v1/stores", {
      platform: "woocommerce",
      name,
      externalId: `${SITE_URL}/${name.toLowerCase().replace(/\W+/g, "-")}`,
      credentials: { consumerKey: key.consumerKey, consumerSecret: key.consumerSecret },
      apiBaseUrl: sim.apiBase,
    });
    assert.equal(res.status, 201, res.body);
    return res.json().id as number;
  };
  const test = async (storeId: number) => {
    const res = await api("POST", `/api/v1/stores/${storeId}/test-connection`);
    assert.equal(res.status, 200, res.body);
    return res.json() as { ok: boolean; checks: Json[] };
  };
  const summary = (checks: Json[]) => checks.map((c) => `${c.key} ${c.ok}`);

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db, { PONTE_PUBLIC_URL: PUBLIC_URL });
    app = await buildApp({ ctx, version: "test" });
    const ponte = await app.listen({ host: "127.0.0.1", port: 0 });
    // WooCommerce pings a webhook's URL on creation: the simulated internet reaches this Ponte.
    sim = await startWooSimulator({ orders: 4, seed: 15, hosts: { [PUBLIC_URL]: ponte } });
    headers = await authHeaders(ctx);
  });
  after(async () => {
    await app?.close().catch(() => undefined);
    await sim?.close().catch(() => undefined);
    await t?.drop();
  });

  it("good keys: credentials, read/write permission, orders, buyer and webhooks all work", async () => {
    const storeId = await connect("Loja Boa", sim);
    const tested = await test(storeId);
    assert.deepEqual(summary(tested.checks), [
      "credentials true",
      "permissions true",
      "orders true",
      "customers true",
      "webhooks true",
    ]);
    assert.equal(tested.ok, true);
    assert.match(tested.checks.find((c) => c.key === "permissions")!.message, /Leitura\/Escrita/);
    assert.match(tested.checks.find((c) => c.key === "orders")!.message, /4 pedidos na loja/);
    const ours = (await waitFor("the webhooks listed on the site", async () => {
      const res = await fetch(`${sim.apiBase}/webhooks`, {
        headers: {
          authorization: `Basic ${Buffer.from(`${sim.consumerKey}:${sim.consumerSecret}`).toString("base64")}`,
        },
      });
      const list = (await res.json()) as Json[];
      return list.length >= 3 ? list : undefined;
    })) as Json[];
    assert.deepEqual(
      ours.map((w) => `${w.topic} ${w.status} ${w.delivery_url}`).sort(),
      ["order.created", "order.deleted", "order.updated"].map(
        (topic) => `${topic} active ${PUBLIC_URL}/webhooks/woocommerce`,
      ),
    );
  });

  it("a read-only key is accepted but fails the permission check in pt-BR, asking for Leitura/Escrita", async () => {
    const readOnly = sim.addKey("read", "Somente leitura");
    const storeId = await connect("Loja Leitura", readOnly);
    const tested = await test(storeId);
    const byKey = Object.fromEntries(tested.checks.map((c) => [c.key, c]));
    assert.equal(byKey.credentials.ok, true, "the key itself is accepted");
    assert.equal(byKey.orders.ok, true, "orders still import");
    assert.equal(byKey.permissions.ok, false);
    assert.match(byKey.permissions.message, /só permissão de leitura/);
    assert.match(byKey.permissions.message, /Leitura\/Escrita/);
    const store = (await api("GET", `/api/v1/stores/${storeId}`)).json();
    assert.equal(store.connectionState, "ok", "a read-only key does not mark the store refused");
  });

  it("a revoked key fails the credentials check and skips the orders", async () => {
    const storeId = await connect("Loja Revogada", sim);
    sim.setOptions({ unauthorized: true });
    try {
      const tested = await test(storeId);
      assert.equal(tested.ok, false);
      const credentials = tested.checks.find((c) => c.key === "credentials")!;
      assert.equal(credentials.ok, false);
      assert.match(credentials.message, /WooCommerce/);
      assert.equal(tested.checks.find((c) => c.key === "orders")?.ok, false);
      assert.equal(
        tested.checks.some((c) => c.key === "permissions"),
        false,
        "no permission check without a key",
      );
    } finally {
      sim.setOptions({ unauthorized: false });
    }
  });
});
