// Webhook → sales order latency under a steady stream of new orders. Three kinds of process,
// as deployed: the Nuvemshop simulator (its own process; its rate stream creates orders and
// sends signed order/created and order/paid webhooks), Ponte itself (`ponte start`: API + worker
// + scheduler in one process, or BENCH_MODE=split: `ponte api` and `ponte worker`), and this
// process, which only measures: it polls PostgreSQL every BENCH_POLL_MS for new sales orders.
//
// Per order: t0 = when the simulator wrote the order/created webhook (http.request wrapped in
// the simulator's process; the webhook leaves right after the order is created, in a
// setTimeout 0), then
//   visible  = when this process first saw the sales order row (upper bound: + poll interval)
//   created  = sales_orders.created_at, the sync transaction's start (lower bound)
//   ack      = when Ponte answered the webhook (it answers after the inbox row and job commit)
// All clocks are this machine's wall clock (performance.timeOrigin + performance.now() in the
// Node processes, clock_timestamp() in PostgreSQL); the offset to PostgreSQL is measured and
// printed. Goal: p99 visible < 2 s at 100 orders/s.
//
// Run: node --import tsx bench/latency.ts
//   BENCH_RATE (orders per second, default 100), BENCH_DURATION (s, default 60),
//   BENCH_CONCURRENCY (PONTE_WORKER_CONCURRENCY, default 8), BENCH_MODE (start | split),
//   BENCH_POLL_MS (default 20), BENCH_PROFILE=1 (CPU profile of the Ponte process(es)),
//   BENCH_STREAM (simulator: the simulator's ratePerMinute option, whose setInterval drifts to
//   ≈ 83 orders/s when asked for 100; exact: a drift-free loop in the simulator's process that
//   calls the same createOrder, so the same webhooks go out),
//   DATABASE_URL or TEST_DATABASE_URL (a server; a throwaway database is created and dropped),
//   otherwise an embedded PostgreSQL in a temporary folder.
import { type ChildProcess, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { loadConfig } from "../src/config.ts";
import { createContext } from "../src/context.ts";
import { createDb } from "../src/db/db.ts";
import { startEmbedded } from "../src/db/embedded.ts";
import { migrate } from "../src/db/migrate.ts";
import { createLogger } from "../src/logger.ts";
import { connectStore } from "../src/stores/stores.ts";
import { freePort, summary } from "./harness.ts";
import { cpuDelta, postgresCpu, processCpuSeconds, readChildProfile, summarizeProfile } from "./profile.ts";
import { epochMs, startSimulatorChild, type WebhookSend } from "./sim-child.ts";

const rate = Number(process.env.BENCH_RATE ?? 100);
const duration = Number(process.env.BENCH_DURATION ?? 60);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const mode = process.env.BENCH_MODE === "split" ? "split" : "start";
const pollMs = Number(process.env.BENCH_POLL_MS ?? 20);
const profile = process.env.BENCH_PROFILE === "1";
// simulator: its ratePerMinute option (setInterval, drifts late: ≈ 83/s when asked for 100/s);
// exact: a drift-free loop in the simulator's process calling the same createOrder.
const streamMode = process.env.BENCH_STREAM === "exact" ? "exact" : "simulator";
const logger = createLogger({ logLevel: "warn", logPretty: false });
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// ---------------------------------------------------------------- setup

const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "ponte-bench-latency-"));
await fs.chmod(tmp, 0o755);
let serverUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
let embedded: Awaited<ReturnType<typeof startEmbedded>> | undefined;
const pgDir = serverUrl ? undefined : path.join(tmp, "pg");
if (!serverUrl) {
  embedded = await startEmbedded(tmp, logger);
  serverUrl = embedded.connectionString;
  // Our own throwaway cluster: restart it with pg_stat_statements loaded, to see per statement
  // where the server's time goes (the worker's queue statements included).
  const setup = new pg.Client({ connectionString: serverUrl });
  await setup.connect();
  await setup.query("alter system set shared_preload_libraries = 'pg_stat_statements'");
  await setup.query("alter system set pg_stat_statements.track = 'all'");
  await setup.end();
  await embedded.release();
  embedded = await startEmbedded(tmp, logger);
  serverUrl = embedded.connectionString;
}
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
const dbName = `ponte_bench_latency_${Date.now()}`;
await admin.query(`create database ${dbName}`);
const dbUrl = new URL(serverUrl);
dbUrl.pathname = `/${dbName}`;
const db = createDb({ connectionString: dbUrl.toString(), logger, applicationName: "bench latency" });
await migrate(db, logger);
const pgss = await db.query("create extension if not exists pg_stat_statements").then(
  () => true,
  () => false,
);

