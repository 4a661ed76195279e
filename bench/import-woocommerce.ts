// The WooCommerce run of bench/import.ts (BENCH_RUNS=woocommerce): N orders from the WooCommerce
// simulator (in this process; it has no rate limit unless hostRateLimit is set) into a fresh
// database, two ways in the same run against the same simulator:
//   ceiling  the same pages (100 orders, WordPress's most) fetched by page number and inserted raw:
//            one multi-row INSERT of the orders' JSON per page into a scratch table
//   ponte    the real path: importOrders (the keyset walk by date_modified, normalize, store orders,
//            sync to sales orders), called until it says done
// BENCH_WOO_ORDERS (default 3,000) orders.
import type pg from "pg";
import { createDb, type Db } from "../src/db/db.ts";
import { migrate } from "../src/db/migrate.ts";
import type { Logger } from "../src/logger.ts";
import { PER_PAGE } from "../src/platforms/woocommerce/list-orders.ts";
import { startWooSimulator, type WooSimulator } from "../src/simulators/woocommerce/index.ts";
import { connectStore } from "../src/stores/stores.ts";
import { importOrders } from "../src/sync/import-orders.ts";
import { testContext } from "../test/helpers/context.ts";

export interface WooFigures {
  run: string;
  orders: number;
  pages: number;
  seconds: number;
  ordersPerSecond: number;
  requests: number;
}

const figures = (run: string, orders: number, pages: number, started: number, requests: number) => {
  const seconds = (performance.now() - started) / 1000;
  return {
    run,
    orders,
    pages,
    seconds: Number(seconds.toFixed(2)),
    ordersPerSecond: Math.round(orders / seconds),
    requests,
  };
};

/** The same pages fetched and inserted raw, one multi-row INSERT per page. */
async function ceiling(db: Db, sim: WooSimulator): Promise<WooFigures> {
  await db.query(
    `create table bench_woo_raw (
       id bigint generated always as identity primary key,
       external_id text not null unique,
       raw jsonb not null,
       received_at timestamptz not null default now())`,
  );
  const authorization = `Basic ${Buffer.from(`${sim.consumerKey}:${sim.consumerSecret}`).toString("base64")}`;
  sim.clearLog();
  let orders = 0;
  let pages = 0;
  const started = performance.now();
  for (let page = 1; ; page++) {
    const res = await fetch(`${sim.apiBase}/orders?per_page=${PER_PAGE}&page=${page}&orderby=id&order=asc`, {
      headers: { Authorization: authorization, Accept: "application/json" },
    });
    if (!res.ok) throw new Error(`page ${page}: ${res.status} ${await res.text()}`);
    const list = (await res.json()) as { id: number }[];
    if (list.length === 0) break;
    const params: unknown[] = [];
    const tuples = list.map((o, i) => {
      params.push(String(o.id), JSON.stringify(o));
      return `($${i * 2 + 1}, $${i * 2 + 2}::jsonb)`;
    });
    await db.query(
      `insert into bench_woo_raw (external_id, raw) values ${tuples.join(", ")}
       on conflict (external_id) do nothing`,
      params,
    );
    orders += list.length;
    pages++;
    if (page >= Number(res.headers.get("x-wp-totalpages") ?? Number.POSITIVE_INFINITY)) break;
  }
  return figures(
    "woocommerce ceiling (fetch + 1 multi-row INSERT per page)",
    orders,
    pages,
    started,
    sim.requestLog().length,
  );
}

/** importOrders until done, from a store connected to the simulator. */
async function throughPonte(db: Db, sim: WooSimulator): Promise<WooFigures> {
  const ctx = testContext(db);
  const store = await db.transaction((tx) =>
    connectStore(
      ctx,
      tx,
      {
        platform: "woocommerce",
        name: "Bench WooCommerce",
        externalId: "https://bench-woo.test",
        credentials: { consumerKey: sim.consumerKey, consumerSecret: sim.consumerSecret },
        apiBaseUrl: sim.apiBase,
      },
      1,
    ),
  );
  sim.clearLog();
  let orders = 0;
  let pages = 0;
  const started = performance.now();
  for (;;) {
    const r = await importOrders(ctx, store.id, (p) =>
      process.stderr.write(`\rwoocommerce through Ponte: ${orders + p.orders} orders   `),
    );
    orders += r.orders;
    pages += r.pages;
    if (r.done || r.pages === 0) break;
  }
  process.stderr.write("\n");
  const stored = await db.query<{ n: number }>(
    "select count(*)::int as n from store_orders where store_id = $1",
    [store.id],
  );
  const result = figures(
    "woocommerce through Ponte (importOrders)",
    orders,
    pages,
    started,
    sim.requestLog().length,
  );
  if (stored.rows[0]!.n !== sim.listOrders().length)
    throw new Error(
      `woocommerce: ${stored.rows[0]!.n} store orders for ${sim.listOrders().length} on the site`,
    );
  return result;
}

/** Both runs on a fresh database of `serverUrl`; the figures as table rows. */
export async function runWooImport(
  admin: pg.Client,
  serverUrl: string,
  logger: Logger,
): Promise<WooFigures[]> {
  const orders = Number(process.env.BENCH_WOO_ORDERS ?? 3_000);
  const sim = await startWooSimulator({ orders, seed: 71 });
  const name = `ponte_bench_woo_${Date.now()}`;
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = createDb({ connectionString: url.toString(), logger, applicationName: "bench woocommerce" });
  try {
    await migrate(db, logger);
    return [await ceiling(db, sim), await throughPonte(db, sim)];
  } finally {
    await db.close();
    await sim.close();
    await admin.query(`drop database ${name} with (force)`).catch(() => undefined);
  }
}

/** Prints the two runs side by side. */
export function printWoo(figures: WooFigures[]): void {
  console.log("\n## WooCommerce import\n");
  console.log("| Run | Orders | Pages | Time s | Orders/s | Requests |");
  console.log("|---|---|---|---|---|---|");
  for (const f of figures) {
    console.log(
      `| ${f.run} | ${f.orders} | ${f.pages} | ${f.seconds} | **${f.ordersPerSecond}** | ${f.requests} |`,
    );
  }
  const [limit, ponte] = figures;
  if (limit && ponte)
    console.log(
      `# woocommerce: Ponte imports at ${Math.round((100 * ponte.ordersPerSecond) / Math.max(1, limit.ordersPerSecond))}% of the raw ceiling's orders/s (both with the simulator in this process)`,
    );
}
