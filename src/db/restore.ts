// `ponte restore`: a base backup (base-backup.ts) becomes the embedded database of a data
// directory. Ponte must be stopped there. Whatever the directory held is moved aside, never
// deleted (`pg.before-restore-<time>`); the copy's files are handed to the user the server runs
// as; at its first start PostgreSQL replays the backup's WAL and opens consistent.
import fs from "node:fs/promises";
import path from "node:path";
import { PonteError } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { BACKUP_MANIFEST, DATA_DIR_FILES } from "./base-backup.ts";
import { runAsIds, startEmbedded } from "./embedded.ts";
import { isProcessAlive } from "./file-lock.ts";

async function chownTree(dir: string, uid: number, gid: number): Promise<void> {
  await fs.chown(dir, uid, gid);
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) await chownTree(child, uid, gid);
    else await fs.chown(child, uid, gid);
  }
}

/** True when a server runs on the cluster (postmaster.pid names a live process). */
async function serverRunning(pgDir: string): Promise<boolean> {
  const text = await fs.readFile(path.join(pgDir, "postmaster.pid"), "utf8").catch(() => null);
  const pid = text ? Number(text.split("\n")[0]) : Number.NaN;
  return Number.isInteger(pid) && isProcessAlive(pid);
}

export interface RestoreResult {
  /** Where the data directory's previous cluster went; null when there was none. */
  movedAside: string | null;
  createdAt: string;
}

/** Restores `backupDir` as the embedded database of `dataDir`, then starts it once to check it opens. */
export async function restoreEmbedded(
  backupDir: string,
  dataDir: string,
  logger: Logger,
): Promise<RestoreResult> {
  const manifest = await fs
    .readFile(path.join(backupDir, BACKUP_MANIFEST), "utf8")
    .then((text) => JSON.parse(text) as { createdAt: string })
    .catch(() => {
      throw new PonteError("config_invalid", `${backupDir} is not a Ponte backup (no ${BACKUP_MANIFEST})`);
    });
  const pgDir = path.join(dataDir, "pg");
  if (await serverRunning(pgDir))
    throw new PonteError(
      "config_invalid",
      `a database server is running on ${pgDir}: stop Ponte before restoring`,
    );
  await fs.mkdir(dataDir, { recursive: true });
  let movedAside: string | null = null;
  if (
    await fs.stat(pgDir).then(
      () => true,
      () => false,
    )
  ) {
    movedAside = `${pgDir}.before-restore-${Date.now()}`;
    await fs.rename(pgDir, movedAside);
    for (const name of DATA_DIR_FILES) {
      await fs.copyFile(path.join(dataDir, name), `${movedAside}.${name}`).catch(() => undefined);
    }
  }
  await fs.cp(path.join(backupDir, "pg"), pgDir, { recursive: true });
  await fs.chmod(pgDir, 0o700);
  for (const name of DATA_DIR_FILES) {
    await fs
      .copyFile(path.join(backupDir, name), path.join(dataDir, name))
      .catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error;
      });
  }
  const ids = await runAsIds(logger);
  if (ids.uid !== undefined) await chownTree(pgDir, ids.uid, ids.gid ?? ids.uid);
  // The first start replays the WAL up to the backup's end; then the cluster is ours again.
  const server = await startEmbedded(dataDir, logger);
  await server.release();
  logger.info({ backupDir, dataDir, movedAside }, "embedded database restored from a base backup");
  return { movedAside, createdAt: manifest.createdAt };
}