const secretKey = crypto.randomBytes(32);
const appSecret = "bench-app-secret";
const ponteEnv: Record<string, string> = {
  DATABASE_URL: dbUrl.toString(),
  HOST: "127.0.0.1",
  PONTE_SECRET_KEY: secretKey.toString("hex"),
  PONTE_NUVEMSHOP_CLIENT_SECRET: appSecret,
  PONTE_NUVEMSHOP_CLIENT_ID: "4321",
  PONTE_DEMO: "0",
  PONTE_DATA_DIR: path.join(tmp, "ponte-data"),
  PONTE_WORKER_CONCURRENCY: String(concurrency),
  LOG_LEVEL: "warn",
  LOG_FORMAT: "json",
  // A reserved name the simulator's hosts map sends to this Ponte: connecting the store registers
  // its webhooks there, as on a real store.
  PONTE_PUBLIC_URL: "https://ponte.test",
  // The store points at the simulator on this machine.
  PONTE_ALLOW_API_OVERRIDE: "loopback",
};
const ctx = createContext(loadConfig(ponteEnv), db, logger, secretKey);

// The simulator: no seeded orders (the store's first import is then empty), rate limit off (a
// per-order GET at 100 orders/s is far above Nuvemshop's 2 req/s bucket, or 20/s on Next plans).
const sim = await startSimulatorChild({
  orders: 0,
  seed: 7,
  rateLimit: false,
  clientSecret: appSecret,
  recordWebhooks: true,
});
const benchStore = await db.transaction((tx) =>
  connectStore(
    ctx,
    tx,
    {
      platform: "nuvemshop",
      name: "Bench",
      externalId: String(sim.info.storeId),
      credentials: { accessToken: sim.info.accessToken },
      apiBaseUrl: sim.info.apiBase,
    },
    1,
  ),
);

// Ponte, as `ponte start` (or `ponte api` + `ponte worker`), each in its own process.
const profileDir = profile
  ? await fs.mkdtemp(path.join(os.tmpdir(), "ponte-bench-latency-prof-"))
  : undefined;
