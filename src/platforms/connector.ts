// The platform port, connector side: what a store's connector does for the sync engine (list,
// read, push, probe, register webhooks). The module that opens it is declared in module.ts; a
// new platform is a folder implementing both and one line in registry.ts.
import type { Logger } from "../logger.ts";
import type { PlatformErrorKind } from "./platform-errors.ts";

export type { Address, CanonicalOrder, Flag, OrderItem } from "../domain/order.ts";
export { MappingError } from "../domain/order.ts";
export type { PushAction } from "../domain/push-action.ts";

import type { PushAction } from "../domain/push-action.ts";

/** A platform's id, a key of the registry (registry.ts); stored in stores.platform. */
export type PlatformId = string;

export interface Capabilities {
  /** Pushes signed notifications we verify and turn into sync work. */
  webhooks: boolean;
  /** Offers a feed/queue the ERP must read and acknowledge. */
  feed: boolean;
  pushTracking: boolean;
  /** Can tell the platform the order was delivered (absent: cannot). */
  pushDelivery?: boolean;
  pushInvoice: boolean;
  pack: boolean;
  cancel: boolean;
  close: boolean;
  /** Can mark an order paid: a payment confirmed by hand in the ERP (bank deposit) shown on the store. */
  markPaid: boolean;
}

export interface WebhookNotice {
  event: string;
  /** The platform's store id the notice is about. */
  storeExternalId: string;
  /** Set for order events. */
  externalOrderId: string | null;
  kind: "order" | "app" | "privacy" | "other";
  /** For app notices: what happened to Ponte's app on the store (others are only recorded). */
  lifecycle?: "suspended" | "resumed" | "uninstalled";
  /** Key under which pending work for this notice is coalesced. */
  dedupeKey: string;
  /** For privacy notices: the request, in neutral words (absent for other kinds). */
  privacy?: PrivacyNotice;
}

/** A privacy law request (LGPD) a platform relays: what Ponte must do, and for whom. */
export interface PrivacyNotice {
  /** Export a customer's data, anonymise a customer, or remove a store's data after retention. */
  kind: "data_request" | "customer_redact" | "store_redact";
  /** The customer as the platform identifies it; null for a store request. */
  customer: {
    externalId: string | null;
    email: string | null;
    phone: string | null;
    /** CPF/CNPJ as sent (any punctuation). */
    document: string | null;
  } | null;
  /** The platform's order ids the request names (to export or to redact). */
  externalOrderIds: string[];
  /** The platform's id for the request, when it gives one (shown with it). */
  requestId: string | null;
}

export type Headers = Record<string, string | string[] | undefined>;

/** A webhook body that signed right but cannot be read: answered 400. */
export class WebhookPayloadError extends Error {}

export interface OrderPage {
  orders: unknown[];
  /**
   * Where the next page starts, in the module's own words: the engine stores it as it is and
   * hands it back untouched with the same `since`. Null when this was the last page.
   */
  nextPageToken: string | null;
  total: number | null;
}

export type PushResult =
  | { ok: true; alreadyApplied: boolean; order: unknown }
  | { ok: false; retryable: boolean; status: number | null; message: string };

/** One entry of a platform's integration feed: an order to sync, and the handle to acknowledge it by. */
export interface FeedItem {
  externalId: string;
  handle: string;
}

/**
 * A feed/queue the platform keeps until the ERP acknowledges each entry (an order feed).
 * Entries are acknowledged only after their sync work is committed, so a crash re-reads them.
 */
export interface OrderFeed {
  read(max: number): Promise<FeedItem[]>;
  acknowledge(handles: readonly string[]): Promise<void>;
}

/** A sample order read to prove orders can be read (Lojas, Testar conexão). */
export interface SampleOrder {
  externalId: string;
  number: string | null;
  /** Orders in the store, when the platform says. */
  total: number | null;
  /** False when the platform left the buyer out (a missing scope, e.g. no permission to read customers). */
  customerIncluded: boolean;
}

/**
 * Cheap reads that prove each part of a store's access works (Lojas, "Testar conexão"). They
 * fail fast (few retries, short timeouts): a person is waiting on the answer.
 */
