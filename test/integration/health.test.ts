import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createDb } from "../../src/db/db.ts";
import { buildApp } from "../../src/http/app.ts";
import { testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { testLogger } from "../helpers/logger.ts";

describe("health, readiness, metrics and the API document", () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.drop());

  it("/ready is 200 with the database and queue up, 503 with the reason when the database is down", async () => {
    const app = await buildApp({ ctx: testContext(t.db), version: "test" });
    const ok = await app.inject("/ready");
    assert.equal(ok.statusCode, 200);
    assert.deepEqual(ok.json(), { status: "ready", database: "up", queue: "up" });
    assert.equal((await app.inject("/health")).statusCode, 200);
    await app.close();

    const down = createDb({ connectionString: "postgres://ponte:x@127.0.0.1:1/ponte", logger: testLogger });
    const broken = await buildApp({ ctx: testContext(down), version: "test" });
    const res = await broken.inject("/ready");
    assert.equal(res.statusCode, 503);
    assert.equal(res.json().database, "down");
    assert.ok(res.json().reason);
    await broken.close();
    await down.close();
  });

  it("serves /metrics and the OpenAPI document with every route described", async () => {
    const app = await buildApp({ ctx: testContext(t.db), version: "test" });
    await app.inject("/health");
    const metrics = await app.inject("/metrics");
    assert.match(metrics.body, /ponte_http_requests_total\{method="GET",route="\/health",status="200"\} 1/);
    const doc = (await app.inject("/api/openapi.json")).json();
    assert.equal(doc.openapi, "3.1.0");
    assert.ok(doc.paths["/ready"].get.responses["503"]);
    assert.equal((await app.inject("/api/docs")).statusCode < 400, true);
    await app.close();
  });
});
