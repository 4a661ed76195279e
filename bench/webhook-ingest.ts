// Webhook ingest: signed Nuvemshop webhooks through the real route (POST /webhooks/nuvemshop
// of buildApp, listening on a port) on a real PostgreSQL, against a ceiling: a bare Fastify
// route on the same database doing one INSERT per request. The load generator (autocannon)
// runs in a child process, so it does not share the servers' event loop, but it does share
// the machine's cores. No worker runs: the inbox rows (the work items) just accumulate.
//
// Run: node --import tsx bench/webhook-ingest.ts
//   DATABASE_URL (or TEST_DATABASE_URL) = a server to use (a throwaway database is created on
//   it and dropped); otherwise an embedded PostgreSQL in a temporary folder.
//   BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default 50), BENCH_POOL (default 10,
//   the pool size of both servers), BENCH_REPEAT_IDS (distinct ids in the repeats run, default
//   500), BENCH_RATE (req/s of the fixed-rate run, default 100; 0 = none), BENCH_ROUNDS
//   (default 2: ceiling, webhook, repeats, fixed rate, each round), BENCH_PROFILE=1
//   (backend wait states + a CPU profile of the servers).
import { fork } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import inspector from "node:inspector/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import Fastify from "fastify";
import pg from "pg";

interface LoadSpec {
  label: string;
  url: string;
  path: string;
  connections: number;
  duration: number;
  secret: string;
  storeExternalId: string;
  /** First order id; ids go up from there. */
  firstId: number;
  /** Cycle over this many ids (repeats); 0 = every request a new id. */
  distinct: number;
  /** A fixed request rate instead of a closed loop. */
  overallRate?: number;
}

interface LoadResult {
  label: string;
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  status2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bodies: Record<string, number>;
  /** Ids handed out (the next run starts after them). */
  idsUsed: number;
}

// ---------------------------------------------------------------- load generator (child)

async function generateLoad(spec: LoadSpec): Promise<LoadResult> {
  let n = 0;
  const bodies: Record<string, number> = {};
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.duration,
    timeout: 30,
    ...(spec.overallRate ? { overallRate: spec.overallRate } : {}),
    requests: [
      {
        method: "POST",
        path: spec.path,
        setupRequest: (request) => {
          const id = spec.firstId + (spec.distinct > 0 ? n % spec.distinct : n);
          n++;
          const body = `{"store_id":${spec.storeExternalId},"event":"order/created","id":${id}}`;
          const signature = crypto.createHmac("sha256", spec.secret).update(body).digest("hex");
          return {
            ...request,
            body,
            headers: {
              ...request.headers,
              "content-type": "application/json",
              "user-agent": "Nuvemshop-Webhooks (bench)",
              "x-linkedstore-hmac-sha256": signature,
            },
          };
        },
        onResponse: (status, body) => {
          const match = /"(?:status|code)":"([a-z_]+)"/.exec(body);
          const key = `${status}:${match?.[1] ?? "?"}`;
          bodies[key] = (bodies[key] ?? 0) + 1;
        },
      },
    ],
  });
  return {
    label: spec.label,
    requests: result.requests.total,
    seconds: result.duration,
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    status2xx: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bodies,
    idsUsed: spec.distinct > 0 ? spec.distinct : n,
  };
}

if (process.argv[2] === "--load") {
  const spec = JSON.parse(process.argv[3]!) as LoadSpec;
  const result = await generateLoad(spec);
  process.send?.(result);
  process.disconnect?.();
} else {
  await main();
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
}

function summarizeProfile(label: string, cpu: CpuProfile, file: string) {
  const byId = new Map(cpu.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const byPackage = new Map<string, number>();
  const samples = cpu.samples ?? [];
  for (const id of samples) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const where = frame.url.replace(/^file:\/\//, "").replace(`${process.cwd()}/`, "");
    const pkg =
      /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where)?.[1] ??
      (where.startsWith("node:")
        ? "node core"
        : where === ""
          ? `(${frame.functionName || "native"})`
          : where.startsWith("src/")
            ? "ponte src"
            : where);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + 1);
    const key = `${frame.functionName || "(anonymous)"} ${where}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + 1);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${((100 * v) / samples.length).toFixed(1).padStart(5)}%  ${k}`)
      .join("\n");
  console.log(
    `# CPU profile of the server process, ${label} (${file}):\n# by package\n${top(byPackage, 12)}`,
  );
  console.log(`# by function (self time)\n${top(self, 20)}`);
}

