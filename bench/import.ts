// End-to-end import from the Nuvemshop simulator (rate limit off, in a process of its own) into
// PostgreSQL through the real path — importOrders: list pages of 200, normalize, upsert store
// orders, sync to customers/products/sales orders/items/links/events, one transaction per page —
// and, on the same server, the raw ceiling: the same orders' JSON inserted 200 rows per
// statement into a comparable table. Goal: ≥ 5,000 orders/s on a 2-core machine.
//
// Runs (BENCH_RUNS, comma-separated; default: all below but "profile"):
//   real          importOrders into a fresh database: the headline orders/s
//   reimport      importOrders again over the same orders (all unchanged: the overlap re-read case)
//   phases        importOrders with SQL statements, transactions and HTTP requests timed, per page;
//                 then micro-benchmarks over the captured pages (JSON.parse, normalize, digest, …)
//   ceiling       the same pages: fetch + one multi-row INSERT per page; DB-only INSERTs with the
//                 raw column as jsonb (pglz, lz4, uncompressed) and json; fetch only
//   sql           statement variants of the store_orders upsert and of the candidates read, on the
//                 captured pages, each page in a rolled-back transaction (needs "phases" first)
//   store-only    fetch + upsertStoreOrders per page in a transaction (no sync): what the sync adds
//   prefetch      (not by default) importOrders' loop, bench-local copy, with the next page fetched
//                 during the current page's transaction — what importOrders itself does since d9098e2
//   parallel      that loop with two page transactions in flight (bench-local; no progress row)
//   async-commit  importOrders with `set local synchronous_commit = off` in each page transaction
//   lz4           importOrders with lz4 TOAST compression on the big jsonb columns
//   cursor        importOrders with an import cursor set (updated_at_min from the first page): the
//                 listing is then by updated_at throughout, and the 10,000 page cap loses nothing
//   explain       importOrders with auto_explain (analyze, triggers) on 10 pages: server-side time
//                 per statement and its foreign-key trigger time (embedded PostgreSQL only)
//   defaults      importOrders with two JSONata customer default fields configured
//   vtex          VTEX: orders/s through the Orders Feed (importOrders + sync jobs) next to the feed's
//                 own limit (lots of 10, read and commit) in the same run (bench/import-vtex.ts)
//   woocommerce   WooCommerce: orders/s through importOrders from its simulator (in this process)
//                 next to the same pages fetched and inserted raw (bench/import-woocommerce.ts)
//   profile       importOrders with a CPU profile of the importer (inspector) and of the
//                 simulator (--cpu-prof); summaries printed, .cpuprofile files kept
// A warm-up import of 10 pages (not reported) runs first.
//
// Run: node --import tsx bench/import.ts [orders]     (default 20,000; or BENCH_ORDERS)
//   DATABASE_URL or TEST_DATABASE_URL: a server to use (throwaway databases are created on it and
//   dropped); otherwise an embedded PostgreSQL in a temporary folder (its CPU is then measured too).
import crypto from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { AppContext } from "../src/context.ts";
import { createDb, type Db, type Queryable } from "../src/db/db.ts";
import { startEmbedded } from "../src/db/embedded.ts";
import { migrate } from "../src/db/migrate.ts";
import { createLogger } from "../src/logger.ts";
import type { CanonicalOrder } from "../src/platforms/connector.ts";
import { nextLink } from "../src/platforms/nuvemshop/client.ts";
import { nuvemshop } from "../src/platforms/nuvemshop/index.ts";
import { loadStoreMappings, replaceCustomerDefaults } from "../src/stores/mapping-tables.ts";
import { connectStore, openStore } from "../src/stores/stores.ts";
import { syncStoreOrders } from "../src/sync/apply-sync.ts";
import { evaluateCustomerDefaults } from "../src/sync/customer-defaults.ts";
import { decide } from "../src/sync/decide.ts";
import { importOrders } from "../src/sync/import-orders.ts";
import { digest, prepare, upsertStoreOrders } from "../src/sync/store-orders.ts";
import { testContext } from "../test/helpers/context.ts";
import { printVtex, runVtexFeed, type VtexFigures } from "./import-vtex.ts";
import { printWoo, runWooImport, type WooFigures } from "./import-woocommerce.ts";
import {
  type CpuProfile,
  cpuDelta,
  postgresCpu,
  profileWhile,
  readChildProfile,
  type StatementStats,
  statementLabel,
  summarizeProfile,
  timeStatements,
} from "./profile.ts";
import { type SimulatorChild, startSimulatorChild } from "./sim-child.ts";

const total = Number(process.argv[2] ?? process.env.BENCH_ORDERS ?? 20_000);
const ALL_RUNS =
  "real,reimport,phases,sql,explain,ceiling,store-only,parallel,async-commit,lz4,cursor,defaults,vtex,woocommerce";
const runs = (process.env.BENCH_RUNS ?? ALL_RUNS)
  .split(",")
  .map((r) => r.trim())
  .filter(Boolean);
if (process.env.BENCH_PROFILE === "1" && !runs.includes("profile")) runs.push("profile");
const logger = createLogger({ logLevel: "warn", logPretty: false });
const SEED_TIME = Date.parse("2026-11-01T00:00:00Z");
const PER_PAGE = 200;

// ---------------------------------------------------------------- database and simulator

let serverUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
let embedded: Awaited<ReturnType<typeof startEmbedded>> | undefined;
const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "ponte-bench-import-"));
await fs.chmod(tmp, 0o755);
const pgDir = serverUrl ? undefined : path.join(tmp, "pg");
if (!serverUrl) {
  embedded = await startEmbedded(tmp, logger);
  serverUrl = embedded.connectionString;
}
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
const pgVersion = (await admin.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]
  ?.v;
const pgSettings = (
  await admin.query<{ name: string; setting: string }>(
    `select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'shared_buffers',
       'wal_level', 'max_wal_size', 'default_toast_compression') order by name`,
  )
).rows
  .map((r) => `${r.name}=${r.setting}`)
  .join(" ");
const lz4 =
  (
    await admin.query<{ ok: boolean }>(
      "select 'lz4' = any(enumvals) as ok from pg_settings where name = 'default_toast_compression'",
    )
  ).rows[0]?.ok === true;

