// The Pedidos CSV export (GET /api/v1/exports/orders) on 1,000,000 sales orders: how long the
// whole file takes, how soon its first bytes come, and the server's resident memory while it
// streams (sampled from /proc every 20 ms, and the kernel's own peak, VmHWM). The server runs in
// a child process (this file with --serve) so its memory is its own; this process reads the
// reply as a client would, counting bytes and lines without keeping them. The scenarios run
// twice: on a server with Node's default heap, then on one whose heap may not pass 64 MiB (an
// export that buffered the file would fail there).
//
// The data is bulk-inserted by bench/seed-sales-orders.ts (set-based INSERT … SELECT): a bench,
// not a test, may write rows directly; the tests build theirs through imports and the API.
//
// Run: node --import tsx bench/export-orders.ts
//   BENCH_ORDERS (default 1,000,000), DATABASE_URL or TEST_DATABASE_URL (a server: a database
//   ponte_bench_export_<orders> is created and seeded once, then reused), otherwise an embedded
//   PostgreSQL in BENCH_DATA_DIR (kept for later runs) or in a temporary folder (removed).
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { createToken } from "../src/auth/tokens.ts";
import { createDb } from "../src/db/db.ts";
import { startEmbedded } from "../src/db/embedded.ts";
import { migrate } from "../src/db/migrate.ts";
import { buildApp } from "../src/http/app.ts";
import { createLogger } from "../src/logger.ts";
import { testContext } from "../test/helpers/context.ts";
import { seedSalesOrders } from "./seed-sales-orders.ts";

const logger = createLogger({ logLevel: "warn", logPretty: false });

if (process.argv[2] === "--serve") {
  // The child: Ponte's app on the bench database, its address on stdout.
  const db = createDb({
    connectionString: process.env.BENCH_DB_URL!,
    logger,
    applicationName: "bench export",
  });
  const app = await buildApp({ ctx: testContext(db), version: "bench" });
  console.log(await app.listen({ host: "127.0.0.1", port: 0 }));
} else {
  await main();
}

/** kB → MiB, from a /proc/<pid>/status field. */
async function procMiB(pid: number, field: "VmRSS" | "VmHWM"): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, "utf8");
  const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1]);
  return kb / 1024;
}

async function main() {
  const orders = Number(process.env.BENCH_ORDERS ?? 1_000_000);
  let serverUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  let embedded: Awaited<ReturnType<typeof startEmbedded>> | undefined;
  let tmp: string | undefined;
  if (!serverUrl) {
    const dir = process.env.BENCH_DATA_DIR;
    if (dir) await fs.mkdir(dir, { recursive: true });
    else tmp = await fs.mkdtemp(path.join(os.tmpdir(), "ponte-bench-export-"));
    await fs.chmod(dir ?? tmp!, 0o755);
    embedded = await startEmbedded(dir ?? tmp!, logger);
    serverUrl = embedded.connectionString;
  }
  const dbName = `ponte_bench_export_${orders}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const exists = (await admin.query("select 1 from pg_database where datname = $1", [dbName])).rowCount === 1;
  if (!exists) await admin.query(`create database ${dbName}`);
  await admin.end();
  const dbUrl = new URL(serverUrl);
  dbUrl.pathname = `/${dbName}`;
  const db = createDb({ connectionString: dbUrl.toString(), logger, applicationName: "bench export-orders" });
  await migrate(db, logger);
  const seeded = (await db.query<{ n: number }>("select count(*)::int as n from sales_orders")).rows[0]!.n;
  if (seeded < orders) {
    const t0 = performance.now();
    console.log(`# seeding ${(orders - seeded).toLocaleString("en")} sales orders (bulk insert)`);
    await seedSalesOrders(db, {
      orders: orders - seeded,
      customers: Math.round((orders - seeded) * 0.3),
      progress: (m) => console.log(`#   ${m} (${((performance.now() - t0) / 1000).toFixed(0)} s)`),
    });
    await db.query("analyze");
  }
  const live = (
    await db.query<{ n: number }>("select count(*)::int as n from sales_orders where deleted_at is null")
  ).rows[0]!.n;
  const { token } = await createToken(db, 1, {
    name: `bench-export-${Date.now()}`,
    access: "reader",
    createdBy: "cli",
  });

  /** Ponte in a child process, with these Node flags; its address and pid. */
  async function startServer(flags: string[]) {
    const child = spawn(
      process.execPath,
      [...flags, "--import", "tsx", path.resolve(import.meta.filename), "--serve"],
      {
        env: { ...process.env, BENCH_DB_URL: dbUrl.toString() },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const base = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once("line", resolve);
      child.once("exit", (code) => reject(new Error(`server exited (${code})`)));
    });
    return { child, base, pid: child.pid! };
  }
  const headers = { authorization: `Bearer ${token}` };

  async function exportOnce(base: string, pid: number, query: string) {
    const idle = await procMiB(pid, "VmRSS");
    let peak = idle;
    const sampler = setInterval(() => {
      procMiB(pid, "VmRSS").then(
        (mib) => {
          peak = Math.max(peak, mib);
        },
        () => undefined,
      );
    }, 20);
    const t0 = performance.now();
    const res = await fetch(`${base}/api/v1/exports/orders${query}`, { headers });
    if (!res.ok || !res.body) throw new Error(`export answered ${res.status}: ${await res.text()}`);
    let firstByte = 0;
    let bytes = 0;
    let lines = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      if (!firstByte) firstByte = performance.now() - t0;
      bytes += chunk.length;
      for (const b of chunk) if (b === 10) lines++;
    }
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    return { seconds, firstByte, bytes, rows: lines - 1, idle, peak, hwm: await procMiB(pid, "VmHWM") };
  }

  console.log(`# ${live.toLocaleString("en")} live sales orders, Node ${process.version}`);
  // The second server may not grow its heap past 64 MiB: were the export buffered, it would fail.
  for (const flags of [[], ["--max-old-space-size=64"]]) {
    const server = await startServer(flags);
    console.log(`\n## server ${flags.join(" ") || "(default heap)"}, pid ${server.pid}`);
    console.log(
      "scenario | rows | MiB | seconds | rows/s | first byte ms | RSS before MiB | RSS peak MiB | VmHWM MiB",
    );
    for (const [name, query] of [
      ["all, by date (the Pedidos default)", ""],
      ["all, by value ascending", "?sort=total&order=asc"],
      ["status pagamento_confirmado", "?status=pagamento_confirmado"],
    ] as const) {
      const r = await exportOnce(server.base, server.pid, query);
      console.log(
        [
          name,
          r.rows.toLocaleString("en"),
          (r.bytes / 2 ** 20).toFixed(1),
          r.seconds.toFixed(1),
          Math.round(r.rows / r.seconds).toLocaleString("en"),
          r.firstByte.toFixed(0),
          r.idle.toFixed(0),
          r.peak.toFixed(0),
          r.hwm.toFixed(0),
        ].join(" | "),
      );
    }
    server.child.kill();
  }
  await db.close();
  if (embedded) await embedded.release();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
}