function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ["--load", JSON.stringify(spec)], {
      execArgv: ["--import", "tsx"],
    });
    let result: LoadResult | undefined;
    child.on("message", (message) => {
      result = message as LoadResult;
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (result) resolve(result);
      else reject(new Error(`load generator exited with ${code} and no result`));
    });
  });
}

// ---------------------------------------------------------------- servers (main)

async function main() {
  const { createDb } = await import("../src/db/db.ts");
  const { startEmbedded } = await import("../src/db/embedded.ts");
  const { migrate } = await import("../src/db/migrate.ts");
  const { buildApp } = await import("../src/http/app.ts");
  const { createLogger } = await import("../src/logger.ts");
  const { connectStore } = await import("../src/stores/stores.ts");
  const { testContext } = await import("../test/helpers/context.ts");

  const duration = Number(process.env.BENCH_DURATION ?? 10);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
  const poolSize = Number(process.env.BENCH_POOL ?? 10);
  const repeatIds = Number(process.env.BENCH_REPEAT_IDS ?? 500);
  const rate = Number(process.env.BENCH_RATE ?? 100);
  const logger = createLogger({ logLevel: "warn", logPretty: false });

  let serverUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  let embedded: Awaited<ReturnType<typeof startEmbedded>> | undefined;
  let tmp: string | undefined;
  if (!serverUrl) {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), "ponte-bench-"));
    await fs.chmod(tmp, 0o755);
    embedded = await startEmbedded(tmp, logger);
    serverUrl = embedded.connectionString;
  }
  const name = `ponte_bench_webhooks_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const version = (await admin.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]
    ?.v;
  const settings = (
    await admin.query<{ name: string; setting: string }>(
      "select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'shared_buffers', 'max_connections') order by name",
    )
  ).rows
    .map((r) => `${r.name}=${r.setting}`)
    .join(" ");
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;

  const db = createDb({ connectionString: url.toString(), max: poolSize, logger, applicationName: "bench" });
  const ceilingPool = new pg.Pool({ connectionString: url.toString(), max: poolSize });
  ceilingPool.on("error", () => undefined);
  const apps: { close(): Promise<unknown> }[] = [];
  try {
    await migrate(db, logger);
    await db.query(
      "create table bench_ceiling (id bigint generated always as identity primary key, body text not null, received_at timestamptz not null default now())",
    );
    const ctx = testContext(db);
    const storeExternalId = "900001";
    await db.transaction((tx) =>
      connectStore(
        ctx,
        tx,
        {
          platform: "nuvemshop",
          name: "Bench",
          externalId: storeExternalId,
          credentials: { accessToken: "bench-token" },
          apiBaseUrl: "http://127.0.0.1:9/v1",
        },
        1,
      ),
    );

    // The real app, as `ponte api` serves it (buildApp + listen).
    const app = await buildApp({ ctx, version: "bench" });
    apps.push(app);
    const ponteUrl = await app.listen({ host: "127.0.0.1", port: 0 });

    // The ceiling: a bare Fastify route, same raw-body handling, one INSERT, same pool size.
    const bare = Fastify();
    apps.push(bare);
    bare.removeContentTypeParser("application/json");
    bare.addContentTypeParser("application/json", { parseAs: "buffer" }, (_req, body, done) =>
      done(null, body),
    );
    bare.post("/ingest", async (request) => {
      await ceilingPool.query("insert into bench_ceiling (body) values ($1)", [
        (request.body as Buffer).toString("utf8"),
      ]);
      return { status: "accepted" };
    });
    await bare.listen({ host: "127.0.0.1", port: 0 });
    const ceilingUrl = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}`;

    const cpus = os.cpus();
    console.log(
      `# machine: ${cpus.length} × ${cpus[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
    );
    console.log(
      `# PostgreSQL ${version} (${embedded ? "embedded" : "DATABASE_URL"}): ${settings}; pool ${poolSize} per server`,
    );
    console.log(
      `# autocannon: ${connections} connections, ${duration} s per run, in a child process on the same cores; ` +
        `${rate > 0 ? `(fixed-rate run: ${Math.min(connections, 10)} connections, ${rate} req/s) ` : ""}` +
        "no worker runs: inbox rows accumulate",
    );

    // BENCH_PROFILE=1: sample what the server's backends wait on during each run.
    const profile = process.env.BENCH_PROFILE === "1";
    const sampler = profile ? new pg.Client({ connectionString: url.toString() }) : undefined;
    await sampler?.connect();
    const sampleWaits = (until: Promise<unknown>) => {
      const waits: Record<string, number> = {};
      let samples = 0;
      let done = false;
      void until.finally(() => {
        done = true;
      });
      const loop = (async () => {
        while (!done && sampler) {
          const { rows } = await sampler.query<{ state: string; wait: string | null; query: string }>(
            `select state, coalesce(wait_event_type || ':' || wait_event, 'cpu') as wait, left(query, 40) as query
               from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
                and backend_type = 'client backend'`,
          );
          samples++;
          for (const r of rows) {
            const key = r.state === "active" ? `active ${r.wait} ${r.query.replace(/\s+/g, " ")}` : r.state;
            waits[key] = (waits[key] ?? 0) + 1;
          }
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      return loop.then(() => ({ samples, waits }));
    };

    // BENCH_PROFILE=1 also takes a CPU profile of this process (the servers) during the
    // webhook runs and prints where the time goes, by function and by package.
    const cpuProfile = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
      if (!profile) return work();
      const session = new inspector.Session();
      session.connect();
      await session.post("Profiler.enable");
      await session.post("Profiler.setSamplingInterval", { interval: 500 });
      await session.post("Profiler.start");
      const result = await work();
      const { profile: cpu } = await session.post("Profiler.stop");
      session.disconnect();
      const file = path.join(os.tmpdir(), `ponte-bench-${label.replace(/\W+/g, "-")}.cpuprofile`);
      await fs.writeFile(file, JSON.stringify(cpu));
      summarizeProfile(label, cpu, file);
      return result;
    };

    let nextId = 1;
    const load = async (label: string, target: string, seconds: number, distinct = 0, rate?: number) => {
      const running = runLoad({
        label,
        url: target === "ceiling" ? ceilingUrl : ponteUrl,
        path: target === "ceiling" ? "/ingest" : "/webhooks/nuvemshop",
        connections,
        duration: seconds,
        secret: ctx.platforms.nuvemshop!.webhookSecret,
        storeExternalId,
        firstId: nextId,
        distinct,
        ...(rate ? { overallRate: rate, connections: Math.min(connections, 10) } : {}),
      });
      const waits = profile ? await sampleWaits(running) : undefined;
      const result = await running;
      nextId += result.idsUsed + 1;
      if (waits) {
        const top = Object.entries(waits.waits)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 12)
          .map(([k, v]) => `  ${(v / waits.samples).toFixed(2).padStart(6)}  ${k}`);
        console.log(
          `# ${label}: backends per state (average over ${waits.samples} samples)\n${top.join("\n")}`,
        );
      }
      return result;
    };
    const counts = async () => {
      const { rows } = await db.query<{ inbox: number; jobs: number; ceiling: number }>(
        `select (select count(*) from inbox)::int as inbox,
                (select count(*) from graphile_worker.jobs where task_identifier in ('sync-order', 'sync-orders'))::int as jobs,
                (select count(*) from bench_ceiling)::int as ceiling`,
      );
      return rows[0]!;
    };
    const problems: string[] = [];
    /** Runs a webhook load and checks the database: one inbox row and one job per accepted webhook. */
    const webhookRun = async (label: string, target: string, distinct = 0, rate?: number) => {
      const before = await counts();
      const result = await cpuProfile(label, () => load(label, target, duration, distinct, rate));
      // Requests still in flight when the load stopped finish on their own: wait for the counts to settle.
      let after = await counts();
      for (let settled = 0; settled < 3; ) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        const again = await counts();
        settled = again.inbox === after.inbox && again.jobs === after.jobs ? settled + 1 : 0;
        after = again;
      }
      const accepted = result.bodies["200:accepted"] ?? 0;
      const added = { inbox: after.inbox - before.inbox, jobs: after.jobs - before.jobs };
      // Requests still in flight when a run ends commit without being counted: ≤ one per connection.
      // The route leaves the inbox row as the work item for the workers' dispatcher: no job is
      // added during the request (and no worker runs here).
      const inRange = (n: number) => n >= accepted && n <= accepted + connections;
      const ok = inRange(added.inbox) && added.jobs === 0;
      const notOk = result.non2xx + result.errors + result.timeouts;
      if (!ok) problems.push(`${label}: ${accepted} accepted but ${JSON.stringify(added)} added`);
      if (notOk > 0) problems.push(`${label}: ${notOk} requests not answered 2xx`);
      checks.push({ run: label, answers: result.bodies, inboxRowsAdded: added.inbox, jobsAdded: added.jobs });
      return result;
    };
    const checks: Record<string, unknown>[] = [];

    // Warm-up (JIT, pool connections), not reported.
    await load("warm-up", "ceiling", 2);
    await load("warm-up", "ponte", 2);

    const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
    const rows: { round: number; result: LoadResult; ceiling: number }[] = [];
    for (let round = 1; round <= rounds; round++) {
      const ceiling = await load("ceiling: bare route, 1 INSERT", "ceiling", duration);
      const done = [ceiling];
      done.push(await webhookRun("webhook: new order ids", "ponte"));
      done.push(await webhookRun(`webhook: repeats (${repeatIds} ids)`, "ponte", repeatIds));
      if (rate > 0) {
        done.push(await load(`ceiling at ${rate} req/s`, "ceiling", duration, 0, rate));
        done.push(await webhookRun(`webhook: new order ids at ${rate} req/s`, "ponte", 0, rate));
      }
      for (const result of done) rows.push({ round, result, ceiling: ceiling.requestsPerSecond });
    }

    console.log("");
    console.log(
      "| Round | Run | Requests | req/s | p50 ms | p99 ms | max ms | non-2xx / errors | % of the round's ceiling |",
    );
    console.log("|---|---|---|---|---|---|---|---|---|");
    for (const { round, result: r, ceiling } of rows) {
      console.log(
        `| ${round} | ${r.label} | ${r.requests} | ${Math.round(r.requestsPerSecond)} | ${r.p50} | ${r.p99} | ${r.max} | ${r.non2xx} / ${r.errors + r.timeouts} | ${r.label.includes(" at ") ? "(fixed rate)" : `${((100 * r.requestsPerSecond) / ceiling).toFixed(0)}%`} |`,
      );
    }
    console.log("");
    for (const c of checks) console.log(JSON.stringify(c));
    const mine = rows.filter((r) => r.result.label === "webhook: new order ids");
    const ratios = mine.map((r) => r.result.requestsPerSecond / r.ceiling);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
    const ratio = median(ratios);
    const fixed = rows.filter((r) => r.result.label.startsWith("webhook: new order ids at "));
    const p99s = (fixed.length > 0 ? fixed : mine).map((r) => r.result.p99);
    console.log(
      `\nwebhook (new ids), saturated: ${ratios.map((r) => `${(100 * r).toFixed(0)}%`).join(", ")} of the ceiling ` +
        `(goal ≥ 70%): ${ratio >= 0.7 ? "met" : "NOT met"}; p99 ${mine.map((r) => r.result.p99).join(", ")} ms`,
    );
    console.log(
      `webhook p99 ${fixed.length > 0 ? `at ${rate} req/s` : "saturated"}: ${p99s.join(", ")} ms ` +
        `(target < 25 ms): ${median(p99s) < 25 ? "met" : "NOT met"}`,
    );
    const jobsPerDelivery = checks.some((c) => c.run === "webhook: new order ids" && c.jobsAdded === 0)
      ? "the route enqueues no job (the inbox row is the work item for the workers' dispatcher)"
      : "every accepted webhook left its sync job waiting in the queue";
    console.log(`no worker ran: ${jobsPerDelivery}`);
    for (const p of problems) console.error(`PROBLEM: ${p}`);
    if (problems.length > 0) process.exitCode = 1;
    await sampler?.end();
    logger.level = "error"; // dropping the database below ends the pool's sessions noisily
  } finally {
    for (const a of apps) await a.close().catch(() => undefined);
    await ceilingPool.end().catch(() => undefined);
    await db.close().catch(() => undefined);
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
    if (embedded) {
      await embedded.release();
      await fs.rm(tmp!, { recursive: true, force: true });
    }
  }
}
