// Issue 12, finding 7: every bad input is a 4xx and no 5xx answer leaks internals. The app's own
// OpenAPI document is walked: every route and method gets hostile values in each path parameter,
// query parameter and body field in turn (NUL bytes, oversize strings, numbers past PostgreSQL's
// integer and bigint, wrong types, `__proto__`/`constructor` keys, deeply nested JSON), on data
// built the way a store builds it (orders imported from the Nuvemshop simulator, then paid,
// invoiced and shipped through the API) so that every other input names something that exists.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import { importOrders } from "../../src/sync/import-orders.ts";
import { authHeaders } from "../helpers/auth.ts";
import { connectSimulatorStore, testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { hostileRequests, LEAK, type Operation, operationsOf } from "../helpers/hostile-requests.ts";
import { capturingLogger } from "../helpers/logger.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;

describe("hostile inputs on every route of the OpenAPI document", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let sim: NuvemshopSimulator;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  const log = capturingLogger();
  /** Ids that exist, for the inputs a request does not make hostile. */
  const ids = { store: 0, salesOrder: 0, email: 0, push: 0, user: 0, token: 0, externalId: "", sku: "" };

  const api = async (method: string, url: string, payload?: object, status = 200) => {
    const res = await app.inject({ method: method as "GET", url, headers, ...(payload ? { payload } : {}) });
    assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`);
    return res.json() as Json;
  };

  /** A valid value for a path parameter: the id of something that exists. */
  function valid(op: Operation, name: string): string {
    const schema = op.pathParams.find((p) => p.name === name)?.schema ?? {};
    if (schema.enum?.length)
      return String(schema.enum.includes("pagamento_confirmado") ? "pagamento_confirmado" : schema.enum[0]);
    if (name === "storeId") return String(ids.store);
    if (name === "externalId") return ids.externalId;
    if (name === "sku") return ids.sku;
    const resource = op.path.split("/")[3];
    const byResource: Record<string, number> = {
      stores: ids.store,
      orders: ids.salesOrder,
      emails: ids.email,
      pushes: ids.push,
      // A spare user and token: the walk may remove them (never the test's own token).
      users: ids.user,
      tokens: ids.token,
    };
    return String(byResource[resource ?? ""] ?? 1);
  }

  before(async () => {
    t = await createTestDatabase();
    ctx = { ...testContext(t.db), logger: log.logger };
    sim = await startNuvemshopSimulator({
      orders: 8,
      seed: 1212,
      clientSecret: ctx.platforms.nuvemshop!.webhookSecret,
      rateLimit: false,
    });
    app = await buildApp({ ctx, version: "test" });
    headers = await authHeaders(ctx);
    ids.store = await connectSimulatorStore(ctx, sim, "Loja Hostil");
    const placed = sim.createOrder({
      status: "open",
      payment_status: "pending",
      paid_at: null,
      contact_email: "cliente@example.com",
    }) as Json;
    await importOrders(ctx, ids.store);

    // One order through the back office, as the panel does it: paid (an e-mail), invoiced
    // (stock movements, receivables) and shipped (pushes to the store).
    const [order] = (await api("GET", `/api/v1/orders?q=%23${placed.number}`)).items as Json[];
    ids.salesOrder = order!.id;
    await api("POST", `/api/v1/orders/${ids.salesOrder}/confirm-payment`, { notifyCustomer: true });
    await api("POST", `/api/v1/orders/${ids.salesOrder}/invoice`, { kind: "simple" }, 201);
    await api(
      "POST",
      `/api/v1/orders/${ids.salesOrder}/shipments`,
      { carrier: "Jadlog", trackingCode: "JD1" },
      201,
    );
    const detail = await api("GET", `/api/v1/orders/${ids.salesOrder}`);
    ids.externalId = detail.storeOrder.externalId;
    ids.sku = (detail.items as Json[]).find((i) => i.sku)!.sku;
    ids.email = ((await api("GET", "/api/v1/emails")).items as Json[])[0]!.id;
    ids.push = ((await api("GET", `/api/v1/orders/${ids.salesOrder}/pushes`)) as Json[])[0]?.id ?? 1;
    const spareUser = { email: "reserva@example.com", password: "uma senha bem longa", role: "reader" };
    ids.user = (await api("POST", "/api/v1/users", spareUser, 201)).id;
    ids.token = (await api("POST", "/api/v1/tokens", { name: "reserva", access: "reader" }, 201)).token.id;
  });
  after(async () => {
    await app.close();
    await sim.close();
    await t.drop();
  });

  it("no route answers 5xx or shows database or stack text; NUL bytes and numbers out of range are 400 naming the field", async () => {
    const doc = (await api("GET", "/api/openapi.json")) as Json;
    const operations = operationsOf(doc);
    assert.ok(operations.length > 60, `${operations.length} operations in the document`);
    const failures: string[] = [];
    let sent = 0;
    for (const op of operations) {
      for (const req of hostileRequests(op, valid)) {
        const res = await app.inject({
          method: req.method as "GET",
          url: req.url,
          headers: {
            ...headers,
            ...(req.payload === undefined ? {} : { "content-type": "application/json" }),
          },
          ...(req.payload === undefined ? {} : { payload: req.payload }),
        });
        sent++;
        // `apiBaseUrl: null` is a valid PATCH (back to the platform's own API): point the store at
        // the simulator again, so no later request of the walk leaves this machine.
        if (req.method === "PATCH" && op.path === "/api/v1/stores/{id}")
          await api("PATCH", `/api/v1/stores/${ids.store}`, { apiBaseUrl: sim.apiBase });
        const what = `${req.method} ${op.path} ${req.target} (${req.kind}): ${res.statusCode}`;
        // A webhook's signature is checked before its body is read: unsigned, it is a 401 whatever it holds.
        const signed = op.path.startsWith("/webhooks/");
        const mustBe400 =
          !signed &&
          ((req.kind === "nul" && !req.target.startsWith("query key")) ||
            (req.kind === "out_of_range" && req.type.includes("integer")));
        if (res.statusCode >= 500) failures.push(`${what} ${res.body.slice(0, 200)}`);
        else if (LEAK.test(res.body)) failures.push(`${what} leaks: ${res.body.slice(0, 200)}`);
        else if (mustBe400 && res.statusCode !== 400) failures.push(`${what}: must be a 400`);
        else if (mustBe400 && !res.body.includes(req.field))
          failures.push(`${what}: the 400 does not name ${req.field}: ${res.body.slice(0, 200)}`);
      }
    }
    assert.ok(sent > 3000, `${sent} hostile requests sent`);
    assert.deepEqual(failures, [], `${failures.length} of ${sent} answers are wrong`);
  });

  it("an id past PostgreSQL's integer but within bigint is a 404, also where it is locked on", async () => {
    // Turning the import on takes an advisory lock keyed on the store id before reading the store.
    const res = await app.inject({
      method: "PATCH",
      url: "/api/v1/stores/2147483648",
      headers,
      payload: { importEnabled: true },
    });
    assert.equal(res.statusCode, 404, res.body);
  });

  it("a tampered `after` cursor is a 400 naming `after` on every list", async () => {
    const doc = (await api("GET", "/api/openapi.json")) as Json;
    const lists = operationsOf(doc).filter((op) => op.queryParams.some((p) => p.name === "after"));
    assert.ok(lists.length >= 6, `${lists.length} lists take a cursor`);
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const at = "2026-01-15T12:00:00.000Z";
    // Each list's own shape, with one part changed: dates PostgreSQL refuses, numbers past its types.
    const tampered = [
      b64(["1", 1]),
      b64(["2026-02-31T00:00:00Z", 1]),
      b64(["0000-01-01T00:00:00Z", 1]),
      b64(["2026-02-31", 1]),
      b64(["2026-01-15 garbage", 1]),
      b64([at, 1e300]),
      b64([at, -1e300]),
      b64([null, 1e300]),
      b64(["ordered_at", "desc", "1", 1]),
      b64(["ordered_at", "desc", "2026-02-31T10:00:00Z", 1]),
      b64(["status", "desc", 1e300, at, 1]),
      b64(["status", "desc", 40_000, at, 1]),
      b64(["status", "desc", 3, "275760-09-13", 1]),
      b64(["total", "desc", 1e300, 1]),
      b64(["a\u0000", 1]),
      "99999999999999999999999",
      "-1",
      "1e400",
      b64([]),
      "%00",
    ];
    const failures: string[] = [];
    for (const op of lists) {
      const url = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => valid(op, name));
      for (const cursor of tampered) {
        for (const extra of op.path === "/api/v1/orders" ? ["", "&sort=status", "&sort=total"] : [""]) {
          const res = await app.inject({ method: "GET", url: `${url}?after=${cursor}${extra}`, headers });
          const what = `${op.path}?after=${cursor}${extra}: ${res.statusCode} ${res.body.slice(0, 160)}`;
          if (res.statusCode !== 400 || !res.body.includes("after") || LEAK.test(res.body))
            failures.push(what);
        }
      }
    }
    assert.deepEqual(failures, []);
  });

  it("an unexpected error answers `internal` with the request id; the database's text is only in the log", async () => {
    await t.db.query("alter table email_outbox rename to email_outbox_away");
    let res: Awaited<ReturnType<FastifyInstance["inject"]>>;
    try {
      res = await app.inject({ method: "GET", url: "/api/v1/emails", headers });
    } finally {
      await t.db.query("alter table email_outbox_away rename to email_outbox");
    }
    assert.equal(res.statusCode, 500);
    const { error } = res.json() as Json;
    assert.equal(error.code, "internal");
    assert.equal(typeof error.requestId, "string");
    assert.ok(!LEAK.test(res.body) && !res.body.includes("email_outbox"), res.body);
    const lines = log.lines.map((l) => JSON.parse(l) as Json).filter((l) => l.reqId === error.requestId);
    assert.equal(lines.length, 1, "one line for the failed request");
    assert.equal(lines[0]!.level, 50);
    assert.match(lines[0]!.err.message, /relation "email_outbox" does not exist/);
  });
});
