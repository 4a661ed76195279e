// Issue 12, finding 2: the Nuvemshop app install was open to anyone who could reach Ponte
// (start it, come back with a code for one's own store, and a store is connected). Now only a
// signed-in user starts it, and only the browser session that started it can finish it: the
// state is random, single-use, lives 10 minutes and is kept in PostgreSQL, so any API process
// can finish an install another one started.
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { loadConfig } from "../../src/config.ts";
import { createContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import type { NuvemshopSimulator } from "../../src/simulators/nuvemshop/types.ts";
import { listStores } from "../../src/stores/stores.ts";
import { authHeaders } from "../helpers/auth.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { capturingLogger } from "../helpers/logger.ts";
import { ensureUser, signInCookie } from "../helpers/session.ts";

const ANA = { email: "ana@loja.com.br", password: "senha-da-ana-123" };
const BIA = { email: "bia@loja.com.br", password: "senha-da-bia-456" };
const INSTALL = "/api/v1/platforms/nuvemshop/install";

describe("OAuth install: only a signed-in user's own browser connects a store", () => {
  let t: TestDatabase;
  let sim: NuvemshopSimulator;
  let app: FastifyInstance;
  /** A second API process on the same database. */
  let other: FastifyInstance;
  let log: string[];

  before(async () => {
    t = await createTestDatabase();
    sim = await startNuvemshopSimulator({ orders: 0 });
    const config = loadConfig({
      PONTE_ALLOW_API_OVERRIDE: "loopback",
      PONTE_NUVEMSHOP_AUTH_URL: sim.url,
      PONTE_NUVEMSHOP_API_URL: sim.apiBase,
      PONTE_NUVEMSHOP_CLIENT_ID: sim.clientId,
      PONTE_NUVEMSHOP_CLIENT_SECRET: sim.clientSecret,
    });
    const captured = capturingLogger();
    log = captured.lines;
    const ctx = createContext(config, t.db, captured.logger, crypto.randomBytes(32));
    app = await buildApp({ ctx, version: "test" });
    other = await buildApp({ ctx, version: "test" });
    await ensureUser(t.db, ANA);
    await ensureUser(t.db, BIA);
  });
  after(async () => {
    await app.close();
    await other.close();
    await sim.close();
    await t.drop();
  });

  const stateOf = (start: LightMyRequestResponse): string | undefined => {
    const location = start.headers.location;
    return location ? (new URL(String(location)).searchParams.get("state") ?? undefined) : undefined;
  };
  /** Starts the install as the panel's button does, in the browser session `cookie`. */
  const startInstall = async (cookie: string, on = app) => {
    const start = await on.inject({ url: INSTALL, headers: { cookie } });
    assert.equal(start.statusCode, 302, start.body);
    const state = stateOf(start);
    assert.ok(state && /^[A-Za-z0-9_-]{32,}$/.test(state), `a random state: ${state}`);
    return state;
  };
  /** The store owner approves on the (simulated) Nuvemshop authorize page: a fresh code for `state`. */
  const approve = async (state: string) => {
    const res = await fetch(`${sim.url}/apps/${sim.clientId}/authorize?state=${encodeURIComponent(state)}`);
    const body = (await res.json()) as { code: string; state: string };
    assert.equal(body.state, state);
    return body.code;
  };
  const callback = async (state: string, headers: Record<string, string> = {}, on = app) =>
    on.inject({
      url: `/api/v1/platforms/nuvemshop/callback?code=${await approve(state)}&state=${encodeURIComponent(state)}`,
      headers,
    });
  const assertRefused = (res: LightMyRequestResponse) => {
    assert.equal(res.statusCode, 400, res.body);
    const error = res.json().error;
    assert.equal(error.code, "oauth_state_invalid");
    assert.match(error.reason, /instalação/, "a pt-BR reason for the panel");
  };

  it("an install cannot be started, nor finished, by someone who is not signed in", async () => {
    // The attack: start the install, approve one's own store, come back: a store connected.
    const start = await app.inject(INSTALL);
    assert.equal(start.statusCode, 401, `no session, no install: ${start.statusCode} ${start.body}`);
    assert.equal(start.json().error.code, "unauthenticated");
    const back = await callback(stateOf(start) ?? crypto.randomBytes(16).toString("hex"));
    assertRefused(back);
    assert.deepEqual(await listStores(t.db), [], "no store was connected");

    const script = await app.inject({ url: INSTALL, headers: await authHeaders({ db: t.db }) });
    assert.equal(script.statusCode, 403, "an API token has no browser session to bind the install to");
    assert.equal(script.json().error.code, "session_required");
  });

  it("only the browser session that started the install can finish it", async () => {
    const anaHere = await signInCookie(app, ANA);
    const anaElsewhere = await signInCookie(app, ANA);
    const bia = await signInCookie(app, BIA);
    const state = await startInstall(anaHere);

    assertRefused(await callback(state, { cookie: bia }));
    assertRefused(await callback(state, { cookie: anaElsewhere }));
    assertRefused(await callback(state));
    assert.deepEqual(await listStores(t.db), []);
    assert.ok(
      log.some((line) => /Nuvemshop install refused/.test(line) && /another session/.test(line)),
      "an English log line says why",
    );

    // Those refusals did not burn it: the right browser still finishes the install.
    const done = await callback(state, { cookie: anaHere });
    assert.equal(done.statusCode, 201, done.body);
    assert.equal(done.json().externalId, String(sim.storeId));
  });

  it("a state is used once, and not after 10 minutes", async () => {
    const ana = await signInCookie(app, ANA);
    const state = await startInstall(ana);
    assert.equal((await callback(state, { cookie: ana })).statusCode, 201);
    const replay = await callback(state, { cookie: ana });
    assertRefused(replay);
    assert.ok(log.some((line) => /Nuvemshop install refused/.test(line) && /already used/.test(line)));

    const late = await startInstall(ana);
    // Eleven minutes pass.
    await t.db.query(
      "update oauth_install_states set created_at = created_at - interval '11 minutes', expires_at = expires_at - interval '11 minutes'",
    );
    const browser = await callback(late, { cookie: ana, accept: "text/html" });
    assert.equal(browser.statusCode, 302);
    assert.equal(
      browser.headers.location,
      "/lojas?erro_instalacao=oauth_state_invalid",
      "the browser lands on Lojas, which says why in pt-BR",
    );
    assert.ok(log.some((line) => /Nuvemshop install refused/.test(line) && /expired/.test(line)));
  });

  it("another API process finishes an install this one started", async () => {
    const ana = await signInCookie(app, ANA);
    const state = await startInstall(ana, app);
    const done = await callback(state, { cookie: ana }, other);
    assert.equal(done.statusCode, 201, done.body);
  });
});