const wantsProfile = runs.includes("profile");
const profileDir = wantsProfile ? await fs.mkdtemp(path.join(os.tmpdir(), "ponte-bench-profiles-")) : tmp;
const sim: SimulatorChild = await startSimulatorChild(
  { orders: total, seed: 3, seedTime: SEED_TIME, rateLimit: false, clientSecret: "test-app-secret" },
  wantsProfile ? ["--cpu-prof", `--cpu-prof-dir=${path.join(profileDir, "simulator")}`] : [],
);

interface Env {
  name: string;
  db: Db;
  ctx: AppContext;
  storeId: number;
}

const envs: Env[] = [];
async function freshDatabase(label: string, wrap?: (db: Db) => Db): Promise<Env> {
  const name = `ponte_bench_import_${Date.now()}_${envs.length}`;
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  const db = createDb({ connectionString: url.toString(), logger, applicationName: `bench ${label}` });
  await migrate(db, logger);
  const ctx = testContext(wrap ? wrap(db) : db);
  const store = await db.transaction((tx) =>
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
  const env = { name, db, ctx, storeId: store.id };
  envs.push(env);
  return env;
}

/** A Db whose transactions run `first` before the work (e.g. a `set local`). */
const withFirst =
  (first: string) =>
  (db: Db): Db => ({
    ...db,
    transaction: (work) =>
      db.transaction(async (tx) => {
        await tx.query(first);
        return work(tx);
      }),
  });

// ---------------------------------------------------------------- measuring a run

interface RunFigures {
  run: string;
  orders: number;
  pages: number;
  seconds: number;
  ordersPerSecond: number;
  /** CPU seconds per process over the run. */
  cpu: { importer: number; simulator: number; postgres: number | null };
  simulatorMsPerPage: number;
  extra?: Record<string, unknown>;
}

const results: RunFigures[] = [];
const vtexFigures: VtexFigures[] = [];
const wooFigures: WooFigures[] = [];
const round = (n: number, digits = 1) => Number(n.toFixed(digits));
const progress = (label: string) => (r: { orders: number; pages: number }) =>
  process.stderr.write(`\r${label}: ${r.orders} orders, ${r.pages} pages   `);

async function measure(
  run: string,
  work: () => Promise<{ orders: number; pages: number; extra?: Record<string, unknown> }>,
): Promise<RunFigures> {
  await sim.reset();
  const simBefore = await sim.stats();
  const pgBefore = await postgresCpu(pgDir);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const { orders, pages, extra } = await work();
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = process.cpuUsage(cpuBefore);
  const pgAfter = await postgresCpu(pgDir);
  const simAfter = await sim.stats();
  const pgSeconds = cpuDelta(pgBefore, pgAfter);
  const figures: RunFigures = {
    run,
    orders,
    pages,
    seconds: round(seconds, 2),
    ordersPerSecond: Math.round(orders / seconds),
    cpu: {
      importer: round((cpuAfter.user + cpuAfter.system) / 1e6, 2),
      simulator: round(
        (simAfter.cpu.user + simAfter.cpu.system - simBefore.cpu.user - simBefore.cpu.system) / 1e6,
        2,
      ),
      postgres: pgSeconds === null ? null : round(pgSeconds, 2),
    },
    simulatorMsPerPage: round(simAfter.handler.totalMs / Math.max(1, simAfter.handler.requests), 1),
    extra,
  };
  results.push(figures);
  process.stderr.write("\n");
  console.log(JSON.stringify(figures));
  return figures;
}

async function counts(db: Db) {
  const { rows } = await db.query<Record<string, number>>(
    `select (select count(*) from store_orders)::int as store_orders,
            (select count(distinct external_id) from store_orders)::int as distinct_store_orders,
            (select count(*) from sales_orders)::int as sales_orders,
            (select count(*) from sales_order_items)::int as items,
            (select count(*) from customers)::int as customers,
            (select count(*) from products)::int as products,
            (select count(*) from order_links where sync_state = 'synced')::int as links_synced,
            (select count(*) from order_links where sync_state = 'held')::int as links_held,
            (select count(*) from order_links where sync_state = 'error')::int as links_error,
            (select count(*) from order_events)::int as events,
            (select count(*) from graphile_worker.jobs)::int as jobs`,
  );
  return rows[0]!;
}

const problems: string[] = [];
const notes: string[] = [];
async function checkAllStored(label: string, env: Env) {
  const c = await counts(env.db);
  if (c.distinct_store_orders !== total) {
    problems.push(`${label}: ${c.distinct_store_orders} distinct store orders stored, expected ${total}`);
  }
  return c;
}

// ---------------------------------------------------------------- importOrders runs

/** importOrders into a fresh database (optionally prepared), measured. */
async function importRun(
  label: string,
  options: { wrap?: (db: Db) => Db; prepare?: (env: Env) => Promise<void> },
) {
  const env = await freshDatabase(label, options.wrap);
  await options.prepare?.(env);
  const figures = await measure(label, async () => {
    const r = await importOrders(env.ctx, env.storeId, progress(label));
    return { orders: r.orders, pages: r.pages, extra: { created: r.created, changed: r.changed } };
  });
  const c = await checkAllStored(label, env);
  figures.extra = { ...figures.extra, counts: c };
  return env;
}

let realEnv: Env | undefined;
async function runReal() {
  realEnv = await importRun("real: importOrders", {});
  console.log(JSON.stringify({ run: "real", counts: await counts(realEnv.db) }));
}

async function runReimport() {
  if (!realEnv) await runReal();
  const env = realEnv!;
  await env.db.query("update stores set import_cursor = null, import_progress = null where id = $1", [
    env.storeId,
  ]);
  const label = "reimport: importOrders, all unchanged";
  await measure(label, async () => {
    const r = await importOrders(env.ctx, env.storeId, progress(label));
    return { orders: r.orders, pages: r.pages, extra: { created: r.created, changed: r.changed } };
  });
}

interface PagePhases {
  pages: number;
  wallMs: number;
  fetchHeadersMs: number;
  fetchBodyMs: number;
  responseBytes: number;
  transactionMs: number;
  transactions: number;
  statements: Map<string, StatementStats>;
  simulatorMsPerPage: number;
  cpu: RunFigures["cpu"];
}

let captured: string[] = [];
let phases: PagePhases | undefined;

async function runPhases() {
  let transactionMs = 0;
  let transactions = 0;
  const env = await freshDatabase("phases", (db) => ({
    ...db,
    async transaction(work) {
      const t = performance.now();
      try {
        return await db.transaction(work);
      } finally {
        transactionMs += performance.now() - t;
        transactions++;
      }
    },
  }));
  let fetchHeadersMs = 0;
  let fetchBodyMs = 0;
  let responseBytes = 0;
  captured = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const t0 = performance.now();
    const response = await realFetch(input, init);
    const t1 = performance.now();
    const text = await response.text();
    fetchHeadersMs += t1 - t0;
    fetchBodyMs += performance.now() - t1;
    responseBytes += Buffer.byteLength(text);
    captured.push(text);
    return new Response(text, { status: response.status, headers: response.headers });
  };
  const timer = timeStatements();
  const label = "phases: importOrders, instrumented";
  try {
    const figures = await measure(label, async () => {
      timer.reset();
      transactionMs = 0;
      transactions = 0;
      const r = await importOrders(env.ctx, env.storeId, progress(label));
      return { orders: r.orders, pages: r.pages };
    });
    phases = {
      pages: figures.pages,
      wallMs: figures.seconds * 1000,
      fetchHeadersMs,
      fetchBodyMs,
      responseBytes,
      transactionMs,
      transactions,
      statements: new Map(timer.stats),
      simulatorMsPerPage: figures.simulatorMsPerPage,
      cpu: figures.cpu,
    };
  } finally {
    timer.restore();
    globalThis.fetch = realFetch;
  }
  await checkAllStored(label, env);
}

