// Numbered plain-SQL migrations, applied in order, each in its own transaction. A session
// advisory lock makes two processes migrating at once take turns: the second finds the
// work done and applies nothing. Each applied migration's SHA-256 is recorded, and a
// database whose applied migration differs from its file is refused: an edited migration
// is a new migration (the edit would never reach databases that already ran the file).
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runMigrations as runQueueMigrations } from "graphile-worker";
import type { PoolClient } from "pg";
import { PonteError } from "../errors.ts";
import { queueLogger } from "../jobs/queue-logger.ts";
import type { Logger } from "../logger.ts";
import type { Db } from "./db.ts";
import { grantTenantAccess } from "./tenant-grants.ts";

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");
const LOCK_KEY = 7_301_955_001; // any constant unique to Ponte's migrations

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** SHA-256 (hex) of the file's bytes. */
  checksum: string;
}

export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await fs.readdir(dir)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const bytes = await fs.readFile(path.join(dir, file));
    migrations.push({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: bytes.toString("utf8"),
      checksum: crypto.createHash("sha256").update(bytes).digest("hex"),
    });
  }
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new PonteError("migration_failed", `migration numbers must run 0001, 0002, …: ${m.version}`);
  });
  return migrations;
}

export interface MigrateResult {
  applied: string[];
  current: number;
}

function labelOf(migration: Migration): string {
  return `${String(migration.version).padStart(4, "0")}_${migration.name}`;
}

/** `dir` is for tests only: Ponte always runs the migrations shipped beside this file. */
export async function migrate(
  db: Db,
  logger: Logger,
  options: { dir?: string } = {},
): Promise<MigrateResult> {
  const migrations = await loadMigrations(options.dir);
  const client = await db.pool.connect();
  const applied: string[] = [];
  try {
    await client.query("select pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(`create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      applied_at timestamptz not null default now()
    )`);
    // The runner owns this table's columns (no numbered migration can add to the table
    // that records them).
    await client.query("alter table schema_migrations add column if not exists checksum text");
    const done = new Map(
      (
        await client.query<{ version: number; checksum: string | null }>(
          "select version, checksum from schema_migrations",
        )
      ).rows.map((r) => [r.version, r.checksum]),
    );
    await checkApplied(client, migrations, done, logger);
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      const label = labelOf(migration);
      try {
        await client.query("begin");
        await client.query(migration.sql);
        await client.query("insert into schema_migrations (version, name, checksum) values ($1, $2, $3)", [
          migration.version,
          migration.name,
          migration.checksum,
        ]);
        await client.query("commit");
      } catch (error) {
        await client.query("rollback").catch(() => undefined);
        throw new PonteError("migration_failed", `migration ${label} failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
      applied.push(label);
      logger.info({ migration: label }, "migration applied");
    }
    // The job queue's own schema, under the same lock.
    await runQueueMigrations({ pgPool: db.pool, logger: queueLogger(logger) });
    await grantTenantAccess(client);
  } finally {
    await client.query("select pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => undefined);
    client.release();
  }
  return { applied, current: migrations.length };
}

/**
 * Refuses the database when an applied migration's recorded checksum differs from its file.
 * A migration applied before checksums were recorded has none: its file is trusted once and
 * its checksum recorded now (trust on first use), so later edits are caught.
 */
async function checkApplied(
  client: PoolClient,
  migrations: Migration[],
  done: Map<number, string | null>,
  logger: Logger,
): Promise<void> {
  for (const migration of migrations) {
    if (!done.has(migration.version)) continue;
    const recorded = done.get(migration.version);
    if (recorded === null || recorded === undefined) {
      await client.query(
        "update schema_migrations set checksum = $2 where version = $1 and checksum is null",
        [migration.version, migration.checksum],
      );
      continue;
    }
    if (recorded === migration.checksum) continue;
    const label = labelOf(migration);
    const message = `migration ${label} was edited after this database applied it (its file's SHA-256 differs from the one recorded): an edited migration is a new migration — restore the file and put the change in a new numbered migration`;
    logger.error({ migration: label, recorded, file: migration.checksum }, message);
    throw new PonteError("migration_failed", message, { details: { migration: label } });
  }
}
