// For one-shot commands that read or write Ponte's data: open the database as `migrate`
// does (embedded or DATABASE_URL), bring its schema up to date, run, close.
import { openDatabase } from "../../db/connect.ts";
import type { Db } from "../../db/db.ts";
import { migrate } from "../../db/migrate.ts";
import { cliContext } from "../context.ts";

export async function withDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const { config, logger } = cliContext({ quiet: true });
  const database = await openDatabase(config, logger, { poolSize: 2, applicationName: "ponte-cli" });
  try {
    await migrate(database.db, logger);
    return await work(database.db);
  } finally {
    await database.close();
  }
}
