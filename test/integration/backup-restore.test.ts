// `ponte backup` while Ponte runs and imports its demo stores, then `ponte restore` into a fresh
// data directory (issue 17, item 6): the restored database opens, every order committed before
// the backup is there with its sales order, nothing is half-written (each store order's link and
// sales order came together), and the data directory's secret key came along, so the stores'
// sealed credentials still open.
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { startEmbedded } from "../../src/db/embedded.ts";
import { testLogger } from "../helpers/logger.ts";
import { freePort, ponte, readyStatus, run, waitFor } from "../helpers/process.ts";

async function embeddedUrl(dataDir: string) {
  const creds = JSON.parse(await fs.readFile(path.join(dataDir, "embedded-postgres.json"), "utf8"));
  const pid = (await fs.readFile(path.join(dataDir, "pg", "postmaster.pid"), "utf8")).split("\n");
  return `postgres://${creds.user}:${encodeURIComponent(creds.password)}@127.0.0.1:${pid[3]}/${creds.database}`;
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

const tempDir = async (prefix: string) => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  await fs.chmod(dir, 0o755); // the embedded server may run as another user
  return dir;
};

describe("ponte backup while running, ponte restore into a fresh data directory", () => {
  let dataDir: string;
  let restoredDir: string;
  let backupRoot: string;
  before(async () => {
    [dataDir, restoredDir, backupRoot] = await Promise.all([
      tempDir("ponte-backup-src-"),
      tempDir("ponte-backup-dst-"),
      tempDir("ponte-backup-out-"),
    ]);
  });
  after(async () => {
    for (const dir of [dataDir, restoredDir, backupRoot]) await fs.rm(dir, { recursive: true, force: true });
  });

  it("finds every order of the moment of the backup, consistent, with the secret key", async () => {
    const port = await freePort();
    const env = {
      PONTE_DATA_DIR: dataDir,
      PORT: String(port),
      DATABASE_URL: undefined,
      PONTE_SECRET_KEY: undefined,
    };
    const running = ponte(["start"], { ...env, PONTE_DEMO: "1" });
    try {
      await waitFor("ready", async () => ((await readyStatus(port)) === 200 ? true : undefined), 60_000);
      const url = await embeddedUrl(dataDir);
      const imported = async () =>
        (
          await sql<{ external_id: string; store_id: string }>(
            url,
            "select external_id, store_id::text from store_orders",
          )
        ).map((r) => `${r.store_id}:${r.external_id}`);
      // The demo stores' orders arriving through the import, as a merchant's would.
      await waitFor(
        "the demo's orders imported",
        async () => ((await imported()).length >= 20 ? true : undefined),
        90_000,
      );
      const before = await imported();

      // Writes go on during the copy: one row at a time, each committed, numbered in order.
      const writer = new pg.Client({ connectionString: url });
      await writer.connect();
      let written = 0;
      let writing = true;
      const writes = (async () => {
        while (writing) {
          await writer.query("insert into organizations (name) values ($1)", [`escrita ${written}`]);
          written++;
        }
      })();
      while (written < 5) await new Promise((resolve) => setTimeout(resolve, 10));
      const committedBefore = written;
      const backup = await run(["backup", "--to", backupRoot, "--keep", "3"], env);
      writing = false;
      await writes;
      await writer.end();
      assert.equal(backup.code, 0, backup.output);
      const folder = /backup written: (\S+)/.exec(backup.output)?.[1];
      assert.ok(folder, backup.output);
      assert.ok(await readyStatus(port), "Ponte kept running through the backup");

      const restore = await run(["restore", folder], { ...env, PONTE_DATA_DIR: restoredDir });
      assert.equal(restore.code, 0, restore.output);
      assert.match(restore.output, /restored the backup of/);
      assert.deepEqual(
        await fs.readFile(path.join(restoredDir, "secret.key"), "utf8"),
        await fs.readFile(path.join(dataDir, "secret.key"), "utf8"),
        "the secret key that seals the stores' credentials came along",
      );

      const server = await startEmbedded(restoredDir, testLogger);
      try {
        const restored = await sql<{ id: string; linked: boolean; sales: boolean }>(
          server.connectionString,
          `select so.store_id::text || ':' || so.external_id as id, l.id is not null as linked,
                  l.sales_order_id is null or s.id is not null as sales
             from store_orders so left join order_links l on l.store_order_id = so.id
             left join sales_orders s on s.id = l.sales_order_id`,
        );
        const ids = new Set(restored.map((r) => r.id));
        const missing = before.filter((id) => !ids.has(id));
        assert.deepEqual(missing, [], "every order imported before the backup is in the restored database");
        assert.ok(
          restored.every((r) => r.sales),
          "no link points at a sales order that is not there",
        );
        const sales = await sql<{ n: number }>(
          server.connectionString,
          "select count(*)::int as n from sales_orders",
        );
        assert.ok((sales[0]?.n ?? 0) > 0, "sales orders restored");
        // The writes made during the copy: a prefix, no gap — the state of one moment.
        const marks = (
          await sql<{ name: string }>(
            server.connectionString,
            "select name from organizations where name like 'escrita %'",
          )
        )
          .map((r) => Number(r.name.slice("escrita ".length)))
          .sort((a, b) => a - b);
        assert.ok(marks.length >= committedBefore, `${marks.length} of the rows committed before the backup`);
        assert.deepEqual(marks, [...marks.keys()], "no row missing in the middle");
        assert.ok(marks.length <= written);
      } finally {
        await server.release();
      }
    } finally {
      running.child.kill("SIGTERM");
      await running.exited;
    }
  });

  it("the restored data directory starts as Ponte, and takes its first scheduled backup at once", async () => {
    const port = await freePort();
    const scheduled = path.join(backupRoot, "agendados");
    const running = ponte(["start"], {
      PONTE_DATA_DIR: restoredDir,
      PORT: String(port),
      DATABASE_URL: undefined,
      PONTE_SECRET_KEY: undefined,
      PONTE_BACKUP_DIR: scheduled,
      PONTE_BACKUP_INTERVAL_HOURS: "24",
      PONTE_BACKUP_KEEP: "2",
    });
    try {
      await waitFor("ready", async () => ((await readyStatus(port)) === 200 ? true : undefined), 60_000);
      const found = await waitFor(
        "a scheduled backup",
        async () => {
          const names = await fs.readdir(scheduled).catch(() => [] as string[]);
          return names.find((n) => /^ponte-\d{8}-\d{6}$/.test(n));
        },
        60_000,
      );
      assert.ok(await fs.stat(path.join(scheduled, found, "ponte-backup.json")));
      assert.doesNotMatch(
        running.output(),
        /PONTE_SECRET_KEY is not set/,
        "the restored key was used, not a new one",
      );
    } finally {
      running.child.kill("SIGTERM");
      await running.exited;
    }
  });

  it("refuses to restore over a running server, and over DATABASE_URL", async () => {
    const server = await startEmbedded(restoredDir, testLogger);
    try {
      const [backup] = (await fs.readdir(backupRoot)).filter((n) => n.startsWith("ponte-"));
      const refused = await run(["restore", path.join(backupRoot, backup!)], {
        PONTE_DATA_DIR: restoredDir,
        DATABASE_URL: undefined,
      });
      assert.equal(refused.code, 1);
      assert.match(refused.output, /stop Ponte before restoring/);
    } finally {
      await server.release();
    }
    const server2 = await run(["backup"], {
      PONTE_DATA_DIR: restoredDir,
      DATABASE_URL: "postgres://x@127.0.0.1:1/x",
    });
    assert.equal(server2.code, 2);
    assert.match(server2.output, /DATABASE_URL is set/);
  });
});
