// Stores (canais): connecting one, reading it back without its secrets, and opening a
// connector on it. Credentials go in sealed (crypto/credentials.ts) and never come out
// through the API or the logs.

import { type AppContext, platformApp } from "../context.ts";
import {
  credentialsContext,
  decryptCredentials,
  encryptCredentials,
  KEY_VERSION,
} from "../crypto/credentials.ts";
import type { Queryable } from "../db/db.ts";
import { PonteError } from "../errors.ts";
import { refusingConnector, storedApiBase } from "../platforms/api-base.ts";
import type { ConnectorDeps, PlatformId, StoreConnector } from "../platforms/connector.ts";
import { fieldProblem, fieldsProblems, pickFields } from "../platforms/fields.ts";
import type { PlatformModule } from "../platforms/module.ts";
import { platformApiBase, platformModule } from "../platforms/registry.ts";
import { cancelStoreRemoval } from "../privacy/requests.ts";
import { lockImportSwitch, resumeStoreWork } from "../sync/import-switch.ts";
import { storeApiBaseRefused } from "./api-base-policy.ts";
import { storeElsewhere, storeExists } from "./connect-refusals.ts";
import { insertDefaultMaps } from "./default-maps.ts";
import { contactRecorder } from "./platform-contact.ts";
import { queueWebhookRegistration } from "./webhook-target.ts";

export type ConnectionState = "ok" | "invalid_credentials" | "suspended" | "uninstalled" | "disconnected";

/** What the last webhook registration found (null: not yet). */
export type WebhooksState = "registered" | "not_configured" | "failed" | "removed";

export interface Store {
  id: number;
  orgId: number;
  platform: PlatformId;
  name: string;
  externalId: string;
  apiBaseUrl: string;
  importEnabled: boolean;
  importIntervalMinutes: number;
  importCursor: string | null;
  lastImportAt: string | null;
  lastWebhookAt: string | null;
  connectionState: ConnectionState;
  connectionMessage: string | null;
  settings: Record<string, unknown>;
  webhooks: {
    state: WebhooksState | null;
    url: string | null;
    events: string[];
    /** pt-BR, set when the registration (or the removal) failed. */
    message: string | null;
    checkedAt: string | null;
  };
  createdAt: string;
}

