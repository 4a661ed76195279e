// Each applied migration's checksum is recorded; a database whose applied migration differs
// from the file is refused at `ponte migrate` and `ponte start` (an edited migration is a new
// migration). Databases migrated before checksums existed get them recorded on first start.
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { loadMigrations, migrate } from "../../src/db/migrate.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { testLogger } from "../helpers/logger.ts";
import { freePort, run } from "../helpers/process.ts";

const SHIPPED = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../src/db/migrations");

/** A copy of the shipped migrations a test may edit, as a contributor would edit the folder. */
async function copyOfMigrations(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ponte-migrations-"));
  for (const file of await fs.readdir(SHIPPED))
    await fs.copyFile(path.join(SHIPPED, file), path.join(dir, file));
  return dir;
}

async function edit(dir: string, prefix: string): Promise<string> {
  const file = (await fs.readdir(dir)).find((f) => f.startsWith(prefix));
  assert.ok(file, `migration ${prefix} exists`);
  await fs.appendFile(path.join(dir, file), "\n-- a later edit\ncreate table later_edit (id integer);\n");
  return file.slice(0, -4);
}

/** An unmigrated database and an editable copy of the migrations, for one describe block. */
function freshDatabaseAndMigrations() {
  const state = {} as { t: TestDatabase; dir: string };
  before(async () => {
    state.t = await createTestDatabase({ migrated: false });
    state.dir = await copyOfMigrations();
  });
  after(async () => {
    await state.t.drop();
    await fs.rm(state.dir, { recursive: true, force: true });
  });
  return state;
}

describe("an edited migration", () => {
  const fresh = freshDatabaseAndMigrations();

  it("is refused, named, and nothing of it is applied", async () => {
    const { t, dir } = fresh;
    await migrate(t.db, testLogger, { dir });
    const label = await edit(dir, "0003_");
    await assert.rejects(
      migrate(t.db, testLogger, { dir }),
      (error: Error) => error.message.includes(label) && /edited/.test(error.message),
    );
    const { rows } = await t.db.query("select to_regclass('later_edit') as t");
    assert.equal(rows[0]?.t, null, "the edit was not run");
  });
});

describe("`ponte migrate` and `ponte start` on a database whose applied migration was edited", () => {
  let t: TestDatabase;
  let dir: string;
  let dataDir: string;
  before(async () => {
    t = await createTestDatabase({ migrated: false });
    dir = await copyOfMigrations();
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "ponte-data-"));
  });
  after(async () => {
    await t.drop();
    await fs.rm(dir, { recursive: true, force: true });
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it("exit with an error naming the migration", async () => {
    // The database was migrated with a 0002 that differs from the shipped file.
    const label = await edit(dir, "0002_");
    await migrate(t.db, testLogger, { dir });
    const env = { DATABASE_URL: t.url, PONTE_DATA_DIR: dataDir, PORT: String(await freePort()) };

    const migrated = await run(["migrate"], env);
    assert.notEqual(migrated.code, 0, migrated.output);
    assert.match(migrated.output, new RegExp(`${label}.*edited`));

    const started = await run(["start"], env);
    assert.notEqual(started.code, 0, started.output);
    assert.match(started.output, new RegExp(`${label}.*edited`));
    assert.doesNotMatch(started.output, /Ponte listening/);
  });
});

describe("a database migrated before checksums were recorded", () => {
  const fresh = freshDatabaseAndMigrations();

  it("starts, trusting its files once, and is refused after an edit", async () => {
    const { t, dir } = fresh;
    // As the earlier runner left it: no checksum column.
    const all = await loadMigrations(dir);
    await t.db.query(`create table schema_migrations (
      version integer primary key, name text not null, applied_at timestamptz not null default now())`);
    for (const m of all) {
      await t.db.query(m.sql);
      await t.db.query("insert into schema_migrations (version, name) values ($1, $2)", [m.version, m.name]);
    }

    assert.deepEqual((await migrate(t.db, testLogger, { dir })).applied, []);
    assert.deepEqual((await migrate(t.db, testLogger, { dir })).applied, [], "a second start is fine too");

    const label = await edit(dir, "0001_");
    await assert.rejects(
      migrate(t.db, testLogger, { dir }),
      (error: Error) => error.message.includes(label) && /edited/.test(error.message),
    );
  });
});
