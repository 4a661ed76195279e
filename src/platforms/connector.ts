// The platform port: what every store platform (Nuvemshop, WooCommerce, Shopify, VTEX)
// provides to the sync engine. A new platform is a folder implementing PlatformModule and
// one line in registry.ts.
import type { Logger } from "../logger.ts";
import type { PlatformErrorKind } from "./platform-errors.ts";

export type PlatformId = "nuvemshop" | "woocommerce" | "shopify" | "vtex";

export interface Capabilities {
  /** Pushes signed notifications we verify and turn into sync work. */
  webhooks: boolean;
  /** Offers a feed/queue the ERP must read and acknowledge (VTEX). */
  feed: boolean;
  pushTracking: boolean;
  pushInvoice: boolean;
  pack: boolean;
  cancel: boolean;
  close: boolean;
  /** Can mark an order paid: a payment confirmed by hand in the ERP (bank deposit) shown on the store. */
  markPaid: boolean;
}

export interface Address {
  name: string | null;
  street: string | null;
  number: string | null;
  complement: string | null;
  neighborhood: string | null;
  city: string | null;
  state: string | null;
  zipcode: string | null;
  country: string | null;
  phone: string | null;
}

export interface OrderItem {
  sku: string | null;
  name: string;
  productId: string | null;
  variantId: string | null;
  variant: string | null;
  quantity: number;
  unitPriceCents: number;
  totalCents: number;
}

/** A value the platform sent that Ponte does not know: stored and flagged, never defaulted. */
export interface Flag {
  field: string;
  value: string;
  message: string;
}

/** Ponte's canonical reading of a store order, the same shape for every platform. */
export interface CanonicalOrder {
  platform: PlatformId;
  externalId: string;
  number: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  currency: string;
  status: {
    /** The key the store's status table (DE-PARA) reads, e.g. "paid", "cancelled". */
    key: string;
    fields: Record<string, string | null>;
    cancelled: boolean;
    paid: boolean;
  };
  customer: {
    externalId: string | null;
    name: string | null;
    email: string | null;
    phone: string | null;
    /** Normalized (no punctuation, upper-case), kept even when invalid so it can be shown. */
    document: string | null;
    documentKind: "cpf" | "cnpj" | null;
    /** Why the document cannot link a customer (missing, bad_check_digits…), null when valid. */
    documentProblem: string | null;
  };
  billingAddress: Address;
  shippingAddress: Address | null;
  items: OrderItem[];
  totals: { subtotalCents: number; discountCents: number; shippingCents: number; totalCents: number };
  payment: { gateway: string | null; method: string | null; installments: number; paidAt: string | null };
  shipping: {
    carrier: string | null;
    option: string | null;
    code: string | null;
    pickup: boolean;
    trackingNumber: string | null;
    trackingUrl: string | null;
  };
  notes: { buyer: string | null; merchant: string | null };
  flags: Flag[];
}

/** Thrown by normalize() when a payload cannot be read at all; lists every problem. */
export class MappingError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`order payload cannot be read: ${problems.join("; ")}`);
    this.name = "MappingError";
    this.problems = problems;
  }
}

export interface WebhookNotice {
  event: string;
  /** The platform's store id the notice is about. */
  storeExternalId: string;
  /** Set for order events. */
  externalOrderId: string | null;
  kind: "order" | "app" | "privacy" | "other";
  /** Key under which pending work for this notice is coalesced. */
  dedupeKey: string;
}

export type Headers = Record<string, string | string[] | undefined>;

/** Resumable position in "orders changed since": opaque to the engine, stored as JSON. */
export interface ListCursor {
  updatedAtMin: string | null;
  page?: number;
  nextUrl?: string | null;
}

export interface OrderPage {
  orders: unknown[];
  /** Where the next page starts; null when this was the last page. */
  next: ListCursor | null;
  total: number | null;
}

export type PushAction =
  | { kind: "pay" }
  | { kind: "pack" }
  | { kind: "fulfill"; trackingNumber: string | null; trackingUrl: string | null; notifyCustomer: boolean }
  | { kind: "cancel"; reason: "customer" | "inventory" | "fraud" | "other"; email: boolean; restock: boolean }
  | { kind: "close" }
  | { kind: "open" }
  | { kind: "invoice"; accessKey: string; link: string | null };

export type PushResult =
  | { ok: true; alreadyApplied: boolean; order: unknown }
  | { ok: false; retryable: boolean; status: number | null; message: string };

/** One entry of a platform's integration feed: an order to sync, and the handle to acknowledge it by. */
export interface FeedItem {
  externalId: string;
  handle: string;
}

/**
 * A feed/queue the platform keeps until the ERP acknowledges each entry (VTEX's order feed).
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
  /** False when the platform left the buyer out (a missing scope, e.g. Nuvemshop read_customers). */
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
}

/** What one registration run changed on the platform's subscription list. */
export interface WebhookSyncSummary {
  created: number;
  updated: number;
  deleted: number;
  kept: number;
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
  listOrdersChangedSince(cursor: ListCursor): Promise<OrderPage>;
  /** The order as the platform has it now; null when it does not exist. */
  getOrder(externalId: string): Promise<unknown | null>;
  push(externalId: string, action: PushAction): Promise<PushResult>;
}

export interface StoreAccess {
  storeExternalId: string;
  apiBaseUrl: string;
  accessToken: string;
  /** ×10 rate limits for Nuvemshop Next/Evolution plans. */
  planMultiplier?: number;
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
  /** Told how each request went, answered or not; must not throw. */
  onContact?: (contact: PlatformContact) => Promise<void> | void;
}

export interface PlatformModule {
  id: PlatformId;
  /** Name shown to people. */
  label: string;
  capabilities: Capabilities;
  defaultApiBaseUrl: string;
  normalize(raw: unknown): CanonicalOrder;
  /** Constant-time check of the signature over the raw bytes, before anything is parsed. */
  verifyWebhook(rawBody: Buffer, headers: Headers, secret: string): boolean;
  parseWebhook(rawBody: Buffer): WebhookNotice;
  connect(access: StoreAccess, deps: ConnectorDeps): StoreConnector;
}
