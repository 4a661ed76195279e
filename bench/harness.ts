// Shared pieces of the benches that run Ponte as deployed (its own process, talking to the
// simulators over loopback): a free port, percentiles, a throwaway database, and `ponte <cmd>`
// children with their readiness wait.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createDb, type Db } from "../src/db/db.ts";
import { startEmbedded } from "../src/db/embedded.ts";
import { migrate } from "../src/db/migrate.ts";
import type { Logger } from "../src/logger.ts";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export function summary(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  const f = (n: number) => Math.round(n);
  return {
    n: s.length,
    p50: f(percentile(s, 50)),
    p90: f(percentile(s, 90)),
    p99: f(percentile(s, 99)),
    max: f(s[s.length - 1] ?? Number.NaN),
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface BenchDatabase {
  db: Db;
  url: string;
  /** The embedded cluster's folder (for its CPU figures), undefined on DATABASE_URL. */
  pgDir: string | undefined;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database: on DATABASE_URL/TEST_DATABASE_URL (created and dropped there), or
 * on an embedded PostgreSQL in a temporary folder.
 */
export async function benchDatabase(label: string, logger: Logger): Promise<BenchDatabase> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), `ponte-bench-${label}-`));
  await fs.chmod(tmp, 0o755);
  let serverUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const embedded = serverUrl ? undefined : await startEmbedded(tmp, logger);
  serverUrl ??= embedded!.connectionString;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const name = `ponte_bench_${label.replace(/\W/g, "_")}_${Date.now()}`;
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = createDb({ connectionString: url.toString(), logger, applicationName: `bench ${label}` });
  await migrate(db, logger);
  return {
    db,
    url: url.toString(),
    pgDir: embedded ? path.join(tmp, "pg") : undefined,
    async close() {
      await db.close();
      await admin.query(`drop database ${name} with (force)`).catch(() => undefined);
      await admin.end();
      if (embedded) await embedded.release();
      await fs.rm(tmp, { recursive: true, force: true });
    },
  };
}

/** `ponte <command>` in a process of its own; stderr shown, stdout dropped. */
export function spawnPonte(
  command: string,
  env: Record<string, string>,
  execArgv: string[] = [],
): ChildProcess {
  return spawn(process.execPath, [...execArgv, "bin/ponte.mjs", command], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export async function waitReady(url: string, seconds = 60): Promise<void> {
  for (let i = 0; ; i++) {
    const ok = await fetch(`${url}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (i > seconds * 10) throw new Error(`Ponte did not become ready in ${seconds} s`);
    await sleep(100);
  }
}

export async function stopChildren(children: readonly ChildProcess[]): Promise<void> {
  for (const child of children) child.kill("SIGTERM");
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) resolve();
          else child.once("exit", () => resolve());
        }),
    ),
  );
}
