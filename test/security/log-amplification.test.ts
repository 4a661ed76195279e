// Issue 12, finding 10: log amplification. A burst of bad requests from someone with no account
// (no credentials, a forged webhook, a failed sign-in, broken JSON, a huge body, a long URL and
// user agent…) must cost at most one log line each, of bounded length, without a stack trace and
// without what the client sent beyond a bounded start of its URL.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance, InjectOptions } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { capturingLogger } from "../helpers/logger.ts";

// biome-ignore lint/suspicious/noExplicitAny: log lines are checked field by field
type Json = Record<string, any>;

/** Longest line a bad request may cost. */
const MAX_LINE = 1024;
const MARKER = "MARKER-7f3a";
/** What a client sends, long enough that a bounded copy of it stops before the marker. */
const long = `${"p".repeat(300)}${MARKER}`;
const deep = `${'{"a":'.repeat(2_000)}1${"}".repeat(2_000)}`;

/** The panel's own origin, which sign-in requests must carry (inject's Host is localhost:80). */
const origin = "http://localhost:80";

/** Bad requests of every kind, none with credentials. */
const BURST: InjectOptions[] = [
  { method: "GET", url: `/api/v1/orders?q=${long}`, headers: { "user-agent": long } },
  { method: "GET", url: `/api/${long}` },
  { method: "DELETE", url: "/api/v1/orders/1", headers: { referer: long } },
  { method: "GET", url: "/api/v1/stores/1", headers: { authorization: `Bearer ${long}` } },
  { method: "POST", url: "/api/v1/auth/login", payload: { email: "ninguem@example.com", password: "x" } },
  {
    method: "POST",
    url: "/api/v1/auth/login",
    headers: { origin },
    payload: { email: "ninguem@example.com", password: long },
  },
  {
    method: "POST",
    url: "/api/v1/auth/login",
    headers: { origin },
    payload: { email: `a\u0000${long}`, password: "x" },
  },
  {
    method: "POST",
    url: "/api/v1/auth/login",
    headers: { origin, "content-type": "application/json" },
    payload: `{"email": "${long}`,
  },
  {
    method: "POST",
    url: "/api/v1/auth/login",
    headers: { origin, "content-type": `application/${long}` },
    payload: long,
  },
  {
    method: "POST",
    url: "/api/v1/auth/login",
    headers: { origin },
    payload: { email: "a@example.com", password: long.repeat(400) },
  },
  {
    method: "POST",
    url: "/api/v1/auth/login",
    headers: { origin, "content-type": "application/json" },
    payload: deep,
  },
  {
    method: "POST",
    url: "/api/v1/auth/login",
    headers: { origin, "content-type": "application/json" },
    payload: `{"__proto__": {"${MARKER}": 1}, "email": "a@example.com", "password": "x"}`,
  },
  {
    method: "POST",
    url: "/webhooks/nuvemshop",
    headers: { "content-type": "application/json", "x-linkedstore-hmac-sha256": long },
    payload: `{"store_id": 1, "event": "order/created", "id": 1, "note": "${long}"}`,
  },
  {
    method: "POST",
    url: "/webhooks/nuvemshop",
    headers: { "content-type": "application/json" },
    payload: `{"note": "${long.repeat(150)}"}`,
  },
  {
    method: "GET",
    url: `/api/v1/platforms/nuvemshop/callback?code=${long}&state=${MARKER}`,
    headers: { accept: "text/html" },
  },
  { method: "GET", url: `/api/v1/platforms/nuvemshop/callback?code=${long}&state=${MARKER}` },
];

describe("log amplification", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let app: FastifyInstance;
  // The default LOG_LEVEL.
  const log = capturingLogger("info");

  before(async () => {
    t = await createTestDatabase();
    ctx = { ...testContext(t.db), logger: log.logger };
    app = await buildApp({ ctx, version: "test" });
  });
  after(async () => {
    await app.close();
    await t.drop();
  });

  it("a burst of bad unauthenticated requests: at most one bounded line each, no stack, nothing of the body", async () => {
    log.lines.length = 0;
    const rounds = 10;
    let sent = 0;
    const statuses = new Set<number>();
    for (let round = 0; round < rounds; round++) {
      for (const request of BURST) {
        const res = await app.inject(request);
        statuses.add(res.statusCode);
        assert.ok(
          res.statusCode < 500,
          `${request.method} ${String(request.url).slice(0, 80)}: ${res.statusCode}`,
        );
        sent++;
      }
    }
    const lines = log.lines.map((text) => ({ text, json: JSON.parse(text) as Json }));
    assert.ok(lines.length <= sent, `${lines.length} lines for ${sent} requests`);
    const perRequest = new Map<string, number>();
    for (const { text, json } of lines) {
      assert.ok(json.reqId, `a line that belongs to no request: ${text.slice(0, 200)}`);
      perRequest.set(json.reqId, (perRequest.get(json.reqId) ?? 0) + 1);
      assert.ok(text.length <= MAX_LINE, `a ${text.length}-byte line: ${text.slice(0, 300)}`);
      assert.equal(json.level, 30, `logged at info: ${text.slice(0, 200)}`);
      assert.ok(!("err" in json) && !/\bstack\b|\n\s+at /.test(text), `no stack: ${text.slice(0, 300)}`);
      assert.ok(
        !text.includes(MARKER),
        `nothing the client sent past a bounded start: ${text.slice(0, 300)}`,
      );
    }
    const repeated = [...perRequest].filter(([, n]) => n > 1);
    assert.deepEqual(repeated, [], "one line per request");
    // Every refusal is on record: the requests refused with a 4xx (the 404-less burst) each left a line.
    assert.equal(perRequest.size, sent, "each bad request left its line");
    for (const status of [302, 400, 401, 403, 413, 415, 429])
      assert.ok(statuses.has(status), `the burst has ${status} answers: ${[...statuses].join(", ")}`);
  });
});
