// The Pedidos list API (GET /api/v1/orders) on 1,000,000 sales orders: p50/p95 of the first
// page and of a deep page for every sort, every filter and every kind of search (`q`: Ponte's
// number, the store's number, a CPF, a name). The real app (buildApp, listening
// on a port, with its authentication: a Bearer API token) is called over HTTP by fetch, one
// request at a time, from this process. The data: bench/seed-sales-orders.ts.
//
// Per scenario: the pages are walked with `next` from the first to the DEEP-th (default 200:
// rows 9,951–10,000 at 50 a page) or to the last, whichever comes first ("walk p95": over those
// pages); then the first page and that deep page are each requested BENCH_SAMPLES times (after
// 2 warm-ups) and timed; then both again through listSalesOrders alone ("query p95": the SQL
// and its round trip, without HTTP, authentication and JSON), and once each under EXPLAIN ANALYZE
// ("server ms": the database's own execution time, the figure least moved by other work on the
// same cores).
// Goal: p95 < 50 ms everywhere.
//
// Run: node --import tsx bench/panel-query.ts
//   BENCH_ORDERS (default 1,000,000), BENCH_CUSTOMERS (default 300,000), BENCH_SAMPLES (default 40),
//   BENCH_DEEP (page number, default 200), BENCH_LIMIT (page size, default 50),
//   BENCH_ONLY (substring of scenario names), BENCH_EXPLAIN=1 (prints the plans: EXPLAIN ANALYZE of
//   each scenario's first and deep page, whose execution times are always in the last column), DATABASE_URL or TEST_DATABASE_URL (a server: a database
//   ponte_bench_panel_<orders> is created and seeded once, then reused by later runs; BENCH_FRESH=1
//   drops it first), otherwise an embedded PostgreSQL in BENCH_DATA_DIR (kept, so later runs skip
//   the seeding) or in a temporary folder (removed at the end).
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createToken } from "../src/auth/tokens.ts";
import { type ListQuery, listSalesOrders, parseListQuery } from "../src/backoffice/list-sales-orders.ts";
import { createDb, type Db } from "../src/db/db.ts";
import { startEmbedded } from "../src/db/embedded.ts";
import { migrate } from "../src/db/migrate.ts";
import { buildApp } from "../src/http/app.ts";
import { createLogger } from "../src/logger.ts";
import { testContext } from "../test/helpers/context.ts";
import { seedSalesOrders } from "./seed-sales-orders.ts";

const orders = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const customers = Number(process.env.BENCH_CUSTOMERS ?? Math.round(orders * 0.3));
const samples = Number(process.env.BENCH_SAMPLES ?? 40);
const deepPage = Number(process.env.BENCH_DEEP ?? 200);
const limit = Number(process.env.BENCH_LIMIT ?? 50);
const only = process.env.BENCH_ONLY;
const explain = process.env.BENCH_EXPLAIN === "1";
const logger = createLogger({ logLevel: "warn", logPretty: false });

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

// ---------------------------------------------------------------- database

let serverUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
let embedded: Awaited<ReturnType<typeof startEmbedded>> | undefined;
let tmp: string | undefined;
if (!serverUrl) {
  const dir = process.env.BENCH_DATA_DIR;
  if (dir) await fs.mkdir(dir, { recursive: true });
  else tmp = await fs.mkdtemp(path.join(os.tmpdir(), "ponte-bench-panel-"));
  await fs.chmod(dir ?? tmp!, 0o755);
  embedded = await startEmbedded(dir ?? tmp!, logger);
  serverUrl = embedded.connectionString;
}
const dbName = `ponte_bench_panel_${orders}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
if (process.env.BENCH_FRESH === "1") await admin.query(`drop database if exists ${dbName} with (force)`);
const exists = (await admin.query("select 1 from pg_database where datname = $1", [dbName])).rowCount === 1;
if (!exists) await admin.query(`create database ${dbName}`);
const serverInfo = await admin.query<{ v: string; sb: string; wm: string }>(
  "select current_setting('server_version') as v, current_setting('shared_buffers') as sb, current_setting('work_mem') as wm",
);
await admin.end();
const dbUrl = new URL(serverUrl);
dbUrl.pathname = `/${dbName}`;
const db = createDb({ connectionString: dbUrl.toString(), logger, applicationName: "bench panel-query" });
await migrate(db, logger);

const seeded = await db.query<{ n: number }>("select count(*)::int as n from sales_orders");
if (seeded.rows[0]!.n < orders) {
  const t0 = performance.now();
  console.log(
    `# seeding ${orders.toLocaleString("en")} sales orders, ${customers.toLocaleString("en")} customers`,
  );
  await seedSalesOrders(db, {
    orders,
    customers,
    progress: (m) => console.log(`#   ${m} (${((performance.now() - t0) / 1000).toFixed(0)} s)`),
  });
}