function printPhases(p: PagePhases) {
  const per = (ms: number) => ms / p.pages;
  const sql = [...p.statements.entries()].sort((a, b) => b[1].ms - a[1].ms);
  const sqlInTx = sql.filter(([l]) => !["select stores", "load mappings"].includes(l));
  const sqlTxMs = sqlInTx.reduce((n, [, s]) => n + s.ms, 0);
  const jsInTx = p.transactionMs - sqlTxMs;
  // importOrders fetches the next page during the current page's transaction (since d9098e2): the
  // HTTP time then overlaps, and what is left on the critical path is wall − transaction.
  const fetchMs = p.fetchHeadersMs + p.fetchBodyMs;
  const overlapped = p.wallMs - p.transactionMs < fetchMs;
  const line = (what: string, ms: number, note = "") =>
    `| ${what} | ${per(ms).toFixed(1)} | ${((100 * ms) / p.wallMs).toFixed(1)}% | ${note} |`;
  console.log(
    `\n## Where a page's time goes (phases run: ${p.pages} pages, ${(p.wallMs / 1000).toFixed(1)} s; CPU s importer ${p.cpu.importer}, simulator ${p.cpu.simulator}, postgres ${p.cpu.postgres ?? "n/a"})\n`,
  );
  console.log("| Phase | ms per 200-order page | share of wall | note |");
  console.log("|---|---|---|---|");
  console.log(line("wall", p.wallMs));
  const overlapNote = overlapped
    ? "runs during the previous page's transaction (prefetch): off the critical path"
    : "";
  console.log(
    line(
      "HTTP: request → response headers",
      p.fetchHeadersMs,
      `${overlapNote}; simulator handler ${p.simulatorMsPerPage.toFixed(1)} ms/page (filter+sort+present+stringify)`,
    ),
  );
  console.log(
    line("HTTP: body read", p.fetchBodyMs, `${Math.round(p.responseBytes / p.pages / 1024)} KiB per page`),
  );
  console.log(
    line(
      "critical path outside the transaction",
      overlapped ? p.wallMs - p.transactionMs : p.wallMs - p.transactionMs - fetchMs,
      overlapped
        ? "wall − transaction: waiting for a fetch not done yet, JSON.parse, Link header"
        : "JSON.parse, Link header, pool",
    ),
  );
  console.log(line("transaction, total", p.transactionMs));
  for (const [label, s] of sqlInTx) {
    console.log(
      line(
        `  SQL ${label} (×${(s.count / p.pages).toFixed(1)}/page)`,
        s.ms,
        s.paramBytes > 0
          ? `${Math.round(s.paramBytes / s.count / 1024)} KiB of text parameters per call`
          : "",
      ),
    );
  }
  console.log(line("  JS inside the transaction (normalize, digest, decide, JSON building)", jsInTx));
}

// ---------------------------------------------------------------- micro-benchmarks (JS)

