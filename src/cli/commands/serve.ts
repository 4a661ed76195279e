// `ponte start`, `ponte api`, `ponte worker`: the long-running processes.
import { boot, type Parts, stopOnSignals } from "../../runtime.ts";
import type { Command } from "../command.ts";
import { cliContext } from "../context.ts";

function serve(name: string, parts: Parts, summary: string, help: string): Command {
  return {
    name,
    summary,
    help,
    async run() {
      const { config, logger } = cliContext();
      const running = await boot(config, logger, parts);
      stopOnSignals(running, logger);
      await new Promise(() => undefined); // runs until a signal
    },
  };
}

const env = `Environment: PORT (3000), HOST (127.0.0.1), PONTE_DATA_DIR (./data), DATABASE_URL (unset: embedded
PostgreSQL in PONTE_DATA_DIR/pg), PONTE_WORKER_CONCURRENCY (8). See the README for all of them.`;

export const start = serve(
  "start",
  { api: true, worker: true },
  "run the API, the worker and the scheduler in one process",
  `ponte start\n\nMigrates the database, then serves the API and panel and runs the jobs.\n\n${env}`,
);
export const api = serve(
  "api",
  { api: true, worker: false },
  "run only the HTTP API (any number, on a shared PostgreSQL)",
  `ponte api\n\nServes the API and panel without running jobs.\n\n${env}`,
);
export const worker = serve(
  "worker",
  { api: false, worker: true },
  "run only the job worker and the scheduler (any number, on a shared PostgreSQL)",
  `ponte worker\n\nRuns jobs without serving HTTP.\n\n${env}`,
);
