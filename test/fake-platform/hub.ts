// A Ponte on a test database with Loja Teste registered and one Loja Teste store connected
// through the public API: what each engine test on the fake platform starts from. Notices the
// FakeStore sends reach Ponte as a platform's would, signed, through POST /webhooks/loja-teste.
import assert from "node:assert/strict";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { buildTaskList } from "../../src/jobs/tasks.ts";
import { startWorker, type WorkerHandle } from "../../src/jobs/worker.ts";
import { authHeaders } from "../helpers/auth.ts";
import { testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { testLogger } from "../helpers/logger.ts";
import { waitForQueueDrained } from "../helpers/reliability.ts";
import type { Notice } from "./fake-store.ts";
import { FAKE_PLATFORM, type FakeStore, openFakeStore, registerFakePlatform } from "./index.ts";

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field
export type Json = Record<string, any>;

export interface FakeHub {
  t: TestDatabase;
  ctx: AppContext;
  app: FastifyInstance;
  auth: Record<string, string>;
  shop: FakeStore;
  storeId: number;
  api(
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    payload?: unknown,
  ): Promise<{ status: number; json: Json }>;
  /** Posts every notice the FakeStore sent since the last call to Ponte; their acks. */
  deliverNotices(): Promise<string[]>;
  /** Posts one notice. */
  deliver(notice: Notice): Promise<{ status: number; json: Json }>;
  /** Runs the queue (an in-process worker) until nothing is left to do, then stops it. */
  drainQueue(): Promise<void>;
  count(sql: string, params?: unknown[]): Promise<number>;
  close(): Promise<void>;
}

export async function startFakeHub(options: {
  orders: number;
  account?: string;
  pageSize?: number;
}): Promise<FakeHub> {
  const unregister = registerFakePlatform();
  const t = await createTestDatabase();
  const ctx = testContext(t.db, { PONTE_LOJA_TESTE_WEBHOOK_SECRET: "segredo-das-notificacoes" });
  const app = await buildApp({ ctx, version: "test" });
  const auth = await authHeaders(ctx);
  const shop = openFakeStore({
    account: options.account ?? "fazenda-boa-vista",
    name: "Fazenda Boa Vista",
    orders: options.orders,
    pageSize: options.pageSize,
    webhookSecret: ctx.platforms[FAKE_PLATFORM]!.webhookSecret,
  });
  let worker: WorkerHandle | undefined;

  const api: FakeHub["api"] = async (method, url, payload) => {
    const res = await app.inject({
      method,
      url,
      headers: auth,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return { status: res.statusCode, json: (res.body ? res.json() : {}) as Json };
  };
  const connected = await api("POST", "/api/v1/stores", {
    platform: FAKE_PLATFORM,
    name: "Fazenda Boa Vista",
    externalId: shop.account,
    credentials: { ...shop.credentials },
  });
  assert.equal(connected.status, 201, JSON.stringify(connected.json));

  const deliver: FakeHub["deliver"] = async (notice) => {
    const res = await app.inject({
      method: "POST",
      url: `/webhooks/${FAKE_PLATFORM}`,
      headers: { "content-type": "application/json", ...notice.headers },
      payload: notice.body,
    });
    return { status: res.statusCode, json: res.json() as Json };
  };

  return {
    t,
    ctx,
    app,
    auth,
    shop,
    storeId: connected.json.id as number,
    api,
    deliver,
    async deliverNotices() {
      const acks: string[] = [];
      for (const notice of shop.takeNotices()) {
        const res = await deliver(notice);
        assert.equal(res.status, 200, JSON.stringify(res.json));
        acks.push(res.json.status);
      }
      return acks;
    },
    async drainQueue() {
      worker = await startWorker({
        db: t.db,
        logger: testLogger,
        tasks: buildTaskList(ctx),
        concurrency: 2,
        processName: "fake-platform",
      });
      try {
        await waitForQueueDrained(t.db);
      } finally {
        await worker.stop();
        worker = undefined;
      }
    },
    count: async (sql, params = []) =>
      (await t.db.query<{ n: number }>(`select count(*)::int as n from ${sql}`, params)).rows[0]!.n,
    async close() {
      await worker?.stop();
      await app.close();
      await t.drop();
      unregister();
    },
  };
}