// ---------------------------------------------------------------- scenarios

interface Facts {
  stores: { id: number; name: string; share: number }[];
  month: { from: string; to: string };
  cpf: string;
  cnpj: string;
  /** A sales order of a store, some way back: its Ponte number and its store's number. */
  numbers: { ponte: number; store: string };
}

async function facts(q: Db): Promise<Facts> {
  const stores = await q.query<{ id: number; name: string; share: number }>(
    `select st.id, st.name, count(*)::float8 / (select count(*) from sales_orders) as share
       from sales_orders s join stores st on st.id = s.origin_store_id group by st.id, st.name order by st.id`,
  );
  const span = await q.query<{ max: Date }>("select max(ordered_at) as max from sales_orders");
  const end = span.rows[0]!.max;
  // A month some way back (so not the newest rows, which the default sort reads first anyway).
  const monthStart = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 7, 1));
  const monthEnd = new Date(Date.UTC(monthStart.getUTCFullYear(), monthStart.getUTCMonth() + 1, 0));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  // A typical customer (a handful of orders), not the busiest.
  const doc = async (kind: string) =>
    (
      await q.query<{ document: string }>(
        `select customer_document as document from sales_orders
          where customer_document is not null and length(customer_document) = $1 and id % 997 = 0 limit 1`,
        [kind === "cpf" ? 11 : 14],
      )
    ).rows[0]!.document;
  const numbered = await q.query<{ number: number; store_order_number: string }>(
    `select number, store_order_number from sales_orders
      where store_order_number is not null and deleted_at is null and id > (select max(id) / 3 from sales_orders)
      order by id limit 1`,
  );
  return {
    stores: stores.rows,
    month: { from: day(monthStart), to: day(monthEnd) },
    cpf: await doc("cpf"),
    cnpj: await doc("cnpj"),
    numbers: { ponte: numbered.rows[0]!.number, store: numbered.rows[0]!.store_order_number },
  };
}

const f = await facts(db);
const smallest = [...f.stores].sort((a, b) => a.share - b.share)[0]!;
type Query = Record<string, string | number>;
const scenarios: { name: string; query: Query }[] = [];
for (const sort of ["ordered_at", "status", "total"]) {
  for (const order of ["desc", "asc"])
    scenarios.push({ name: `all, sort ${sort} ${order}`, query: { sort, order } });
}
const filters: [string, Query][] = [
  [`period: one month (${f.month.from}…${f.month.to})`, { from: f.month.from, to: f.month.to }],
  ["status: pagamento_confirmado (7 %)", { status: "pagamento_confirmado" }],
  ["status: problemas (2 %)", { status: "problemas" }],
  ["status: 3 open statuses", { status: "aguardando_pagamento,pagamento_confirmado,em_preparacao" }],
  [`store: ${smallest.name} (${Math.round(smallest.share * 100)} %)`, { storeId: smallest.id }],
  ["customer: name 'silva' (common)", { customer: "silva" }],
  ["customer: name 'conceicao' (accents folded)", { customer: "conceicao" }],
  ["customer: name 'quintanilha' (rare)", { customer: "quintanilha" }],
  ["customer: name 'zoe silva' (0.2 %)", { customer: "zoe silva" }],
  ["customer: name 'lu' (2 letters: word start)", { customer: "lu" }],
  ["customer: name 'qz' (2 letters, no match)", { customer: "qz" }],
  ["customer: CPF (masked)", { customer: f.cpf.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, "$1.$2.$3-$4") }],
  ["customer: CNPJ", { customer: f.cnpj }],
  [`search: Ponte's number ${f.numbers.ponte} (also some store's)`, { q: String(f.numbers.ponte) }],
  [`search: store's number #${f.numbers.store}`, { q: `#${f.numbers.store}` }],
  [`search: store's number ${f.numbers.store} (digits)`, { q: f.numbers.store }],
  ["search: CPF digits (number or document)", { q: f.cpf }],
  ["search: a number nobody has", { q: "99999999" }],
  ["search: name 'silva'", { q: "silva" }],
  ["value: R$ 100,00 – R$ 200,00", { minTotal: 10000, maxTotal: 20000 }],
  ["value: over R$ 4.000,00 (4 %)", { minTotal: 400000 }],
  ["combined: name 'ana' + status problemas", { customer: "ana", status: "problemas" }],
  [
    "combined: store + open statuses + month",
    {
      storeId: f.stores[0]!.id,
      status: "pagamento_confirmado,em_preparacao",
      from: f.month.from,
      to: f.month.to,
    },
  ],
];
for (const [name, query] of filters) {
  scenarios.push({ name: `${name}, by date`, query });
  scenarios.push({ name: `${name}, by value`, query: { ...query, sort: "total" } });
}

