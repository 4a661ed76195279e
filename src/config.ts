// The only reader of process.env. Every variable is validated here, typed, and documented
// (with its default) in the README's Configuration table; keep the two in step. Each platform module
// reads its own PONTE_<ID>_* variables through here (its `app.read`).
import path from "node:path";
import { PonteError } from "./errors.ts";
import { parseTrustProxy, type TrustProxy } from "./net/trusted-proxies.ts";
import type { ApiOverride } from "./platforms/api-base.ts";
import { platformModules } from "./platforms/registry.ts";

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  /** Unset means: run the embedded PostgreSQL server under `dataDir/pg`. */
  readonly databaseUrl: string | undefined;
  /** 32 bytes, base64; unset means: read or generate `dataDir/secret.key`. */
  readonly secretKey: string | undefined;
  readonly logLevel: LogLevel;
  readonly logPretty: boolean;
  /** Interactive jobs (webhooks, retries, pushes, e-mails) run at once by a worker process. */
  readonly workerConcurrency: number;
  /** Bulk jobs (imports, status refreshes, re-decisions) run at once by a worker process, besides. */
  readonly workerBulkConcurrency: number;
  /** Of those bulk slots, the most one organisation holds (jobs/fairness.ts). */
  readonly workerBulkPerOrg: number;
  readonly demo: boolean;
  /** Where `ponte backup` and the scheduled backups write (PONTE_BACKUP_DIR; default dataDir/backups). */
  readonly backupDir: string;
  /** Hours between scheduled backups of the embedded database; 0: none (PONTE_BACKUP_INTERVAL_HOURS). */
  readonly backupIntervalHours: number;
  /** How many scheduled backups are kept (PONTE_BACKUP_KEEP). */
  readonly backupKeep: number;
  /** Each platform's app, as its module reads its PONTE_<ID>_* variables (module.ts `app`). */
  readonly platformApps: Readonly<Record<string, unknown>>;
  /**
   * PONTE_ALLOW_API_OVERRIDE: whether a store's token may go to an API base other than its
   * platform's (a simulator, a test bench): off (default), loopback addresses only, or any host.
   */
  readonly apiOverride: ApiOverride;
  /** The address browsers use to reach Ponte (behind a proxy that rewrites Host); CSRF checks accept it. */
  readonly publicUrl: string | undefined;
  /** Which proxies in front are believed about X-Forwarded-Proto/-For/-Host: none, N hops, or their addresses. */
  readonly trustProxy: TrustProxy;
  /** smtp:// or smtps:// (credentials in the URL); unset: customer e-mails stay in the local outbox. */
  readonly smtpUrl: string | undefined;
  /** The From of customer e-mails: an address, or "Name <address>". */
  readonly mailFrom: string;
  /** Development only: push URLs may be http:// and reach loopback addresses (see docs/PUSH.md). */
  readonly allowHttpLoopback: boolean;
  /** Sends of one push before it is marked failed (Falhas, Reenviar). */
  readonly pushMaxAttempts: number;
  /** First wait between push attempts; it doubles each time (with jitter), up to 20 minutes. */
  readonly pushBackoffMs: number;
  /** Tries of one import job before the queue gives up on it (Falhas › Tarefas, Reprocessar). */
  readonly importMaxAttempts: number;
  /**
   * Days a store's data is kept after the platform asks for it to be removed (a store redact,
   * PONTE_STORE_REDACT_AFTER_DAYS; fractions allowed); fiscal records stay regardless.
   */
  readonly storeRedactAfterDays: number;
  /** A request's headers and body must arrive within this, else 408 and the connection closes. */
  readonly requestTimeoutMs: number;
  /** A connection with no bytes either way for this long is closed (a client that stops reading). */
  readonly idleTimeoutMs: number;
  /** How long a connection waits for its next request after an answer. */
  readonly keepAliveTimeoutMs: number;
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS: readonly LogLevel[] = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new PonteError("config_invalid", `${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function decimal(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new PonteError("config_invalid", `${name} must be a number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === "") return fallback;
  if (["1", "true", "yes", "on"].includes(raw)) return true;
  if (["0", "false", "no", "off"].includes(raw)) return false;
  throw new PonteError("config_invalid", `${name} must be 1 or 0, got "${env[name]}"`);
}

function databaseUrl(env: Env): string | undefined {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new PonteError(
      "config_invalid",
      "DATABASE_URL is not a valid URL (expected postgres://user:pass@host:port/db)",
    );
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new PonteError("config_invalid", `DATABASE_URL must start with postgres://, got ${url.protocol}//`);
  }
  return raw;
}

function publicUrl(env: Env): string | undefined {
  const raw = env.PONTE_PUBLIC_URL?.trim();
  if (!raw) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new PonteError("config_invalid", `PONTE_PUBLIC_URL must be an http(s) URL, got "${raw}"`);
  }
  return url.origin;
}

