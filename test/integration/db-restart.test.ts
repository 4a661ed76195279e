// R5 (RELIABILITY.md B.1): PostgreSQL restarted during a webhook burst. No webhook gets a 2xx
// without its inbox row and sync job stored; while the database is down the answer is 503
// database_unavailable (so the platform retries) and the process survives the pool losing its
// connections; once it is back, webhooks are accepted again and a worker processes everything
// that was accepted. The test runs a PostgreSQL server of its own so that it can stop it.

import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { pino } from "pino";
import type { AppContext } from "../../src/context.ts";
import { createDb, type Db, isConnectionError } from "../../src/db/db.ts";
import { migrate } from "../../src/db/migrate.ts";
import { buildApp } from "../../src/http/app.ts";
import { buildTaskList } from "../../src/jobs/tasks.ts";
import { startWorker, type WorkerHandle } from "../../src/jobs/worker.ts";
import { type NuvemshopSimulator, startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import { connectSimulatorStore, testContext } from "../helpers/context.ts";
import { queuedSyncOrders } from "../helpers/jobs.ts";
import { type OwnServer, startOwnServer } from "../helpers/pg-server.ts";
import { waitFor } from "../helpers/process.ts";

const RATE_PER_SECOND = 50;

interface Sent {
  id: number;
  sentAt: number;
  answeredAt?: number;
  status?: number;
  /** `status` of a 2xx body, `error.code` of an error body. */
  code?: string;
  /** No HTTP answer at all (connection refused/reset, timeout). */
  failure?: string;
}

describe("PostgreSQL restarted during a webhook burst", () => {
  let server: OwnServer | undefined;
  let db: Db | undefined;
  let ctx: AppContext;
  let app: FastifyInstance | undefined;
  let sim: NuvemshopSimulator | undefined;
  let worker: WorkerHandle | undefined;
  let baseUrl: string;
  let storeId: number;
  // What the app logs at warn and above (the pool's "connection lost" lines among them).
  const logged: { msg: string; err?: string }[] = [];
  const logger = pino(
    { level: "warn" },
    {
      write(line: string) {
        const entry = JSON.parse(line) as { msg?: string; err?: { message?: string; stack?: string } };
        logged.push({ msg: entry.msg ?? "", err: entry.err?.stack ?? entry.err?.message });
      },
    },
  );

  const sent: Sent[] = [];
  const marks = { stopBegan: 0, stopDone: 0, startBegan: 0, startDone: 0 };

  before(async () => {
    server = await startOwnServer();
    db = createDb({
      connectionString: server.url,
      max: 10,
      logger,
      applicationName: "ponte-db-restart-test",
    });
    await migrate(db, logger);
    ctx = { ...testContext(db), logger };
    sim = await startNuvemshopSimulator({
      orders: 1500,
      seed: 5,
      rateLimit: false,
      clientSecret: ctx.platforms.nuvemshop!.webhookSecret,
    });
    storeId = await connectSimulatorStore(ctx, sim, "Loja Reinício");
    app = await buildApp({ ctx, version: "test" });
    baseUrl = await app.listen({ host: "127.0.0.1", port: 0 });
  });

  after(async () => {
    // Each step on its own: a failure must not leave the server or the folder behind.
    await worker?.stop().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await sim?.close().catch(() => undefined);
    await db?.close().catch(() => undefined);
    await server?.destroy();
  });

  const accepted = () => sent.filter((s) => s.status !== undefined && s.status >= 200 && s.status < 300);

  it("answers 503 while PostgreSQL is down, never a 2xx without the row and its job", async () => {
    assert.ok(db && sim && server);
    assert.ok(db.pool.listenerCount("error") > 0, "the pool has an 'error' listener (idle-client errors)");
    const ids = sim.listOrders().map((o) => Number(o.id));
    const secret = ctx.platforms.nuvemshop!.webhookSecret;
    const storeExternalId = sim.storeId;

    const send = async (id: number) => {
      const body = JSON.stringify({ store_id: storeExternalId, event: "order/created", id });
      const signature = crypto.createHmac("sha256", secret).update(body).digest("hex");
      const record: Sent = { id, sentAt: performance.now() };
      sent.push(record);
      try {
        const response = await fetch(`${baseUrl}/webhooks/nuvemshop`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-linkedstore-hmac-sha256": signature },
          body,
          signal: AbortSignal.timeout(60_000),
        });
        const text = await response.text();
        record.status = response.status;
        const json = JSON.parse(text) as { status?: string; error?: { code?: string } };
        record.code = json.status ?? json.error?.code;
      } catch (error) {
        record.failure = (error as Error).message;
      } finally {
        record.answeredAt = performance.now();
      }
    };

    // ~50 signed order/created webhooks per second, each for another order of the simulator.
    const inFlight = new Set<Promise<void>>();
    let next = 0;
    const timer = setInterval(() => {
      const id = ids[next++];
      if (id === undefined) return;
      const p = send(id);
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    }, 1000 / RATE_PER_SECOND);

    const answeredAfter = (t: number, ok?: boolean) =>
      sent.filter(
        (s) =>
          s.sentAt >= t &&
          s.answeredAt !== undefined &&
          (ok === undefined || (s.status !== undefined && s.status < 300) === ok),
      ).length;
    try {
      await waitFor("webhooks accepted before the stop", async () =>
        accepted().length >= 100 ? true : undefined,
      );
      marks.stopBegan = performance.now();
      await server.stop();
      marks.stopDone = performance.now();
      await waitFor("webhooks answered while PostgreSQL is down", async () =>
        answeredAfter(marks.stopDone) >= 100 ? true : undefined,
      );
      marks.startBegan = performance.now();
      await server.start();
      marks.startDone = performance.now();
      await waitFor(
        "webhooks accepted again after the restart",
        async () => (answeredAfter(marks.startDone, true) >= 100 ? true : undefined),
        60_000,
      );
    } finally {
      clearInterval(timer);
      await Promise.all(inFlight);
    }
    assert.ok(next < ids.length, "the simulator had enough distinct orders for the whole burst");

    const byStatus: Record<string, number> = {};
    for (const s of sent) {
      const key = s.failure ? "no answer" : `${s.status} ${s.code}`;
      byStatus[key] = (byStatus[key] ?? 0) + 1;
    }
    const timeline = {
      stopMs: Math.round(marks.stopDone - marks.stopBegan),
      downMs: Math.round(marks.startBegan - marks.stopDone),
      startMs: Math.round(marks.startDone - marks.startBegan),
    };
    const { rows: version } = await db.query<{ v: string }>("select current_setting('server_version') as v");
    const summary = JSON.stringify({ postgres: version[0]?.v, sent: sent.length, byStatus, timeline });
    console.log(`# db-restart: ${summary}`);

    // The process answered every request: nothing crashed, nothing hung up.
    assert.deepEqual(
      sent.filter((s) => s.failure),
      [],
      `every webhook got an HTTP answer: ${summary}`,
    );
    // Every refusal tells the platform to retry: 503 database_unavailable, not a 500.
    const refused = sent.filter((s) => s.status !== undefined && s.status >= 300);
    assert.ok(refused.length > 0, `some webhooks were refused while PostgreSQL was down: ${summary}`);
    assert.deepEqual(
      refused
        .filter((s) => s.status !== 503 || s.code !== "database_unavailable")
        .map((s) => `${s.status} ${s.code}`),
      [],
      `every refusal is 503 database_unavailable: ${summary}; ${logged
        .filter((l) => l.msg === "request failed")
        .map((l) => l.err)
        .join("\n")}`,
    );
    // Sent after the server had stopped and answered before it was started: never a 2xx.
    const whileDown = sent.filter((s) => s.sentAt >= marks.stopDone && s.answeredAt! <= marks.startBegan);
    assert.ok(whileDown.length >= 20, `webhooks were sent while PostgreSQL was down: ${summary}`);
    assert.deepEqual(
      whileDown.filter((s) => s.status! < 300).map((s) => s.id),
      [],
      "no 2xx while PostgreSQL was down",
    );
    // Accepted again soon after it came back (the pool opens new connections on demand).
    const firstAfter = Math.min(
      ...sent.filter((s) => s.sentAt >= marks.startDone && s.status! < 300).map((s) => s.answeredAt!),
    );
    assert.ok(
      firstAfter - marks.startDone < 15_000,
      `a 2xx ${Math.round(firstAfter - marks.startDone)} ms after the restart`,
    );

    // Every 2xx has its inbox row and its sync job, committed.
    const ok = accepted();
    assert.ok(
      ok.every((s) => s.code === "accepted"),
      "distinct orders: each accepted once",
    );
    const keys = ok.map((s) => `${storeExternalId}:order:${s.id}`);
    const { rows: inbox } = await db.query<{ dedupe_key: string }>(
      "select dedupe_key from inbox where platform = 'nuvemshop' and dedupe_key = any($1::text[])",
      [keys],
    );
    const stored = new Set(inbox.map((r) => r.dedupe_key));
    assert.deepEqual(
      keys.filter((k) => !stored.has(k)),
      [],
      "an inbox row for every 2xx",
    );
    const queued = new Set(await queuedSyncOrders(db, storeId));
    assert.deepEqual(
      ok.map((s) => String(s.id)).filter((id) => !queued.has(id)),
      [],
      "sync work queued for every 2xx",
    );

    // The pool lost its connections and said so instead of crashing the process.
    assert.ok(
      logged.some((l) => /connection lost/.test(l.msg)),
      `the lost connections were logged: ${[...new Set(logged.map((l) => l.msg))].join(" | ")}`,
    );
    const health = await fetch(`${baseUrl}/health`);
    assert.equal(health.status, 200);
    const ready = await fetch(`${baseUrl}/ready`);
    assert.equal(ready.status, 200, await ready.text());
  });

  it("counts pg's errors for a dead connection as 'database unavailable'", () => {
    // The burst above meets these only by chance: a client whose connection dies between two
    // statements of a transaction fails the next statement with "…is not queryable".
    for (const message of [
      "Client has encountered a connection error and is not queryable",
      "Client was closed and is not queryable",
      "Connection terminated unexpectedly",
    ])
      assert.ok(isConnectionError(new Error(message)), message);
    assert.ok(isConnectionError(Object.assign(new Error("terminating connection"), { code: "57P01" })));
    assert.ok(!isConnectionError(Object.assign(new Error("duplicate key"), { code: "23505" })));
  });

  it("a worker then stores every accepted order", async (t) => {
    assert.ok(db);
    const ok = accepted();
    assert.ok(ok.length > 0);
    const externalIds = ok.map((s) => String(s.id));
    const started = performance.now();
    worker = await startWorker({
      db,
      logger,
      tasks: buildTaskList(ctx),
      concurrency: 8,
      processName: "db-restart-test",
    });
    const missing = async () => {
      const { rows } = await db!.query<{ external_id: string }>(
        "select external_id from store_orders where store_id = $1 and external_id = any($2::text[])",
        [storeId, externalIds],
      );
      const have = new Set(rows.map((r) => r.external_id));
      return externalIds.filter((id) => !have.has(id));
    };
    try {
      await waitFor(
        "every accepted order stored",
        async () => ((await missing()).length === 0 ? true : undefined),
        180_000,
      );
    } catch (error) {
      const left = await missing();
      assert.fail(
        `${(error as Error).message}: ${left.length} of ${externalIds.length} missing, e.g. ${left.slice(0, 5)}`,
      );
    }
    t.diagnostic(
      `${externalIds.length} accepted orders stored ${Math.round(performance.now() - started)} ms after the worker started`,
    );
    await worker.stop();
    worker = undefined;
  });
});
