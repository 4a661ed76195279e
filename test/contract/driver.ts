// The one place the contract suite touches a platform module and its connector. The suite and
// the harnesses speak the neutral words below (normalize, verify, list a page from a token…);
// when the module's members are renamed, this file alone follows.
import type {
  CanonicalOrder,
  ConnectorDeps,
  Headers,
  PushAction,
  PushResult,
  StoreAccess,
  StoreConnector,
  WebhookNotice,
  WebhookSyncSummary,
} from "../../src/platforms/connector.ts";
import type { PlatformModule } from "../../src/platforms/module.ts";
import { testLogger } from "../helpers/logger.ts";

export { MappingError, PlatformAccessError } from "../../src/platforms/connector.ts";
export type { CanonicalOrder, Headers, PlatformModule, PushAction, PushResult, StoreAccess, WebhookNotice };

/** What the engine stores between two pages: the module's token, opaque. */
export type PageToken = string;

export interface Page {
  orders: unknown[];
  /** Where the next page starts (stored as JSON by the engine); null after the last page. */
  next: PageToken | null;
  /** Orders in the listing, when the platform says. */
  total: number | null;
}

export type Connector = StoreConnector;

export const USER_AGENT = "PonteContract (dev@example.com)";

export function normalize(module: PlatformModule, raw: unknown): CanonicalOrder {
  return module.normalize(raw);
}

export function verifyWebhook(
  module: PlatformModule,
  raw: Buffer,
  headers: Headers,
  secret: string,
): boolean {
  return module.webhook.verify(raw, headers, secret);
}

export function parseWebhook(module: PlatformModule, raw: Buffer, headers: Headers = {}): WebhookNotice {
  return module.webhook.parse(raw, headers);
}

/**
 * A connector as the engine opens one: the store's access and the app's webhook secret (which a
 * platform that registers its own secret header needs); `retry` as the engine's callers pass it
 * (pushes: none).
 */
export function connect(
  module: PlatformModule,
  store: { access: StoreAccess; webhookSecret: string },
  retry?: ConnectorDeps["retry"],
): Connector {
  return module.connect(store.access, {
    logger: testLogger,
    userAgent: USER_AGENT,
    retry,
    webhookSecret: store.webhookSecret,
  });
}

/** One page of "orders changed since the beginning" (since null), from a token the engine saved (null: the first page). */
export async function listPage(connector: Connector, token: PageToken | null): Promise<Page> {
  const page = await connector.listOrdersChangedSince(null, token);
  return { orders: page.orders, next: page.nextPageToken, total: page.total };
}

export function getOrder(connector: Connector, externalId: string): Promise<unknown | null> {
  return connector.getOrder(externalId);
}

export function push(connector: Connector, externalId: string, action: PushAction): Promise<PushResult> {
  return connector.push(externalId, action);
}

/** Makes the platform's webhook list match what Ponte needs at `url`; undefined when the platform lets no app do it. */
export async function registerWebhooks(
  connector: Connector,
  url: string,
): Promise<WebhookSyncSummary | undefined> {
  return connector.webhookSubscriptions?.register(url);
}
