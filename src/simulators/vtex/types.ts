// The VTEX simulator's public types, kept apart from index.ts so every module can import them
// without a cycle through the entry point.

export type Json = Record<string, unknown>;

/** A VTEX order as the Get order endpoint returns it (OpenAPI "Get order" example shape). */
export interface VtexOrder extends Json {
  orderId: string;
  sequence: string;
  status: string;
  statusDescription: string;
  value: number;
  creationDate: string;
  lastChange: string;
  totals: { id: string; name: string; value: number }[];
  items: Json[];
  clientProfileData: Json;
  shippingData: Json;
  paymentData: Json;
  packageAttachment: { packages: Json[] };
}

/** Switches of the hook emitter (deliveries go to the configured hook url, through `hosts`). */
export interface HookOptions {
  /** Delay before the first attempt of each notice. */
  delayMs?: number;
  /** 0..1 chance a notice is lost (never sent). */
  dropRate?: number;
  /** 0..1 chance a notice is sent `duplicates` times. */
  duplicateRate?: number;
  /** How many copies a duplicated notice is sent as (default 2). */
  duplicates?: number;
  /** Send notices of a short window newest first. */
  reorder?: boolean;
  /** Retry schedule speed-up (default 1; 1000 turns 1 min into 60 ms). */
  timeScale?: number;
  /** Per-attempt timeout (default 5000 ms, the hook guide's limit); not scaled. */
  timeoutMs?: number;
  /**
   * Notices carry the configured headers (default), each header's value altered ("tampered"), or
   * none of them ("missing"): how a receiver's check of its own secret header is tested.
   */
  headers?: "configured" | "tampered" | "missing";
}

import type { ScriptedFault } from "../shared/fault-script.ts";

export type { ScriptedFault };

export interface SimulatorOptions {
  /** 0/undefined = a free port on 127.0.0.1. */
  port?: number;
  /** The VTEX account name (default "lojasimulada"). */
  account?: string;
  appKey?: string;
  appToken?: string;
  /** Orders seeded at start (default 50). */
  orders?: number;
  seed?: number;
  /** Instant the seeded orders are spread back from (30 days); default the start of the UTC day. */
  seedTime?: string | number;
  /** Keep placing new orders at this rate (default 0 = off). */
  ratePerMinute?: number;
  /** How long a new or changed order takes to show in List orders (the search index lag; default 0). */
  listLagMs?: number;
  /** Rate limits on (default true); false for benchmarks. */
  rateLimit?: boolean;
  /** Get order calls allowed per minute for the account (default 6000, OpenAPI "Get order"). */
  getOrderPerMinute?: number;
  /** Retry-After seconds sent with 429 (default 60) [U]. */
  retryAfterSeconds?: number;
  /** 0..1 chance a request gets a random 500/502/503/504. */
  faultRate?: number;
  /** 0..1 chance a 200 answer is cut short (bad JSON). */
  badJsonRate?: number;
  faultScript?: ScriptedFault[] | null;
  /** Added latency per API request. */
  latencyMs?: number;
  /** The app token was revoked: every API call answers 401. */
  unauthorized?: boolean;
  /** The account is blocked: every API call answers 402 [U]. */
  suspended?: boolean;
  /** Hook emitter switches; null turns them off. */
  hook?: HookOptions | null;
  /** Public https origin → loopback origin; the simulator does no DNS. */
  hosts?: Record<string, string> | null;
  /** Key /__control and /__log require in X-Simulator-Key (default random). */
  controlKey?: string;
}

export interface RequestLogEntry {
  at: string;
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  /** Headers of interest: the VTEX auth pair, content-type, accept, user-agent. */
  headers: Record<string, string>;
}

export interface SentNotice {
  orderId: string;
  state: string;
  url: string;
  attempt: number;
  /** HTTP status, or null for a timeout, a refused connection or a dropped notice. */
  status: number | null;
  at: string;
  dropped?: boolean;
  /** The ping sent when the hook config was saved. */
  ping?: boolean;
}

export interface VtexSimulator {
  /** Loopback origin, e.g. "http://127.0.0.1:40123"; stands for https://{account}.vtexcommercestable.com.br. */
  url: string;
  account: string;
  appKey: string;
  appToken: string;
  controlKey: string;
  setOptions(patch: Partial<SimulatorOptions>): void;
  /** Places a new order (as a shopper would), in payment-pending unless overrides say otherwise. */
  createOrder(overrides?: Json): VtexOrder;
  /** Moves an order to a status as the store would (payment approved, canceled by the shopper…). */
  setStatus(orderId: string, status: string): VtexOrder;
  getOrder(orderId: string): VtexOrder | undefined;
  listOrders(): VtexOrder[];
  /** Moves the simulator clock forward (window-to-cancel, feed timeouts, hook idle time). */
  advanceTime(ms: number): void;
  now(): number;
  requestLog(): RequestLogEntry[];
  clearLog(): void;
  sentNotices(): SentNotice[];
  faultsRemaining(): number;
  close(): Promise<void>;
}