async function microBenchmarks(env: Env) {
  if (captured.length === 0) return;
  const mappings = await loadStoreMappings(env.db, env.storeId);
  const pages = captured.map((t) => JSON.parse(t) as unknown[]);
  const orders = pages.flat();
  const n = pages.length;
  const time = (label: string, fn: () => void, note = "") => {
    fn(); // warm
    const t = performance.now();
    const repeat = 3;
    for (let i = 0; i < repeat; i++) fn();
    const ms = (performance.now() - t) / repeat / n;
    console.log(`| ${label} | ${ms.toFixed(2)} | ${note} |`);
    return ms;
  };
  const normalized = orders.map((o) => nuvemshop.normalize(o));
  const prepared = orders.map((o) => prepare(nuvemshop, o)!);
  console.log(`\n## Micro-benchmarks over the ${n} captured pages (importer process, after the runs)\n`);
  console.log("| Step | ms per 200-order page | note |");
  console.log("|---|---|---|");
  time(
    "JSON.parse of the response body",
    () => {
      for (const t of captured) JSON.parse(t);
    },
    `${Math.round(captured.reduce((a, t) => a + t.length, 0) / n / 1024)} KiB/page`,
  );
  time("normalize (mapNuvemshopOrder) ×200", () => {
    for (const o of orders) nuvemshop.normalize(o);
  });
  time("digest (JSON.stringify + sha256) ×200", () => {
    for (const o of orders) digest(o);
  });
  time("  of which JSON.stringify ×200", () => {
    for (const o of orders) JSON.stringify(o);
  });
  time("prepare (normalize + digest + row) ×200", () => {
    for (const o of orders) prepare(nuvemshop, o);
  });
  const upsertJson = JSON.stringify(prepared.slice(0, PER_PAGE));
  time(
    "JSON.stringify of the upsert parameter (raw + normalized)",
    () => {
      for (let i = 0; i < orders.length; i += PER_PAGE) JSON.stringify(prepared.slice(i, i + PER_PAGE));
    },
    `${Math.round(upsertJson.length / 1024)} KiB/page sent to jsonb_to_recordset`,
  );
  time("current: prepare ×200 + the upsert parameter", () => {
    for (let i = 0; i < orders.length; i += PER_PAGE) {
      JSON.stringify(orders.slice(i, i + PER_PAGE).map((o) => prepare(nuvemshop, o)));
    }
  });
  // Proposal: stringify each raw order once, hash that text, and splice the same text into the parameter.
  time("proposal: raw stringified once (digest and parameter from one text)", () => {
    for (let i = 0; i < orders.length; i += PER_PAGE) {
      const parts: string[] = [];
      for (const o of orders.slice(i, i + PER_PAGE)) {
        const rawText = JSON.stringify(o);
        const payloadDigest = crypto.createHash("sha256").update(rawText).digest("hex");
        const normalizedOrder = nuvemshop.normalize(o);
        const row = {
          external_id: normalizedOrder.externalId,
          number: normalizedOrder.number,
          normalized: normalizedOrder,
          payload_digest: payloadDigest,
          platform_status: normalizedOrder.status.key,
          status_fields: normalizedOrder.status.fields,
          unknown_values: normalizedOrder.flags,
          normalize_error: null,
          customer_name: normalizedOrder.customer.name,
          total_cents: normalizedOrder.totals.totalCents,
          cancelled: normalizedOrder.status.cancelled,
          platform_created_at: normalizedOrder.createdAt,
          platform_updated_at: normalizedOrder.updatedAt,
        };
        parts.push(`{"raw":${rawText},${JSON.stringify(row).slice(1)}`);
      }
      void `[${parts.join(",")}]`.length;
    }
  });
  time("decide() ×200 (new orders)", () => {
    for (const order of normalized) {
      decide({
        order,
        normalizeError: null,
        digest: "x",
        link: null,
        salesOrder: null,
        mappings,
        customerId: null,
        productIds: new Map(),
        unknownSku: "create",
        mode: "auto",
      });
    }
  });
  const withDocument = normalized.filter((o) => o.customer.document && o.customer.documentProblem === null);
  const perPageCustomers = withDocument.length / n;
  const evaluate = async (defaults: { field: string; expression: string }[]) => {
    const t = performance.now();
    // createCustomers awaits them one after the other
    for (const o of withDocument) await evaluateCustomerDefaults(defaults, o as CanonicalOrder);
    return (performance.now() - t) / n;
  };
  await evaluate([]);
  console.log(
    `| evaluateCustomerDefaults, no defaults configured (×${perPageCustomers.toFixed(0)}) | ${(await evaluate([])).toFixed(2)} | JSON clone of the order, nothing evaluated |`,
  );
  const defaults = [
    { field: "origem", expression: "'loja ' & platform" },
    { field: "cidade", expression: "$uppercase(billingAddress.city)" },
  ];
  await evaluate(defaults);
  console.log(
    `| evaluateCustomerDefaults, 2 JSONata defaults (×${perPageCustomers.toFixed(0)}) | ${(await evaluate(defaults)).toFixed(2)} | one per new customer document |`,
  );
}

// ---------------------------------------------------------------- SQL statement variants

// A copy of the statement in src/sync/store-orders.ts (upsertStoreOrders) at the time of writing,
// with the rows as a parameter: the variants below change one thing each.
const UPSERT_COLUMNS = `external_id text, number text, raw jsonb, normalized jsonb, payload_digest text, platform_status text,
  status_fields jsonb, unknown_values jsonb, normalize_error text, customer_name text, total_cents bigint,
  cancelled boolean, platform_created_at timestamptz, platform_updated_at timestamptz`;
const upsertSql = (input: string, tail: "union" | "returning") => `with input as (${input}), written as (
   insert into store_orders as s (org_id, store_id, external_id, number, raw, normalized, payload_digest,
     platform_status, status_fields, unknown_values, normalize_error, customer_name, total_cents, cancelled,
     platform_created_at, platform_updated_at)
   select $1, $2, external_id, number, raw, normalized, payload_digest, platform_status, status_fields,
          unknown_values, normalize_error, customer_name, total_cents, cancelled, platform_created_at,
          platform_updated_at
     from input
   on conflict (store_id, external_id) do update set
     number = excluded.number, raw = excluded.raw, normalized = excluded.normalized,
     payload_digest = excluded.payload_digest, platform_status = excluded.platform_status,
     status_fields = excluded.status_fields, unknown_values = excluded.unknown_values,
     normalize_error = excluded.normalize_error, customer_name = excluded.customer_name,
     total_cents = excluded.total_cents, cancelled = excluded.cancelled,
     platform_created_at = excluded.platform_created_at, platform_updated_at = excluded.platform_updated_at,
     updated_at = now()
   where s.payload_digest <> excluded.payload_digest
     and (s.platform_updated_at is null or excluded.platform_updated_at is null
          or excluded.platform_updated_at >= s.platform_updated_at)
   returning s.id, s.external_id
 )
 ${
   tail === "union"
     ? `select w.id, w.external_id, true as changed from written w
 union all
 select s.id, s.external_id, false from store_orders s join input i using (external_id)
  where s.store_id = $2 and not exists (select 1 from written w where w.external_id = s.external_id)`
     : "select id, external_id from written"
 }`;
const RECORDSET = `select * from jsonb_to_recordset($3::jsonb) as r(${UPSERT_COLUMNS})`;
// Columns as arrays: the big JSON values travel as text[] and are cast one by one.
const UNNEST = `select * from unnest($3::text[], $4::text[], $5::jsonb[], $6::jsonb[], $7::text[], $8::text[],
    $9::jsonb[], $10::jsonb[], $11::text[], $12::text[], $13::bigint[], $14::boolean[], $15::timestamptz[],
    $16::timestamptz[]) as r(external_id, number, raw, normalized, payload_digest, platform_status, status_fields,
    unknown_values, normalize_error, customer_name, total_cents, cancelled, platform_created_at, platform_updated_at)`;
const COLUMNS = [
  "external_id",
  "number",
  "raw",
  "normalized",
  "payload_digest",
  "platform_status",
  "status_fields",
  "unknown_values",
  "normalize_error",
  "customer_name",
  "total_cents",
  "cancelled",
  "platform_created_at",
  "platform_updated_at",
] as const;

