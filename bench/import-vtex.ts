// The VTEX run of bench/import.ts (BENCH_RUNS=vtex): orders through VTEX's Orders Feed v3, two
// ways, in the same run, each against its own VTEX simulator (in this process, rate limits off,
// the list index lagging so the feed is the only way in):
//   feed limit  the feed alone: read lots of 10 (VTEX's maximum) and commit each, until empty —
//               the most any reader gets through the feed on this machine
//   ponte       the real path: importOrders reads the feed (consumeFeed: sync jobs committed, then
//               the handles), and a worker (8 jobs at a time) runs each order's sync job — Get
//               order, store, sync to a sales order
// The real bound is VTEX's Get order limit (6000/min per account; Ponte's bucket keeps under it),
// not the feed: the run prints both. Each order is placed as a shopper would and moved to ready-for-handling, so the feed holds
// several events per order (payment-pending, payment-approved, ready-for-handling).
// BENCH_VTEX_ORDERS (default 3,000) orders.
import type pg from "pg";
import { createDb, type Db } from "../src/db/db.ts";
import { migrate } from "../src/db/migrate.ts";
import { buildTaskList } from "../src/jobs/tasks.ts";
import { startWorker } from "../src/jobs/worker.ts";
import type { Logger } from "../src/logger.ts";
import { FEED_CONFIG } from "../src/platforms/vtex/feed.ts";
import { GET_ORDER_PER_SECOND } from "../src/platforms/vtex/token-bucket.ts";
import { startVtexSimulator, type VtexSimulator } from "../src/simulators/vtex/index.ts";
import { connectStore } from "../src/stores/stores.ts";
import { importOrders } from "../src/sync/import-orders.ts";
import { testContext } from "../test/helpers/context.ts";

export interface VtexFigures {
  run: string;
  orders: number;
  events: number;
  seconds: number;
  ordersPerSecond: number;
  requests: number;
}

const LAG = 30 * 24 * 3600_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function simulator(seed: number): Promise<VtexSimulator> {
  return startVtexSimulator({ orders: 0, seed, rateLimit: false, listLagMs: LAG });
}

function placeOrders(sim: VtexSimulator, orders: number): void {
  for (let n = 0; n < orders; n++) sim.createOrder({ status: "ready-for-handling" });
}

/** The feed alone: lots of 10, each committed, until the feed is empty. */
async function feedLimit(orders: number): Promise<VtexFigures> {
  const sim = await simulator(61);
  const headers = {
    "x-vtex-api-appkey": sim.appKey,
    "x-vtex-api-apptoken": sim.appToken,
    "content-type": "application/json",
  };
  try {
    const config = await fetch(`${sim.url}/api/orders/feed/config`, {
      method: "POST",
      headers,
      body: JSON.stringify(FEED_CONFIG),
    });
    if (!config.ok) throw new Error(`feed config: ${config.status} ${await config.text()}`);
    placeOrders(sim, orders);
    sim.clearLog();
    const seen = new Set<string>();
    let events = 0;
    const started = performance.now();
    for (;;) {
      const res = await fetch(`${sim.url}/api/orders/feed?maxlot=10`, { headers });
      const lot = (await res.json()) as { orderId: string; handle: string }[];
      if (lot.length === 0) break;
      events += lot.length;
      for (const item of lot) seen.add(item.orderId);
      const commit = await fetch(`${sim.url}/api/orders/feed`, {
        method: "POST",
        headers,
        body: JSON.stringify({ handles: lot.map((i) => i.handle) }),
      });
      if (!commit.ok) throw new Error(`commit: ${commit.status}`);
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      run: "vtex feed limit (lots of 10, read + commit)",
      orders: seen.size,
      events,
      seconds: Number(seconds.toFixed(2)),
      ordersPerSecond: Math.round(seen.size / seconds),
      requests: sim.requestLog().length,
    };
  } finally {
    await sim.close();
  }
}

/** Ponte's path: importOrders consumes the feed, a worker runs the sync jobs, until every order is stored. */
async function throughPonte(db: Db, logger: Logger, orders: number): Promise<VtexFigures> {
  const sim = await simulator(62);
  const ctx = testContext(db);
  const worker = await startWorker({
    db,
    logger,
    tasks: buildTaskList(ctx),
    concurrency: 8,
    processName: "bench-vtex",
  });
  try {
    const store = await db.transaction((tx) =>
      connectStore(
        ctx,
        tx,
        {
          platform: "vtex",
          name: "Bench VTEX",
          externalId: sim.account,
          credentials: { appKey: sim.appKey, appToken: sim.appToken },
          apiBaseUrl: sim.url,
        },
        1,
      ),
    );
    await importOrders(ctx, store.id); // configures the feed
    placeOrders(sim, orders);
    sim.clearLog();
    const stored = async () =>
      (
        await db.query<{ n: number }>("select count(*)::int as n from store_orders where store_id = $1", [
          store.id,
        ])
      ).rows[0]!.n;
    const started = performance.now();
    for (;;) {
      const before = sim.requestLog().length;
      await importOrders(ctx, store.id);
      const n = await stored();
      process.stderr.write(`\rvtex through Ponte: ${n}/${orders} orders stored   `);
      if (n >= orders) break;
      if (sim.requestLog().length - before <= 2) await sleep(50); // the feed was empty: jobs still running
    }
    process.stderr.write("\n");
    const seconds = (performance.now() - started) / 1000;
    return {
      run: "vtex through Ponte (feed → sync jobs → sales orders)",
      orders: await stored(),
      events: 0,
      seconds: Number(seconds.toFixed(2)),
      ordersPerSecond: Math.round(orders / seconds),
      requests: sim.requestLog().length,
    };
  } finally {
    await worker.stop();
    await sim.close();
  }
}

/** Both runs on a fresh database of `serverUrl`; the figures as table rows. */
export async function runVtexFeed(
  admin: pg.Client,
  serverUrl: string,
  logger: Logger,
): Promise<VtexFigures[]> {
  const orders = Number(process.env.BENCH_VTEX_ORDERS ?? 3_000);
  const limit = await feedLimit(orders);
  const name = `ponte_bench_vtex_${Date.now()}`;
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = createDb({ connectionString: url.toString(), logger, applicationName: "bench vtex" });
  try {
    await migrate(db, logger);
    const ponte = await throughPonte(db, logger, orders);
    return [limit, ponte];
  } finally {
    await db.close();
    await admin.query(`drop database ${name} with (force)`).catch(() => undefined);
  }
}

/** Prints the two runs side by side. */
export function printVtex(figures: VtexFigures[]): void {
  console.log("\n## VTEX feed\n");
  console.log("| Run | Orders | Feed events | Time s | Orders/s | Requests |");
  console.log("|---|---|---|---|---|---|");
  for (const f of figures) {
    console.log(
      `| ${f.run} | ${f.orders} | ${f.events || "—"} | ${f.seconds} | **${f.ordersPerSecond}** | ${f.requests} |`,
    );
  }
  const [limit, ponte] = figures;
  if (limit && ponte)
    console.log(
      `# vtex: Ponte takes ${Math.round((100 * ponte.ordersPerSecond) / Math.max(1, limit.ordersPerSecond))}% of the feed's own limit in orders/s; each order is one Get order, which VTEX allows 6000/min per account and Ponte keeps to ${GET_ORDER_PER_SECOND}/s: ${Math.round((100 * ponte.ordersPerSecond) / GET_ORDER_PER_SECOND)}% of that`,
    );
}
