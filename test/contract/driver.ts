// The one place the contract suite touches a platform module and its connector. The suite and
// the harnesses speak the neutral words below (normalize, verify, list a page from a token…);
// when the module's members are renamed, this file alone follows.
import type {
  CanonicalOrder,
  ConnectorDeps,
  Headers,
  ListCursor,
  PlatformModule,
  PushAction,
  PushResult,
  StoreAccess,
  StoreConnector,
  WebhookNotice,
  WebhookSyncSummary,
} from "../../src/platforms/connector.ts";
import { testLogger } from "../helpers/logger.ts";

export { MappingError, PlatformAccessError } from "../../src/platforms/connector.ts";
export type { CanonicalOrder, Headers, PlatformModule, PushAction, PushResult, StoreAccess, WebhookNotice };

/** What the engine stores between two pages: opaque, JSON. */
export type PageToken = unknown;

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
  return module.verifyWebhook(raw, headers, secret);
}

export function parseWebhook(module: PlatformModule, raw: Buffer): WebhookNotice {
  return module.parseWebhook(raw);
}

/** A connector as the engine opens one; `retry` as the engine's callers pass it (pushes: none). */
export function connect(
  module: PlatformModule,
  access: StoreAccess,
  retry?: ConnectorDeps["retry"],
): Connector {
  return module.connect(access, { logger: testLogger, userAgent: USER_AGENT, retry });
}

/** One page of "orders changed since the beginning", from a token the engine saved (null: the first page). */
export async function listPage(connector: Connector, token: PageToken | null): Promise<Page> {
  const cursor = (token ?? { updatedAtMin: null, page: 1, nextUrl: null }) as ListCursor;
  const page = await connector.listOrdersChangedSince(cursor);
  return { orders: page.orders, next: page.next, total: page.total };
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