async function runSqlVariants() {
  if (captured.length === 0) {
    notes.push("sql: skipped (needs the phases run first, for the captured pages)");
    return;
  }
  const env = await freshDatabase("sql");
  const pages = captured.map((t) => JSON.parse(t) as unknown[]).slice(0, 40);
  const prepared = pages.map((p) => p.map((o) => prepare(nuvemshop, o)!));
  const client = await env.db.pool.connect();
  const rows: { variant: string; ms: number; note: string }[] = [];
  const q = (text: string, params?: unknown[]) => client.query(text, params);
  const tx: Queryable = {
    query: async (text, params) => {
      const r = await client.query(text, params as unknown[]);
      return { rows: r.rows, rowCount: r.rowCount ?? 0 };
    },
  };
  try {
    /** Runs `statement` once per page, each page in a transaction that is rolled back. */
    const variant = async (
      name: string,
      note: string,
      statement: (page: number) => Promise<number[] | undefined>,
      after?: (ids: number[]) => Promise<void>,
    ) => {
      await q("vacuum store_orders").catch(() => undefined);
      let ms = 0;
      for (let i = 0; i < pages.length; i++) {
        await q("begin");
        const t = performance.now();
        const ids = await statement(i);
        ms += performance.now() - t;
        if (after && ids) await after(ids);
        await q("rollback");
      }
      rows.push({ variant: name, ms: ms / pages.length, note });
    };
    const orgStore = [1, env.storeId];
    const json = (i: number, map: (p: (typeof prepared)[0][0]) => unknown = (p) => p) =>
      JSON.stringify(prepared[i]!.map(map));
    const ids = (r: { rows: { id: number }[] }) => r.rows.map((x) => x.id);
    await variant(
      "upsertStoreOrders() as in src (prepare + stringify + SQL)",
      "the whole function",
      async (i) =>
        (await upsertStoreOrders(tx, { id: env.storeId, orgId: 1 }, nuvemshop, pages[i]!)).stored.map(
          (s) => s.id,
        ),
    );
    await variant(
      "floor: the 1.4 MB parameter sent as text, select length($3)",
      "transfer + protocol",
      async (i) => {
        await q("select length($3::text) as n, $1::int as a, $2::int as b", [...orgStore, json(i)]);
        return undefined;
      },
    );
    await variant(
      "floor: parameter parsed as jsonb, select jsonb_array_length($3::jsonb)",
      "jsonb input",
      async (i) => {
        await q("select jsonb_array_length($3::jsonb) as n, $1::int as a, $2::int as b", [
          ...orgStore,
          json(i),
        ]);
        return undefined;
      },
    );
    await variant(
      "floor: jsonb_to_recordset over it, select count(*)",
      "jsonb input + split into rows",
      async (i) => {
        await q(`select count(*), $1::int as a, $2::int as b from (${RECORDSET}) x`, [...orgStore, json(i)]);
        return undefined;
      },
    );
    const candidates: { with: number; without: number } = { with: 0, without: 0 };
    await variant(
      "SQL only: jsonb_to_recordset + insert + union (src statement)",
      "parameter built beforehand",
      async (i) => ids(await q(upsertSql(RECORDSET, "union"), [...orgStore, json(i)])),
      async (stored) => {
        // The read that follows in syncStoreOrders (loadCandidates), with and without `normalized`.
        const read = (columns: string) =>
          q(
            `select ${columns} from store_orders so left join order_links l on l.store_order_id = so.id
               left join sales_orders s on s.id = l.sales_order_id
              where so.id = any($1::bigint[]) and so.store_id = $2 order by so.id for update of so`,
            [stored, env.storeId],
          );
        let t = performance.now();
        await read(
          "so.id, so.external_id, so.number, so.normalized, so.normalize_error, so.payload_digest, l.id, s.id",
        );
        candidates.with += performance.now() - t;
        t = performance.now();
        await read("so.id, so.external_id, so.number, so.normalize_error, so.payload_digest, l.id, s.id");
        candidates.without += performance.now() - t;
      },
    );
    await variant("SQL only: insert … returning, without the union of unchanged rows", "", async (i) =>
      ids(await q(upsertSql(RECORDSET, "returning"), [...orgStore, json(i)])),
    );
    await variant("SQL only: normalized column left null", "cost of storing normalized", async (i) =>
      ids(
        await q(upsertSql(RECORDSET, "union"), [...orgStore, json(i, (p) => ({ ...p, normalized: null }))]),
      ),
    );
    await variant("SQL only: raw left as {}", "cost of storing raw", async (i) =>
      ids(await q(upsertSql(RECORDSET, "union"), [...orgStore, json(i, (p) => ({ ...p, raw: {} }))])),
    );
    await variant(
      "SQL only: columns as arrays (unnest), JSON values as text[]",
      "no 1.4 MB outer document",
      async (i) => {
        const page = prepared[i]!;
        const arrays = COLUMNS.map((c) =>
          page.map((p) => {
            const v = p[c as keyof typeof p];
            return v !== null && typeof v === "object" ? JSON.stringify(v) : v;
          }),
        );
        return ids(await q(upsertSql(UNNEST, "union"), [...orgStore, ...arrays]));
      },
    );
    if (lz4) {
      await q(
        "alter table store_orders alter column raw set compression lz4, alter column normalized set compression lz4",
      );
      await variant("SQL only: src statement, raw/normalized with lz4 compression", "", async (i) =>
        ids(await q(upsertSql(RECORDSET, "union"), [...orgStore, json(i)])),
      );
      await q(
        "alter table store_orders alter column raw set compression pglz, alter column normalized set compression pglz",
      );
    }
    await q(
      "alter table store_orders alter column raw set storage external, alter column normalized set storage external",
    );
    await variant(
      "SQL only: src statement, raw/normalized not compressed (storage external)",
      "",
      async (i) => ids(await q(upsertSql(RECORDSET, "union"), [...orgStore, json(i)])),
    );
    await q(
      "alter table store_orders alter column raw set storage extended, alter column normalized set storage extended",
    );
    const JSON_RECORDSET = `select * from json_to_recordset($3::json) as r(${UPSERT_COLUMNS})`;
    await variant(
      "SQL only: json_to_recordset instead of jsonb_to_recordset",
      "outer document not built as jsonb",
      async (i) => ids(await q(upsertSql(JSON_RECORDSET, "union"), [...orgStore, json(i)])),
    );
    await q("alter table store_orders alter column raw type json using raw::json");
    await variant(
      "SQL only: raw column of type json + json_to_recordset",
      "raw kept as text, not parsed into jsonb",
      async (i) =>
        ids(
          await q(upsertSql(JSON_RECORDSET.replace("raw jsonb", "raw json"), "union"), [
            ...orgStore,
            json(i),
          ]),
        ),
    );
    await q("alter table store_orders alter column normalized type json using normalized::json");
    await variant("SQL only: raw and normalized of type json + json_to_recordset", "", async (i) =>
      ids(
        await q(
          upsertSql(
            JSON_RECORDSET.replace("raw jsonb", "raw json").replace("normalized jsonb", "normalized json"),
            "union",
          ),
          [...orgStore, json(i)],
        ),
      ),
    );
    await q(
      "alter table store_orders alter column raw type jsonb using raw::jsonb, alter column normalized type jsonb using normalized::jsonb",
    );
    await variant(
      "SQL only: src statement, synchronous_commit off (rolled back: no commit cost anyway)",
      "control",
      async (i) => {
        await q("set local synchronous_commit = off");
        return ids(await q(upsertSql(RECORDSET, "union"), [...orgStore, json(i)]));
      },
    );
    rows.push({
      variant: "loadCandidates' select with normalized (src before d9098e2)",
      ms: candidates.with / pages.length,
      note: "after the upsert, same transaction",
    });
    rows.push({
      variant: "loadCandidates' select without normalized (orders passed from memory, src since d9098e2)",
      ms: candidates.without / pages.length,
      note: "",
    });
  } finally {
    client.release();
  }
  console.log(
    `\n## store_orders statement variants (${pages.length} captured pages, each in a rolled-back transaction)\n`,
  );
  console.log("| Variant | ms per 200-order page | note |");
  console.log("|---|---|---|");
  for (const r of rows) console.log(`| ${r.variant} | ${r.ms.toFixed(1)} | ${r.note} |`);
}

