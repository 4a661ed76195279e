// A person in several organisations, through the API as the panel uses it: a sign-in lands where
// they last worked (not in whichever organisation has the lowest id, which anyone who adds them
// to one could take), and another organisation's admin who adds them learns nothing of their
// activity elsewhere nor changes their password.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/http/app.ts";
import { testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { ensureUser, PANEL_ORIGIN, signInCookie } from "../helpers/session.ts";

// biome-ignore lint/suspicious/noExplicitAny: JSON answers read loosely
type Json = any;

const ADMIN = { email: "admin@padrao.com.br", password: "senha do admin padrão" };
const PAULA = { email: "paula@beta.com.br", password: "senha da paula na beta" };

describe("a person in several organisations", () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let admin: Record<string, string>;
  let betaId = 0;

  const call = async (headers: Record<string, string>, method: string, url: string, payload?: unknown) => {
    const res = await app.inject({
      method: method as "GET",
      url,
      headers: { ...PANEL_ORIGIN, ...headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
    return (res.body ? res.json() : null) as Json;
  };
  const as = async (user: typeof PAULA) => ({ cookie: await signInCookie(app, user) });
  const landsIn = async (user: typeof PAULA) => {
    const headers = await as(user);
    const session = await call(headers, "GET", "/api/v1/auth/session");
    await call(headers, "POST", "/api/v1/auth/logout");
    return session.user.organization.id as number;
  };

  before(async () => {
    t = await createTestDatabase();
    app = await buildApp({ ctx: testContext(t.db), version: "test" });
    await ensureUser(t.db, ADMIN);
    admin = await as(ADMIN);
    // The admin opens Beta for a merchant and adds Paula there, who works there.
    betaId = (await call(admin, "POST", "/api/v1/organizations", { name: "Beta Comércio" })).id;
    await call(admin, "PUT", "/api/v1/auth/organization", { orgId: betaId });
    await call(admin, "POST", "/api/v1/users", { ...PAULA, role: "operator" });
    await call(admin, "PUT", "/api/v1/auth/organization", { orgId: 1 });
    assert.equal(await landsIn(PAULA), betaId);
  });
  after(async () => {
    await app?.close();
    await t?.drop();
  });

  it("added to another organisation, she keeps her password, her activity stays unseen, and her sign-in still lands where she works", async () => {
    const added = await call(admin, "POST", "/api/v1/users", {
      email: PAULA.email,
      password: "outra senha qualquer 123",
      role: "reader",
    });
    assert.equal(added.lastLoginAt, null, "nothing of her sign-ins in Beta");
    const listed = (await call(admin, "GET", "/api/v1/users")).users as Json[];
    assert.equal(listed.find((u) => u.email === PAULA.email)?.lastLoginAt, null);
    const refused = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: PANEL_ORIGIN,
      payload: { email: PAULA.email, password: "outra senha qualquer 123" },
    });
    assert.equal(refused.statusCode, 401, "the password the other admin typed is not hers");
    // Organisation 1 has the lower id; she last worked in Beta.
    assert.equal(await landsIn(PAULA), betaId);
  });

  it("once she switches, her next sign-in lands there, and that organisation sees when she last worked in it", async () => {
    const paula = await as(PAULA);
    await call(paula, "PUT", "/api/v1/auth/organization", { orgId: 1 });
    await call(paula, "POST", "/api/v1/auth/logout");
    assert.equal(await landsIn(PAULA), 1);
    const listed = (await call(admin, "GET", "/api/v1/users")).users as Json[];
    const seen = listed.find((u) => u.email === PAULA.email)?.lastLoginAt;
    assert.ok(seen && Date.now() - Date.parse(seen) < 60_000, `last used here: ${seen}`);
  });

  it("a tab that shows another organisation than its session now works in is refused, with the reason; the switch itself is not", async () => {
    const stale = await app.inject({
      url: "/api/v1/customers",
      headers: { ...admin, "x-ponte-org": String(betaId) },
    });
    assert.equal(stale.statusCode, 409, stale.body);
    assert.equal(stale.json().error.reasonCode, "organization_changed");
    assert.match(stale.json().error.reason, /trocada em outra aba/);
    const shown = await app.inject({ url: "/api/v1/customers", headers: { ...admin, "x-ponte-org": "1" } });
    assert.equal(shown.statusCode, 200, shown.body);
    await call({ ...admin, "x-ponte-org": String(betaId) }, "PUT", "/api/v1/auth/organization", { orgId: 1 });
  });
});
