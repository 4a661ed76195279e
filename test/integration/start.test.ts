// `ponte start` on an empty data directory, as a newcomer runs it: the embedded server is
// created, survives kill -9, is shared with the CLI, and stops with the last process.
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { freePort, ponte, readyStatus, run, waitFor } from "../helpers/process.ts";

async function embeddedUrl(dataDir: string) {
  const creds = JSON.parse(await fs.readFile(path.join(dataDir, "embedded-postgres.json"), "utf8"));
  const pid = (await fs.readFile(path.join(dataDir, "pg", "postmaster.pid"), "utf8")).split("\n");
  return `postgres://${creds.user}:${encodeURIComponent(creds.password)}@127.0.0.1:${pid[3]}/${creds.database}`;
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

describe("ponte start on an empty data directory (embedded PostgreSQL)", () => {
  let dataDir: string;
  let port: number;
  let env: Record<string, string | undefined>;
  before(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "ponte-start-"));
    await fs.chmod(dataDir, 0o755);
    port = await freePort();
    env = {
      PONTE_DATA_DIR: dataDir,
      PORT: String(port),
      DATABASE_URL: undefined,
      PONTE_SECRET_KEY: undefined,
    };
  });
  after(() => fs.rm(dataDir, { recursive: true, force: true }));

  it("becomes ready, keeps committed rows across kill -9, shares the server, and stops it on exit", async () => {
    const first = ponte(["start"], env);
    const started = Date.now();
    await waitFor("ready", async () => ((await readyStatus(port)) === 200 ? true : undefined), 30_000).catch(
      (e) => {
        throw new Error(`${e.message}\n${first.output()}`);
      },
    );
    const readyMs = Date.now() - started;
    assert.ok(await fs.stat(path.join(dataDir, "secret.key")), "a secret key was generated");
    assert.match(first.output(), /PONTE_SECRET_KEY is not set/);

    const url = await embeddedUrl(dataDir);
    await sql(url, "insert into organizations (name) values ($1)", ["Loja do João — ação"]);

    first.child.kill("SIGKILL");
    await first.exited;

    const second = ponte(["start"], env);
    await waitFor(
      "ready after kill -9",
      async () => ((await readyStatus(port)) === 200 ? true : undefined),
      30_000,
    );
    const rows = await sql<{ name: string }>(
      await embeddedUrl(dataDir),
      "select name from organizations order by id",
    );
    assert.deepEqual(
      rows.map((r) => r.name),
      ["Padrão", "Loja do João — ação"],
    );

    // The CLI joins the running embedded server and leaves it running.
    const migrated = await run(["migrate"], env);
    assert.equal(migrated.code, 0, migrated.output);
    assert.match(migrated.output, /up to date/);
    assert.equal(await readyStatus(port), 200);

    second.child.kill("SIGTERM");
    assert.equal(await second.exited, 0, second.output());
    await assert.rejects(
      fs.stat(path.join(dataDir, "pg", "postmaster.pid")),
      "the embedded server stopped with the last process",
    );
    console.log(`# ponte start on an empty data directory: ready in ${readyMs} ms`);
  });
});
