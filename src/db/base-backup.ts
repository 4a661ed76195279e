// `ponte backup` of the embedded database: a base backup taken while Ponte runs. PostgreSQL is
// told a backup starts (pg_backup_start), the cluster's files are copied as they are, and when
// it is told the backup ended (pg_backup_stop) the WAL written meanwhile is copied too — a
// temporary replication slot keeps it from being recycled — with the backup_label it returns.
// Started from the copy, PostgreSQL replays that WAL and reaches the state of the moment the
// backup ended: consistent, whatever was being written during the copy. The data directory's
// secret key and database credentials go along: without them the copy opens nothing.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { Logger } from "../logger.ts";
import { startEmbedded } from "./embedded.ts";

/** What a backup folder holds besides the cluster (`pg/`). */
export const BACKUP_MANIFEST = "ponte-backup.json";
/** Files of the data directory a restored Ponte needs next to the cluster. */
export const DATA_DIR_FILES = ["embedded-postgres.json", "secret.key"];

/** Cluster paths never copied: the server's runtime state, rebuilt at start (PostgreSQL's own list). */
const SKIPPED = new Set([
  "postmaster.pid",
  "postmaster.opts",
  "server.log",
  "backup_label",
  "tablespace_map",
  "pg_wal",
  "pg_replslot",
  "pg_stat_tmp",
  "pg_dynshmem",
  "pg_notify",
  "pg_serial",
  "pg_snapshots",
  "pg_subtrans",
]);

export interface BackupResult {
  path: string;
  bytes: number;
  startLsn: string;
  stopLsn: string;
}

/** Copies a tree; files that vanish while it is read (temporary files, dropped tables) are skipped. */
async function copyTree(from: string, to: string, skip: (rel: string) => boolean, rel = ""): Promise<number> {
  await fs.mkdir(path.join(to, rel), { recursive: true, mode: 0o700 });
  let bytes = 0;
  let entries: import("node:fs").Dirent[];
  try {
    entries = await fs.readdir(path.join(from, rel), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
  for (const entry of entries) {
    const child = path.join(rel, entry.name);
    if (skip(child)) {
      if (entry.isDirectory()) await fs.mkdir(path.join(to, child), { recursive: true, mode: 0o700 });
      continue;
    }
    if (entry.isDirectory()) bytes += await copyTree(from, to, skip, child);
    else if (entry.isFile()) {
      try {
        await fs.copyFile(path.join(from, child), path.join(to, child));
        bytes += (await fs.stat(path.join(to, child))).size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    }
  }
  return bytes;
}

const stamp = (date: Date) => date.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);

/**
 * Takes a base backup of the embedded database of `dataDir` into a new folder under `targetDir`
 * (ponte-YYYYMMDD-HHMMSS), written as `.partial` and renamed when complete.
 */
export async function backupEmbedded(
  dataDir: string,
  targetDir: string,
  logger: Logger,
): Promise<BackupResult> {
  const pgDir = path.join(dataDir, "pg");
  const now = new Date();
  const finalPath = path.join(targetDir, `ponte-${stamp(now)}`);
  const partial = `${finalPath}.partial`;
  await fs.mkdir(targetDir, { recursive: true, mode: 0o700 });
  await fs.rm(partial, { recursive: true, force: true });
  const server = await startEmbedded(dataDir, logger);
  const client = new pg.Client({
    connectionString: server.connectionString,
    application_name: "ponte-backup",
  });
  try {
    await client.connect();
    // Holds the WAL from here on until this session ends (temporary slot).
    const slot = `ponte_backup_${crypto.randomBytes(4).toString("hex")}`;
    await client.query("select pg_create_physical_replication_slot($1, true, true)", [slot]);
    const start = await client.query<{ lsn: string }>("select pg_backup_start($1, true)::text as lsn", [
      `ponte ${now.toISOString()}`,
    ]);
    let bytes = await copyTree(
      pgDir,
      path.join(partial, "pg"),
      (rel) => SKIPPED.has(rel.split(path.sep)[0]!) && !rel.includes(path.sep),
    );
    const stop = await client.query<{ lsn: string; labelfile: string; spcmapfile: string }>(
      "select lsn::text, labelfile, spcmapfile from pg_backup_stop(false)",
    );
    const { lsn: stopLsn, labelfile, spcmapfile } = stop.rows[0]!;
    // The WAL from the backup's start to its end (the slot kept it; stop switched segments).
    bytes += await copyTree(
      path.join(pgDir, "pg_wal"),
      path.join(partial, "pg", "pg_wal"),
      (rel) => rel === "archive_status",
    );
    await fs.writeFile(path.join(partial, "pg", "backup_label"), labelfile, { mode: 0o600 });
    if (spcmapfile)
      await fs.writeFile(path.join(partial, "pg", "tablespace_map"), spcmapfile, { mode: 0o600 });
    for (const name of DATA_DIR_FILES) {
      await fs
        .copyFile(path.join(dataDir, name), path.join(partial, name))
        .catch((error: NodeJS.ErrnoException) => {
          if (error.code !== "ENOENT") throw error;
        });
    }
    const result = { path: finalPath, bytes, startLsn: start.rows[0]!.lsn, stopLsn };
    await fs.writeFile(
      path.join(partial, BACKUP_MANIFEST),
      `${JSON.stringify({ createdAt: now.toISOString(), startLsn: result.startLsn, stopLsn, bytes }, null, 2)}\n`,
      { mode: 0o600 },
    );
    await fs.rename(partial, finalPath);
    logger.info({ path: finalPath, bytes, stopLsn }, "base backup of the embedded database written");
    return result;
  } catch (error) {
    await fs.rm(partial, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
    await server.release();
  }
}

/** The backups under `targetDir`, newest first (completed ones only). */
export async function listBackups(targetDir: string): Promise<string[]> {
  const names = await fs.readdir(targetDir).catch(() => [] as string[]);
  return names
    .filter((n) => /^ponte-\d{8}-\d{6}$/.test(n))
    .sort()
    .reverse()
    .map((n) => path.join(targetDir, n));
}

/** Keeps the `keep` newest backups under `targetDir`; returns the ones removed. */
export async function pruneBackups(targetDir: string, keep: number): Promise<string[]> {
  const old = (await listBackups(targetDir)).slice(Math.max(1, keep));
  for (const dir of old) await fs.rm(dir, { recursive: true, force: true });
  return old;
}
