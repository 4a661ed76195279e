// Authentication as a user meets it: the first user is created once, from this machine only;
// sign-in sets a cookie that scripts cannot read and other sites cannot ride; sign-out ends
// the session on the server; API tokens work until revoked; every /api/v1 route but the
// sign-in ones, the OAuth callback and the key handover's delivery is closed without credentials; webhooks stay open.
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { createToken, revokeToken } from "../../src/auth/tokens.ts";
import { setPassword } from "../../src/auth/users.ts";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { isPublicRoute } from "../../src/http/plugins/auth.ts";
import { connectStore } from "../../src/stores/stores.ts";
import { authHeaders } from "../helpers/auth.ts";
import { testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { signedWebhook } from "../helpers/reliability.ts";
import { allRoutes } from "../helpers/routes.ts";

const EMAIL = "Ana@Example.com";
const PASSWORD = "uma senha bem longa";
/** inject() sends Host: localhost:80, so this is our own origin. */
const SAME_ORIGIN = { origin: "http://localhost" };
const REMOTE = "203.0.113.9";

function setCookie(res: LightMyRequestResponse): string {
  const header = res.headers["set-cookie"];
  const value = Array.isArray(header) ? header.join("\n") : header;
  assert.ok(value, `a Set-Cookie header: ${res.statusCode} ${res.body}`);
  return value;
}

/** The Cookie header a browser would send back after this response. */
function cookieFrom(res: LightMyRequestResponse): string {
  return setCookie(res).split(";")[0]!;
}

describe("authentication", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let app: FastifyInstance;
  let session: string;

  const login = (email: string, password: string, extra: Record<string, unknown> = {}) =>
    app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: SAME_ORIGIN,
      payload: { email, password },
      ...extra,
    });
  const probe = (cookie: string) =>
    app.inject({ method: "GET", url: "/api/v1/auth/session", headers: { cookie } });

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    app = await buildApp({ ctx, version: "test" });
  });
  after(async () => {
    await app.close();
    await t.drop();
  });

  it("creates the first user only from this machine, only once, even when two setups race", async () => {
    const remote = await app.inject({ method: "GET", url: "/api/v1/auth/setup", remoteAddress: REMOTE });
    assert.deepEqual(remote.json(), { needsSetup: true, allowed: false });
    const local = await app.inject({ method: "GET", url: "/api/v1/auth/setup" });
    assert.deepEqual(local.json(), { needsSetup: true, allowed: true });

    const setup = (headers: Record<string, string>, options: Record<string, unknown> = {}, email = EMAIL) =>
      app.inject({
        method: "POST",
        url: "/api/v1/auth/setup",
        headers,
        payload: { email, password: PASSWORD },
        ...options,
      });
    const fromRemote = await setup(SAME_ORIGIN, { remoteAddress: REMOTE });
    assert.equal(fromRemote.statusCode, 403, fromRemote.body);
    assert.equal(fromRemote.json().error.code, "setup_forbidden");
    // A proxy on this machine makes every client look local: what it forwards is not.
    const proxied = await setup({ ...SAME_ORIGIN, "x-forwarded-for": REMOTE });
    assert.equal(proxied.json().error.code, "setup_forbidden");
    const foreign = await setup({ origin: "https://evil.example" });
    assert.equal(foreign.json().error.code, "csrf_rejected");
    const weak = await app.inject({
      method: "POST",
      url: "/api/v1/auth/setup",
      headers: SAME_ORIGIN,
      payload: { email: EMAIL, password: "curta" },
    });
    assert.equal(weak.statusCode, 400);
    assert.equal(weak.json().error.code, "weak_password");

    const raced = await Promise.all(
      Array.from({ length: 4 }, (_, i) => setup(SAME_ORIGIN, {}, i === 0 ? EMAIL : `outro${i}@example.com`)),
    );
    const statuses = raced.map((r) => r.statusCode).sort();
    assert.deepEqual(statuses, [201, 409, 409, 409], raced.map((r) => r.body).join("\n"));
    for (const r of raced.filter((r) => r.statusCode === 409))
      assert.equal(r.json().error.code, "setup_done");
    const { rows } = await t.db.query<{ n: number }>("select count(*)::int as n from users");
    assert.equal(rows[0]?.n, 1);

    const created = raced.find((r) => r.statusCode === 201)!;
    const user = created.json().user;
    assert.equal(typeof user.id, "number");
    assert.equal((await probe(cookieFrom(created))).json().user.email, user.email);
    assert.deepEqual((await app.inject("/api/v1/auth/setup")).json(), { needsSetup: false, allowed: true });
    // The race may have been won by any of the four: give the expected e-mail its password.
    await t.db.query("update users set email = $1", [EMAIL]);
  });

  it("stores the password as argon2id with m=19456, t=2, p=1, and the session id only hashed", async () => {
    const { rows } = await t.db.query<{ password_hash: string }>("select password_hash from users");
    assert.match(rows[0]!.password_hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.doesNotMatch(rows[0]!.password_hash, new RegExp(PASSWORD));

    const res = await login(EMAIL, PASSWORD);
    const id = cookieFrom(res).split("=")[1]!;
    const digest = crypto.createHash("sha256").update(id).digest();
    const stored = await t.db.query<{ n: number }>(
      "select count(*)::int as n from sessions where token_hash = $1",
      [digest],
    );
    assert.equal(stored.rows[0]?.n, 1, "the session row holds the SHA-256 of the cookie value");
  });

  it("signs in with the right password (any letter case in the e-mail) and refuses anything else alike", async () => {
    const ok = await login("ana@EXAMPLE.com", PASSWORD);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().user.email, EMAIL);
    const cookie = setCookie(ok);
    assert.match(cookie, /^ponte_session=[A-Za-z0-9_-]{43};/);
    assert.match(cookie, /; HttpOnly/);
    assert.match(cookie, /; SameSite=Lax/);
    assert.match(cookie, /; Path=\//);
    assert.doesNotMatch(cookie, /Secure/, "plain HTTP: a Secure cookie would never come back");
    session = cookieFrom(ok);
    assert.deepEqual((await probe(session)).json(), {
      user: {
        id: ok.json().user.id,
        email: EMAIL,
        organization: { id: 1, name: "Padrão" },
        role: "admin",
        permissions: ["read", "operate", "configure", "access", "privacy", "webhooks"],
      },
    });

    const wrong = await login(EMAIL, "not the password", { remoteAddress: "198.51.100.1" });
    const unknown = await login("nobody@example.com", PASSWORD, { remoteAddress: "198.51.100.1" });
    for (const res of [wrong, unknown]) {
      assert.equal(res.statusCode, 401);
      assert.equal(res.headers["set-cookie"], undefined);
    }
    assert.deepEqual(wrong.json(), unknown.json(), "an unknown e-mail answers like a wrong password");
    assert.equal(wrong.json().error.code, "invalid_credentials");

    const noOrigin = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: EMAIL, password: PASSWORD },
    });
    assert.equal(noOrigin.statusCode, 403, "login CSRF: a foreign page cannot sign a browser in");
    assert.equal(noOrigin.json().error.code, "csrf_rejected");
  });

  it("refuses a sixth attempt for one e-mail from one address for a while, even a right one", async () => {
    const attacker = { remoteAddress: "198.51.100.77" };
    for (let i = 0; i < 5; i++)
      assert.equal((await login(EMAIL, `guess number ${i}`, attacker)).statusCode, 401);
    const blocked = await login(EMAIL, PASSWORD, attacker);
    assert.equal(blocked.statusCode, 429);
    assert.equal(blocked.json().error.code, "too_many_attempts");
    assert.ok(Number(blocked.headers["retry-after"]) > 0);
    assert.equal((await login(EMAIL, PASSWORD)).statusCode, 200, "the owner, elsewhere, still signs in");
  });

  it("marks the cookie Secure behind a trusted HTTPS proxy, and only then", async () => {
    const proxied = await buildApp({
      ctx,
      version: "test",
      auth: { trustProxy: 1, publicUrl: "https://ponte.example.com" },
    });
    try {
      const https = await proxied.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        headers: {
          host: "ponte.example.com",
          origin: "https://ponte.example.com",
          "x-forwarded-proto": "https",
        },
        payload: { email: EMAIL, password: PASSWORD },
      });
      assert.equal(https.statusCode, 200, https.body);
      assert.match(setCookie(https), /; Secure/);
    } finally {
      await proxied.close();
    }
    const untrusted = await login(EMAIL, PASSWORD, {
      headers: { ...SAME_ORIGIN, "x-forwarded-proto": "https" },
    });
    assert.equal(untrusted.statusCode, 200);
    assert.doesNotMatch(
      setCookie(untrusted),
      /Secure/,
      "X-Forwarded-Proto is ignored without PONTE_TRUST_PROXY",
    );
  });

  it("checks the origin of every state-changing request a cookie authenticates", async () => {
    const store = await t.db.transaction((tx) =>
      connectStore(
        ctx,
        tx,
        {
          platform: "nuvemshop",
          name: "Loja",
          externalId: "5001",
          credentials: { accessToken: "token-12345678" },
        },
        1,
      ),
    );
    const patch = (headers: Record<string, string>) =>
      app.inject({
        method: "PATCH",
        url: `/api/v1/stores/${store.id}`,
        headers,
        payload: { importIntervalMinutes: 30 },
      });
    const missing = await patch({ cookie: session });
    assert.equal(missing.statusCode, 403);
    assert.equal(missing.json().error.code, "csrf_rejected");
    assert.equal((await patch({ cookie: session, origin: "https://evil.example" })).statusCode, 403);
    assert.equal((await patch({ cookie: session, origin: "null" })).statusCode, 403);
    assert.equal((await patch({ cookie: session, referer: "http://evil.example/ponte" })).statusCode, 403);
    assert.equal((await patch({ cookie: session, ...SAME_ORIGIN })).statusCode, 200);
    assert.equal((await patch({ cookie: session, referer: "http://localhost/pedidos" })).statusCode, 200);
    // Reads need no origin; Bearer requests are exempt (a foreign page cannot set that header).
    assert.equal((await app.inject({ url: "/api/v1/stores", headers: { cookie: session } })).statusCode, 200);
    assert.equal((await patch(await authHeaders(ctx))).statusCode, 200);

    // Behind a proxy that rewrites Host, PONTE_PUBLIC_URL names the origin browsers use.
    const behind = await buildApp({ ctx, version: "test", auth: { publicUrl: "https://ponte.example.com" } });
    try {
      const res = await behind.inject({
        method: "PATCH",
        url: `/api/v1/stores/${store.id}`,
        headers: { cookie: session, host: "127.0.0.1:3000", origin: "https://ponte.example.com" },
        payload: { importIntervalMinutes: 30 },
      });
      assert.equal(res.statusCode, 200, res.body);
    } finally {
      await behind.close();
    }
  });

  it("records who did an action: the signed-in user or the token", async () => {
    const { rows } = await t.db.query<{ id: number }>(
      "insert into sales_orders (org_id) values (1), (1) returning id",
    );
    const [first, second] = rows.map((r) => r.id);
    const byUser = await app.inject({
      method: "DELETE",
      url: `/api/v1/orders/${first}`,
      headers: { cookie: session, ...SAME_ORIGIN },
    });
    assert.equal(byUser.statusCode, 204, byUser.body);
    const token = await createToken(t.db, 1, {
      name: "robô de testes",
      access: "operator",
      createdBy: "cli",
    });
    const byToken = await app.inject({
      method: "DELETE",
      url: `/api/v1/orders/${second}`,
      headers: { authorization: `Bearer ${token.token}` },
    });
    assert.equal(byToken.statusCode, 204, byToken.body);
    const events = await t.db.query<{ actor: string }>(
      "select actor from order_events where sales_order_id = any($1) order by sales_order_id",
      [[first, second]],
    );
    assert.deepEqual(
      events.rows.map((e) => e.actor),
      [`user:${EMAIL}`, "token:robô de testes"],
    );
  });

  it("ends sessions on logout, after the idle timeout, at the absolute expiry and on a password reset", async () => {
    const signIn = async () => cookieFrom(await login(EMAIL, PASSWORD));
    const ended = async (cookie: string, why: string) => {
      const res = await probe(cookie);
      assert.equal(res.statusCode, 401, why);
      assert.equal(res.json().error.code, "unauthenticated");
      const api = await app.inject({ url: "/api/v1/stores", headers: { cookie } });
      assert.equal(api.statusCode, 401, why);
    };

    const mine = await signIn();
    const other = await signIn();
    const out = await app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { cookie: mine, ...SAME_ORIGIN },
    });
    assert.equal(out.statusCode, 204);
    assert.match(setCookie(out), /^ponte_session=; .*Max-Age=0/);
    await ended(mine, "the old cookie no longer works: the session is gone from the server");
    assert.equal((await probe(other)).statusCode, 200, "other sessions stay");
    const foreignLogout = await app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { cookie: other, origin: "https://evil.example" },
    });
    assert.equal(foreignLogout.statusCode, 403, "another site cannot sign the user out");

    const idle = await signIn();
    await t.db.query("update sessions set last_seen_at = now() - interval '13 hours'");
    await ended(idle, "12 idle hours end a session");

    const old = await signIn();
    await t.db.query("update sessions set expires_at = now() - interval '1 second'");
    await ended(old, "7 days end a session, however active");

    const beforeReset = await signIn();
    await setPassword(t.db, EMAIL, PASSWORD);
    await ended(beforeReset, "a password reset signs the user out everywhere");
    session = await signIn();
  });

  it("accepts an API token until it is revoked, and stores only its hash", async () => {
    const {
      token,
      listing: { prefix },
    } = await createToken(t.db, 1, { name: "backup", access: "reader", createdBy: "cli" });
    assert.match(token, /^ponte_[A-Za-z0-9_-]{43}$/);
    assert.ok(token.startsWith(prefix) && prefix.length < 16);
    const call = (authorization: string) => app.inject({ url: "/api/v1/stores", headers: { authorization } });
    assert.equal((await call(`Bearer ${token}`)).statusCode, 200);
    const { rows } = await t.db.query<{ token_hash: Buffer; last_used_at: Date | null }>(
      "select token_hash, last_used_at from api_tokens where name = 'backup'",
    );
    assert.deepEqual(rows[0]!.token_hash, crypto.createHash("sha256").update(token).digest());
    assert.ok(rows[0]!.last_used_at, "last use is recorded");

    assert.equal((await call(`Bearer ${token}x`)).statusCode, 401);
    assert.equal((await call("Bearer ")).statusCode, 401);
    assert.equal((await call(`Basic ${token}`)).statusCode, 401);
    assert.ok(await revokeToken(t.db, 1, "backup"), "revoked");
    const revoked = await call(`Bearer ${token}`);
    assert.equal(revoked.statusCode, 401);
    assert.equal(revoked.json().error.code, "unauthenticated");
    // A bad token is not rescued by a good cookie.
    const both = await app.inject({
      url: "/api/v1/stores",
      headers: { authorization: `Bearer ${token}`, cookie: session },
    });
    assert.equal(both.statusCode, 401);
  });

  it("keeps webhooks, health, metrics, the docs and the panel public", async () => {
    const hook = signedWebhook(ctx.platforms.nuvemshop!.webhookSecret, 5001, "order/created", 42);
    const webhook = await app.inject({
      method: "POST",
      url: "/webhooks/nuvemshop",
      headers: { "content-type": "application/json", "x-linkedstore-hmac-sha256": hook.signature },
      payload: hook.body,
    });
    assert.equal(webhook.statusCode, 200, webhook.body);
    assert.equal(webhook.json().status, "accepted");
    for (const url of ["/health", "/ready", "/metrics", "/api/openapi.json", "/api/docs", "/"]) {
      const res = await app.inject(url);
      assert.notEqual(res.statusCode, 401, url);
      assert.notEqual(res.statusCode, 403, url);
    }
    const oauth = await app.inject("/api/v1/platforms/nuvemshop/callback?code=x&state=y");
    assert.notEqual(oauth.statusCode, 401, "the OAuth callback is protected by its state and session");
  });

  it("answers 401 on every other /api route without credentials", async () => {
    const routes = allRoutes(app).filter((r) => r.url.startsWith("/api/"));
    assert.ok(
      routes.some((r) => r.method === "POST" && r.url === "/api/v1/stores/:id/import"),
      `the route tree was read: ${JSON.stringify(routes)}`,
    );
    const open = routes.filter((r) => isPublicRoute(app, r.url)).map((r) => r.url);
    assert.deepEqual([...new Set(open.filter((u) => u.startsWith("/api/v1/")))].sort(), [
      "/api/v1/auth/login",
      "/api/v1/auth/logout",
      "/api/v1/auth/session",
      "/api/v1/auth/setup",
      "/api/v1/platforms/:platform/callback",
      "/api/v1/platforms/:platform/key-delivery",
    ]);
    const closed = routes.filter((r) => !isPublicRoute(app, r.url));
    assert.ok(closed.length >= 15, `${closed.length} protected routes`);
    for (const { method, url } of closed) {
      const path = url.replace(/:\w+/g, "1").replace(/\*/g, "x");
      const res = await app.inject({
        method: method as "GET",
        url: path,
        payload: method === "GET" || method === "HEAD" ? undefined : {},
      });
      assert.equal(res.statusCode, 401, `${method} ${url}`);
      if (method !== "HEAD") assert.equal(res.json().error.code, "unauthenticated", `${method} ${url}`);
    }
  });

  it("documents the security schemes, with the public routes marked open", async () => {
    const doc = (await app.inject("/api/openapi.json")).json();
    assert.ok(doc.components.securitySchemes.bearer);
    assert.deepEqual(doc.paths["/api/v1/auth/login"].post.security, []);
    assert.equal(doc.paths["/api/v1/stores"].get.security, undefined, "inherits the global requirement");
    assert.ok(doc.tags.some((tag: { name: string }) => tag.name === "auth"));
  });
});
