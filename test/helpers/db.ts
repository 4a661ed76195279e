// Each test file gets its own database on the test server (TEST_DATABASE_URL, set by
// scripts/test.mjs), created empty and dropped at the end.
import crypto from "node:crypto";
import pg from "pg";
import { createDb, type Db } from "../../src/db/db.ts";
import { migrate } from "../../src/db/migrate.ts";
import { testLogger } from "./logger.ts";

export function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set: run the tests with `npm test`");
  return url;
}

export interface TestDatabase {
  url: string;
  name: string;
  db: Db;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const name = `ponte_t_${crypto.randomBytes(5).toString("hex")}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  const db = createDb({ connectionString: url.toString(), max: 10, logger: testLogger });
  if (options.migrated !== false) await migrate(db, testLogger);
  return {
    url: url.toString(),
    name,
    db,
    async drop() {
      await db.close().catch(() => undefined);
      await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}
