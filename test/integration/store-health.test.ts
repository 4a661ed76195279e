// Issue 11, item 12: Visão geral and Lojas never say "Conectada · Tudo em dia" while the platform
// does not answer. A store whose platform goes away turns red from its first failing import, with
// why and what to do; Importar agora then says so at once; once the platform answers again the
// store is healthy. A failed Testar conexão shows until the platform is reached again.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { buildTaskList } from "../../src/jobs/tasks.ts";
import { startWorker, type WorkerHandle } from "../../src/jobs/worker.ts";
import {
  type NuvemshopSimulator,
  type SimulatorOptions,
  startNuvemshopSimulator,
} from "../../src/simulators/nuvemshop/index.ts";
import { authHeaders } from "../helpers/auth.ts";
import { connectSimulatorStore, testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { testLogger } from "../helpers/logger.ts";
import { waitFor } from "../helpers/process.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
type Json = Record<string, any>;

describe("store health on Visão geral and Lojas tells the truth", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let app: FastifyInstance;
  let worker: WorkerHandle;
  let headers: Record<string, string>;
  let sim: NuvemshopSimulator;
  const options: SimulatorOptions = { orders: 6, seed: 12, storeId: 5_200_001, rateLimit: false };

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    app = await buildApp({ ctx, version: "test" });
    headers = await authHeaders(ctx);
    sim = await startNuvemshopSimulator(options);
    worker = await startWorker({
      db: t.db,
      logger: testLogger,
      tasks: buildTaskList(ctx),
      concurrency: 2,
      processName: "test",
    });
  });
  after(async () => {
    await worker.stop();
    await app.close();
    await sim.close().catch(() => undefined);
    await t.drop();
  });

  const get = async (url: string) => {
    const res = await app.inject({ url, headers });
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    return res.json() as Json;
  };
  const post = (url: string) => app.inject({ method: "POST", url, headers });
  const overview = async (id: number) =>
    ((await get("/api/v1/overview")).stores as Json[]).find((s) => s.id === id)!;
  const importJobs = async (id: number) =>
    ((await get(`/api/v1/failures?kind=jobs&storeId=${id}`)).items as Json[]).filter(
      (j) => j.task === "import-orders",
    );

  it("a store whose platform stops answering is red from its first failing import, says why, and is healthy once it answers", async () => {
    const storeId = await connectSimulatorStore(ctx, sim, "Loja Saúde");
    assert.equal((await post(`/api/v1/stores/${storeId}/import`)).statusCode, 202);
    const healthy = await waitFor("the first import", async () => {
      const s = await overview(storeId);
      return s.lastImportAt ? s : undefined;
    });
    assert.equal(healthy.health.level, "ok", JSON.stringify(healthy.health));
    assert.equal(healthy.health.connection, "Conectada");
    assert.equal(healthy.health.message, "Tudo em dia.");
    assert.deepEqual((await get(`/api/v1/stores/${storeId}`)).health, healthy.health, "Lojas says the same");

    // The platform goes away: nothing answers at its address any more.
    const port = Number(new URL(sim.url).port);
    await sim.close();
    assert.equal((await post(`/api/v1/stores/${storeId}/import`)).statusCode, 202, "not known yet: queued");
    await waitFor(
      "the import's first failure",
      async () => ((await importJobs(storeId))[0]?.attempts ?? 0) >= 1 || undefined,
      60_000,
    );

    const down = await overview(storeId);
    assert.equal(down.health.level, "bad", JSON.stringify(down.health));
    assert.equal(down.health.code, "unreachable");
    assert.equal(down.health.connection, "Sem contato");
    assert.match(down.health.message, /^Sem contato com a Nuvemshop há /);
    assert.match(down.health.message, /conexão recusada/);
    assert.match(down.health.message, /1 tarefa tentando de novo/);
    assert.match(down.health.message, /endereço da API/, "what to check");
    assert.doesNotMatch(down.health.message, /Tudo em dia/);
    const store = await get(`/api/v1/stores/${storeId}`);
    assert.equal(store.health.code, "unreachable", "Lojas: the same state");
    assert.equal(
      (await get("/api/v1/stores")).find((s: Json) => s.id === storeId).health.code,
      "unreachable",
    );

    // Importar agora knows now: it says why at once instead of queueing into the void.
    const refused = await post(`/api/v1/stores/${storeId}/import`);
    assert.equal(refused.statusCode, 503, refused.body);
    assert.match(refused.json().error.reason, /^Loja Saúde: não foi possível conectar à Nuvemshop/);

    // The platform answers again at the same address.
    sim = await startNuvemshopSimulator({ ...options, port });
    const queued = await post(`/api/v1/stores/${storeId}/import`);
    assert.equal(queued.statusCode, 202, queued.body);
    const back = await waitFor(
      "the store to be healthy again",
      async () => {
        const s = await overview(storeId);
        return s.health.level === "ok" ? s : undefined;
      },
      60_000,
    );
    assert.equal(back.health.message, "Tudo em dia.");
    assert.equal(back.health.connection, "Conectada");
    assert.equal(back.jobsFailed, 0);
  });

  it("a failed Testar conexão is shown until a test passes", async () => {
    // The operator typed the wrong store id: the platform answers that there is no such store.
    const connected = await app.inject({
      method: "POST",
      url: "/api/v1/stores",
      headers,
      payload: {
        platform: "nuvemshop",
        name: "Loja ID Errado",
        externalId: "999",
        accessToken: sim.accessToken,
        apiBaseUrl: sim.apiBase,
      },
    });
    assert.equal(connected.statusCode, 201, connected.body);
    const storeId = connected.json().id as number;
    const test = await post(`/api/v1/stores/${storeId}/test-connection`);
    assert.equal(test.statusCode, 200, test.body);
    assert.equal(test.json().ok, false);
    const s = await overview(storeId);
    assert.equal(s.health.code, "test_failed", JSON.stringify(s.health));
    assert.notEqual(s.health.level, "ok");
    assert.match(s.health.message, /Testar conexão falhou/);
    assert.match(s.health.message, /não encontrou a loja 999/);
  });
});
