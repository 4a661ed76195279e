// Per-organisation fairness of the job queue (issue 17): one organisation's big import must not
// delay another organisation's webhooks. Processes as deployed: two Nuvemshop simulators (their
// own processes, one store each, rate limit off), Ponte (`ponte start`: API + worker + scheduler)
// and this process, which only drives and measures.
//
//   Org A: one store whose simulator holds BENCH_ORDERS orders (default 50,000); connecting it
//          starts its import (the scheduler queues it at once), as for a new merchant.
//   Org B: one store; its simulator creates BENCH_RATE new unpaid orders per second (default 100),
//          each sending one signed order/created webhook, for BENCH_DURATION seconds (default 30).
//
// Run 1: B alone (baseline). Run 2: B again while A's import runs (the run starts once A's first
// page is stored; A's store_orders are counted at the window's ends for its import orders/s).
// Per webhook: t0 = when the simulator wrote the webhook's body (http.request wrapped in the
// simulator's process, sim-child.ts), t1 = when this process first saw B's sales order for that
// order (it polls PostgreSQL every BENCH_POLL_MS, default 20: an upper bound by one poll).
// Both are this machine's wall clock. Printed: p50/p90/p99 of both runs, the p99 ratio (goal ≤ 2)
// and A's import throughput during the window.
//
// Run: node --import tsx bench/tenant-fairness.ts
//   BENCH_ORDERS (A's orders; e.g. 10000 for a quick run), BENCH_RATE, BENCH_DURATION,
//   BENCH_CONCURRENCY (PONTE_WORKER_CONCURRENCY, default 8), BENCH_POLL_MS,
//   DATABASE_URL or TEST_DATABASE_URL (a throwaway database there), otherwise embedded PostgreSQL.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../src/config.ts";
import { createContext } from "../src/context.ts";
import { createLogger } from "../src/logger.ts";
import { connectStore } from "../src/stores/stores.ts";
import { createOrganization } from "../src/tenancy/organizations.ts";
import { benchDatabase, freePort, sleep, spawnPonte, stopChildren, summary, waitReady } from "./harness.ts";
import { epochMs, type SimulatorChild, startSimulatorChild, type WebhookSend } from "./sim-child.ts";

const orders = Number(process.env.BENCH_ORDERS ?? 50_000);
const rate = Number(process.env.BENCH_RATE ?? 100);
const duration = Number(process.env.BENCH_DURATION ?? 30);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const pollMs = Number(process.env.BENCH_POLL_MS ?? 20);
const logger = createLogger({ logLevel: "warn", logPretty: false });
// One webhook per order: a new order left unpaid sends order/created only.
const UNPAID = { payment_status: "pending", paid_at: null };

const bench = await benchDatabase("fairness", logger);
const { db } = bench;
const secretKey = crypto.randomBytes(32);
const appSecret = "bench-app-secret";
const ponteEnv: Record<string, string> = {
  DATABASE_URL: bench.url,
  HOST: "127.0.0.1",
  PONTE_SECRET_KEY: secretKey.toString("hex"),
  PONTE_NUVEMSHOP_CLIENT_SECRET: appSecret,
  PONTE_NUVEMSHOP_CLIENT_ID: "4321",
  PONTE_DEMO: "0",
  PONTE_DATA_DIR: path.join(os.tmpdir(), `ponte-bench-fairness-data-${process.pid}`),
  PONTE_WORKER_CONCURRENCY: String(concurrency),
  LOG_LEVEL: "warn",
  LOG_FORMAT: "json",
  PONTE_PUBLIC_URL: "https://ponte.test",
  PONTE_ALLOW_API_OVERRIDE: "loopback",
};
const ctx = createContext(loadConfig(ponteEnv), db, logger, secretKey);

