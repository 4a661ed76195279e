// Numbered plain-SQL migrations, applied in order, each in its own transaction. A session
// advisory lock makes two processes migrating at once take turns: the second finds the
// work done and applies nothing.
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runMigrations as runQueueMigrations } from "graphile-worker";
import { PonteError } from "../errors.ts";
import { queueLogger } from "../jobs/queue-logger.ts";
import type { Logger } from "../logger.ts";
import type { Db } from "./db.ts";

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");
const LOCK_KEY = 7_301_955_001; // any constant unique to Ponte's migrations

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await fs.readdir(dir)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    migrations.push({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: await fs.readFile(path.join(dir, file), "utf8"),
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

export async function migrate(db: Db, logger: Logger): Promise<MigrateResult> {
  const migrations = await loadMigrations();
  const client = await db.pool.connect();
  const applied: string[] = [];
  try {
    await client.query("select pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(`create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      applied_at timestamptz not null default now()
    )`);
    const done = new Set(
      (await client.query<{ version: number }>("select version from schema_migrations")).rows.map(
        (r) => r.version,
      ),
    );
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      const label = `${String(migration.version).padStart(4, "0")}_${migration.name}`;
      try {
        await client.query("begin");
        await client.query(migration.sql);
        await client.query("insert into schema_migrations (version, name) values ($1, $2)", [
          migration.version,
          migration.name,
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
  } finally {
    await client.query("select pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => undefined);
    client.release();
  }
  return { applied, current: migrations.length };
}
