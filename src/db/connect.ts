// Opens the database Ponte runs on: the server named by DATABASE_URL, or the embedded one.
import type { Config } from "../config.ts";
import { oneLine, PonteError } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { createDb, type Db } from "./db.ts";
import { startEmbedded } from "./embedded.ts";

export interface Database {
  db: Db;
  connectionString: string;
  embedded: boolean;
  close(): Promise<void>;
}

const MIN_SERVER_VERSION = 150000;

export async function openDatabase(
  config: Pick<Config, "databaseUrl" | "dataDir">,
  logger: Logger,
  options: { poolSize?: number; applicationName?: string } = {},
): Promise<Database> {
  const embedded = config.databaseUrl ? undefined : await startEmbedded(config.dataDir, logger);
  const connectionString = config.databaseUrl ?? embedded!.connectionString;
  const db = createDb({
    connectionString,
    logger,
    max: options.poolSize,
    applicationName: options.applicationName,
  });
  try {
    const { rows } = await db.query<{ v: number }>("select current_setting('server_version_num')::int as v");
    const version = rows[0]?.v ?? 0;
    if (version < MIN_SERVER_VERSION) {
      throw new PonteError(
        "database_unreachable",
        `PostgreSQL ${Math.floor(version / 10000)} is too old: Ponte needs 15 or later`,
      );
    }
  } catch (error) {
    await db.close().catch(() => undefined);
    await embedded?.release().catch(() => undefined);
    if (error instanceof PonteError && error.code === "database_unreachable") throw error;
    const where = config.databaseUrl ? redactUrl(config.databaseUrl) : "the embedded server";
    throw new PonteError("database_unreachable", `cannot connect to ${where}: ${oneLine(error)}`, {
      cause: error,
    });
  }
  return {
    db,
    connectionString,
    embedded: embedded !== undefined,
    async close() {
      await db.close().catch(() => undefined);
      await embedded?.release();
    },
  };
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "DATABASE_URL";
  }
}