process.stderr.write(`seeding ${orders} orders in org A's simulator…\n`);
const simA = await startSimulatorChild({
  orders,
  seed: 3,
  storeId: 3001,
  rateLimit: false,
  clientSecret: appSecret,
});
const simB = await startSimulatorChild({
  orders: 0,
  seed: 7,
  storeId: 3002,
  rateLimit: false,
  clientSecret: appSecret,
  recordWebhooks: true,
});

async function connect(org: string, sim: SimulatorChild) {
  return db.transaction(async (tx) => {
    const { id } = await createOrganization(tx, `Bench ${org}`);
    const store = await connectStore(
      ctx,
      tx,
      {
        platform: "nuvemshop",
        name: `Bench ${org}`,
        externalId: String(sim.info.storeId),
        credentials: { accessToken: sim.info.accessToken },
        apiBaseUrl: sim.info.apiBase,
      },
      id,
    );
    return { orgId: id, storeId: store.id };
  });
}

async function waitFor(what: string, seconds: number, check: () => Promise<boolean>) {
  for (let i = 0; !(await check()); i++) {
    if (i > seconds * 10) throw new Error(`${what}: not within ${seconds} s`);
    await sleep(100);
  }
}
const webhooksRegistered = (storeId: number) => async () =>
  (await db.query<{ s: string | null }>("select webhooks_state as s from stores where id = $1", [storeId]))
    .rows[0]?.s === "registered";
const storeOrders = async (storeId: number) =>
  (
    await db.query<{ n: number }>("select count(*)::int as n from store_orders where store_id = $1", [
      storeId,
    ])
  ).rows[0]!.n;

const b = await connect("B", simB);
const port = await freePort();
const ponte = spawnPonte("start", { ...ponteEnv, PORT: String(port) });
const ponteUrl = `http://127.0.0.1:${port}`;
await waitReady(ponteUrl);
const hosts = { "https://ponte.test": ponteUrl };
await simA.setOptions({ hosts });
await simB.setOptions({ hosts });
await waitFor("B's webhooks registered", 30, webhooksRegistered(b.storeId));
await sleep(2_000); // B's first (empty) import and status refresh pass

/** B's webhook → sales order latency for `duration` seconds of its stream. */
async function measure(label: string, storeId: number, onTick?: () => Promise<string>) {
  const seen = new Map<string, number>();
  let maxSeenId = 0;
  let stop = false;
  const poller = (async () => {
    while (!stop) {
      const t = performance.now();
      // Commits come out of id order (and A's pages take ids too): look back far enough.
      const { rows } = await db.query<{ id: number; external_id: string }>(
        `select s.id, so.external_id from sales_orders s join store_orders so on so.id = s.store_order_id
          where s.origin_store_id = $2 and s.id > $1`,
        [Math.max(0, maxSeenId - 2_000 - 200 * concurrency), storeId],
      );
      const now = epochMs();
      for (const r of rows) {
        if (!seen.has(r.external_id)) seen.set(r.external_id, now);
        if (r.id > maxSeenId) maxSeenId = r.id;
      }
      const wait = pollMs - (performance.now() - t);
      if (wait > 0) await sleep(wait);
    }
  })();
  const sends: WebhookSend[] = [];
  const collect = async () => sends.push(...(await simB.stats()).webhooks);
  await collect(); // drop what was sent before
  sends.length = 0;
  const started = epochMs();
  await simB.stream(rate, UNPAID);
  const ticker = setInterval(() => {
    void (async () => {
      await collect();
      const extra = onTick ? await onTick() : "";
      process.stderr.write(
        `\r${label}: ${Math.round((epochMs() - started) / 1000)} s, ${sends.length} webhooks, ${sends.filter((w) => seen.has(String(w.id))).length} of their sales orders ${extra}   `,
      );
    })().catch(() => undefined);
  }, 1_000);
  await sleep(duration * 1000);
  await simB.stream(0);
  const streamSeconds = (epochMs() - started) / 1000;
  // Drain: every created order visible, or 30 s without progress.
  let last = -1;
  let idleSince = epochMs();
  for (;;) {
    await collect();
    const missing = sends.filter((s) => s.event === "order/created" && !seen.has(String(s.id))).length;
    if (missing === 0) break;
    if (seen.size !== last) [last, idleSince] = [seen.size, epochMs()];
    if (epochMs() - idleSince > 30_000) break;
    await sleep(200);
  }
  clearInterval(ticker);
  stop = true;
  await poller;
  process.stderr.write("\n");
  const latencies: number[] = [];
  let missing = 0;
  const created = sends.filter((s) => s.event === "order/created");
  for (const s of created) {
    const at = seen.get(String(s.id));
    if (at === undefined) missing++;
    else latencies.push(at - s.sentAt);
  }
  const non200 = sends.filter((s) => s.status !== 200).length;
  return {
    label,
    webhooks: sends.length,
    perSecond: Number((created.length / streamSeconds).toFixed(1)),
    non200,
    missing,
    ...summary(latencies),
  };
}

