import { openDatabase } from "../../db/connect.ts";
import { migrate as applyMigrations } from "../../db/migrate.ts";
import type { Command } from "../command.ts";
import { cliContext } from "../context.ts";

export const migrate: Command = {
  name: "migrate",
  summary: "apply the database migrations and exit",
  help: "ponte migrate\n\nApplies pending migrations (safe while other Ponte processes run or migrate).",
  async run() {
    const { config, logger } = cliContext({ quiet: true });
    const database = await openDatabase(config, logger, { poolSize: 2, applicationName: "ponte-cli" });
    try {
      const result = await applyMigrations(database.db, logger);
      console.log(
        result.applied.length === 0
          ? `database is up to date (${result.current} migrations)`
          : `applied ${result.applied.length} migration(s): ${result.applied.join(", ")}`,
      );
    } finally {
      await database.close();
    }
  },
};
