// Imports 10,000 orders from the Nuvemshop simulator into a fresh database, once at the
// platform's real limit (bucket 40, 2 req/s) and once with the limit off. Prints orders/s,
// requests/s, 429s, and confirms 10,000 distinct store orders stored.
// Run: node --import tsx bench/import-nuvemshop.ts [orders]   (TEST_DATABASE_URL or embedded)
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb } from "../src/db/db.ts";
import { startEmbedded } from "../src/db/embedded.ts";
import { migrate } from "../src/db/migrate.ts";
import { startNuvemshopSimulator } from "../src/simulators/nuvemshop/index.ts";
import { connectStore } from "../src/stores/stores.ts";
import { importOrders } from "../src/sync/import-orders.ts";
import { testContext } from "../test/helpers/context.ts";
import { testLogger } from "../test/helpers/logger.ts";

const total = Number(process.argv[2] ?? 10_000);

let serverUrl = process.env.TEST_DATABASE_URL;
let embedded: Awaited<ReturnType<typeof startEmbedded>> | undefined;
let tmp: string | undefined;
if (!serverUrl) {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "ponte-bench-"));
  await fs.chmod(tmp, 0o755);
  embedded = await startEmbedded(tmp, testLogger);
  serverUrl = embedded.connectionString;
}

async function run(label: string, rateLimit: boolean) {
  const name = `ponte_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  const db = createDb({ connectionString: url.toString(), logger: testLogger });
  await migrate(db, testLogger);
  const ctx = testContext(db);
  const sim = await startNuvemshopSimulator({
    orders: total,
    seed: 3,
    rateLimit,
    clientSecret: ctx.platforms.nuvemshop!.webhookSecret,
  });
  const store = await db.transaction((tx) =>
    connectStore(
      ctx,
      tx,
      {
        platform: "nuvemshop",
        name: "Bench",
        externalId: String(sim.storeId),
        credentials: { accessToken: sim.accessToken },
        apiBaseUrl: sim.apiBase,
      },
      1,
    ),
  );
  sim.clearLog();
  const started = performance.now();
  const result = await importOrders(ctx, store.id, (r) =>
    process.stderr.write(`\r${label}: ${r.orders}/${total} orders, ${r.pages} pages`),
  );
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write("\n");
  const log = sim.requestLog();
  const tooMany = log.filter((e) => e.status === 429).length;
  const { rows } = await db.query<{ n: number }>(
    "select count(distinct external_id)::int as n from store_orders",
  );
  console.log(
    JSON.stringify({
      run: label,
      orders: result.orders,
      distinctStored: rows[0]?.n,
      seconds: Number(seconds.toFixed(2)),
      ordersPerSecond: Math.round(result.orders / seconds),
      requests: log.length,
      requestsPerSecond: Number((log.length / seconds).toFixed(2)),
      status429: tooMany,
      status429Percent: Number(((100 * tooMany) / Math.max(1, log.length)).toFixed(2)),
    }),
  );
  if (rows[0]?.n !== total) console.error(`expected ${total} distinct store orders, found ${rows[0]?.n}`);
  await sim.close();
  await db.close();
  await admin.query(`drop database ${name} with (force)`);
  await admin.end();
}

console.log(
  `# machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
);
await run("real limit (40, 2/s)", true);
await run("limit off", false);
if (embedded) {
  await embedded.release();
  await fs.rm(tmp!, { recursive: true, force: true });
}
