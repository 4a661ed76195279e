// The platform port, module side: everything platform-specific a platform declares, read by the
// engine only through the registry (registry.ts). A platform is one folder exporting one
// PlatformModule; docs/ARCHITECTURE.md ("Platforms") says how the engine uses each member.
import type { MappingDefaults } from "../domain/mapping-defaults.ts";
import type { CanonicalOrder } from "../domain/order.ts";
import type { ApiOverride } from "./api-base.ts";
import type {
  Capabilities,
  ConnectorDeps,
  Headers,
  PlatformId,
  StoreAccess,
  StoreConnector,
  WebhookNotice,
} from "./connector.ts";
import type { FieldsSchema, StoreIdSpec } from "./fields.ts";

export type Env = Record<string, string | undefined>;

/** A value of the platform's status vocabulary, with its pt-BR label (DE-PARA suggestions). */
export interface StatusValue {
  value: string;
  label: string;
}

/**
 * A column the store's status table shows and keeps per row beside the platform values, for a
 * platform that needs codes of its own per status (e.g. an id the platform's consultants give at
 * set-up). `label` is pt-BR.
 */
export interface StatusColumn {
  key: string;
  label: string;
  maxLength: number;
}

/** What an install hands over: the store as the platform knows it and its credentials. */
export interface InstalledStore {
  externalId: string;
  name: string;
  credentials: Record<string, unknown>;
  /** Where the store's API is (null: the platform's own). */
  apiBaseUrl: string | null;
}

/**
 * The platform (or the store owner) refused the install — a bad or expired code, access denied:
 * answered 400, nothing connected. `reason` is pt-BR, for the panel.
 */
export class InstallRefusedError extends Error {
  constructor(
    message: string,
    readonly reason?: string,
  ) {
    super(message);
  }
}

/** Where an install sends the store owner, and where the platform answers. */
export interface InstallStart {
  /** Ponte's callback: the platform sends the owner's browser back here (the state must come back too). */
  returnUrl: string;
  /** Ponte's key delivery address, for a platform that POSTs the credentials itself (`readDelivery`). */
  deliveryUrl: string;
  /** The store the merchant named before going there (`startsFromStore`); null otherwise. */
  store: InstallStoreAddress | null;
}

/** A store as the merchant named it: its id and, only where the server allows it, another API base. */
export interface InstallStoreAddress {
  externalId: string;
  /** null: the platform's own for that store (apiBaseUrlFor). */
  apiBaseUrl: string | null;
}

/** What the callback brings back, with what the install started with and what was delivered. */
export interface InstallCallback {
  /** An OAuth code; absent for a key handover. */
  code?: string;
  query: Record<string, string | undefined>;
  store: InstallStoreAddress | null;
  /** The credentials the platform delivered to `deliveryUrl` for this install; null when none came. */
  delivered: Record<string, unknown> | null;
}

/** The OAuth (or key handover) install of Ponte's app on a store. App is the module's `app` config. */
export interface PlatformInstall<App> {
  /** True when the server has what the install needs (the app's id and secret). */
  available(app: App): boolean;
  /** The PONTE_<ID>_* variables it needs, named when it is not available (409 oauth_not_configured). */
  settings: string[];
  /**
   * True when the authorize page is on the store's own site (a self-hosted store): the merchant
   * names the store (its id, the `storeId` field) before the install starts.
   */
  startsFromStore?: boolean;
  /** Where the store owner authorizes the app; `state` must come back to the callback. */
  authorizeUrl(app: App, state: string, start: InstallStart): string;
  /**
   * A key handover: the platform POSTs the credentials to `deliveryUrl` before it sends the owner
   * back. Reads that body: the state it carries and the credentials (the module's credential
   * fields), or null when it is not one (answered 400: the platform then drops the keys).
   */
  readDelivery?(body: unknown): { state: string; credentials: Record<string, unknown> } | null;
  /** The store the callback connects: exchanges a code, or checks what was delivered. */
  exchange(
    app: App,
    callback: InstallCallback,
    deps: { userAgent: string; fetch?: typeof fetch },
  ): Promise<InstalledStore>;
}

export interface PlatformWebhook<App> {
  /** The key that signs the app's notices; undefined when the server has no app of its own. */
  secret(app: App): string | undefined;
  /** Constant-time check of the signature over the raw bytes, before anything is parsed. */
  verify(rawBody: Buffer, headers: Headers, secret: string): boolean;
  /**
   * The notice in the body, with the delivery's headers for a platform that says there what the
   * body does not (e.g. the site a delivery comes from, its delivery id) — the webhook
   * route always passes them; throws WebhookPayloadError when it cannot be read.
   */
  parse(rawBody: Buffer, headers?: Headers): WebhookNotice;
}

export interface PlatformModule<App = unknown> {
  id: PlatformId;
  /** Name shown to people. */
  label: string;
  capabilities: Capabilities;
  /** The platform's API: the only host a store's credentials go to (api-base.ts). */
  defaultApiBaseUrl: string;
  /**
   * The store's API origin when it depends on the store's id (e.g. an account name in the host);
   * absent when every store uses `defaultApiBaseUrl`.
   */
  apiBaseUrlFor?(storeExternalId: string): string;
  /** What the merchant types to connect by hand, sealed as one opaque object. */
  credentials: FieldsSchema;
  /** The store's id on the platform. */
  storeId: StoreIdSpec;
  /** The server-wide app: reads its PONTE_<ID>_* variables (throws on a bad value, at start). */
  app: { read(env: Env, apiOverride: ApiOverride): App };
  install?: PlatformInstall<App>;
  webhook: PlatformWebhook<App>;
  /** The order's id and number in a raw payload; null when it has no id. */
  identify(raw: unknown): { externalId: string; number: string | null } | null;
  /** The canonical order; throws MappingError when the payload cannot be read. */
  normalize(raw: unknown): CanonicalOrder;
  /** The DE-PARA and push tables a store starts with. */
  defaults: MappingDefaults;
  /** The platform's status vocabulary (the values its status table reads). */
  statusValues: StatusValue[];
  /** Extra columns of its status table; none for most platforms. */
  statusColumns?: StatusColumn[];
  /**
   * pt-BR, for the store's e-mail choice: what the platform e-mails the customer on its own, which
   * Ponte cannot switch off whatever the choice; absent when the choice is the whole story.
   */
  customerEmailNote?: string;
  connect(access: StoreAccess, deps: ConnectorDeps): StoreConnector;
}