// ---------------------------------------------------------------- the app

const ctx = testContext(db);
const app = await buildApp({ ctx, version: "bench" });
const base = await app.listen({ host: "127.0.0.1", port: 0 });
const { token } = await createToken(db, 1, {
  name: `bench-${Date.now()}`,
  access: "reader",
  createdBy: "cli",
});
const headers = { authorization: `Bearer ${token}` };

// Captures the list's SQL, to EXPLAIN ANALYZE it.
let lastListSql: { text: string; params: unknown[] } | undefined;
const query = db.query.bind(db);
(db as { query: Db["query"] }).query = ((statement: unknown, params?: readonly unknown[]) => {
  if (typeof statement === "string" && statement.includes("from sales_orders s")) {
    lastListSql = { text: statement, params: [...(params ?? [])] };
  }
  return query(statement as string, params);
}) as Db["query"];

async function call(
  query: Query,
  after?: string,
): Promise<{ ms: number; items: number; next: string | null }> {
  const params = new URLSearchParams(
    Object.entries({ ...query, limit }).map(([k, v]): [string, string] => [k, String(v)]),
  );
  if (after) params.set("after", after);
  const t0 = performance.now();
  const res = await fetch(`${base}/api/v1/orders?${params}`, { headers });
  const body = (await res.json()) as { items: unknown[]; next: string | null };
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(body)} for ${params}`);
  return { ms, items: body.items.length, next: body.next };
}

/** The same page through listSalesOrders alone: the query and its round trip, no HTTP, no auth. */
async function callQuery(query: Query, after?: string): Promise<{ ms: number }> {
  // As the route's schema hands it over: numbers for the integer parameters, strings otherwise.
  const numeric = new Set(["minTotal", "maxTotal", "limit"]);
  const raw = Object.fromEntries(
    Object.entries({ ...query, limit }).map(([k, v]) => [k, numeric.has(k) ? Number(v) : String(v)]),
  );
  const t0 = performance.now();
  await listSalesOrders(db, 1, parseListQuery({ ...(raw as ListQuery), ...(after ? { after } : {}) }));
  return { ms: performance.now() - t0 };
}

/** The server's own execution time of the page (EXPLAIN ANALYZE), and its plan. */
async function explainPage(query: Query, after?: string): Promise<{ ms: number; plan: string[] }> {
  await callQuery(query, after);
  const captured = lastListSql!;
  const { rows } = await db.query<{ "QUERY PLAN": string }>(
    `explain (analyze, buffers, costs off) ${captured.text}`,
    captured.params,
  );
  const plan = rows.map((r) => r["QUERY PLAN"]);
  const ms = Number(/Execution Time: ([\d.]+)/.exec(plan.join("\n"))?.[1] ?? Number.NaN);
  return { ms, plan };
}

async function timeIt(
  run: (query: Query, after?: string) => Promise<{ ms: number }>,
  query: Query,
  after?: string,
) {
  for (let i = 0; i < 2; i++) await run(query, after);
  const times: number[] = [];
  for (let i = 0; i < samples; i++) times.push((await run(query, after)).ms);
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const cpus = os.cpus();
console.log(
  `# machine: ${cpus.length} × ${cpus[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
