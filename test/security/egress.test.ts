// Issue 12, finding 1: a store's API base URL must not carry its token to a host the merchant did
// not choose. Each attack runs against a listener on loopback that records what it receives: a
// PATCH of apiBaseUrl followed by Testar conexão, a connect-by-token aimed at it, a store that
// already holds such an address, a redirect from the API host, and a listing's `next` link to
// another origin. The API host is the platform's unless PONTE_ALLOW_API_OVERRIDE says otherwise,
// which is off by default and logged when on.
import assert from "node:assert/strict";
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { loadConfig } from "../../src/config.ts";
import { type AppContext, createContext } from "../../src/context.ts";
import { startDemoStore } from "../../src/demo.ts";
import { buildApp } from "../../src/http/app.ts";
import { boot } from "../../src/runtime.ts";
import { startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import type { NuvemshopSimulator } from "../../src/simulators/nuvemshop/types.ts";
import { importOrders } from "../../src/sync/import-orders.ts";
import { authHeaders } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { capturingLogger } from "../helpers/logger.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

interface Listener {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

/** An HTTP server on loopback that answers `handler` and records every request it gets. */
async function listen(handler: http.RequestListener = (_req, res) => res.end("[]")): Promise<Listener> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Everything the attacker got, as one string: the token must appear nowhere in it. */
const seen = (attacker: Listener) => JSON.stringify(attacker.received);

/**
 * The store's API host, gone bad: it passes each request on to the simulator and then alters the
 * answer (a redirect to the attacker, or the listing's Link header pointing there).
 */
function hostileApi(sim: NuvemshopSimulator, attacker: Listener, mode: "redirect" | "next-link") {
  return listen((req, res) => {
    if (mode === "redirect") {
      res.writeHead(307, { location: `${attacker.url}${req.url}` });
      res.end();
      return;
    }
    const headers = { ...req.headers, host: new URL(sim.url).host };
    const upstream = http.request(`${sim.url}${req.url}`, { method: req.method, headers }, (answer) => {
      const out = { ...answer.headers };
      if (typeof out.link === "string") out.link = out.link.replaceAll(sim.url, attacker.url);
      res.writeHead(answer.statusCode ?? 502, out);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
}

const SECRET_KEY = crypto.randomBytes(32);

function context(
  t: TestDatabase,
  env: Record<string, string>,
  logger = capturingLogger().logger,
): AppContext {
  const config = loadConfig({
    PONTE_NUVEMSHOP_CLIENT_SECRET: "test-app-secret",
    PONTE_NUVEMSHOP_CLIENT_ID: "4321",
    ...env,
  });
  return createContext(config, t.db, logger, SECRET_KEY);
}

/** The API base the configuration gives stores installed through the app. */
const installApiBase = (env: Record<string, string>) =>
  (loadConfig(env).platformApps.nuvemshop as { apiBaseUrl?: string }).apiBaseUrl;

describe("a store's API base URL never carries its token elsewhere", () => {
  let t: TestDatabase;
  let attacker: Listener;
  before(async () => {
    t = await createTestDatabase();
    attacker = await listen();
  });
  after(async () => {
    await attacker.close();
    await t.drop();
  });

  it("PATCH apiBaseUrl to another host is refused (400, the field named); Testar conexão then sends the token only to the store's platform", async () => {
    // As `npm start` runs: the setting off, the demo store on the simulator Ponte started itself.
    const ctx = context(t, {});
    const demo = await startDemoStore(ctx, "http://127.0.0.1:9");
    assert.ok(demo, "the demo starts");
    const app = await buildApp({ ctx, version: "test" });
    const headers = await authHeaders(ctx);
    try {
      const store = ((await app.inject({ url: "/api/v1/stores", headers })).json() as Json[])[0]!;
      const test = async () =>
        app.inject({ method: "POST", url: `/api/v1/stores/${store.id}/test-connection`, headers });
      const before = await test();
      assert.equal(before.statusCode, 200, before.body);
      assert.equal(before.json().ok, true, "the demo keeps working with the setting off");

      for (const apiBaseUrl of [
        `${attacker.url}/v1`,
        "http://169.254.169.254/latest",
        "https://attacker.invalid/v1",
      ]) {
        const patched = await app.inject({
          method: "PATCH",
          url: `/api/v1/stores/${store.id}`,
          headers,
          payload: { apiBaseUrl },
        });
        assert.equal(patched.statusCode, 400, `${apiBaseUrl}: ${patched.body}`);
        const error = patched.json().error;
        assert.equal(error.fields[0].path, "/apiBaseUrl");
        assert.match(error.reason, /endereço da API/i);
        assert.match(error.reason, /PONTE_ALLOW_API_OVERRIDE/);
      }
      const after = await test();
      assert.equal(after.statusCode, 200, after.body);
      assert.equal(after.json().ok, true, "the store still talks to its own API");
      assert.equal(
        (await app.inject({ url: `/api/v1/stores/${store.id}`, headers })).json().apiBaseUrl,
        demo.simulator.apiBase,
      );

      // Connecting by token with another host is refused the same way, before any request.
      const connect = await app.inject({
        method: "POST",
        url: "/api/v1/stores",
        headers,
        payload: {
          platform: "nuvemshop",
          name: "Loja Atacada",
          externalId: "987654",
          accessToken: "token-secreto-da-loja",
          apiBaseUrl: `${attacker.url}/v1`,
        },
      });
      assert.equal(connect.statusCode, 400, connect.body);
      assert.equal(connect.json().error.fields[0].path, "/apiBaseUrl");
      assert.equal((await app.inject({ url: "/api/v1/stores", headers })).json().length, 1);
      assert.deepEqual(attacker.received, [], "the attacker received nothing");
    } finally {
      await app.close();
      await demo.close();
    }
  });

  it("a store that already holds another host is not called with its token, and says so", async () => {
    // Connected while the setting allowed it (a test bench), then Ponte restarts without it.
    const dev = context(t, { PONTE_ALLOW_API_OVERRIDE: "loopback" });
    const devApp = await buildApp({ ctx: dev, version: "test" });
    const connected = await devApp.inject({
      method: "POST",
      url: "/api/v1/stores",
      headers: await authHeaders(dev),
      payload: {
        platform: "nuvemshop",
        name: "Loja Antiga",
        externalId: "555001",
        accessToken: "token-guardado-da-loja",
        apiBaseUrl: `${attacker.url}/v1`,
      },
    });
    await devApp.close();
    assert.equal(connected.statusCode, 201, connected.body);
    const storeId = connected.json().id as number;

    const { logger, lines } = capturingLogger();
    const ctx = context(t, {}, logger);
    const app = await buildApp({ ctx, version: "test" });
    const headers = await authHeaders(ctx);
    try {
      const tested = await app.inject({
        method: "POST",
        url: `/api/v1/stores/${storeId}/test-connection`,
        headers,
      });
      assert.equal(tested.statusCode, 200, tested.body);
      const result = tested.json();
      assert.equal(result.ok, false);
      const credentials = result.checks.find((c: Json) => c.key === "credentials");
      assert.equal(credentials.ok, false);
      assert.match(credentials.message, /endereço da API desta loja não é o da Nuvemshop/);
      assert.match(credentials.message, /não envia o token/);
      await assert.rejects(importOrders(ctx, storeId), (e: Json) => e.kind === "api_base_refused");
      assert.deepEqual(attacker.received, [], "the attacker received nothing");
      assert.ok(
        lines.some(
          (l) => /"level":40/.test(l) && /not the platform's API/.test(l) && /token is not sent/.test(l),
        ),
        "the log says why, in English",
      );
      assert.ok(!lines.some((l) => l.includes("token-guardado-da-loja")), "the token is never logged");
    } finally {
      await app.close();
    }
  });
});

describe("the Nuvemshop client keeps the token on the store's API origin", () => {
  let t: TestDatabase;
  let sim: NuvemshopSimulator;
  let attacker: Listener;
  let ctx: AppContext;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  let lines: string[];
  before(async () => {
    t = await createTestDatabase();
    sim = await startNuvemshopSimulator({ orders: 230, seed: 4, storeId: 7_700_001, rateLimit: false });
    attacker = await listen();
    const captured = capturingLogger();
    lines = captured.lines;
    ctx = context(t, { PONTE_ALLOW_API_OVERRIDE: "loopback" }, captured.logger);
    app = await buildApp({ ctx, version: "test" });
    headers = await authHeaders(ctx);
  });
  after(async () => {
    await app.close();
    await attacker.close();
    await sim.close();
    await t.drop();
  });

  const connect = async (name: string, api: Listener, externalId: number) => {
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/stores",
      headers,
      payload: {
        platform: "nuvemshop",
        name,
        externalId: String(externalId),
        accessToken: sim.accessToken,
        apiBaseUrl: `${api.url}/v1`,
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id as number;
  };

  it("a redirect from the API host to another host is not followed with the token", async () => {
    const api = await hostileApi(sim, attacker, "redirect");
    try {
      // The redirect answers before the simulator is asked: any store id does.
      const storeId = await connect("Loja Redirecionada", api, sim.storeId + 1);
      const tested = await app.inject({
        method: "POST",
        url: `/api/v1/stores/${storeId}/test-connection`,
        headers,
      });
      assert.ok(api.received.length > 0, "the store's API host was called");
      assert.deepEqual(attacker.received, [], `the attacker received nothing: ${seen(attacker)}`);
      assert.equal(tested.statusCode, 502, tested.body);
      const answer = tested.json().error;
      assert.equal(answer.platformError, "redirected");
      assert.match(answer.reason, /redirecionamento/);
      assert.ok(
        lines.some((l) => /"level":40/.test(l) && /redirect/.test(l) && l.includes(attacker.url)),
        "the log has where it was sent",
      );
    } finally {
      await api.close();
    }
  });

  it("a listing whose next link points at another origin is refused, logged and not followed", async () => {
    const api = await hostileApi(sim, attacker, "next-link");
    try {
      const storeId = await connect("Loja Paginada", api, sim.storeId);
      await assert.rejects(importOrders(ctx, storeId), (e: Json) => e.kind === "redirected");
      assert.ok(
        api.received.some((r) => r.url.includes("/orders")),
        "page 1 was read from the store's API",
      );
      assert.deepEqual(attacker.received, [], `the attacker received nothing: ${seen(attacker)}`);
      assert.ok(
        lines.some((l) => /"level":40/.test(l) && /next/.test(l) && l.includes(attacker.url)),
        "the refused link is logged",
      );
      const { rows } = await t.db.query<{ progress: unknown }>(
        "select import_progress as progress from stores where id = $1",
        [storeId],
      );
      assert.ok(!JSON.stringify(rows[0]!.progress ?? "").includes(attacker.url), "the link is not kept");
    } finally {
      await api.close();
    }
  });
});

describe("PONTE_ALLOW_API_OVERRIDE", () => {
  it("is off by default; takes loopback or any; refuses other values", () => {
    assert.equal(loadConfig({}).apiOverride, "off");
    assert.equal(loadConfig({ PONTE_ALLOW_API_OVERRIDE: "loopback" }).apiOverride, "loopback");
    assert.equal(loadConfig({ PONTE_ALLOW_API_OVERRIDE: "any" }).apiOverride, "any");
    assert.equal(loadConfig({ PONTE_ALLOW_API_OVERRIDE: "0" }).apiOverride, "off");
    assert.throws(() => loadConfig({ PONTE_ALLOW_API_OVERRIDE: "yes" }), /PONTE_ALLOW_API_OVERRIDE/);
  });

  it("PONTE_NUVEMSHOP_API_URL to another host needs it (loopback for a loopback address)", () => {
    assert.throws(
      () => loadConfig({ PONTE_NUVEMSHOP_API_URL: "http://127.0.0.1:4000/v1" }),
      /PONTE_NUVEMSHOP_API_URL.*PONTE_ALLOW_API_OVERRIDE/,
    );
    assert.throws(
      () =>
        loadConfig({
          PONTE_NUVEMSHOP_API_URL: "https://api.attacker.example/v1",
          PONTE_ALLOW_API_OVERRIDE: "loopback",
        }),
      /PONTE_NUVEMSHOP_API_URL/,
    );
    assert.equal(
      installApiBase({
        PONTE_NUVEMSHOP_API_URL: "http://127.0.0.1:4000/v1",
        PONTE_ALLOW_API_OVERRIDE: "loopback",
      }),
      "http://127.0.0.1:4000/v1",
    );
    assert.equal(
      installApiBase({ PONTE_NUVEMSHOP_API_URL: "https://api.nuvemshop.com.br/v1/" }),
      "https://api.nuvemshop.com.br/v1",
      "Nuvemshop's own address needs nothing",
    );
  });

  it("is logged as a warning at start when on, and not when off", async () => {
    const t = await createTestDatabase();
    try {
      const warnings = async (env: Record<string, string>) => {
        const { logger, lines } = capturingLogger();
        const config = loadConfig({
          DATABASE_URL: t.url,
          PORT: "0",
          PONTE_DEMO: "0",
          PONTE_SECRET_KEY: SECRET_KEY.toString("hex"),
          ...env,
        });
        const running = await boot(config, logger, { api: true, worker: false });
        await running.stop();
        return lines.filter((l) => /"level":40/.test(l) && /PONTE_ALLOW_API_OVERRIDE/.test(l));
      };
      assert.deepEqual(await warnings({}), []);
      const on = await warnings({ PONTE_ALLOW_API_OVERRIDE: "loopback" });
      assert.equal(on.length, 1, "one warning");
      assert.match(on[0]!, /loopback/);
    } finally {
      await t.drop();
    }
  });
});