// ---------------------------------------------------------------- ceilings

async function runCeiling() {
  const env = realEnv ?? envs[envs.length - 1] ?? (await freshDatabase("ceiling"));
  const table = (name: string, rawType: string) =>
    env.db.query(
      `create table if not exists ${name} (
         id bigint generated always as identity primary key,
         store_id bigint not null,
         external_id text not null,
         raw ${rawType} not null,
         received_at timestamptz not null default now(),
         unique (store_id, external_id))`,
    );
  await table("bench_raw_orders", "jsonb");
  const insertValues = async (name: string, orders: { id: number }[], cast = "jsonb") => {
    const params: unknown[] = [];
    const tuples = orders.map((o, i) => {
      params.push(env.storeId, String(o.id), JSON.stringify(o));
      return `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3}::${cast})`;
    });
    await env.db.query(
      `insert into ${name} (store_id, external_id, raw) values ${tuples.join(", ")}
       on conflict (store_id, external_id) do nothing`,
      params,
    );
  };
  const headers = {
    Authentication: `bearer ${sim.info.accessToken}`,
    "User-Agent": "Ponte bench (ceiling)",
    Accept: "application/json",
  };
  const firstUrl = `${sim.info.apiBase}/${sim.info.storeId}/orders?per_page=${PER_PAGE}&page=1`;
  // 1. Fetch from the simulator and insert, one page at a time: the ceiling of a sequential importer.
  const fetched: string[] = [];
  await measure("ceiling: fetch + 1 multi-row INSERT (raw jsonb) per page", async () => {
    let url: string | null = firstUrl;
    let orders = 0;
    let pages = 0;
    while (url) {
      const response: Response = await fetch(url, { headers });
      const text = await response.text();
      fetched.push(text);
      const page = JSON.parse(text) as { id: number }[];
      if (page.length > 0) await insertValues("bench_raw_orders", page);
      orders += page.length;
      pages++;
      url = nextLink(response.headers.get("link"));
      progress("ceiling fetch+insert")({ orders, pages });
    }
    return { orders, pages };
  });
  const parsed = fetched.map((t) => JSON.parse(t) as { id: number }[]);
  // 2. DB only, from the pages in memory: VALUES with 600 parameters per page, per storage choice.
  const dbOnly = async (label: string, name: string, rawType: string, setup?: string, cast = "jsonb") => {
    await env.db.query(`drop table if exists ${name}`);
    await table(name, rawType);
    if (setup) await env.db.query(setup.replaceAll("$table", name));
    await measure(`ceiling: DB only, 1 multi-row INSERT per page, raw ${label}`, async () => {
      let orders = 0;
      for (const page of parsed) {
        await insertValues(name, page, cast);
        orders += page.length;
      }
      return { orders, pages: parsed.length };
    });
  };
  await dbOnly("jsonb (pglz, the default)", "bench_raw_pglz", "jsonb");
  if (lz4)
    await dbOnly(
      "jsonb lz4",
      "bench_raw_lz4",
      "jsonb",
      "alter table $table alter column raw set compression lz4",
    );
  else notes.push("ceiling: this PostgreSQL has no lz4, so no lz4 variant");
  await dbOnly(
    "jsonb uncompressed",
    "bench_raw_ext",
    "jsonb",
    "alter table $table alter column raw set storage external",
  );
  await dbOnly("json (text, validated)", "bench_raw_json", "json", undefined, "json");
  // 3. DB only, the response body as one parameter, split by PostgreSQL.
  await env.db.query("truncate bench_raw_orders");
  await measure("ceiling: DB only, page body → jsonb_array_elements INSERT", async () => {
    let orders = 0;
    for (const text of fetched) {
      const { rowCount } = await env.db.query(
        `insert into bench_raw_orders (store_id, external_id, raw)
         select $1, e->>'id', e from jsonb_array_elements($2::jsonb) e
         on conflict (store_id, external_id) do nothing`,
        [env.storeId, text],
      );
      orders += rowCount;
    }
    return { orders, pages: fetched.length };
  });
  // 4. Only fetching from the simulator (no database): the HTTP + simulator ceiling.
  await measure("ceiling: fetch + JSON.parse only (no database)", async () => {
    let url: string | null = firstUrl;
    let orders = 0;
    let pages = 0;
    while (url) {
      const response: Response = await fetch(url, { headers });
      orders += (JSON.parse(await response.text()) as unknown[]).length;
      pages++;
      url = nextLink(response.headers.get("link"));
    }
    return { orders, pages };
  });
}

// ---------------------------------------------------------------- bench-local import loops

