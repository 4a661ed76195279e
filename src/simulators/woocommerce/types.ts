// The WooCommerce simulator's public types, kept apart from index.ts so every module can import them
// without a cycle through the entry point.

export type Json = Record<string, unknown>;

/**
 * How the "Brazilian Market on WooCommerce" plugin shows in orders:
 * - "rest": active; its fields are added to billing/shipping (cpf, cnpj, persontype, number…) and its
 *   meta (_billing_cpf…) is in meta_data (plugin's class-extra-checkout-fields-for-brazil-api.php);
 * - "meta": the meta is there but the REST fields are not (an old or REST-less version, or the
 *   fields kept by another plugin) [U];
 * - "absent": no plugin: no document at all, the house number typed into address_1.
 */
export type PluginMode = "rest" | "meta" | "absent";

/** Key permissions (_authentication.md: Read, Write, Read/Write; wc-auth scope). */
export type KeyPermission = "read" | "write" | "read_write";

export interface ApiKey {
  keyId: number;
  consumerKey: string;
  consumerSecret: string;
  permissions: KeyPermission;
  description: string;
}

/** Switches of the webhook emitter (deliveries go only to registered URLs, through `hosts`). */
export interface WebhookOptions {
  /** Delay before each delivery (Woo sends them from cron / Action Scheduler, not at once). */
  delayMs?: number;
  /** Drop every delivery, as if the site's cron or Action Scheduler stalled. */
  dropAll?: boolean;
  /** 0..1 chance a delivery is dropped. */
  dropRate?: number;
  /** 0..1 chance a delivery is sent twice (same delivery id). */
  duplicateRate?: number;
  /** "bad": a signature made with another secret; "missing": no X-WC-Webhook-Signature. */
  signature?: "good" | "bad" | "missing";
  /** Per-delivery timeout (default 60 000 ms, class-wc-webhook.php: MINUTE_IN_SECONDS). */
  timeoutMs?: number;
}

import type { ScriptedFault as SharedFault } from "../shared/fault-script.ts";

/** One entry of a fault window (shared/fault-script.ts); a 429 may say its Retry-After. */
export interface ScriptedFault extends SharedFault {
  /** 429 only: the Retry-After it carries, in seconds (default 60). */
  retryAfterSeconds?: number;
}

export interface SimulatorOptions {
  /** 0/undefined = a free port on 127.0.0.1. */
  port?: number;
  /** Orders seeded at start (default 50). */
  orders?: number;
  seed?: number;
  /** Instant the seeded orders are spread back from (30 days); default the start of the UTC day. */
  seedTime?: string | number;
  /** Keep placing new orders at this rate (default 0 = off). */
  ratePerMinute?: number;
  /** The first REST key (read_write unless `permissions` says otherwise). */
  consumerKey?: string;
  consumerSecret?: string;
  permissions?: KeyPermission;
  /** The Brazilian Market plugin (default "rest"). */
  plugin?: PluginMode;
  /** The plugin's person_type setting: 1 both (F/J), 2 only F, 3 only J, 0 none (persontype ""). */
  personType?: 0 | 1 | 2 | 3;
  /** Statuses registered by plugins, without "wc-" (default ["aguardando-envio"]). */
  customStatuses?: string[];
  /** The site's UTC offset in minutes (default −180, America/Sao_Paulo). */
  gmtOffsetMinutes?: number;
  /** Versions in User-Agent and the order's `version` (default 9.4.2 / 6.7.1). */
  wcVersion?: string;
  wpVersion?: string;
  /** 0..1 chance a request gets a random 500/502/503/504. */
  faultRate?: number;
  /** 0..1 chance a 200 answer is cut short (bad JSON). */
  badJsonRate?: number;
  faultScript?: ScriptedFault[] | null;
  /** Added latency per API request. */
  latencyMs?: number;
  /** Every key was revoked: every API call answers 401 as for an unknown key. */
  unauthorized?: boolean;
  /** The site is down: every request answers 500 with the host's HTML page. */
  siteDown?: boolean;
  /** The hosting account is suspended: every request answers 503 with an HTML page [U]. */
  suspended?: boolean;
  /** A host-style rate limit (core has none) [U]: 429 with Retry-After past `perMinute` calls. */
  hostRateLimit?: { perMinute: number; retryAfterSeconds?: number } | null;
  /** After each list answer, this many random orders change (rows moving between page reads). */
  churnPerList?: number;
  /** Added to each new date_modified (negative: dates that move backwards). */
  modifiedSkewMs?: number;
  /** Webhook emitter switches; null turns them off. */
  webhooks?: WebhookOptions | null;
  /** What /wc-auth/v1/authorize does: approve (default) or deny. */
  authorize?: "approve" | "deny";
  /** Public https origin → loopback origin; the simulator does no DNS. */
  hosts?: Record<string, string> | null;
  /**
   * The site's public address (home_url) the simulator stands for, as webhook deliveries name it
   * in X-WC-Webhook-Source, e.g. "https://loja.test/"; default its own loopback origin. [U]
   */
  siteUrl?: string;
  /** Key /__control and /__log require in X-Simulator-Key (default random). */
  controlKey?: string;
}

export interface RequestLogEntry {
  at: string;
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  /** Headers of interest: authorization (masked), content-type, accept, user-agent. */
  headers: Record<string, string>;
}

export interface Delivery {
  webhookId: number;
  deliveryId: string;
  topic: string;
  /** Order id, or null for the creation ping. */
  orderId: number | null;
  url: string;
  /** HTTP status, or null for a timeout, a refused connection, no route or a dropped delivery. */
  status: number | null;
  /** The core rule: 2xx, 301 and 302 count as delivered. */
  ok: boolean;
  at: string;
  dropped?: boolean;
  ping?: boolean;
  duplicate?: boolean;
}

export interface WooSimulator {
  /** Loopback origin, e.g. "http://127.0.0.1:40123": the store's site as the client reaches it. */
  url: string;
  /** home_url('/'): `${url}/` (X-WC-Webhook-Source). */
  siteUrl: string;
  /** `${url}/wp-json/wc/v3`. */
  apiBase: string;
  consumerKey: string;
  consumerSecret: string;
  controlKey: string;
  setOptions(patch: Partial<SimulatorOptions>): void;
  /** Adds a REST key (as wp-admin's "Add key" does) and returns it. */
  addKey(permissions: KeyPermission, description?: string): ApiKey;
  keys(): ApiKey[];
  /** Places a new order as a shopper would (fires order.created). */
  createOrder(overrides?: Json): Json;
  /** Changes an order as the merchant would in wp-admin (fires order.updated). */
  updateOrder(id: number, patch: Json): Json;
  getOrder(id: number): Json | undefined;
  listOrders(): Json[];
  advanceTime(ms: number): void;
  now(): number;
  requestLog(): RequestLogEntry[];
  clearLog(): void;
  deliveries(): Delivery[];
  /** Resolves when no webhook delivery is in flight. */
  settled(): Promise<void>;
  faultsRemaining(): number;
  close(): Promise<void>;
}
