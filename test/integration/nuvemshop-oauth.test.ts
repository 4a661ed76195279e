// The Nuvemshop app install against the simulator: the panel's button starts it (signed in),
// the store owner's browser comes back with a code and lands on the new store's page; a failure
// lands on the store list with the reason's code. Scripts (no text/html) get the store as JSON.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/http/app.ts";
import { buildTaskList } from "../../src/jobs/tasks.ts";
import { startWorker, type WorkerHandle } from "../../src/jobs/worker.ts";
import { startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import { call } from "../../src/simulators/nuvemshop/test-client.ts";
import type { NuvemshopSimulator } from "../../src/simulators/nuvemshop/types.ts";
import { listStores, openStore } from "../../src/stores/stores.ts";
import { testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { testLogger } from "../helpers/logger.ts";
import { waitFor } from "../helpers/process.ts";
import { ensureUser, PANEL_ORIGIN, signInCookie } from "../helpers/session.ts";

describe("Nuvemshop app install (OAuth)", () => {
  let t: TestDatabase;
  let sim: NuvemshopSimulator;
  let app: FastifyInstance;
  let worker: WorkerHandle | undefined;
  /** The signed-in browser that installs (the state is bound to its session). */
  let cookie: string;
  let ctx: ReturnType<typeof testContext>;
  before(async () => {
    t = await createTestDatabase();
    sim = await startNuvemshopSimulator({ orders: 0 });
    ctx = testContext(t.db, {
      PONTE_NUVEMSHOP_AUTH_URL: sim.url,
      PONTE_NUVEMSHOP_API_URL: sim.apiBase,
      PONTE_NUVEMSHOP_CLIENT_ID: sim.clientId,
      PONTE_NUVEMSHOP_CLIENT_SECRET: sim.clientSecret,
      PONTE_PUBLIC_URL: "https://ponte.test",
    });
    app = await buildApp({ ctx, version: "test" });
    worker = await startWorker({
      db: t.db,
      logger: testLogger,
      tasks: buildTaskList(ctx),
      concurrency: 1,
      processName: "oauth",
    });
    const user = { email: "dona@loja.com.br", password: "senha-da-dona-123" };
    await ensureUser(t.db, user);
    cookie = await signInCookie(app, user);
  });
  after(async () => {
    await worker?.stop();
    await app.close();
    await sim.close();
    await t.drop();
  });

  const startInstall = async () => {
    const start = await app.inject({ url: "/api/v1/platforms/nuvemshop/install", headers: { cookie } });
    assert.equal(start.statusCode, 302);
    const location = new URL(String(start.headers.location));
    assert.equal(location.origin + location.pathname, `${sim.url}/apps/${sim.clientId}/authorize`);
    return location.searchParams.get("state")!;
  };

  it("a browser coming back with a good code lands on the connected store's page", async () => {
    const state = await startInstall();
    const back = await app.inject({
      url: `/api/v1/platforms/nuvemshop/callback?code=${sim.issueAuthorizationCode()}&state=${state}`,
      headers: { accept: "text/html,application/xhtml+xml", cookie },
    });
    assert.equal(back.statusCode, 302);
    const stores = await listStores(t.db);
    assert.equal(stores.length, 1);
    assert.equal(stores[0]!.externalId, String(sim.storeId));
    assert.equal(back.headers.location, `/lojas/${stores[0]!.id}?instalada=1`);
    // Auditoria: the user whose session started the install installed it; the token only masked.
    const audit = await app.inject({ url: "/api/v1/audit?action=store.install", headers: { cookie } });
    const rows = audit.json().items as {
      actorName: string;
      entityId: string;
      after: Record<string, unknown>;
    }[];
    assert.deepEqual(
      rows.map((r) => [r.actorName, r.entityId]),
      [["dona@loja.com.br", String(stores[0]!.id)]],
    );
    assert.deepEqual(rows[0]!.after.credentials, { accessToken: "••••" });
  });

  it("the installed store's webhooks are registered at PONTE_PUBLIC_URL", async () => {
    const hooks = await waitFor("the webhooks registered", async () => {
      const res = await call(sim, "GET", "/webhooks?per_page=200");
      const list = res.status === 200 ? (res.json() as { event: string; url: string }[]) : [];
      return list.length >= 17 ? list : undefined;
    });
    assert.ok(hooks.every((h) => h.url === "https://ponte.test/webhooks/nuvemshop"));
    const events = new Set(hooks.map((h) => h.event));
    for (const event of ["order/created", "order/paid", "app/uninstalled", "store/redact"]) {
      assert.ok(events.has(event), event);
    }
    assert.equal(events.size, hooks.length, "one hook per event");
  });

  it("a reused or unknown state sends the browser to the store list with the reason", async () => {
    const back = await app.inject({
      url: `/api/v1/platforms/nuvemshop/callback?code=${sim.issueAuthorizationCode()}&state=not-ours`,
      headers: { accept: "text/html", cookie },
    });
    assert.equal(back.statusCode, 302);
    assert.equal(back.headers.location, "/lojas?erro_instalacao=oauth_state_invalid");
  });

  it("an install finished in another organisation of the same person is refused, and the store stays whole in its own", async () => {
    const [store] = await listStores(t.db);
    const asPanel = { cookie, ...PANEL_ORIGIN };
    const other = await app.inject({
      method: "POST",
      url: "/api/v1/organizations",
      headers: asPanel,
      payload: { name: "Outra Empresa" },
    });
    assert.equal(other.statusCode, 201, other.body);
    const orgId = other.json().id as number;
    const switchTo = (id: number) =>
      app.inject({
        method: "PUT",
        url: "/api/v1/auth/organization",
        headers: asPanel,
        payload: { orgId: id },
      });
    assert.equal((await switchTo(orgId)).statusCode, 200);
    try {
      const script = await app.inject({
        url: `/api/v1/platforms/nuvemshop/callback?code=${sim.issueAuthorizationCode()}&state=${await startInstall()}`,
        headers: { cookie },
      });
      assert.equal(script.statusCode, 409, script.body);
      assert.equal(script.json().error.reasonCode, "store_exists");
      assert.ok(!("externalId" in script.json()), "the other organisation's store is not shown");
      const browser = await app.inject({
        url: `/api/v1/platforms/nuvemshop/callback?code=${sim.issueAuthorizationCode()}&state=${await startInstall()}`,
        headers: { accept: "text/html", cookie },
      });
      assert.equal(browser.headers.location, "/lojas?erro_instalacao=store_exists");
      const listed = await app.inject({ url: "/api/v1/stores", headers: { cookie } });
      assert.deepEqual(listed.json(), [], "nothing connected in the other organisation");
    } finally {
      assert.equal((await switchTo(1)).statusCode, 200);
    }
    // Its credentials still open (sealed for its own organisation) and the store is where it was.
    const opened = await openStore(ctx, store!.id);
    assert.equal(opened.store.orgId, store!.orgId);
    assert.equal((await listStores(t.db)).length, 1);
  });

  it("a script gets the store as JSON, and a refused code as a 400", async () => {
    const ok = await app.inject({
      url: `/api/v1/platforms/nuvemshop/callback?code=${sim.issueAuthorizationCode()}&state=${await startInstall()}`,
      headers: { cookie },
    });
    assert.equal(ok.statusCode, 201);
    assert.equal(ok.json().externalId, String(sim.storeId));
    const refused = await app.inject({
      url: `/api/v1/platforms/nuvemshop/callback?code=wrong&state=${await startInstall()}`,
      headers: { cookie },
    });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json().error.code, "validation_failed");
  });
});
