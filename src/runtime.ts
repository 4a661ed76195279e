// Boots the parts of Ponte a command asks for (API, worker, scheduler) on one database,
// and shuts them down in order on SIGTERM/SIGINT: stop taking requests, let running jobs
// finish, close the database, stop the embedded server if nobody else uses it.
import type { FastifyInstance } from "fastify";
import { hasUsers } from "./auth/users.ts";
import type { Config } from "./config.ts";
import { createContext } from "./context.ts";
import { resolveSecretKey } from "./crypto/secret-key.ts";
import { startBackupSchedule } from "./db/backup-schedule.ts";
import { type Database, openDatabase } from "./db/connect.ts";
import { migrate } from "./db/migrate.ts";
import { startDemo } from "./demo.ts";
import { buildApp } from "./http/app.ts";
import { startScheduler } from "./jobs/scheduler.ts";
import { buildTaskList } from "./jobs/tasks.ts";
import { startWorker, type WorkerHandle } from "./jobs/worker.ts";
import type { Logger } from "./logger.ts";
import { VERSION } from "./version.ts";

export interface Parts {
  api: boolean;
  worker: boolean;
}

export interface Running {
  database: Database;
  app?: FastifyInstance;
  url?: string;
  stop(): Promise<void>;
}

export async function boot(config: Config, logger: Logger, parts: Parts): Promise<Running> {
  const started = Date.now();
  const secretKey = await resolveSecretKey(config, logger);
  const database = await openDatabase(config, logger, {
    poolSize: Math.max(10, config.workerConcurrency + config.workerBulkConcurrency + 4),
    applicationName: `ponte-${parts.api ? "api" : ""}${parts.worker ? "worker" : ""}`,
  });
  let worker: WorkerHandle | undefined;
  let app: FastifyInstance | undefined;
  let scheduler: { stop(): void } | undefined;
  let demo: { close(): Promise<void> } | undefined;
  let backups: { stop(): Promise<void> } | undefined;
  try {
    await migrate(database.db, logger);
    const ctx = createContext(config, database.db, logger, secretKey);
    if (config.apiOverride !== "off") {
      logger.warn(
        { apiOverride: config.apiOverride },
        `PONTE_ALLOW_API_OVERRIDE=${config.apiOverride}: stores may send their tokens to an API address other than their platform's (${
          config.apiOverride === "loopback" ? "any address on this machine" : "any host"
        }); for simulators and tests only`,
      );
    }
    if (parts.worker) {
      worker = await startWorker({
        db: database.db,
        logger,
        tasks: buildTaskList(ctx),
        concurrency: config.workerConcurrency,
        bulkConcurrency: config.workerBulkConcurrency,
        bulkPerOrg: config.workerBulkPerOrg,
        processName: `${process.pid}`,
      });
      scheduler = startScheduler(database.db, logger, { importMaxAttempts: config.importMaxAttempts });
      if (database.embedded && config.backupIntervalHours > 0) {
        backups = startBackupSchedule(
          {
            dataDir: config.dataDir,
            backupDir: config.backupDir,
            intervalHours: config.backupIntervalHours,
            keep: config.backupKeep,
          },
          logger,
        );
      }
    }
    let url: string | undefined;
    if (parts.api) {
      app = await buildApp({
        ctx,
        version: VERSION,
        auth: { trustProxy: config.trustProxy, publicUrl: config.publicUrl },
      });
      url = await app.listen({ host: config.host, port: config.port });
      // The demo belongs to the all-in-one process only: separate API processes must not each start one.
      if (config.demo && parts.worker) demo = await startDemo(ctx, url);
    }
    logger.info(
      { url, parts, embeddedDatabase: database.embedded, startupMs: Date.now() - started },
      url ? `Ponte listening on ${url}` : "Ponte worker running",
    );
    if (url && !(await hasUsers(database.db))) {
      // The first-run screen answers only requests from this machine.
      const local = url.replace(/\/\/(0\.0\.0\.0|\[::\])/, "//localhost");
      logger.info(
        `No user yet: open ${local} in a browser on this machine to create the first one, or run \`ponte user create --email you@example.com\``,
      );
    }
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        await app?.close();
        scheduler?.stop();
        // A backup under way finishes before the database it copies is released.
        await backups?.stop();
        await worker?.stop();
        await demo?.close();
        await database.close();
      })();
      return stopping;
    };
    return { database, app, url, stop };
  } catch (error) {
    await app?.close().catch(() => undefined);
    scheduler?.stop();
    await backups?.stop().catch(() => undefined);
    await worker?.stop().catch(() => undefined);
    await demo?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
}

/** Stops `running` on the first SIGTERM/SIGINT; a second signal exits at once. */
export function stopOnSignals(running: Running, logger: Logger): void {
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      logger.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    signalled = true;
    logger.info({ signal }, "shutting down: finishing running jobs");
    running.stop().then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
