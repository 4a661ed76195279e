// What the HTTP routes and the jobs share: the database, the logger and the secrets.
import crypto from "node:crypto";
import type { Config } from "./config.ts";
import type { Db } from "./db/db.ts";
import { type HttpTimeouts, httpTimeouts } from "./http/server-limits.ts";
import type { Logger } from "./logger.ts";
import { httpsOrigin } from "./net/https-origin.ts";
import type { ApiOverride } from "./platforms/api-base.ts";
import { platformModule, platformModules } from "./platforms/registry.ts";
import { type PushSettings, pushSettings } from "./push/settings.ts";
import { VERSION } from "./version.ts";

export interface AppContext {
  db: Db;
  logger: Logger;
  /** Encrypts store credentials. */
  secretKey: Buffer;
  /** Each registered platform's app (OAuth install) and the key its webhooks are signed with. */
  platforms: Readonly<Record<string, PlatformApp>>;
  /**
   * PONTE_ALLOW_API_OVERRIDE: may a store's token go to an API base other than its platform's
   * (platforms/api-base.ts)? Off by default.
   */
  apiOverride: ApiOverride;
  userAgent: string;
  /** Customer e-mails (R6.3): PONTE_SMTP_URL (unset: the local outbox only) and PONTE_MAIL_FROM. */
  mail: { smtpUrl: string | undefined; from: string };
  /** Status pushes to the stores (R8): retries and the URL policy of the XML and webhook channels. */
  push: PushSettings;
  /**
   * How long a panel action waits for a store's platform (Atualizar, Testar conexão, Importar
   * agora's check) before it answers 503 with the reason; tests shorten it.
   */
  platformDeadlineMs: number;
  /** PONTE_IMPORT_MAX_ATTEMPTS: tries of one import job before the queue gives up on it. */
  importMaxAttempts: number;
  /** PONTE_STORE_REDACT_AFTER_DAYS: how long a store's data waits after its store redact (LGPD). */
  storeRedactAfterDays: number;
  /** PONTE_PUBLIC_URL's origin: where platforms reach Ponte (webhook registration needs https). */
  publicUrl: string | undefined;
  /** PONTE_REQUEST_TIMEOUT_MS, PONTE_IDLE_TIMEOUT_MS, PONTE_KEEP_ALIVE_TIMEOUT_MS: what a slow client gets. */
  http: HttpTimeouts;
}

export interface PlatformApp {
  /** What the module's `app.read` returned: opaque here, handed back to the module. */
  config: unknown;
  webhookSecret: string;
  /** The server has what the platform's install needs (the app's id and secret; an https public URL). */
  installAvailable: boolean;
}

/** The platform's app; throws 400 for a platform that is not registered. */
export function platformApp(ctx: AppContext, id: string): PlatformApp {
  const app = ctx.platforms[platformModule(id).id];
  // A module registered after the context was made (tests: register first).
  if (!app) throw new Error(`platform ${id} was registered after the context was created`);
  return app;
}

function platformAppsOf(config: Config, secretKey: Buffer): Record<string, PlatformApp> {
  const apps: Record<string, PlatformApp> = {};
  for (const module of platformModules()) {
    const app = config.platformApps[module.id];
    apps[module.id] = {
      config: app,
      // Without an app of its own (demo, private-app tokens) Ponte derives a stable secret
      // from its key, so the demo simulator can sign webhooks that verify.
      webhookSecret:
        module.webhook.secret(app) ??
        crypto.createHmac("sha256", secretKey).update(`${module.id}-app-secret`).digest("hex"),
      // An install that starts from the store's site needs Ponte's https address for the way back.
      installAvailable: Boolean(
        module.install?.available(app) &&
          (!module.install.startsFromStore || httpsOrigin(config.publicUrl) !== null),
      ),
    };
  }
  return apps;
}

/** The panel's wait for a platform: with the database work around it, an answer within 10 s. */
export const PLATFORM_DEADLINE_MS = 8_000;

export function createContext(config: Config, db: Db, logger: Logger, secretKey: Buffer): AppContext {
  return {
    db,
    logger,
    secretKey,
    platforms: platformAppsOf(config, secretKey),
    apiOverride: config.apiOverride,
    mail: { smtpUrl: config.smtpUrl, from: config.mailFrom },
    push: pushSettings(config),
    platformDeadlineMs: PLATFORM_DEADLINE_MS,
    importMaxAttempts: config.importMaxAttempts,
    storeRedactAfterDays: config.storeRedactAfterDays,
    publicUrl: config.publicUrl,
    http: httpTimeouts(config),
    userAgent: `Ponte/${VERSION} (https://github.com/ponte-hub/ponte; ponte@example.org)`,
  };
}