const size = await db.query<{ n: number; live: number; heap: string; idx: string }>(
  `select count(*)::int as n, count(*) filter (where deleted_at is null)::int as live,
          pg_size_pretty(pg_table_size('sales_orders')) as heap, pg_size_pretty(pg_indexes_size('sales_orders')) as idx
     from sales_orders`,
);
const s = size.rows[0]!;
console.log(
  `# PostgreSQL ${serverInfo.rows[0]!.v} (${embedded ? "embedded" : "server"}, shared_buffers ${serverInfo.rows[0]!.sb}, work_mem ${serverInfo.rows[0]!.wm}); ` +
    `sales_orders: ${s.n.toLocaleString("en")} rows (${s.live.toLocaleString("en")} live), table ${s.heap}, indexes ${s.idx}`,
);
console.log(
  `# stores: ${f.stores.map((x) => `${x.name} ${Math.round(x.share * 100)} %`).join(", ")} (the rest made by hand); page ${limit}, deep page ${deepPage}, ${samples} samples each; HTTP + Bearer token`,
);
console.log("");
console.log(
  `| ${"scenario".padEnd(58)} | first p50 | first p95 | deep page | deep p50 | deep p95 | walk p95 | query p95 first / deep | server ms first / deep |`,
);
console.log(
  `|${"-".repeat(60)}|----------:|----------:|----------:|---------:|---------:|---------:|------------------------:|-----------------------:|`,
);

const misses: string[] = [];
const fmt = (n: number) => n.toFixed(1).padStart(8);
for (const sc of scenarios) {
  if (only && !sc.name.includes(only)) continue;
  // Walk to the deep page, following `next` as the panel would.
  let cursor: string | undefined;
  let page = 1;
  let deepCursor: string | undefined;
  const walk: number[] = [];
  for (;;) {
    const r = await call(sc.query, cursor);
    walk.push(r.ms);
    if (!r.next || page >= deepPage) break;
    deepCursor = r.next;
    cursor = r.next;
    page++;
  }
  walk.sort((a, b) => a - b);
  const first = await timeIt(call, sc.query);
  const deep = deepCursor ? await timeIt(call, sc.query, deepCursor) : undefined;
  const firstQuery = await timeIt(callQuery, sc.query);
  const deepQuery = deepCursor ? await timeIt(callQuery, sc.query, deepCursor) : undefined;
  const firstPlan = await explainPage(sc.query);
  const deepPlan = deepCursor ? await explainPage(sc.query, deepCursor) : undefined;
  const deepLabel = deepCursor ? String(page) : "(1 page)";
  const dash = "       –";
  const cells = [
    fmt(first.p50),
    fmt(first.p95),
    deepLabel.padStart(9),
    deep ? fmt(deep.p50) : dash,
    deep ? fmt(deep.p95) : dash,
    fmt(percentile(walk, 95)),
    `${fmt(firstQuery.p95)} / ${deepQuery ? fmt(deepQuery.p95) : dash}`,
    `${fmt(firstPlan.ms)} / ${deepPlan ? fmt(deepPlan.ms) : dash}`,
  ];
  console.log(`| ${sc.name.padEnd(58)} | ${cells.join(" | ")} |`);
  if (first.p95 >= 50 || (deep && deep.p95 >= 50)) misses.push(sc.name);
  if (explain) {
    for (const [label, p] of [
      ["first page", firstPlan],
      ["deep page", deepPlan],
    ] as const) {
      if (p) console.log(`    ${label}:\n${p.plan.map((line) => `      ${line}`).join("\n")}`);
    }
  }
}
console.log("");
console.log(misses.length === 0 ? "# every scenario: p95 < 50 ms" : `# p95 ≥ 50 ms: ${misses.join("; ")}`);

await app.close();
await db.close();
if (embedded) await embedded.release();
if (tmp) await fs.rm(tmp, { recursive: true, force: true });