async function runStoreOnly() {
  const env = await freshDatabase("store-only");
  const label = "store-only: fetch + upsertStoreOrders per page (no sync)";
  await measure(label, async () => {
    const { store, connector } = await openStore(env.ctx, env.storeId);
    let token: string | null = null;
    let orders = 0;
    let pages = 0;
    do {
      const page = await connector.listOrdersChangedSince(null, token);
      const written = await env.db.transaction((tx) => upsertStoreOrders(tx, store, nuvemshop, page.orders));
      orders += written.stored.length;
      pages++;
      token = page.nextPageToken;
      progress(label)({ orders, pages });
    } while (token !== null);
    return { orders, pages };
  });
}

/**
 * importOrders' loop (src/sync/import-orders.ts) with the next page requested as soon as the
 * current one arrived, and up to `inFlight` page transactions at once (1: only the fetch overlaps).
 */
async function pipelinedImport(
  env: Env,
  label: string,
  inFlight: number,
  maxPages = Number.POSITIVE_INFINITY,
) {
  const { store, connector } = await openStore(env.ctx, env.storeId);
  const mappings = await loadStoreMappings(env.db, env.storeId);
  let pending = connector.listOrdersChangedSince(null, null);
  let orders = 0;
  let pages = 0;
  let retries = 0;
  const running = new Set<Promise<void>>();
  const writePage = async (raws: unknown[], next: string | null) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await env.db.transaction(async (tx) => {
          const written = await upsertStoreOrders(tx, store, nuvemshop, raws);
          await syncStoreOrders(
            tx,
            store,
            written.stored.map((s) => s.id),
            { mappings },
          );
          // With pages committing out of order a single progress row means nothing: only sequentially.
          if (inFlight === 1) {
            await tx.query("update stores set import_progress = $2 where id = $1", [
              env.storeId,
              JSON.stringify(next === null ? null : { since: null, pageToken: next, maxUpdatedAt: null }),
            ]);
          }
          orders += written.stored.length;
        });
        return;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt < 5 && (code === "40P01" || code === "40001")) {
          retries++;
          continue;
        }
        throw error;
      }
    }
  };
  for (;;) {
    const page = await pending;
    const next = page.nextPageToken;
    if (next !== null && pages + 1 < maxPages) pending = connector.listOrdersChangedSince(null, next);
    const job = writePage(page.orders, next).then(() => {
      pages++;
      progress(label)({ orders, pages });
    });
    running.add(job);
    void job.finally(() => running.delete(job)).catch(() => undefined);
    if (running.size >= inFlight) await Promise.race(running);
    if (next === null || pages + running.size >= maxPages) break;
  }
  await Promise.all(running);
  return { orders, pages, extra: { deadlockRetries: retries } };
}

async function runPrefetch() {
  const env = await freshDatabase("prefetch");
  const label = "prefetch: import loop, next page fetched during the transaction";
  await measure(label, () => pipelinedImport(env, label, 1));
  await checkAllStored(label, env);
}

async function runParallel() {
  const env = await freshDatabase("parallel");
  const label = "parallel: import loop, prefetch + 2 page transactions in flight";
  await measure(label, () => pipelinedImport(env, label, 2));
  await checkAllStored(label, env);
}

// ---------------------------------------------------------------- server-side plans (auto_explain)

interface ExplainPlan {
  "Query Text": string;
  Plan: { "Actual Total Time"?: number };
  Triggers?: { "Trigger Name": string; Relation: string; Time: number; Calls: number }[];
  "Execution Time"?: number;
}

/**
 * importOrders with auto_explain (ANALYZE, triggers) switched on in the transactions of ten
 * pages in the middle of the import: the server's own execution time of each statement, and how much of it goes to the
 * foreign-key triggers. Embedded PostgreSQL only (the plans are read from its server.log).
 */
async function runExplain() {
  if (!pgDir) {
    notes.push("explain: skipped (needs the embedded PostgreSQL, whose log it reads)");
    return;
  }
  const logFile = path.join(pgDir, "server.log");
  let transactions = 0;
  const expectedPages = Math.ceil(total / PER_PAGE);
  const from = Math.max(2, Math.floor(expectedPages / 2) - 4);
  const to = from + 9;
  const env = await freshDatabase("explain", (db) => ({
    ...db,
    transaction: (work) =>
      db.transaction(async (tx) => {
        transactions++;
        if (transactions >= from && transactions <= to) {
          await tx.query(
            `load 'auto_explain'; set local auto_explain.log_min_duration = 0; set local auto_explain.log_analyze = on;
             set local auto_explain.log_triggers = on; set local auto_explain.log_format = json;
             set local auto_explain.log_buffers = off; set local auto_explain.log_timing = on`,
          );
        }
        return work(tx);
      }),
  }));
  const start = (await fs.stat(logFile)).size;
  const r = await importOrders(env.ctx, env.storeId, progress("explain"));
  process.stderr.write("\n");
  const log = (await fs.readFile(logFile, "utf8")).slice(start);
  const plans: (ExplainPlan & { durationMs: number })[] = [];
  for (const m of log.matchAll(
    /LOG:\s+duration: ([\d.]+) ms\s+plan:\s*\n([\s\S]*?)(?=^\d{4}-\d{2}-\d{2} |$(?![\s\S]))/gm,
  )) {
    try {
      plans.push({ ...(JSON.parse(m[2]!) as ExplainPlan), durationMs: Number(m[1]) });
    } catch {
      // something else
    }
  }
  // RI_ConstraintTrigger_c_NNN → the constraint it checks.
  const { rows: constraintRows } = await env.db.query<{ tgname: string; conname: string }>(
    "select t.tgname, c.conname from pg_trigger t join pg_constraint c on c.oid = t.tgconstraint",
  );
  const constraintOf = new Map(constraintRows.map((r) => [r.tgname, r.conname]));
  const by = new Map<string, { ms: number; triggers: Map<string, number>; count: number }>();
  for (const p of plans) {
    const label = statementLabel(p["Query Text"]);
    const e = by.get(label) ?? { ms: 0, triggers: new Map(), count: 0 };
    e.count++;
    e.ms += p.durationMs;
    for (const t of p.Triggers ?? []) {
      const name = constraintOf.get(t["Trigger Name"]) ?? t["Trigger Name"];
      e.triggers.set(name, (e.triggers.get(name) ?? 0) + t.Time);
    }
    by.set(label, e);
  }
  const pages = Math.min(to, transactions) - from + 1;
  if (plans.length === 0) notes.push("explain: no plans found in the server log");
  console.log(
    `\n## Server-side execution time per statement (auto_explain, pages ${from}–${to} of ${r.pages}; timing on, so a little inflated)\n`,
  );
  console.log("| Statement | server ms per page | of which triggers ms | triggers (ms per page) |");
  console.log("|---|---|---|---|");
  for (const [label, e] of [...by.entries()].sort((a, b) => b[1].ms - a[1].ms)) {
    const trig = [...e.triggers.values()].reduce((a, b) => a + b, 0);
    const detail = [...e.triggers.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([n, ms]) => `${n} ${(ms / pages).toFixed(1)}`)
      .join("; ");
    console.log(`| ${label} | ${(e.ms / pages).toFixed(1)} | ${(trig / pages).toFixed(1)} | ${detail} |`);
  }
}

