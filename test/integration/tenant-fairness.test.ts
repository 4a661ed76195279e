// Fairness between organisations on the job queue (jobs/fairness.ts), structurally: with every
// bulk slot held by imports, another organisation's webhook still runs; and an organisation
// with several stores due holds no more than its share of the bulk slots. The bulk handlers here
// block until the test lets them go, so what runs at once is seen without any timing.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { scheduleDueWork } from "../../src/jobs/scheduler.ts";
import type { TaskList } from "../../src/jobs/tasks.ts";
import { startWorker, type WorkerHandle } from "../../src/jobs/worker.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import { connectStore } from "../../src/stores/stores.ts";
import { createOrganization } from "../../src/tenancy/organizations.ts";
import { testContext } from "../helpers/context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { testLogger } from "../helpers/logger.ts";
import { injectWebhook } from "../helpers/webhooks.ts";

describe("one organisation's bulk work cannot starve another's", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let app: FastifyInstance;
  const sims: NuvemshopSimulator[] = [];
  const orgOfStore = new Map<number, number>();
  let orgA: number;
  let orgB: number;
  let storeB: number;
  let simB: NuvemshopSimulator;

  const connect = async (orgId: number, seed: number) => {
    const sim = await startNuvemshopSimulator({ orders: 0, seed, storeId: 7100 + seed, rateLimit: false });
    sims.push(sim);
    const store = await ctx.db.transaction((tx) =>
      connectStore(
        ctx,
        tx,
        {
          platform: "nuvemshop",
          name: `Loja ${seed}`,
          externalId: String(sim.storeId),
          credentials: { accessToken: sim.accessToken },
          apiBaseUrl: sim.apiBase,
        },
        orgId,
      ),
    );
    orgOfStore.set(store.id, orgId);
    return { sim, storeId: store.id };
  };

  before(async () => {
    t = await createTestDatabase();
    ctx = testContext(t.db);
    app = await buildApp({ ctx, version: "test" });
    [orgA, orgB] = await t.db.transaction(async (tx) => [
      (await createOrganization(tx, "Org A")).id,
      (await createOrganization(tx, "Org B")).id,
    ]);
    for (const seed of [1, 2, 3]) await connect(orgA, seed);
    ({ sim: simB, storeId: storeB } = await connect(orgB, 4));
  });
  after(async () => {
    await app.close();
    for (const sim of sims) await sim.close();
    await t.drop();
  });

  it("bulk jobs carry their store's organisation; interactive jobs carry none", async () => {
    await scheduleDueWork(t.db); // every store is due its first import and status refresh
    const { rows } = await t.db.query<{ task: string; key: string; flags: Record<string, boolean> | null }>(
      "select task_identifier as task, key, flags from graphile_worker.jobs order by id",
    );
    const bulk = rows.filter((r) => r.task === "import-orders" || r.task === "refresh-statuses");
    assert.equal(bulk.length, 8, JSON.stringify(rows));
    for (const job of bulk) {
      const storeId = Number(job.key.split(":")[1]);
      assert.deepEqual(job.flags, { [`org:${orgOfStore.get(storeId)}`]: true }, job.key);
    }
    for (const job of rows.filter((r) => !bulk.includes(r))) assert.equal(job.flags, null, job.task);
  });

  it("with both bulk slots held, an organisation holds one and another org's webhook still runs", async () => {
    const started: { task: string; storeId: number }[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let twoStarted!: () => void;
    const bothSlots = new Promise<void>((resolve) => {
      twoStarted = resolve;
    });
    let synced!: (storeId: number) => void;
    const webhookSynced = new Promise<number>((resolve) => {
      synced = resolve;
    });
    const bulk =
      (task: string) =>
      async (payload: unknown): Promise<void> => {
        started.push({ task, storeId: (payload as { storeId: number }).storeId });
        if (started.length === 2) twoStarted();
        await gate;
      };
    const tasks: TaskList = {
      "import-orders": bulk("import-orders"),
      "refresh-statuses": bulk("refresh-statuses"),
      "redecide-orders": bulk("redecide-orders"),
      "sync-orders": async (payload) => synced((payload as { storeId: number }).storeId),
      "register-webhooks": async () => undefined,
    };
    let worker: WorkerHandle | undefined;
    try {
      worker = await startWorker({
        db: t.db,
        logger: testLogger,
        tasks,
        concurrency: 1,
        bulkConcurrency: 2,
        bulkPerOrg: 1,
        processName: "fairness-test",
      });
      await bothSlots;
      // Six of the eight bulk jobs are org A's, yet the two slots went to one org each.
      const orgs = started.map((s) => orgOfStore.get(s.storeId)).sort();
      assert.deepEqual(orgs, [orgA, orgB].sort(), JSON.stringify(started));

      // Org B's webhook, through the route the platform posts to; the dispatcher queues its job.
      const order = simB.createOrder() as { id: number };
      assert.deepEqual(
        await injectWebhook(
          app,
          ctx.platforms.nuvemshop!.webhookSecret,
          simB.storeId,
          "order/created",
          order.id,
        ),
        {
          status: 200,
          ack: "accepted",
        },
      );
      assert.equal(await webhookSynced, storeB);
      // …while org A's other bulk jobs still wait and both bulk slots are still held.
      const { rows } = await t.db.query<{ n: number }>(
        `select count(*)::int as n from graphile_worker.jobs
          where locked_at is null and flags ? $1 and task_identifier in ('import-orders', 'refresh-statuses')`,
        [`org:${orgA}`],
      );
      assert.equal(rows[0]!.n, 5);
      assert.equal(started.length, 2);
    } finally {
      release();
      await worker?.stop();
    }
  });
});
