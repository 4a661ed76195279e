// Issue 12, finding 3: DNS rebinding. A page at http://attacker.example:3000 whose name the
// attacker then points at 127.0.0.1 talks to Ponte from the victim's browser as its own origin:
// the socket is loopback, Origin and Host agree, and the first-run setup created the attacker's
// user. First-run setup and the CSRF check now also require a Host Ponte serves (loopback names
// and addresses, or PONTE_PUBLIC_URL's host), and the Origin's scheme must match the request's.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { ensureUser } from "../helpers/session.ts";

const ADMIN = { email: "dona@loja.com.br", password: "senha-forte-da-dona" };
const REBOUND = { host: "attacker.example:3000", origin: "http://attacker.example:3000" };

describe("Host and Origin checks (DNS rebinding)", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let app: FastifyInstance;

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    app = await buildApp({ ctx, version: "test" });
  });
  after(async () => {
    await app.close();
    await t.drop();
  });

  const setup = (headers: Record<string, string>) =>
    app.inject({ method: "POST", url: "/api/v1/auth/setup", headers, payload: ADMIN });
  const login = (headers: Record<string, string>, on = app) =>
    on.inject({ method: "POST", url: "/api/v1/auth/login", headers, payload: ADMIN });

  it("refuses the first-run setup through a rebound name, from the loopback socket", async () => {
    const probe = await app.inject({ url: "/api/v1/auth/setup", headers: { host: REBOUND.host } });
    assert.deepEqual(probe.json(), { needsSetup: true, allowed: false });
    const res = await setup(REBOUND);
    assert.equal(res.statusCode, 403, res.body);
    assert.equal(res.json().error.code, "csrf_rejected");
    assert.match(res.json().error.reason, /"attacker\.example"/, "a pt-BR reason naming the host");
    const { rows } = await t.db.query<{ n: number }>("select count(*)::int as n from users");
    assert.equal(rows[0]!.n, 0, "no user was created");
  });

  it("refuses a same-host Origin of another scheme", async () => {
    const res = await setup({ host: "localhost:3000", origin: "https://localhost:3000" });
    assert.equal(res.statusCode, 403, res.body);
    assert.equal(res.json().error.code, "csrf_rejected");
  });

  it("still lets the person at the machine create the first user, by any loopback name", async () => {
    for (const host of ["127.0.0.1:3000", "[::1]:3000", "localhost"]) {
      const probe = await app.inject({ url: "/api/v1/auth/setup", headers: { host } });
      assert.deepEqual(probe.json(), { needsSetup: true, allowed: true }, host);
    }
    const res = await setup({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" });
    assert.equal(res.statusCode, 201, res.body);
  });

  it("refuses sign-in through a rebound name, and accepts loopback and PONTE_PUBLIC_URL", async () => {
    await ensureUser(t.db, ADMIN);
    const rebound = await login(REBOUND);
    assert.equal(rebound.statusCode, 403, rebound.body);
    assert.equal(rebound.json().error.code, "csrf_rejected");
    assert.match(rebound.json().error.reason, /attacker\.example/, "a pt-BR reason naming the host");

    assert.equal((await login({ host: "[::1]:3000", origin: "http://[::1]:3000" })).statusCode, 200);
    assert.equal((await login({ host: "localhost:3000", origin: "http://localhost:3000" })).statusCode, 200);

    const behindProxy = await buildApp({
      ctx,
      version: "test",
      auth: { publicUrl: "https://ponte.example.com", trustProxy: 1 },
    });
    try {
      const ok = await login(
        { host: "ponte.example.com", origin: "https://ponte.example.com", "x-forwarded-proto": "https" },
        behindProxy,
      );
      assert.equal(ok.statusCode, 200, ok.body);
      const downgraded = await login(
        { host: "ponte.example.com", origin: "http://ponte.example.com", "x-forwarded-proto": "https" },
        behindProxy,
      );
      assert.equal(downgraded.statusCode, 403, "an http page cannot post to the https panel");
      const stranger = await login(
        { host: "other.example.com", origin: "https://other.example.com", "x-forwarded-proto": "https" },
        behindProxy,
      );
      assert.equal(stranger.statusCode, 403, "a name that is not PONTE_PUBLIC_URL's");
    } finally {
      await behindProxy.close();
    }
  });
});