// ---------------------------------------------------------------- knobs

async function runAsyncCommit() {
  await importRun("async-commit: importOrders, set local synchronous_commit = off", {
    wrap: withFirst("set local synchronous_commit = off"),
  });
}

async function runLz4() {
  if (!lz4) {
    notes.push("lz4: skipped, this PostgreSQL has no lz4");
    return;
  }
  await importRun("lz4: importOrders, lz4 TOAST compression on jsonb columns", {
    prepare: async (env) => {
      await env.db.query(
        `alter table store_orders alter column raw set compression lz4, alter column normalized set compression lz4;
         alter table sales_orders alter column customer_snapshot set compression lz4;
         alter table customers alter column addresses set compression lz4`,
      );
    },
  });
}

async function runCursor() {
  await importRun("cursor: importOrders with an import cursor (listing by updated_at)", {
    prepare: async (env) => {
      // importOrders lists from import_cursor − 10 min: a cursor before every order's updated_at.
      await env.db.query("update stores set import_cursor = $2 where id = $1", [
        env.storeId,
        new Date(SEED_TIME - 90 * 86_400_000).toISOString(),
      ]);
    },
  });
}

async function runDefaults() {
  await importRun("defaults: importOrders, 2 JSONata customer defaults", {
    prepare: async (env) => {
      await replaceCustomerDefaults(env.db, env.storeId, [
        { field: "origem", expression: "'loja ' & platform" },
        { field: "cidade", expression: "$uppercase(billingAddress.city)" },
      ]);
    },
  });
}

let importerProfile: CpuProfile | undefined;
async function runProfile() {
  const env = await freshDatabase("profile");
  const label = "profile: importOrders under the CPU profiler";
  const file = path.join(profileDir, "importer.cpuprofile");
  await measure(label, async () => {
    const [r, p] = await profileWhile(file, () => importOrders(env.ctx, env.storeId, progress(label)));
    importerProfile = p;
    return { orders: r.orders, pages: r.pages };
  });
}

// ---------------------------------------------------------------- main

const cpus = os.cpus();
console.log(
  `# machine: ${cpus.length} × ${cpus[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}; load average at start ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
console.log(
  `# PostgreSQL ${pgVersion} (${embedded ? "embedded" : "DATABASE_URL"}): ${pgSettings}; lz4 ${lz4 ? "yes" : "no"}; simulator pid ${sim.pid} (own process, rate limit off), ${total} orders, pages of ${PER_PAGE}`,
);
try {
  {
    // Warm-up (JIT, caches): 10 pages, not reported.
    const env = await freshDatabase("warm-up");
    await pipelinedImport(env, "warm-up", 1, 10);
    process.stderr.write("\n");
  }
  for (const run of runs) {
    if (run === "real") await runReal();
    else if (run === "reimport") await runReimport();
    else if (run === "phases") await runPhases();
    else if (run === "sql") await runSqlVariants();
    else if (run === "ceiling") await runCeiling();
    else if (run === "store-only") await runStoreOnly();
    else if (run === "prefetch") await runPrefetch();
    else if (run === "parallel") await runParallel();
    else if (run === "async-commit") await runAsyncCommit();
    else if (run === "lz4") await runLz4();
    else if (run === "cursor") await runCursor();
    else if (run === "defaults") await runDefaults();
    else if (run === "profile") await runProfile();
    else if (run === "explain") await runExplain();
    else if (run === "vtex") vtexFigures.push(...(await runVtexFeed(admin, serverUrl!, logger)));
    else if (run === "woocommerce") wooFigures.push(...(await runWooImport(admin, serverUrl!, logger)));
    else throw new Error(`unknown run ${run}`);
  }

  console.log("\n## Runs\n");
  console.log(
    "| Run | Orders | Pages | Time s | Orders/s | CPU s importer / simulator / postgres | CPU ms per page (all three) | simulator ms/page |",
  );
  console.log("|---|---|---|---|---|---|---|---|");
  for (const r of results) {
    const cpuPerPage =
      ((r.cpu.importer + r.cpu.simulator + (r.cpu.postgres ?? 0)) * 1000) / Math.max(1, r.pages);
    console.log(
      `| ${r.run} | ${r.orders} | ${r.pages} | ${r.seconds} | **${r.ordersPerSecond}** | ${r.cpu.importer} / ${r.cpu.simulator} / ${r.cpu.postgres ?? "n/a"} | ${Math.round(cpuPerPage)} | ${r.simulatorMsPerPage} |`,
    );
  }
  if (vtexFigures.length > 0) printVtex(vtexFigures);
  if (wooFigures.length > 0) printWoo(wooFigures);
  if (phases) printPhases(phases);
  if (envs[0] && captured.length > 0) await microBenchmarks(envs[0]);
  if (importerProfile) {
    console.log(`\n## CPU profile of the importer (${path.join(profileDir, "importer.cpuprofile")})\n`);
    console.log(summarizeProfile(importerProfile));
  }
} finally {
  await sim.stop();
  if (wantsProfile) {
    const simProfile = await readChildProfile(path.join(profileDir, "simulator"));
    if (simProfile) {
      console.log(`\n## CPU profile of the simulator process (its whole life, ${profileDir})\n`);
      console.log(summarizeProfile(simProfile, 15));
    }
  }
  for (const env of envs) {
    await env.db.close();
    await admin.query(`drop database ${env.name} with (force)`).catch(() => undefined);
  }
  await admin.end();
  if (embedded) await embedded.release();
  await fs.rm(tmp, { recursive: true, force: true });
  if (wantsProfile) console.log(`# profiles kept in ${profileDir}`);
}
for (const n of notes) console.log(`# note: ${n}`);
if (problems.length > 0) {
  console.log(`\n# PROBLEMS\n${problems.map((p) => `- ${p}`).join("\n")}`);
  process.exitCode = 1;
}
