// Roles and token scopes (issue 17, items 1 and 2): one table of route → permission, walked here
// against every route the app serves, with a token of each role and scope; users added, demoted,
// disabled and removed by an admin through the API, their sessions ending, the last admin kept;
// tokens with a scope, an expiry and their last use, revoked from the API; documents masked for
// the read-only role.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { permissionsOf, TOKEN_ACCESS, type TokenAccess } from "../../src/auth/roles.ts";
import { routeNeeds, routePermissionTable } from "../../src/auth/route-permissions.ts";
import { changeUser } from "../../src/auth/user-admin.ts";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import { syncOrder } from "../../src/sync/sync-order.ts";
import { authHeaders } from "../helpers/auth.ts";
import { connectSimulatorStore, testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { allRoutes } from "../helpers/routes.ts";
import { PANEL_ORIGIN, signInCookie } from "../helpers/session.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;

const PASSWORD = "uma senha bem longa";
const CPF = "52998224725";

describe("roles, scopes and the route table", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: NuvemshopSimulator;
  let app: FastifyInstance;
  let admin: Record<string, string>;
  let storeId: number;
  let sku: string;

  const call = async (method: string, url: string, headers: Record<string, string>, payload?: unknown) => {
    const res = await app.inject({
      method: method as "GET",
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return {
      status: res.statusCode,
      json: (res.body && res.headers["content-type"]?.toString().includes("json")
        ? res.json()
        : null) as Json,
    };
  };
  const ok = async (method: string, url: string, headers: Record<string, string>, payload?: unknown) => {
    const res = await call(method, url, headers, payload);
    assert.ok(res.status < 300, `${method} ${url}: ${res.status} ${JSON.stringify(res.json)}`);
    return res.json;
  };
  /** A token of that access, made through the API by the admin; its Bearer header. */
  const tokenFor = async (
    access: TokenAccess,
    name: string = `${access}-${Date.now()}`,
    expiresInDays?: number,
  ) => {
    const made = await ok("POST", "/api/v1/tokens", admin, { name, access, expiresInDays });
    return { headers: { authorization: `Bearer ${made.secret}` }, listing: made.token as Json };
  };
  /** A user of that role, added through the API by the admin, and their signed-in Cookie header. */
  const userFor = async (role: string, email: string) => {
    const made = await ok("POST", "/api/v1/users", admin, { email, password: PASSWORD, role });
    return {
      id: made.id as number,
      headers: { cookie: await signInCookie(app, { email, password: PASSWORD }), ...PANEL_ORIGIN },
    };
  };

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    sim = await startNuvemshopSimulator({ orders: 0, seed: 1717, rateLimit: false });
    app = await buildApp({ ctx, version: "test" });
    admin = await authHeaders(ctx);
    storeId = await connectSimulatorStore(ctx, sim, "Loja Papéis");
    const order = sim.createOrder({ payment_status: "paid" }) as { id: number };
    await syncOrder(ctx, storeId, String(order.id));
    const { rows } = await t.db.query<{ sku: string }>("select sku from products order by sku limit 1");
    sku = rows[0]!.sku;
  });
  after(async () => {
    await app?.close();
    await sim?.close();
    await t?.drop();
  });

  it("the table names every route the app serves behind sign-in, and nothing else", () => {
    const served = allRoutes(app)
      .filter((r) => r.url.startsWith("/api/v1/") && r.method !== "HEAD" && !app.publicRoutes.has(r.url))
      .map((r) => `${r.method} ${r.url}`);
    const missing = served.filter((key) => !(key in routePermissionTable));
    assert.deepEqual(
      missing,
      [],
      "routes without a permission are refused to everyone: add them to the table",
    );
    const stale = Object.keys(routePermissionTable).filter((key) => !served.includes(key));
    assert.deepEqual(stale, [], "table entries for routes that do not exist");
  });

  it("walks every route with a token of each role and scope: 403 exactly where the permission is missing", async () => {
    const tokens = Object.fromEntries(
      await Promise.all(
        TOKEN_ACCESS.map(async (a) => [a, (await tokenFor(a, `walk-${a}`)).headers] as const),
      ),
    );
    const fill = (url: string) =>
      url
        .replace(":storeId", "999999")
        .replace(":externalId", "no-such-order")
        .replace(":receiptId", "999999")
        .replace(":platform", "no-such-platform")
        .replace(":status", "pago")
        .replace(":sku", "NO-SUCH-SKU")
        .replace(":id", "999999");
    let refused = 0;
    let allowed = 0;
    for (const key of Object.keys(routePermissionTable)) {
      const [method, pattern] = key.split(" ") as [string, string];
      const needs = routeNeeds(method, pattern)!;
      for (const access of TOKEN_ACCESS) {
        const res = await call(
          method,
          fill(pattern),
          tokens[access]!,
          method === "GET" || method === "DELETE" ? undefined : {},
        );
        const may = needs.some((p) => permissionsOf(access).has(p));
        if (may) {
          allowed++;
          assert.notEqual(res.json?.error?.code, "forbidden", `${access} may ${key}`);
          assert.ok(res.status < 500, `${access} ${key}: ${res.status} ${JSON.stringify(res.json)}`);
        } else {
          refused++;
          assert.equal(res.status, 403, `${access} may not ${key}: ${res.status}`);
          assert.equal(res.json.error.code, "forbidden");
          assert.match(res.json.error.reason, /Seu perfil \(.+\) não permite esta ação/);
        }
      }
    }
    assert.ok(refused > 100 && allowed > 100, `${refused} refused, ${allowed} allowed`);
  });

  it("a reader sees orders and changes nothing; an operator works orders but not settings or users", async () => {
    const reader = await userFor("reader", "leitura@example.com");
    const operator = await userFor("operator", "operador@example.com");
    const probe = await ok("GET", "/api/v1/auth/session", reader.headers);
    assert.equal(probe.user.role, "reader");
    assert.deepEqual(probe.user.permissions, ["read"]);
    assert.equal((await call("GET", "/api/v1/orders", reader.headers)).status, 200);
    const manual = {
      customer: { name: "Rita Leitora" },
      items: [{ sku, quantity: 1, unitPriceCents: 1000 }],
      pickup: true,
      payment: { type: "pix" },
    };
    const refused = await call("POST", "/api/v1/orders", reader.headers, manual);
    assert.equal(refused.status, 403);
    assert.match(refused.json.error.reason, /Leitura/);
    assert.equal((await call("POST", "/api/v1/orders", operator.headers, manual)).status, 201);
    assert.equal(
      (await call("PUT", `/api/v1/stores/${storeId}/status-map`, operator.headers, { rows: [] })).status,
      403,
    );
    assert.equal((await call("GET", "/api/v1/users", operator.headers)).status, 403);
    const { rows } = await t.db.query<{ n: number }>(
      "select count(*)::int as n from sales_orders where customer_name = 'Rita Leitora'",
    );
    assert.equal(rows[0]!.n, 1, "only the operator's order was made");
  });

  it("disabling a user ends their sessions and stops sign-in; enabling lets them back; removing ends them for good", async () => {
    const ana = await userFor("operator", "ana.op@example.com");
    const second = await signInCookie(app, { email: "ana.op@example.com", password: PASSWORD });
    const disabled = await ok("PATCH", `/api/v1/users/${ana.id}`, admin, { disabled: true });
    assert.equal(disabled.disabled, true);
    for (const cookie of [ana.headers.cookie!, second]) {
      assert.equal((await call("GET", "/api/v1/orders", { cookie })).status, 401, "every session ended");
    }
    const login = await call("POST", "/api/v1/auth/login", PANEL_ORIGIN, {
      email: "ana.op@example.com",
      password: PASSWORD,
    });
    assert.equal(login.status, 403);
    assert.equal(login.json.error.code, "user_disabled");
    const wrong = await call("POST", "/api/v1/auth/login", PANEL_ORIGIN, {
      email: "ana.op@example.com",
      password: "outra senha qualquer",
    });
    assert.equal(wrong.status, 401, "a wrong password learns nothing about the account");

    await ok("PATCH", `/api/v1/users/${ana.id}`, admin, { disabled: false, role: "reader" });
    const back = await signInCookie(app, { email: "ana.op@example.com", password: PASSWORD });
    assert.equal((await ok("GET", "/api/v1/auth/session", { cookie: back })).user.role, "reader");

    assert.equal((await call("DELETE", `/api/v1/users/${ana.id}`, admin)).status, 204);
    assert.equal((await call("GET", "/api/v1/orders", { cookie: back })).status, 401);
    const gone = await call("POST", "/api/v1/auth/login", PANEL_ORIGIN, {
      email: "ana.op@example.com",
      password: PASSWORD,
    });
    assert.equal(gone.status, 401);
    const users = (await ok("GET", "/api/v1/users", admin)).users as Json[];
    assert.ok(!users.some((u) => u.email === "ana.op@example.com"));
  });

  it("the last enabled admin can be neither demoted, disabled nor removed — not even by two admins at once", async () => {
    const first = await userFor("admin", "chefe@example.com");
    const second = await userFor("admin", "sub@example.com");
    // Only these two are admins among users (the walk's tokens are not users).
    const others = ((await ok("GET", "/api/v1/users", admin)).users as Json[]).filter(
      (u) => u.role === "admin" && !u.disabled && u.id !== first.id && u.id !== second.id,
    );
    for (const u of others) await ok("PATCH", `/api/v1/users/${u.id}`, admin, { role: "operator" });

    const self = await call("DELETE", `/api/v1/users/${first.id}`, first.headers);
    assert.equal(self.json.error.reasonCode, "own_account");
    // Each demotes the other at the same moment: one of them must stay an admin. The loser is
    // refused by the lock (409 last_admin) or, if the winner committed before its request was
    // read, as the reader it has just become (403).
    const [a, b] = await Promise.all([
      call("PATCH", `/api/v1/users/${second.id}`, first.headers, { role: "reader" }),
      call("PATCH", `/api/v1/users/${first.id}`, second.headers, { role: "reader" }),
    ]);
    const statuses = [a.status, b.status].sort((x, y) => x - y);
    assert.ok(statuses[0] === 200 && (statuses[1] === 409 || statuses[1] === 403), `${a.status} ${b.status}`);
    const refusal = a.status === 200 ? b : a;
    assert.equal(
      refusal.json.error.reasonCode ?? refusal.json.error.code,
      statuses[1] === 409 ? "last_admin" : "forbidden",
    );
    // The lock itself, without the race: the second change waits for the first, then sees one admin left.
    const winner = a.status === 200 ? first : second;
    const loser = a.status === 200 ? second : first;
    await ok("PATCH", `/api/v1/users/${loser.id}`, admin, { role: "admin" });
    const cli = { kind: "cli", id: 0 } as const;
    let waited!: Promise<string>;
    await t.db.transaction(async (tx) => {
      await changeUser(tx, 1, loser.id, { role: "reader" }, cli);
      waited = t.db
        .transaction((other) => changeUser(other, 1, winner.id, { role: "reader" }, cli))
        .then(
          () => "changed",
          (e: { details?: { reasonCode?: string } }) => e.details?.reasonCode ?? String(e),
        );
      await new Promise((resolve) => setTimeout(resolve, 300)); // the other transaction is waiting on the lock
    });
    assert.equal(await waited, "last_admin");
    const admins = ((await ok("GET", "/api/v1/users", admin)).users as Json[]).filter(
      (u) => u.role === "admin" && !u.disabled,
    );
    assert.equal(admins.length, 1);
    const last = admins[0]!.id as number;
    for (const change of [{ role: "operator" }, { disabled: true }]) {
      const res = await call("PATCH", `/api/v1/users/${last}`, admin, change);
      assert.equal(res.status, 409);
      assert.equal(res.json.error.reasonCode, "last_admin");
    }
    assert.equal((await call("DELETE", `/api/v1/users/${last}`, admin)).json.error.reasonCode, "last_admin");
  });

  it("tokens: a scope, an expiry, the last use, revocation — listed without their secret", async () => {
    const reader = await tokenFor("reader", "relatorios", 30);
    assert.ok(reader.listing.expiresAt, "expires");
    const days = (Date.parse(reader.listing.expiresAt) - Date.now()) / 86_400_000;
    assert.ok(days > 29.9 && days <= 30, `${days} days`);
    assert.equal((await call("GET", "/api/v1/orders", reader.headers)).status, 200);
    assert.equal((await call("POST", "/api/v1/orders", reader.headers, {})).status, 403);

    const hooks = await tokenFor("webhooks", "ganchos");
    assert.equal((await call("GET", "/api/v1/stores", hooks.headers)).status, 200);
    const tested = await call("POST", `/api/v1/stores/${storeId}/test-connection`, hooks.headers);
    assert.equal(tested.status, 200, JSON.stringify(tested.json));
    assert.equal((await call("GET", "/api/v1/orders", hooks.headers)).status, 403);
    assert.equal((await call("GET", `/api/v1/customers`, hooks.headers)).status, 403);

    const listed = (await ok("GET", "/api/v1/tokens", admin)).tokens as Json[];
    const row = listed.find((x) => x.name === "relatorios")!;
    assert.equal(row.access, "reader");
    assert.ok(row.lastUsedAt, "the last use is shown");
    assert.match(row.createdBy, /^token:/);
    assert.ok(!JSON.stringify(listed).includes(reader.headers.authorization.slice(7)), "never the secret");

    const revoked = await ok("DELETE", `/api/v1/tokens/${row.id}`, admin);
    assert.ok(revoked.revokedAt);
    assert.equal((await call("GET", "/api/v1/orders", reader.headers)).status, 401);

    // A day past its expiry, a token stops working by itself.
    const short = await tokenFor("operator", "curto", 1);
    assert.equal((await call("GET", "/api/v1/orders", short.headers)).status, 200);
    await t.db.query("update api_tokens set expires_at = now() - interval '1 second' where name = 'curto'");
    assert.equal((await call("GET", "/api/v1/orders", short.headers)).status, 401);
    assert.equal(
      (await call("POST", "/api/v1/tokens", admin, { name: "x", access: "reader", expiresInDays: 0 })).status,
      400,
    );
  });

  it("documents: masked for the read-only role in records, lists and CSV; whole for an operator", async () => {
    const made = await ok("POST", "/api/v1/orders", admin, {
      customer: { name: "Dora Documento", document: CPF },
      items: [{ sku, quantity: 1, unitPriceCents: 1500 }],
      pickup: true,
      payment: { type: "pix" },
    });
    const reader = (await tokenFor("reader", "mascara")).headers;
    const operator = (await tokenFor("operator", "inteiro")).headers;
    const seen = await ok("GET", `/api/v1/orders/${made.id}`, reader);
    assert.equal(seen.customer.document, "***.982.247-**");
    assert.equal((await ok("GET", `/api/v1/orders/${made.id}`, operator)).customer.document, CPF);
    const customers = await ok("GET", `/api/v1/customers?q=${CPF}`, reader);
    assert.equal(customers.items[0].document, "***.982.247-**");
    const record = await ok("GET", `/api/v1/customers/${customers.items[0].id}`, reader);
    assert.ok(!JSON.stringify(record).includes(CPF) && !JSON.stringify(record).includes("529.982.247-25"));
    const csv = await app.inject({ url: "/api/v1/exports/orders?q=Dora", headers: reader });
    assert.ok(csv.body.includes("***.982.247-**") && !csv.body.includes("529.982.247-25"), csv.body);
    const whole = await app.inject({ url: "/api/v1/exports/orders?q=Dora", headers: operator });
    assert.ok(whole.body.includes("529.982.247-25"));
  });

  it("the audit trail records users and tokens made, changed and removed, never a secret", async () => {
    const before = (await ok("GET", "/api/v1/audit?entityType=user", admin)).items.length as number;
    const made = await ok("POST", "/api/v1/users", admin, {
      email: "audit.me@example.com",
      password: PASSWORD,
      role: "reader",
    });
    await ok("PATCH", `/api/v1/users/${made.id}`, admin, { role: "operator" });
    assert.equal((await call("DELETE", `/api/v1/users/${made.id}`, admin)).status, 204);
    const users = (await ok("GET", `/api/v1/audit?entityType=user&entityId=${made.id}`, admin))
      .items as Json[];
    assert.deepEqual(
      users.map((e) => e.action),
      ["user.delete", "user.update", "user.create"],
    );
    assert.deepEqual([users[1]!.before, users[1]!.after], [{ role: "reader" }, { role: "operator" }]);
    assert.ok(users.every((e) => e.actorKind === "token" && e.entityLabel === "audit.me@example.com"));
    assert.ok(!JSON.stringify(users).includes(PASSWORD), "never the password");
    assert.ok(
      ((await ok("GET", "/api/v1/audit?entityType=user", admin)).items.length as number) >= before + 3,
    );

    const token = await tokenFor("reader", "auditado");
    await ok("DELETE", `/api/v1/tokens/${token.listing.id}`, admin);
    await ok("DELETE", `/api/v1/tokens/${token.listing.id}`, admin); // already revoked: nothing more to record
    const tokens = (await ok("GET", `/api/v1/audit?entityType=token&entityId=${token.listing.id}`, admin))
      .items as Json[];
    assert.deepEqual(
      tokens.map((e) => e.action),
      ["token.revoke", "token.create"],
    );
    assert.equal(tokens[1]!.after.access, "reader");
    assert.ok(!JSON.stringify(tokens).includes(token.headers.authorization.slice(7)), "never the secret");
    // A refused change leaves no trace.
    const last = (await ok("GET", "/api/v1/audit?entityType=user", admin)).items.length as number;
    assert.equal(
      (
        await call("POST", "/api/v1/users", admin, {
          email: "x@example.com",
          password: "curta",
          role: "reader",
        })
      ).status,
      400,
    );
    assert.equal((await ok("GET", "/api/v1/audit?entityType=user", admin)).items.length, last);
  });
});
