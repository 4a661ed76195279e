// Issue 11 item 4 (second half): app/suspended, app/resumed and app/uninstalled notices are
// processed every time they arrive. Their bodies are identical each time ({store_id, event,
// id}), so a second suspension after a resume must not be taken for a duplicate of the first.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { authHeaders } from "../helpers/auth.ts";
import { connectSimulatorStore, testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { injectWebhook, signedWebhook } from "../helpers/reliability.ts";

const STORE_EXTERNAL_ID = 5550001;

describe("app/* notices: processed every time they arrive", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  let storeId: number;

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    app = await buildApp({ ctx, version: "test" });
    headers = await authHeaders(ctx);
    storeId = await connectSimulatorStore(
      ctx,
      { storeId: STORE_EXTERNAL_ID, accessToken: "token-da-loja", apiBase: "http://127.0.0.1:9/v1" },
      "Loja Ciclo",
    );
  });
  after(async () => {
    await app.close();
    await t.drop();
  });

  const notice = async (event: string) => {
    const hook = signedWebhook(
      ctx.platforms.nuvemshop!.webhookSecret,
      STORE_EXTERNAL_ID,
      event,
      STORE_EXTERNAL_ID,
    );
    const res = await injectWebhook(app, hook);
    assert.equal(res.statusCode, 200, res.body);
    return res.json().status as string;
  };
  const state = async () => {
    const res = await app.inject({ method: "GET", url: `/api/v1/stores/${storeId}`, headers });
    return res.json().connectionState as string;
  };

  it("suspend, resume, suspend again: the store ends suspended; resumed again it is ok", async () => {
    assert.equal(await notice("app/suspended"), "accepted");
    assert.equal(await state(), "suspended");
    assert.equal(await notice("app/resumed"), "accepted");
    assert.equal(await state(), "ok");
    assert.equal(await notice("app/suspended"), "accepted", "a new suspension, not a duplicate");
    assert.equal(await state(), "suspended");
    assert.equal(await notice("app/resumed"), "accepted");
    assert.equal(await state(), "ok");

    // The platform retrying one delivery applies the same state again: harmless.
    assert.equal(await notice("app/resumed"), "accepted");
    assert.equal(await state(), "ok");
  });

  it("leaves nothing pending behind: the notices do not count as webhooks waiting", async () => {
    const { rows } = await t.db.query<{ pending: number; total: number }>(
      `select count(*) filter (where processed_at is null)::int as pending, count(*)::int as total
         from inbox where store_id = $1 and event like 'app/%'`,
      [storeId],
    );
    assert.deepEqual(rows[0], { pending: 0, total: 5 }, "each delivery recorded, each closed");
    const overview = await app.inject({ method: "GET", url: "/api/v1/overview", headers });
    const store = (overview.json().stores as { id: number; pendingWebhooks: number }[]).find(
      (s) => s.id === storeId,
    )!;
    assert.equal(store.pendingWebhooks, 0);
  });

  it("uninstalled, then installed again: the store is connected and imports again", async () => {
    assert.equal(await notice("app/uninstalled"), "accepted");
    const gone = await app.inject({ method: "GET", url: `/api/v1/stores/${storeId}`, headers });
    assert.deepEqual([gone.json().connectionState, gone.json().importEnabled], ["uninstalled", false]);
    const refused = await app.inject({ method: "POST", url: `/api/v1/stores/${storeId}/import`, headers });
    assert.equal(refused.statusCode, 409);

    // Installing the app again connects the same platform store (OAuth or a new token).
    const again = await connectSimulatorStore(
      ctx,
      { storeId: STORE_EXTERNAL_ID, accessToken: "token-novo", apiBase: "http://127.0.0.1:9/v1" },
      "Loja Ciclo",
      "install",
    );
    assert.equal(again, storeId);
    const back = await app.inject({ method: "GET", url: `/api/v1/stores/${storeId}`, headers });
    assert.deepEqual([back.json().connectionState, back.json().importEnabled], ["ok", true]);
    const { rows } = await t.db.query<{ n: number }>(
      `select count(*)::int as n from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id where t.identifier = 'import-orders'
          and (j.payload->>'storeId')::int = $1`,
      [storeId],
    );
    assert.equal(rows[0]!.n, 1, "an import is queued at once");
  });
});
