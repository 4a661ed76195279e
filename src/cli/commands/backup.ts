// `ponte backup` and `ponte restore`: base backups of the embedded database (db/base-backup.ts,
// db/restore.ts). With DATABASE_URL set the database is the server's to back up (pg_dump,
// pg_basebackup), and these commands say so instead of copying the wrong thing.
import path from "node:path";
import { backupEmbedded, pruneBackups } from "../../db/base-backup.ts";
import { restoreEmbedded } from "../../db/restore.ts";
import { type Command, UsageError } from "../command.ts";
import { cliContext } from "../context.ts";

const EMBEDDED_ONLY =
  "DATABASE_URL is set: the database is that server's to back up (pg_dump or pg_basebackup); ponte backup and restore cover the embedded database";

export const backup: Command = {
  name: "backup",
  summary: "take a consistent backup of the embedded database while Ponte runs",
  help: `ponte backup [--to DIR] [--keep N]

Copies the embedded database (PONTE_DATA_DIR/pg) as a base backup, with the data directory's
secret key and database credentials, into DIR/ponte-YYYYMMDD-HHMMSS (default DIR:
PONTE_BACKUP_DIR, else PONTE_DATA_DIR/backups). Safe while Ponte runs: the copy is consistent to
the moment it ends. --keep N then removes all but the N newest backups in DIR.
The folder holds the secret key: keep it where only Ponte's administrators can read it.`,
  options: { to: { type: "string" }, keep: { type: "string" } },
  async run({ values }) {
    const { config, logger } = cliContext({ quiet: true });
    if (config.databaseUrl) throw new UsageError(`backup: ${EMBEDDED_ONLY}`);
    const keep = values.keep === undefined ? undefined : Number(values.keep);
    if (keep !== undefined && !(Number.isInteger(keep) && keep >= 1))
      throw new UsageError("backup: --keep takes a whole number of backups, 1 or more");
    const target = path.resolve((values.to as string | undefined) ?? config.backupDir);
    const result = await backupEmbedded(config.dataDir, target, logger);
    console.log(
      `backup written: ${result.path} (${(result.bytes / 1_048_576).toFixed(1)} MiB, up to WAL ${result.stopLsn})`,
    );
    if (keep !== undefined) {
      const removed = await pruneBackups(target, keep);
      if (removed.length > 0) console.log(`removed ${removed.length} older backup(s)`);
    }
  },
};

export const restore: Command = {
  name: "restore",
  summary: "make a backup the embedded database of PONTE_DATA_DIR (Ponte stopped)",
  help: `ponte restore BACKUP_DIR

Restores a folder written by \`ponte backup\` as the embedded database of PONTE_DATA_DIR, with its
secret key and credentials. Stop Ponte first. What the data directory held is moved aside
(pg.before-restore-<time>), never deleted. The restored database opens as it was when the backup ended.`,
  async run({ positionals }) {
    const [from] = positionals;
    if (!from || positionals.length > 1) throw new UsageError("restore: give the backup folder (one)");
    const { config, logger } = cliContext({ quiet: true });
    if (config.databaseUrl) throw new UsageError(`restore: ${EMBEDDED_ONLY}`);
    const result = await restoreEmbedded(path.resolve(from), config.dataDir, logger);
    console.log(
      `restored the backup of ${result.createdAt} into ${config.dataDir}${result.movedAside ? ` (the previous database is in ${result.movedAside})` : ""}`,
    );
  },
};