const alone = await measure("B alone", b.storeId);

// Org A connects: its store's import is queued by the scheduler's next tick.
const a = await connect("A", simA);
const importStarted = epochMs();
await waitFor("A's import started", 60, async () => (await storeOrders(a.storeId)) > 0);
const firstPageAfter = (epochMs() - importStarted) / 1000;
const a0 = { t: epochMs(), n: await storeOrders(a.storeId) };
const during = await measure(
  `B during A's import`,
  b.storeId,
  async () => `(A: ${await storeOrders(a.storeId)} store orders)`,
);
const a1 = { t: epochMs(), n: await storeOrders(a.storeId) };
const importRate = (a1.n - a0.n) / ((a1.t - a0.t) / 1000);
const importDone = (
  await db.query<{ done: boolean }>("select last_import_at is not null as done from stores where id = $1", [
    a.storeId,
  ])
).rows[0]!.done;

// ---------------------------------------------------------------- figures

const cpus = os.cpus();
console.log(
  `# machine: ${cpus.length} × ${cpus[0]?.model}, node ${process.version}; load average at end ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
console.log(
  `# Ponte \`ponte start\` (worker concurrency ${concurrency}); ${process.env.DATABASE_URL || process.env.TEST_DATABASE_URL ? "DATABASE_URL" : "embedded PostgreSQL"}; B: ${rate} webhooks/s for ${duration} s; A: ${orders} orders; poll every ${pollMs} ms`,
);
console.log(
  "\n| Org B, webhook → sales order visible | webhooks | /s | non-200 | missing | p50 ms | p90 ms | p99 ms | max ms |",
);
console.log("|---|---|---|---|---|---|---|---|---|");
for (const r of [alone, during])
  console.log(
    `| ${r.label} | ${r.webhooks} | ${r.perSecond} | ${r.non200} | ${r.missing} | ${r.p50} | ${r.p90} | **${r.p99}** | ${r.max} |`,
  );
const ratio = during.p99 / alone.p99;
console.log(
  `\np99 ratio (during / alone): **${ratio.toFixed(2)}** (goal ≤ 2)\nA's import: ${Math.round(importRate)} orders/s during the window (${a1.n - a0.n} store orders in ${((a1.t - a0.t) / 1000).toFixed(1)} s; first page ${firstPageAfter.toFixed(1)} s after connecting; ${importDone ? "finished before the window ended: the window was partly without import, use more orders" : `${a1.n}/${orders} stored, still running at the window's end`})`,
);
console.log(
  JSON.stringify({
    alone,
    during,
    ratio: Number(ratio.toFixed(2)),
    importOrdersPerSecond: Math.round(importRate),
  }),
);

// ---------------------------------------------------------------- teardown

await stopChildren([ponte]);
await simA.stop();
await simB.stop();
await bench.close();
await fs.rm(ponteEnv.PONTE_DATA_DIR!, { recursive: true, force: true });
if (ratio > 2 || during.missing > 0 || alone.missing > 0) process.exitCode = 1;