interface StoreRow {
  id: number;
  org_id: number;
  platform: PlatformId;
  name: string;
  external_id: string;
  api_base_url: string | null;
  import_enabled: boolean;
  import_interval_minutes: number;
  import_cursor: Date | null;
  last_import_at: Date | null;
  last_webhook_at: Date | null;
  connection_state: ConnectionState;
  connection_message: string | null;
  settings: Record<string, unknown>;
  webhooks_state: WebhooksState | null;
  webhooks_url: string | null;
  webhooks_events: string[];
  webhooks_message: string | null;
  webhooks_checked_at: Date | null;
  created_at: Date;
  credentials: Buffer | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toStore(row: StoreRow): Store {
  return {
    id: row.id,
    orgId: row.org_id,
    platform: row.platform,
    name: row.name,
    externalId: row.external_id,
    apiBaseUrl: row.api_base_url ?? platformApiBase(row.platform, row.external_id),
    importEnabled: row.import_enabled,
    importIntervalMinutes: row.import_interval_minutes,
    importCursor: iso(row.import_cursor),
    lastImportAt: iso(row.last_import_at),
    lastWebhookAt: iso(row.last_webhook_at),
    connectionState: row.connection_state,
    connectionMessage: row.connection_message,
    settings: row.settings,
    webhooks: {
      state: row.webhooks_state,
      url: row.webhooks_url,
      events: row.webhooks_events,
      message: row.webhooks_message,
      checkedAt: iso(row.webhooks_checked_at),
    },
    createdAt: row.created_at.toISOString(),
  };
}

/** Who e-mails the customer about status changes (R6.3): Ponte, or the platform through its notify flags. */
export type CustomerEmailSender = "ponte" | "platform";

/** The store's `customerEmails` setting; Ponte unless the store says the platform. Never both. */
export function customerEmailsBy(settings: Record<string, unknown>): CustomerEmailSender {
  return settings.customerEmails === "platform" ? "platform" : "ponte";
}

/**
 * How a connection treats a platform store Ponte already has: `new` refuses it (409: connecting
 * by token never takes an existing store over), `reconnect` needs it (404 otherwise) and replaces
 * its token, `install` takes either (the OAuth install: a first install or a reinstall).
 */
export type ConnectMode = "new" | "reconnect" | "install";

export interface ConnectStoreInput {
  platform: PlatformId;
  name: string;
  externalId: string;
  /** The platform module's credentials fields (checked against its schema, then sealed). */
  credentials: Record<string, unknown>;
  /** null: the platform's own; undefined: the platform's own for a new store, unchanged on a reconnect. */
  apiBaseUrl?: string | null;
  settings?: Record<string, unknown>;
  /** Default `new`. */
  mode?: ConnectMode;
}

/**
 * The store id and credentials checked against the module's schemas (400 with a pt-BR reason
 * naming each field as the connect form does), then only the declared fields, trimmed.
 */
function checkedCredentials(module: PlatformModule, input: ConnectStoreInput): Record<string, string> {
  const problems = fieldsProblems(module.credentials, input.credentials);
  const idProblem = fieldProblem(module.storeId.schema, input.externalId);
  if (idProblem) problems.externalId = `${idProblem} ${module.storeId.hint}`;
  const fields = Object.keys(problems);
  if (fields.length > 0) {
    throw new PonteError("validation_failed", `invalid ${fields.join(", ")} for a ${module.id} store`, {
      details: {
        reason: Object.values(problems).join(" "),
        fields: fields.map((f) => ({
          path: f === "externalId" ? "/externalId" : `/credentials/${f}`,
          message: problems[f],
        })),
      },
    });
  }
  return pickFields(module.credentials, input.credentials);
}

/**
 * Creates the store (`new`, `install`), or replaces the token of the same platform store
 * (`reconnect`, `install`: a new token, an OAuth reinstall, a disconnected or uninstalled store
 * coming back: its import is turned on again and what waited goes). The store's webhook
 * registration is queued in the same transaction.
 */
export async function connectStore(
  ctx: AppContext,
  tx: Queryable,
  input: ConnectStoreInput,
  orgId: number,
): Promise<Store> {
  const mode = input.mode ?? "new";
  const module = platformModule(input.platform);
  const sealed = encryptCredentials(
    ctx.secretKey,
    credentialsContext(orgId, input.platform, input.externalId),
    checkedCredentials(module, input),
  );
  const existing = await findStoreByExternalId(tx, input.platform, input.externalId);
  // Another organisation's store (found when row-level security does not hide it), whatever the
  // way in: its credentials are sealed for its own organisation, and an install finished in
  // another one must neither show it nor renew it from there.
  if (existing && existing.orgId !== orgId) throw storeElsewhere(input, module.label);
  if (existing && mode === "new") throw storeExists(existing, input, module.label);
  if (!existing && mode === "reconnect") {
    throw new PonteError("not_found", `no ${input.platform} store ${input.externalId} to reconnect`, {
      details: {
        reason: `Não há loja ${input.externalId} da ${module.label} para reconectar: conecte-a como loja nova.`,
      },
    });
  }
  // Coming back (disconnected, or the app uninstalled and installed again) turns the import on;
  // the switch is taken like the panel takes it, so what waited while it was off goes now.
  const wasOn = existing ? await lockImportSwitch(tx, existing.id) : null;
  const upsert = tx.query<StoreRow & { inserted: boolean }>(
    `insert into stores (org_id, platform, name, external_id, api_base_url, credentials, credentials_key_version, settings,
                         next_import_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, now())
     on conflict (platform, external_id) where external_id is not null do update
       set credentials = excluded.credentials, credentials_key_version = excluded.credentials_key_version,
           api_base_url = case when $9 then excluded.api_base_url else stores.api_base_url end,
           connection_state = 'ok', connection_message = null, removed_at = null,
           import_enabled = stores.import_enabled or stores.connection_state in ('disconnected', 'uninstalled'),
           next_import_at = now(), updated_at = now()
       where $10
     returning *, (xmax = 0) as inserted`,
    [
      orgId,
      input.platform,
      input.name,
      input.externalId,
      storedApiBase(platformApiBase(input.platform, input.externalId), input.apiBaseUrl ?? null),
      sealed,
      KEY_VERSION,
      JSON.stringify(input.settings ?? {}),
      input.apiBaseUrl !== undefined,
      mode !== "new",
    ],
  );
  // 42501: the platform store is another organisation's, which row-level security refuses to touch.
  const { rows } = await upsert.catch((error: { code?: string }) => {
    throw error.code === "42501" ? storeElsewhere(input, module.label) : error;
  });
  const row = rows[0];
  if (!row) {
    // Created by a concurrent connection between the check and the insert, or another
    // organisation's (row-level security hides it from this one).
    const raced = await findStoreByExternalId(tx, input.platform, input.externalId);
    throw raced ? storeExists(raced, input, module.label) : storeElsewhere(input, module.label);
  }
  if (row.inserted) await insertDefaultMaps(tx, row.id, row.org_id, module.defaults);
  // Installed again before its data was removed: the removal the platform asked for is off.
  else await cancelStoreRemoval(tx, row.id);
  if (wasOn === false && row.import_enabled) await resumeStoreWork(tx, row.id, ctx.importMaxAttempts);
  return queueWebhookRegistration(ctx, tx, toStore(row));
}

export async function getStore(db: Queryable, id: number): Promise<Store> {
  const { rows } = await db.query<StoreRow>("select * from stores where id = $1", [id]);
  if (!rows[0]) throw new PonteError("not_found", `store ${id} not found`);
  return toStore(rows[0]);
}

export async function findStoreByExternalId(
  db: Queryable,
  platform: string,
  externalId: string,
): Promise<Store | null> {
  const { rows } = await db.query<StoreRow>("select * from stores where platform = $1 and external_id = $2", [
    platform,
    externalId,
  ]);
  return rows[0] ? toStore(rows[0]) : null;
}

/** The organisation's stores; every organisation's without one (Ponte's own work: the demo). */
export async function listStores(db: Queryable, orgId?: number): Promise<Store[]> {
  const { rows } = await db.query<StoreRow>(
    "select * from stores where $1::bigint is null or org_id = $1 order by id",
    [orgId ?? null],
  );
  return rows.map(toStore);
}

export interface StorePatch {
  name?: string;
  importEnabled?: boolean;
  importIntervalMinutes?: number;
  apiBaseUrl?: string | null;
  settings?: Record<string, unknown>;
}

export async function updateStore(db: Queryable, id: number, patch: StorePatch): Promise<Store> {
  const { rows } = await db.query<StoreRow>(
    `update stores set
       name = coalesce($2, name),
       import_enabled = coalesce($3, import_enabled),
       import_interval_minutes = coalesce($4, import_interval_minutes),
       api_base_url = case when $5::boolean then $6 else api_base_url end,
       settings = settings || coalesce($7::jsonb, '{}'),
       next_import_at = case when $4 is not null then least(next_import_at, now() + make_interval(mins => $4)) else next_import_at end,
       updated_at = now()
     where id = $1 returning *`,
    [
      id,
      patch.name ?? null,
      patch.importEnabled ?? null,
      patch.importIntervalMinutes ?? null,
      patch.apiBaseUrl !== undefined,
      patch.apiBaseUrl ?? null,
      patch.settings ? JSON.stringify(patch.settings) : null,
    ],
  );
  if (!rows[0]) throw new PonteError("not_found", `store ${id} not found`);
  return toStore(rows[0]);
}

/**
 * Records what the platform said about our access. Returns true only when the state
 * changed, so callers log it once instead of on every refused call.
 */
export async function setConnectionState(
  db: Queryable,
  id: number,
  state: ConnectionState,
  message: string | null,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `update stores set connection_state = $2, connection_message = $3, updated_at = now()
      where id = $1 and connection_state is distinct from $2`,
    [id, state, message],
  );
  return rowCount > 0;
}