export interface ConnectionProbe {
  /** The store's own record: proves the credentials are accepted. */
  storeInfo(): Promise<{ name: string | null }>;
  /** One order; null when the store has none yet. */
  sampleOrder(): Promise<SampleOrder | null>;
  /**
   * For a platform with a feed: makes sure the feed exists as Ponte needs it (created or repaired,
   * as reading it would) without reading it, so no entry is hidden by the check.
   */
  feed?(): Promise<void>;
  /**
   * For a platform whose keys carry their own read/write permission: what this key may do,
   * learned without changing anything. A key that cannot write imports but fails every push.
   */
  permissions?(): Promise<KeyPermissions>;
}

/** What a store's key may do on the platform (ConnectionProbe.permissions). */
export interface KeyPermissions {
  read: boolean;
  write: boolean;
}

/** What one registration run changed on the platform's subscription list. */
export interface WebhookSyncSummary {
  created: number;
  updated: number;
  deleted: number;
  kept: number;
  /**
   * Of `updated`, those the platform had turned off by itself after failed deliveries and that
   * were turned back on: the changes meanwhile came in no notice, so the import should run now.
   */
  reenabled?: number;
}

/**
 * The store's webhook subscriptions for Ponte's app, where the platform lets an app manage them.
 * A subscription is Ponte's when its URL's path is Ponte's webhook path, whatever the origin (an
 * old public address is still ours); others are left alone.
 */
export interface WebhookSubscriptions {
  /** The events Ponte subscribes to: every order event it handles, the app's lifecycle, privacy. */
  readonly events: readonly string[];
  /**
   * Makes the list match: each event once at `url` (fixing ours that point elsewhere, creating
   * what is missing), and none of ours for other events or twice. Running it again changes nothing.
   */
  register(url: string): Promise<WebhookSyncSummary>;
  /** Removes every subscription of ours (URL path `path`, any origin), when the store disconnects. */
  unregister(path: string): Promise<WebhookSyncSummary>;
}

export interface StoreConnector {
  readonly platform: PlatformId;
  /** Present when capabilities.feed is true. */
  readonly feed?: OrderFeed;
  readonly probe?: ConnectionProbe;
  /** Present when capabilities.webhooks is true and the platform lets an app register them. */
  readonly webhookSubscriptions?: WebhookSubscriptions;
  /**
   * Orders changed at or after `since` (ISO instant; null: every order), one page: the first
   * when `pageToken` is null, else the page a previous answer's `nextPageToken` names.
   */
  listOrdersChangedSince(since: string | null, pageToken: string | null): Promise<OrderPage>;
  /** The order as the platform has it now; null when it does not exist. */
  getOrder(externalId: string): Promise<unknown | null>;
  push(externalId: string, action: PushAction): Promise<PushResult>;
}

export interface StoreAccess {
  storeExternalId: string;
  apiBaseUrl: string;
  /** The store's credentials as sealed at connection (the module's `credentials` fields). */
  credentials: Record<string, unknown>;
  /** The store's settings; the module reads its own with its `settings.parse`. */
  settings?: Record<string, unknown>;
}

/** Problems that need a person, reported once by the caller: the store is marked, import pauses. */
export class PlatformAccessError extends Error {
  readonly state: "invalid_credentials" | "suspended";
  constructor(state: "invalid_credentials" | "suspended", message: string) {
    super(message);
    this.name = "PlatformAccessError";
    this.state = state;
  }
}

/** How one request to the platform went: it answered, or why it did not (Visão geral's last contact). */
export type PlatformContact = { ok: true } | { ok: false; kind: PlatformErrorKind };

export interface ConnectorDeps {
  logger: Logger;
  userAgent: string;
  fetch?: typeof fetch;
  /**
   * How the connector's requests retry 5xx and timeouts by themselves (default: a few times,
   * quickly). Pushes pass maxRetries 0: their job retries, with its own backoff and attempt count.
   */
  retry?: { maxRetries?: number; baseDelayMs?: number; timeoutMs?: number };
  /**
   * Epoch milliseconds by which every request and wait of this connector is over (a person is
   * waiting: the panel's deadline). A request still unanswered then fails as a timeout; a retry,
   * rate-limit wait or backoff that would end past it is not started.
   */
  deadline?: number;
  /**
   * The module's `webhook.secret(app)`, filled by the engine, for platforms whose webhooks carry
   * a secret the connector itself registers (e.g. a header of Ponte's own on the hook).
   */
  webhookSecret?: string;
  /** Told how each request went, answered or not; must not throw. */
  onContact?: (contact: PlatformContact) => Promise<void> | void;
}
