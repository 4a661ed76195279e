// The simulator's public types. Kept apart from index.ts so every module can import them
// without a cycle through the entry point.

export type Json = Record<string, unknown>;

/** A Nuvemshop order as stored: the canonical JSON the API returns (before scope and `fields`). */
export interface Order extends Json {
  id: number;
  number: number;
  store_id: number;
  created_at: string;
  updated_at: string;
  status: string;
  payment_status: string;
  shipping_status: string;
  next_action: string;
  shipping_pickup_type: string;
  products: Json[];
}

/**
 * Fault switches of the webhook emitter. Deliveries themselves go to the subscriptions registered
 * with POST /webhooks, reached through the `hosts` option.
 */
export interface WebhookOptions {
  /** Delay before the first delivery. */
  delayMs?: number;
  /** 0..1 chance a delivery is sent twice. */
  duplicateRate?: number;
  /** 0..1 chance a delivery is dropped entirely (lost). */
  dropRate?: number;
  /** Send deliveries of a short window in reverse order (e.g. order/paid before order/created). */
  reorder?: boolean;
  signature?: "valid" | "invalid" | "missing";
  /** Retry schedule speed-up factor (default 1; 1000 makes 5 min = 300 ms). */
  timeScale?: number;
  /** Per-attempt timeout (default 3000 ms, as Nuvemshop's 2025-03 docs say); not scaled. */
  timeoutMs?: number;
}

import type { ScriptedFault } from "../shared/fault-script.ts";

export type { ScriptedFault };

export interface SimulatorOptions {
  /** 0/undefined = random free port on 127.0.0.1. */
  port?: number;
  storeId?: number;
  accessToken?: string;
  clientId?: string;
  /** App secret: OAuth and the webhook HMAC key. */
  clientSecret?: string;
  /** Orders seeded at start (default 50). */
  orders?: number;
  /** PRNG seed for deterministic data (default 1). */
  seed?: number;
  /**
   * Instant the seeded orders are spread back from (30 days). Default: the start of the current UTC
   * day, so simulators with the same seed started on the same day hold identical orders.
   */
  seedTime?: string | number;
  /** Keep creating new orders at this rate (default 0 = off). */
  ratePerMinute?: number;
  /** Leaky bucket on (default true); false = unlimited (for benchmarks). */
  rateLimit?: boolean;
  /** Next/Evolution plans: bucket and drain ×10. */
  planMultiplier?: 1 | 10;
  /** 0..1 probability a request gets a random 500/502/503/504 (default 0). */
  faultRate?: number;
  /** Scripted fault window, used before faultRate (see fault-script.ts); null or [] turns it off. */
  faultScript?: ScriptedFault[] | null;
  /** Added latency per API request. */
  latencyMs?: number;
  /** Scope read_customers: without it orders carry no `customer` object (default true). */
  readCustomers?: boolean;
  /** Reading past the last page (default "404"). */
  pastLastPage?: "empty" | "404";
  /** Enforce page*per_page <= 10000 (default false). */
  pageCap?: boolean;
  /** The app's redirect URL (as registered with Nuvemshop), for GET /apps/{id}/authorize without redirect_uri. */
  oauthRedirectUrl?: string;
  /** Webhook fault switches; null in setOptions turns them all off (deliveries go on). */
  webhook?: WebhookOptions | null;
  /**
   * The simulator's view of the internet: it never looks names up. A registered webhook URL is
   * reached only when its origin is mapped here to a loopback origin, like a hosts file plus a
   * TLS-terminating tunnel, e.g. {"https://ponte.test": "http://127.0.0.1:43210"}. An unmapped
   * origin is unreachable: the attempt fails at once and follows the retry schedule.
   */
  hosts?: Record<string, string> | null;
  /**
   * The key the control endpoints (/__control, /__log) require in the X-Simulator-Key header:
   * they show the signing secret, the token and every request. Default: random, fixed at start.
   */
  controlKey?: string;
}

export interface RequestLogEntry {
  at: string;
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  headers: Record<string, string>;
}

export interface SentWebhook {
  event: string;
  id: number | string;
  /** The registered URL the delivery was for. */
  url: string;
  attempt: number;
  /** HTTP status, or null for a timeout, a network error or a dropped delivery. */
  status: number | null;
  at: string;
  /** Present (true) when the delivery was deliberately lost (dropRate). */
  dropped?: boolean;
}

/** One push-back call Ponte made (close/open/pack/fulfill/cancel/put), with its body. */
export interface ActionRecord {
  at: string;
  orderId: number;
  action: string;
  body: Json;
}

export interface NuvemshopSimulator {
  /** e.g. "http://127.0.0.1:40123" (no trailing slash). */
  url: string;
  /** `${url}/v1`: requests go to `${apiBase}/${storeId}/orders`. */
  apiBase: string;
  storeId: number;
  accessToken: string;
  clientId: string;
  clientSecret: string;
  /** What /__control and /__log require in X-Simulator-Key. */
  controlKey: string;
  setOptions(patch: Partial<SimulatorOptions>): void;
  createOrder(overrides?: Record<string, unknown>): Record<string, unknown>;
  updateOrder(id: number, patch: Record<string, unknown>): Record<string, unknown>;
  /** Deletes the order as the store's admin would: the API answers 404 for it from now on. */
  deleteOrder(id: number): Record<string, unknown>;
  /** Puts a deleted order back (a platform restore), with a fresh updated_at. */
  restoreOrder(order: Record<string, unknown>): Record<string, unknown>;
  getOrder(id: number): Record<string, unknown> | undefined;
  listOrders(): Record<string, unknown>[];
  suspend(suspended: boolean): void;
  requestLog(): RequestLogEntry[];
  clearLog(): void;
  metafields(): Record<string, unknown>[];
  issueAuthorizationCode(): string;
  sentWebhooks(): SentWebhook[];
  /**
   * Sends an LGPD notice (customers/data_request, customers/redact for the customer with this
   * e-mail, naming their orders; store/redact) to its subscriptions, as the platform does when
   * a customer or the store asks; returns the body sent (for delivering it by hand too).
   */
  privacyNotice(
    event: "customers/data_request" | "customers/redact" | "store/redact",
    email?: string,
  ): string;
  /** Scripted faults not yet used. */
  faultsRemaining(): number;
  /** Push-back calls received (order actions and PUTs), oldest first. */
  actions(): ActionRecord[];
  close(): Promise<void>;
}