export interface OpenedStore {
  store: Store;
  connector: StoreConnector;
  /** Where an interrupted import resumes (see sync/import-orders.ts). */
  importProgress: unknown;
}

/**
 * The store, a connector on it with its decrypted token, and its import progress: one read. The
 * connector records each request's outcome as the store's last contact (Visão geral); `deadline`
 * bounds every request and wait (a panel action, see stores/panel-platform.ts).
 */
export async function openStore(
  ctx: AppContext,
  id: number,
  retry?: ConnectorDeps["retry"],
  deadline?: number,
): Promise<OpenedStore> {
  const { rows } = await ctx.db.query<StoreRow & { import_progress: unknown }>(
    "select * from stores where id = $1",
    [id],
  );
  const row = rows[0];
  if (!row) throw new PonteError("not_found", `store ${id} not found`);
  if (!row.credentials) throw new PonteError("conflict", `store ${id} has no credentials`);
  const store = toStore(row);
  // The token goes only to the platform's API, or to an address PONTE_ALLOW_API_OVERRIDE allows.
  const refused = storeApiBaseRefused(ctx, store);
  if (refused) {
    return {
      store,
      connector: refusingConnector(store.platform, refused),
      importProgress: row.import_progress,
    };
  }
  const credentials = decryptCredentials(
    ctx.secretKey,
    credentialsContext(store.orgId, store.platform, store.externalId),
    row.credentials,
  );
  const connector = platformModule(store.platform).connect(
    {
      storeExternalId: store.externalId,
      apiBaseUrl: store.apiBaseUrl,
      credentials,
      settings: store.settings,
    },
    {
      logger: ctx.logger.child({ store: store.id }),
      userAgent: ctx.userAgent,
      retry,
      deadline,
      webhookSecret: platformApp(ctx, store.platform).webhookSecret,
      onContact: contactRecorder(ctx.db, store.id),
    },
  );
  return { store, connector, importProgress: row.import_progress };
}
