// Organisations (issue 17, item 3): one Ponte, two merchants. Organisation B is made through the
// API by a person of A, who switches to it and connects B's store there; B's orders come in as a
// store sends them and are paid, invoiced, shipped and received through B's API. Then an admin of
// A walks every route of the OpenAPI document with B's ids: 404 everywhere, no answer carries B's
// data, and every row of B is as it was. A second part reads the database as A directly: a
// query that forgets its org_id filter finds nothing of B's (row-level security).
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import type { Db } from "../../src/db/db.ts";
import { tenantDb } from "../../src/db/tenant-db.ts";
import { buildApp } from "../../src/http/app.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import { importOrders } from "../../src/sync/import-orders.ts";
import { authHeaders } from "../helpers/auth.ts";
import { connectSimulatorStore, testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { type Operation, operationsOf, validValue } from "../helpers/hostile-requests.ts";
import { ensureUser, PANEL_ORIGIN, signInCookie } from "../helpers/session.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;

const PERSON = { email: "agencia@example.com", password: "uma senha bem longa" };
/** B's store's name: with its customer's e-mail and name, what only B's data says. */
const B_STORE = "Loja Beta Isolada";

/** Every tenant table's rows of one organisation, as text (sales order items through their orders). */
async function snapshot(db: Db, orgId: number): Promise<Record<string, string>> {
  const { rows: tables } = await db.query<{ name: string }>(
    `select table_name as name from information_schema.columns
      where table_schema = 'public' and column_name = 'org_id' order by table_name`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const { rows } = await db.query<{ rows: string | null }>(
      `select string_agg(t::text, E'\\n' order by t::text) as rows from "${name}" t where org_id = $1`,
      [orgId],
    );
    out[name] = rows[0]?.rows ?? "";
  }
  const { rows } = await db.query<{ rows: string | null }>(
    `select string_agg(i::text, E'\\n' order by i::text) as rows
       from sales_order_items i join sales_orders o on o.id = i.sales_order_id where o.org_id = $1`,
    [orgId],
  );
  out.sales_order_items = rows[0]?.rows ?? "";
  return out;
}

describe("organisations are isolated from each other", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let app: FastifyInstance;
  let simA: NuvemshopSimulator;
  let simB: NuvemshopSimulator;
  /** A's admin token (organisation 1), and B's, made from B's session. */
  let asA: Record<string, string>;
  let asB: Record<string, string>;
  let orgB = 0;
  const idsB = {
    store: 0,
    order: 0,
    customer: 0,
    externalId: "",
    sku: "",
    email: 0,
    push: 0,
    receivable: 0,
    receipt: 0,
    user: 0,
    token: 0,
    privacy: 0,
  };
  const idsA = { store: 0, order: 0, customer: 0 };
  /** Texts of B's that no answer to A may hold. */
  const markersB: string[] = [B_STORE];
  let emailB = "";

  const call = async (headers: Record<string, string>, method: string, url: string, payload?: unknown) => {
    const res = await app.inject({
      method: method as "GET",
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return res;
  };
  const ok = async (headers: Record<string, string>, method: string, url: string, payload?: unknown) => {
    const res = await call(headers, method, url, payload);
    assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
    return (res.body ? res.json() : null) as Json;
  };

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    app = await buildApp({ ctx, version: "test" });
    asA = await authHeaders(ctx);
    simA = await startNuvemshopSimulator({ orders: 3, seed: 501, storeId: 5001, rateLimit: false });
    simB = await startNuvemshopSimulator({ orders: 3, seed: 502, storeId: 5002, rateLimit: false });

    // A: a store with orders, one paid by hand (a customer, an e-mail).
    const storeA = await connectSimulatorStore(ctx, simA, "Loja Alfa");
    await importOrders(ctx, storeA);
    idsA.store = storeA;
    const ordersA = (await ok(asA, "GET", "/api/v1/orders")).items as Json[];
    idsA.order = ordersA[0]!.id;
    idsA.customer = ((await ok(asA, "GET", "/api/v1/customers")).items as Json[])[0]!.id;

    // B: made by a person of A, who switches to it, makes B's token and connects B's store.
    await ensureUser(t.db, PERSON);
    const person = { cookie: await signInCookie(app, PERSON), ...PANEL_ORIGIN };
    orgB = (await ok(person, "POST", "/api/v1/organizations", { name: "Beta Comércio" })).id;
    const switched = await ok(person, "PUT", "/api/v1/auth/organization", { orgId: orgB });
    assert.equal(switched.current, orgB);
    const made = await ok(person, "POST", "/api/v1/tokens", { name: "beta-admin", access: "admin" });
    asB = { authorization: `Bearer ${made.secret}` };
    const storeB = await ok(asB, "POST", "/api/v1/stores", {
      platform: "nuvemshop",
      name: B_STORE,
      externalId: String(simB.storeId),
      accessToken: simB.accessToken,
      apiBaseUrl: simB.apiBase,
    });
    idsB.store = storeB.id;
    const placed = simB.createOrder({
      status: "open",
      payment_status: "pending",
      paid_at: null,
    }) as Json;
    await importOrders(ctx, idsB.store);

    // B's back office: paid (an e-mail), invoiced (receivables, stock), shipped (pushes), received.
    const [order] = (await ok(asB, "GET", `/api/v1/orders?q=%23${placed.number}`)).items as Json[];
    idsB.order = order!.id;
    await ok(asB, "POST", `/api/v1/orders/${idsB.order}/confirm-payment`, { notifyCustomer: true });
    await ok(asB, "POST", `/api/v1/orders/${idsB.order}/invoice`, { kind: "simple" });
    await ok(asB, "POST", `/api/v1/orders/${idsB.order}/shipments`, {
      carrier: "Jadlog",
      trackingCode: "JD1",
    });
    const detail = await ok(asB, "GET", `/api/v1/orders/${idsB.order}`);
    idsB.externalId = detail.storeOrder.externalId;
    idsB.sku = (detail.items as Json[]).find((i) => i.sku)!.sku;
    idsB.customer = detail.customer.id;
    const customer = await ok(asB, "GET", `/api/v1/customers/${idsB.customer}`);
    emailB = customer.email;
    markersB.push(customer.email, customer.name);
    assert.ok(
      !(await ok(asA, "GET", "/api/v1/customers")).items.some((c: Json) => c.email === emailB),
      "the seeds gave B a customer of its own",
    );
    idsB.email = ((await ok(asB, "GET", "/api/v1/emails")).items as Json[])[0]!.id;
    idsB.push = ((await ok(asB, "GET", `/api/v1/orders/${idsB.order}/pushes`)) as Json[])[0]!.id;
    idsB.receivable = (
      (await ok(asB, "GET", `/api/v1/receivables?salesOrderId=${idsB.order}`)).items as Json[]
    )[0]!.id;
    const receipt = await ok(asB, "POST", `/api/v1/receivables/${idsB.receivable}/receipts`, {
      receivedOn: "2026-01-15",
      amountCents: 100,
      method: "pix",
    });
    idsB.receipt = receipt.receipt.id;
    idsB.user = (
      await ok(asB, "POST", "/api/v1/users", {
        email: "beta@example.com",
        password: PERSON.password,
        role: "reader",
      })
    ).id;
    idsB.token = (
      await ok(asB, "POST", "/api/v1/tokens", { name: "beta-leitura", access: "reader" })
    ).token.id;
    idsB.privacy = (
      await ok(asB, "POST", `/api/v1/customers/${idsB.customer}/privacy-requests`, { kind: "data_request" })
    ).id;
  });
  after(async () => {
    await app?.close();
    await simA?.close();
    await simB?.close();
    await t?.drop();
  });

  /** B's id for a path parameter, by the resource the path names. */
  function idOfB(op: Operation, name: string): string | undefined {
    const schema = op.pathParams.find((p) => p.name === name)?.schema ?? {};
    if (schema.enum?.length) return String(validValue(schema));
    if (name === "storeId") return String(idsB.store);
    if (name === "externalId") return idsB.externalId;
    if (name === "sku") return idsB.sku;
    if (name === "receiptId") return String(idsB.receipt);
    if (name === "platform") return "nuvemshop";
    const byResource: Record<string, number> = {
      stores: idsB.store,
      orders: idsB.order,
      customers: idsB.customer,
      emails: idsB.email,
      pushes: idsB.push,
      receivables: idsB.receivable,
      users: idsB.user,
      tokens: idsB.token,
      "privacy-requests": idsB.privacy,
    };
    const id = byResource[op.path.split("/")[3] ?? ""];
    return id === undefined ? undefined : String(id);
  }

  /** Bodies the schema alone does not make valid enough to reach the lookup. */
  const BODIES: Record<string, unknown> = {
    "POST /api/v1/receivables/{id}/receipts": { receivedOn: "2026-01-15", amountCents: 1, method: "pix" },
    "POST /api/v1/orders/{id}/invoice": { kind: "simple" },
    "PATCH /api/v1/users/{id}": { role: "admin" },
    "PATCH /api/v1/customers/{id}": { name: "Outro Nome" },
  };

  it("an admin of A gets 404 on every route with B's ids, sees none of B's data, and changes nothing of B's", async () => {
    const before = await snapshot(t.db, orgB);
    const doc = (await ok(asA, "GET", "/api/openapi.json")) as Json;
    const tenantOps = operationsOf(doc).filter(
      (op) =>
        op.path.startsWith("/api/v1/") && op.pathParams.some((p) => !p.schema.enum && p.name !== "platform"),
    );
    assert.ok(tenantOps.length >= 55, `${tenantOps.length} operations take a tenant's id`);
    const failures: string[] = [];
    for (const op of tenantOps) {
      const names = op.pathParams.map((p) => p.name);
      const filled = names.map((n) => [n, idOfB(op, n)] as const);
      const missing = filled.filter(([, v]) => v === undefined).map(([n]) => n);
      if (missing.length > 0) {
        failures.push(`${op.method} ${op.path}: no id of B for ${missing.join(", ")}`);
        continue;
      }
      const url = op.path.replace(/\{([^}]+)\}/g, (_m, n: string) => encodeURIComponent(idOfB(op, n)!));
      const key = `${op.method} ${op.path}`;
      const body = BODIES[key] ?? (op.body ? validValue(op.body) : undefined);
      const res = await call(asA, op.method, url, body);
      const what = `${key} as A with B's ids: ${res.statusCode} ${res.body.slice(0, 160)}`;
      if (res.statusCode !== 404) failures.push(what);
      else if (markersB.some((s) => res.body.includes(s))) failures.push(`${what}: leaks B`);
    }
    assert.deepEqual(failures, []);
    assert.deepEqual(await snapshot(t.db, orgB), before, "B's rows are as they were");
  });

  it("A's lists, exports and searches hold nothing of B's", async () => {
    const doc = (await ok(asA, "GET", "/api/openapi.json")) as Json;
    const lists = operationsOf(doc).filter(
      (op) => op.method === "GET" && op.path.startsWith("/api/v1/") && op.pathParams.length === 0,
    );
    assert.ok(lists.length >= 15, `${lists.length} lists`);
    const leaks: string[] = [];
    for (const op of lists) {
      for (const query of ["", `?q=${encodeURIComponent(emailB)}`]) {
        const res = await call(asA, "GET", `${op.path}${query}`);
        if (markersB.some((s) => res.body.includes(s))) {
          leaks.push(`${op.path}${query}: ${res.statusCode}`);
        }
      }
    }
    assert.deepEqual(leaks, []);
    // And B sees its own, so the markers are real.
    const own = await call(asB, "GET", `/api/v1/customers/${idsB.customer}`);
    assert.ok(own.body.includes(emailB), own.body.slice(0, 300));
    assert.ok((await call(asB, "GET", "/api/v1/stores")).body.includes(B_STORE));
  });

  it("a list filtered by B's store or order in its query string is a 404 too; by A's own, it lists", async () => {
    const doc = (await ok(asA, "GET", "/api/openapi.json")) as Json;
    const idsOf: Record<string, [number, number]> = {
      storeId: [idsB.store, idsA.store],
      salesOrderId: [idsB.order, idsA.order],
    };
    const filters = operationsOf(doc).flatMap((op) =>
      op.queryParams
        .filter((q) => q.name in idsOf && [q.schema.type, q.schema.items?.type].flat().includes("integer"))
        .map((q) => ({ op, name: q.name })),
    );
    assert.ok(filters.length >= 6, `${filters.length} id filters`);
    const failures: string[] = [];
    for (const { op, name } of filters) {
      const [ofB, ofA] = idsOf[name]!;
      const foreign = await call(asA, op.method, `${op.path}?${name}=${ofB}`);
      if (foreign.statusCode !== 404 || markersB.some((m) => foreign.body.includes(m))) {
        failures.push(`${op.path}?${name}=B: ${foreign.statusCode} ${foreign.body.slice(0, 120)}`);
      }
      const mixed = await call(asA, op.method, `${op.path}?${name}=${ofA}&${name}=${ofB}`);
      if (op.queryParams.find((q) => q.name === name)?.schema.type === "array" && mixed.statusCode !== 404) {
        failures.push(`${op.path}?${name}=A&${name}=B: ${mixed.statusCode}`);
      }
      const own = await call(asA, op.method, `${op.path}?${name}=${ofA}`);
      if (own.statusCode !== 200)
        failures.push(`${op.path}?${name}=A: ${own.statusCode} ${own.body.slice(0, 120)}`);
    }
    assert.deepEqual(failures, []);
  });

  it("an id of B given in A's request body is not found either, and B's rows stay as they were", async () => {
    const before = await snapshot(t.db, orgB);
    const retried = await call(asA, "POST", "/api/v1/failures/retry", {
      orders: [{ storeId: idsB.store, externalId: idsB.externalId }],
      pushes: [idsB.push],
      allOrdersOfStore: idsB.store,
    });
    assert.ok([202, 404].includes(retried.statusCode), retried.body);
    if (retried.statusCode === 202) {
      assert.deepEqual(
        retried.json(),
        { ordersQueued: 0, jobsQueued: 0, pushesQueued: 0 },
        "nothing of B's queued",
      );
    }
    const cases: [string, string, unknown][] = [
      ["POST", `/api/v1/orders/${idsA.order}/customer`, { customerId: idsB.customer }],
      ["POST", `/api/v1/customers/${idsA.customer}/merge`, { otherId: idsB.customer }],
    ];
    for (const [method, url, body] of cases) {
      // A 404 exactly: a 400 would mean the body never reached the lookup.
      const res = await call(asA, method, url, body);
      assert.equal(res.statusCode, 404, `${method} ${url}: ${res.body}`);
      assert.ok(!markersB.some((s) => res.body.includes(s)), res.body);
    }
    assert.deepEqual(await snapshot(t.db, orgB), before, "B's rows are as they were");
  });

  it("B's store cannot be connected or reconnected from A, and it stays B's", async () => {
    const connect = (reconnect: boolean) =>
      call(asA, "POST", "/api/v1/stores", {
        platform: "nuvemshop",
        name: "Tomada",
        externalId: String(simB.storeId),
        accessToken: "token-de-outro",
        apiBaseUrl: simB.apiBase,
        reconnect,
      });
    const again = await connect(false);
    assert.equal(again.statusCode, 409, again.body);
    assert.match(again.json().error.reason, /conectada em outra organização/);
    // Row-level security hides it (no such store to reconnect) or the organisation check refuses it.
    const reconnect = await connect(true);
    assert.ok([404, 409].includes(reconnect.statusCode), reconnect.body);
    const { rows } = await t.db.query<{ org_id: number; name: string }>(
      "select org_id, name from stores where id = $1",
      [idsB.store],
    );
    assert.deepEqual(rows[0], { org_id: orgB, name: B_STORE });
  });

  it("a query that forgets its organisation filter finds nothing of the other's, and cannot write into it", async () => {
    const asTenantA = tenantDb(t.db, 1);
    const seen = await asTenantA.query<{ org_id: number }>("select distinct org_id from sales_orders");
    assert.deepEqual(
      seen.rows.map((r) => r.org_id),
      [1],
    );
    const items = await asTenantA.query<{ n: number }>(
      "select count(*)::int as n from sales_order_items where sales_order_id = $1",
      [idsB.order],
    );
    assert.equal(items.rows[0]!.n, 0, "B's order items are hidden through their order");
    const store = await asTenantA.query("select * from stores where id = $1", [idsB.store]);
    assert.equal(store.rowCount, 0);
    const users = await asTenantA.query<{ email: string }>("select email from users");
    assert.ok(!users.rows.some((u) => u.email === "beta@example.com"), "B's own user is not A's to see");
    const updated = await asTenantA.query("update customers set name = 'x' where id = $1", [idsB.customer]);
    assert.equal(updated.rowCount, 0);
    await assert.rejects(
      asTenantA.query(
        "insert into audit_log (org_id, actor_kind, actor_name, action, entity_type) values ($1, 'cli', 'x', 'x', 'x')",
        [orgB],
      ),
      /row-level security/,
    );
    await assert.rejects(asTenantA.query("select * from login_throttle"), /permission denied/);
  });

  it("every table with an org_id has row-level security and a tenant policy", async () => {
    const { rows } = await t.db.query<{ name: string; rls: boolean; policies: number }>(
      `select c.relname as name, c.relrowsecurity as rls,
              (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r'
          and (exists (select 1 from information_schema.columns k
                        where k.table_schema = 'public' and k.table_name = c.relname and k.column_name = 'org_id')
               or c.relname in ('organizations', 'sales_order_items'))`,
    );
    assert.ok(rows.length >= 25, `${rows.length} tenant tables`);
    const open = rows.filter((r) => !r.rls || r.policies === 0).map((r) => r.name);
    assert.deepEqual(open, [], "tenant tables without row-level security");
  });
});