function apiOverride(env: Env): ApiOverride {
  const raw = env.PONTE_ALLOW_API_OVERRIDE?.trim().toLowerCase();
  if (!raw || ["0", "off", "false", "no"].includes(raw)) return "off";
  if (raw === "loopback" || raw === "any") return raw;
  throw new PonteError(
    "config_invalid",
    `PONTE_ALLOW_API_OVERRIDE must be off, loopback or any, got "${env.PONTE_ALLOW_API_OVERRIDE}"`,
  );
}

/** Each registered platform reads its own variables; a bad value stops the start like any other. */
function platformApps(env: Env, override: ApiOverride): Record<string, unknown> {
  const apps: Record<string, unknown> = {};
  for (const module of platformModules()) {
    try {
      apps[module.id] = module.app.read(env, override);
    } catch (error) {
      throw new PonteError("config_invalid", error instanceof Error ? error.message : String(error));
    }
  }
  return apps;
}

function smtpUrl(env: Env): string | undefined {
  const raw = env.PONTE_SMTP_URL?.trim();
  if (!raw) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  // The URL carries the SMTP password: never echo it back.
  if (!url || (url.protocol !== "smtp:" && url.protocol !== "smtps:") || !url.hostname) {
    throw new PonteError(
      "config_invalid",
      "PONTE_SMTP_URL must be smtp://[user:pass@]host[:port] or smtps://…",
    );
  }
  return raw;
}

function mailFrom(env: Env): string {
  const raw = env.PONTE_MAIL_FROM?.trim() || "ponte@localhost";
  // An address alone, or "Display name <address>".
  if (!/^(?:[^<>\r\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/.test(raw)) {
    throw new PonteError(
      "config_invalid",
      `PONTE_MAIL_FROM must be an e-mail address or "Name <address>", got "${raw}"`,
    );
  }
  return raw;
}

export function loadConfig(env: Env = process.env): Config {
  const logLevel = (env.LOG_LEVEL ?? "info") as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new PonteError("config_invalid", `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}`);
  }
  const override = apiOverride(env);
  return Object.freeze({
    host: env.HOST?.trim() || "127.0.0.1",
    port: integer(env, "PORT", 3000, 0, 65535),
    dataDir: path.resolve(env.PONTE_DATA_DIR?.trim() || "data"),
    databaseUrl: databaseUrl(env),
    secretKey: env.PONTE_SECRET_KEY?.trim() || undefined,
    logLevel,
    logPretty: env.LOG_FORMAT ? env.LOG_FORMAT === "pretty" : Boolean(process.stdout.isTTY),
    workerConcurrency: integer(env, "PONTE_WORKER_CONCURRENCY", 8, 1, 256),
    workerBulkConcurrency: integer(env, "PONTE_WORKER_BULK_CONCURRENCY", 2, 1, 64),
    workerBulkPerOrg: integer(env, "PONTE_WORKER_BULK_PER_ORG", 1, 1, 64),
    demo: flag(env, "PONTE_DEMO", true),
    backupDir: path.resolve(
      env.PONTE_BACKUP_DIR?.trim() || path.join(env.PONTE_DATA_DIR?.trim() || "data", "backups"),
    ),
    backupIntervalHours: integer(env, "PONTE_BACKUP_INTERVAL_HOURS", 0, 0, 24 * 30),
    backupKeep: integer(env, "PONTE_BACKUP_KEEP", 7, 1, 1000),
    platformApps: platformApps(env, override),
    apiOverride: override,
    publicUrl: publicUrl(env),
    trustProxy: parseTrustProxy(env.PONTE_TRUST_PROXY),
    smtpUrl: smtpUrl(env),
    mailFrom: mailFrom(env),
    allowHttpLoopback: flag(env, "PONTE_ALLOW_HTTP_LOOPBACK", false),
    pushMaxAttempts: integer(env, "PONTE_PUSH_MAX_ATTEMPTS", 10, 1, 100),
    pushBackoffMs: integer(env, "PONTE_PUSH_BACKOFF_MS", 10_000, 1, 3_600_000),
    importMaxAttempts: integer(env, "PONTE_IMPORT_MAX_ATTEMPTS", 25, 1, 100),
    storeRedactAfterDays: decimal(env, "PONTE_STORE_REDACT_AFTER_DAYS", 30, 0, 3650),
    requestTimeoutMs: integer(env, "PONTE_REQUEST_TIMEOUT_MS", 30_000, 100, 600_000),
    idleTimeoutMs: integer(env, "PONTE_IDLE_TIMEOUT_MS", 30_000, 100, 600_000),
    keepAliveTimeoutMs: integer(env, "PONTE_KEEP_ALIVE_TIMEOUT_MS", 10_000, 100, 600_000),
  });
}