const port = await freePort();
const children: { name: string; child: ChildProcess }[] = [];
const spawnPonte = (command: string, extraEnv: Record<string, string>) => {
  const child = spawn(
    process.execPath,
    [
      ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.join(profileDir, command)}`] : []),
      "bin/ponte.mjs",
      command,
    ],
    { cwd: root, env: { ...process.env, ...ponteEnv, ...extraEnv }, stdio: ["ignore", "ignore", "inherit"] },
  );
  children.push({ name: command, child });
  return child;
};
if (mode === "start") spawnPonte("start", { PORT: String(port) });
else {
  spawnPonte("api", { PORT: String(port) });
  spawnPonte("worker", { PORT: "0" });
}
const ponteUrl = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  const ok = await fetch(`${ponteUrl}/ready`).then(
    (r) => r.ok,
    () => false,
  );
  if (ok) break;
  if (i > 600) throw new Error("Ponte did not become ready in 60 s");
  await new Promise((resolve) => setTimeout(resolve, 100));
}
await sim.setOptions({ hosts: { "https://ponte.test": ponteUrl } });
// The worker registers the store's webhooks (queued with the connection).
for (let i = 0; ; i++) {
  const { rows } = await db.query<{ state: string | null }>(
    "select webhooks_state as state from stores where id = $1",
    [benchStore.id],
  );
  if (rows[0]?.state === "registered") break;
  if (i > 300) throw new Error(`the store's webhooks were not registered in 30 s (${rows[0]?.state})`);
  await new Promise((resolve) => setTimeout(resolve, 100));
}
// Let the first scheduled import and status refresh (empty) pass.
await new Promise((resolve) => setTimeout(resolve, 2_000));

// Clock check: this process against PostgreSQL (half the round trip either side).
const clock = async () => {
  const before = epochMs();
  const { rows } = await db.query<{ ms: number }>(
    "select extract(epoch from clock_timestamp()) * 1000 as ms",
  );
  const after = epochMs();
  return { offsetMs: Number(rows[0]!.ms) - (before + after) / 2, roundTripMs: after - before };
};
const clockBefore = await clock();

// ---------------------------------------------------------------- the run

const sends: WebhookSend[] = [];
const seen = new Map<string, { visibleAt: number; createdAt: number }>();
let maxSeenId = 0;
let polls = 0;
let pollMsTotal = 0;
let stopPolling = false;
const poller = (async () => {
  while (!stopPolling) {
    const t = performance.now();
    // Transactions commit out of id order and one may create a whole batch of sales orders
    // (up to 200 per transaction, one per worker slot in flight): look back far enough.
    const { rows } = await db.query<{ id: number; external_id: string; created_ms: number }>(
      `select s.id, (select so.external_id from store_orders so where so.id = s.store_order_id) as external_id,
              extract(epoch from s.created_at) * 1000 as created_ms
         from sales_orders s where s.id > $1 order by s.id`,
      [Math.max(0, maxSeenId - 200 * concurrency - 16)],
    );
    const now = epochMs();
    for (const r of rows) {
      if (!seen.has(r.external_id))
        seen.set(r.external_id, { visibleAt: now, createdAt: Number(r.created_ms) });
      if (r.id > maxSeenId) maxSeenId = r.id;
    }
    polls++;
    pollMsTotal += performance.now() - t;
    const wait = pollMs - (performance.now() - t);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
})();

const backlog: { t: number; jobs: number; inbox: number }[] = [];
const collectSends = async () => sends.push(...(await sim.stats()).webhooks);
const pidsOf = () => children.map((c) => c.child.pid!).filter(Boolean);
const cpuOf = async () => {
  const out: number[] = [];
  for (const pid of pidsOf()) out.push((await processCpuSeconds(pid)) ?? 0);
  return out;
};
const ponteCpu0 = await cpuOf();
const pg0 = await postgresCpu(pgDir);
const sim0 = (await sim.stats()).cpu;
if (pgss) await db.query("select pg_stat_statements_reset()");
const started = epochMs();
if (streamMode === "simulator") await sim.setOptions({ ratePerMinute: rate * 60 });
else await sim.stream(rate);
process.stderr.write(
  `streaming ${rate} orders/s for ${duration} s to ${ponteUrl} (${mode}, concurrency ${concurrency})\n`,
);
const sampler = setInterval(() => {
  void collectSends();
  void db
    .query<{ jobs: number; inbox: number }>(
      `select (select count(*) from graphile_worker.jobs)::int as jobs,
              (select count(*) from inbox where processed_at is null)::int as inbox`,
    )
    .then(({ rows }) => {
      backlog.push({ t: (epochMs() - started) / 1000, ...rows[0]! });
      process.stderr.write(
        `\r${Math.round((epochMs() - started) / 1000)} s: ${sends.length} webhooks sent, ${seen.size} sales orders, ${rows[0]!.jobs} jobs queued   `,
      );
    })
    .catch(() => undefined);
}, 1_000);
await new Promise((resolve) => setTimeout(resolve, duration * 1000));
if (streamMode === "simulator") await sim.setOptions({ ratePerMinute: 0 });
else await sim.stream(0);
const streamSeconds = (epochMs() - started) / 1000;
// Drain: wait until every created order is visible, or 30 s without progress.
await collectSends();
let lastSeen = -1;
let idleSince = epochMs();
for (;;) {
  await collectSends();
  const created = new Set(sends.filter((s) => s.event === "order/created").map((s) => String(s.id)));
  const missing = [...created].filter((id) => !seen.has(id)).length;
  if (missing === 0) break;
  if (seen.size !== lastSeen) {
    lastSeen = seen.size;
    idleSince = epochMs();
  }
  if (epochMs() - idleSince > 30_000) break;
  await new Promise((resolve) => setTimeout(resolve, 200));
}
clearInterval(sampler);
stopPolling = true;
await poller;
await collectSends();
const ponteCpu1 = await cpuOf();
const pg1 = await postgresCpu(pgDir);
const sim1 = (await sim.stats()).cpu;
const clockAfter = await clock();
process.stderr.write("\n");

// ---------------------------------------------------------------- figures

const createdSends = new Map<string, WebhookSend>();
for (const s of sends) {
  if (s.event !== "order/created") continue;
  const id = String(s.id);
  if (!createdSends.has(id)) createdSends.set(id, s);
}
const visible: number[] = [];
const createdLag: number[] = [];
const ack = sends.filter((s) => s.ackAt !== null).map((s) => s.ackAt! - s.sentAt);
const missing: string[] = [];
for (const [id, s] of createdSends) {
  const v = seen.get(id);
  if (!v) {
    missing.push(id);
    continue;
  }
  visible.push(v.visibleAt - s.sentAt);
  createdLag.push(v.createdAt - clockBefore.offsetMs - s.sentAt);
}
// Latency by 10-second window of creation: flat when Ponte keeps up, climbing when a backlog grows.
const windows = new Map<number, number[]>();
for (const [id, s] of createdSends) {
  const v = seen.get(id);
  if (!v) continue;
  const w = Math.floor((s.sentAt - started) / 10_000);
  const list = windows.get(w) ?? [];
  list.push(v.visibleAt - s.sentAt);
  windows.set(w, list);
}
const statuses: Record<string, number> = {};
for (const s of sends) statuses[String(s.status)] = (statuses[String(s.status)] ?? 0) + 1;
let missingStates: Record<string, number> = {};
if (missing.length > 0) {
  const { rows } = await db.query<{ state: string; n: number }>(
    `select coalesce(l.sync_state, case when so.id is null then 'no store order' else 'no link' end) as state,
            count(*)::int as n
       from unnest($1::text[]) as m(external_id)
       left join store_orders so on so.external_id = m.external_id
       left join order_links l on l.store_order_id = so.id
      group by 1`,
    [missing],
  );
  missingStates = Object.fromEntries(rows.map((r) => [r.state, r.n]));
}
const jobStats = (
  await db.query<{ failed: number; pending: number }>(
    `select count(*) filter (where last_error is not null)::int as failed, count(*)::int as pending
       from graphile_worker.jobs`,
  )
).rows[0];
const ponteCpu = ponteCpu1.map((c, i) => Number((c - (ponteCpu0[i] ?? 0)).toFixed(2)));
const pgCpu = cpuDelta(pg0, pg1);
const simCpu = (sim1.user + sim1.system - sim0.user - sim0.system) / 1e6;
const maxBacklog = backlog.reduce((m, b) => Math.max(m, b.jobs), 0);

const cpus = os.cpus();
console.log(
  `# machine: ${cpus.length} × ${cpus[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}; load average at end ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
console.log(
  `# stream: ${streamMode === "exact" ? "exact (drift-free loop in the simulator process)" : "the simulator's ratePerMinute"}; ${embedded ? "embedded PostgreSQL" : "DATABASE_URL"}; Ponte ${mode === "start" ? "`ponte start`" : "`ponte api` + `ponte worker`"} (worker concurrency ${concurrency}); simulator own process, rate limit off; poll every ${pollMs} ms (${polls} polls, ${(pollMsTotal / Math.max(1, polls)).toFixed(1)} ms each)`,
);
console.log(
  `# clock offset PostgreSQL − this process: ${clockBefore.offsetMs.toFixed(2)} ms before, ${clockAfter.offsetMs.toFixed(2)} ms after (round trip ${clockBefore.roundTripMs.toFixed(2)} ms)`,
);
const result = {
  rateTarget: rate,
  streamSeconds: Number(streamSeconds.toFixed(1)),
  ordersCreated: createdSends.size,
  ordersPerSecond: Number((createdSends.size / streamSeconds).toFixed(1)),
  webhooksSent: sends.length,
  webhookStatuses: statuses,
  salesOrdersVisible: visible.length,
  missing: missing.length,
  missingStates,
  visibleMs: summary(visible),
  salesOrderCreatedAtMs: summary(createdLag),
  webhookAckMs: summary(ack),
  maxJobBacklog: maxBacklog,
  jobsLeft: jobStats,
  cpuSeconds: {
    ponte: Object.fromEntries(children.map((c, i) => [c.name, ponteCpu[i]])),
    simulator: Number(simCpu.toFixed(2)),
    postgres: pgCpu === null ? null : Number(pgCpu.toFixed(2)),
  },
};
console.log(JSON.stringify(result));
console.log(
  "\n| Measure (from the order/created webhook leaving the simulator) | n | p50 ms | p90 ms | p99 ms | max ms |",
);
console.log("|---|---|---|---|---|---|");
const row = (label: string, s: ReturnType<typeof summary>) =>
  console.log(`| ${label} | ${s.n} | ${s.p50} | ${s.p90} | **${s.p99}** | ${s.max} |`);
row("sales order visible to a poller (upper bound)", result.visibleMs);
row("sales_orders.created_at (sync transaction start, lower bound)", result.salesOrderCreatedAtMs);
row("webhook answered 200 by Ponte (all webhooks)", result.webhookAckMs);
console.log(
  `\n${result.ordersCreated} orders in ${result.streamSeconds} s (${result.ordersPerSecond}/s); ${result.missing} without a sales order after the drain ${JSON.stringify(missingStates)}; max job backlog ${maxBacklog}; CPU s: ponte ${JSON.stringify(result.cpuSeconds.ponte)}, simulator ${result.cpuSeconds.simulator}, postgres ${result.cpuSeconds.postgres ?? "n/a"}`,
);
console.log("\n| Orders created in second | n | visible p50 ms | p99 ms |");
console.log("|---|---|---|---|");
for (const [w, list] of [...windows.entries()].sort((a, b) => a[0] - b[0])) {
  const s = summary(list);
  console.log(`| ${w * 10}–${w * 10 + 10} | ${s.n} | ${s.p50} | ${s.p99} |`);
}
if (pgss) {
  const { rows } = await db.query<{
    query: string;
    calls: number;
    total_ms: number;
    mean_ms: number;
    rows: number;
  }>(
    `select regexp_replace(query, '\\s+', ' ', 'g') as query, calls::int, total_exec_time as total_ms,
            mean_exec_time as mean_ms, rows::int
       from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
      order by total_exec_time desc limit 25`,
  );
  const all = (
    await db.query<{ total: number }>(
      `select coalesce(sum(total_exec_time), 0) as total from pg_stat_statements
        where dbid = (select oid from pg_database where datname = current_database())`,
    )
  ).rows[0]!.total;
  console.log(
    `\n## PostgreSQL execution time by statement (pg_stat_statements, whole run; ${Math.round(all)} ms in all = ${(all / Math.max(1, createdSends.size)).toFixed(1)} ms per order)\n`,
  );
  console.log("| ms total | ms per order | calls | mean ms | statement |");
  console.log("|---|---|---|---|---|");
  for (const r of rows) {
    const text = r.query.length > 110 ? `${r.query.slice(0, 110)}…` : r.query;
    console.log(
      `| ${Math.round(r.total_ms)} | ${(r.total_ms / Math.max(1, createdSends.size)).toFixed(2)} | ${r.calls} | ${r.mean_ms.toFixed(2)} | \`${text.replace(/\|/g, "\\|").replace(/`/g, "'")}\` |`,
    );
  }
}
const goal = result.visibleMs.p99 < 2000 && result.missing === 0;
console.log(`goal (p99 < 2 s, none missing): ${goal ? "met" : "NOT met"}`);

// ---------------------------------------------------------------- teardown

await sim.stop();
for (const { child } of children) child.kill("SIGTERM");
await Promise.all(
  children.map(
    ({ child }) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) resolve();
        else child.once("exit", () => resolve());
      }),
  ),
);
if (profileDir) {
  for (const { name } of children) {
    const cpu = await readChildProfile(path.join(profileDir, name));
    if (cpu)
      console.log(`\n## CPU profile of \`ponte ${name}\` (whole life)\n\n${summarizeProfile(cpu, 25)}`);
  }
  console.log(`# profiles kept in ${profileDir}`);
}
await db.close();
await admin.query(`drop database ${dbName} with (force)`).catch(() => undefined);
await admin.end();
if (embedded) await embedded.release();
await fs.rm(tmp, { recursive: true, force: true });
if (!goal) process.exitCode = 1;
