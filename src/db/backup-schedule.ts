// Scheduled backups of the embedded database (PONTE_BACKUP_INTERVAL_HOURS, PONTE_BACKUP_KEEP): the
// process that runs the worker takes one when the newest backup in PONTE_BACKUP_DIR is older than
// the interval — so a restart neither skips one nor takes an extra — and keeps the newest N.
import fs from "node:fs/promises";
import path from "node:path";
import type { Logger } from "../logger.ts";
import { BACKUP_MANIFEST, backupEmbedded, listBackups, pruneBackups } from "./base-backup.ts";

export interface BackupSchedule {
  dataDir: string;
  backupDir: string;
  intervalHours: number;
  keep: number;
}

/** When the newest completed backup was taken; null when there is none. */
async function newestBackupAt(backupDir: string): Promise<number | null> {
  const [newest] = await listBackups(backupDir);
  if (!newest) return null;
  const manifest = await fs.readFile(path.join(newest, BACKUP_MANIFEST), "utf8").catch(() => null);
  const at = manifest
    ? Date.parse((JSON.parse(manifest) as { createdAt?: string }).createdAt ?? "")
    : Number.NaN;
  return Number.isFinite(at) ? at : null;
}

/** Starts the schedule; `stop()` cancels the next run and waits for a backup under way to finish. */
export function startBackupSchedule(schedule: BackupSchedule, logger: Logger): { stop(): Promise<void> } {
  const intervalMs = schedule.intervalHours * 3_600_000;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let inFlight: Promise<void> | null = null;
  const plan = async () => {
    if (stopped) return;
    const last = await newestBackupAt(schedule.backupDir);
    const wait = last === null ? 0 : Math.max(0, last + intervalMs - Date.now());
    timer = setTimeout(start, Math.min(wait, 2 ** 31 - 1));
    timer.unref();
  };
  const start = () => {
    if (stopped) return;
    inFlight = run().finally(() => {
      inFlight = null;
    });
  };
  const run = async () => {
    try {
      await backupEmbedded(schedule.dataDir, schedule.backupDir, logger);
      const removed = await pruneBackups(schedule.backupDir, schedule.keep);
      if (removed.length > 0) logger.info({ removed }, "old backups removed (PONTE_BACKUP_KEEP)");
    } catch (error) {
      // Tried again in an hour rather than a whole interval later.
      logger.error(
        { err: error },
        "scheduled backup of the embedded database failed; trying again in an hour",
      );
      timer = setTimeout(start, 3_600_000);
      timer.unref();
      return;
    }
    await plan();
  };
  void plan().catch((error) => logger.error({ err: error }, "could not plan the scheduled backups"));
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}
