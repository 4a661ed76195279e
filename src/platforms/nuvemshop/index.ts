import type { ListCursor, OrderPage, PlatformModule, StoreConnector } from "../connector.ts";
import { NUVEMSHOP_API_BASE_URL } from "./api-base-url.ts";
import { NuvemshopClient, nextLink, PlatformRequestError } from "./client.ts";
import { mapNuvemshopOrder } from "./map-order.ts";
import { nuvemshopProbe } from "./probe.ts";
import { pushToNuvemshop } from "./push.ts";
import { parseNuvemshopWebhook, verifyNuvemshopWebhook } from "./webhook.ts";
import { nuvemshopWebhookSubscriptions } from "./webhook-subscriptions.ts";

export const PER_PAGE = 200;
/** Nuvemshop may cap page × per_page at 10,000 (reached only by orders sharing one updated_at). */
const PAGE_CAP = 10_000;

/** The listing's page token: where the next page starts, and the orders already listed at that instant. */
interface NuvemshopCursor extends ListCursor {
  /** Ids already listed whose updated_at is updatedAtMin: listed again from there, they are left out. */
  listedAtMin?: string[];
}

interface Listed {
  id?: unknown;
  updated_at?: unknown;
}

/**
 * updated_at_min when there is no cursor (a store's first import). Every listing sends
 * updated_at_min, so every listing comes in updated_at order (then id) and each page starts from
 * the last updated_at seen, exactly where the previous one stopped. Without the filter the list comes
 * in created_at order, and restarting it from an updated_at skipped every order created after the
 * cap but last updated before that instant. Older than any Nuvemshop order, yet not the Unix epoch
 * itself (a MySQL TIMESTAMP column starts one second after it).
 */
export const NO_CURSOR_UPDATED_AT_MIN = "2000-01-01T00:00:00Z";

export const nuvemshop: PlatformModule = {
  id: "nuvemshop",
  label: "Nuvemshop",
  capabilities: {
    webhooks: true,
    feed: false,
    pushTracking: true,
    pushInvoice: true,
    pack: true,
    cancel: true,
    close: true,
    markPaid: true,
  },
  defaultApiBaseUrl: NUVEMSHOP_API_BASE_URL,
  normalize: mapNuvemshopOrder,
  verifyWebhook: verifyNuvemshopWebhook,
  parseWebhook: parseNuvemshopWebhook,
  connect(access, deps): StoreConnector & { client: NuvemshopClient } {
    const client = new NuvemshopClient({
      apiBaseUrl: access.apiBaseUrl,
      storeId: access.storeExternalId,
      accessToken: access.accessToken,
      userAgent: deps.userAgent,
      planMultiplier: access.planMultiplier,
      logger: deps.logger,
      fetch: deps.fetch,
      maxRetries: deps.retry?.maxRetries,
      baseDelayMs: deps.retry?.baseDelayMs,
      timeoutMs: deps.retry?.timeoutMs,
      deadline: deps.deadline,
      onContact: deps.onContact,
    });
    // Testar conexão: a person waits on it, so one quick retry and a short timeout.
    const probeClient = new NuvemshopClient({
      apiBaseUrl: access.apiBaseUrl,
      storeId: access.storeExternalId,
      accessToken: access.accessToken,
      userAgent: deps.userAgent,
      planMultiplier: access.planMultiplier,
      logger: deps.logger,
      fetch: deps.fetch,
      maxRetries: 1,
      baseDelayMs: 250,
      timeoutMs: 8_000,
      deadline: deps.deadline,
      onContact: deps.onContact,
    });
    return {
      platform: "nuvemshop",
      client,
      probe: nuvemshopProbe(probeClient),
      webhookSubscriptions: nuvemshopWebhookSubscriptions(client),
      async listOrdersChangedSince(cursor: NuvemshopCursor): Promise<OrderPage> {
        // A next URL saved before every listing sent updated_at_min walks in created_at order, and
        // one saved before links to other origins were refused may point anywhere: start over.
        const nextUrl =
          cursor.nextUrl &&
          client.isOwnOrigin(cursor.nextUrl) &&
          new URL(cursor.nextUrl).searchParams.has("updated_at_min")
            ? cursor.nextUrl
            : null;
        const page = nextUrl || !cursor.nextUrl ? (cursor.page ?? 1) : 1;
        const since = cursor.updatedAtMin ?? NO_CURSOR_UPDATED_AT_MIN;
        const url = nextUrl ?? client.url("/orders", { updated_at_min: since, per_page: PER_PAGE, page });
        const res = await client.request("GET", url);
        // Past the last page Nuvemshop answers [] or 404.
        if (res.status === 404) return { orders: [], next: null, total: null };
        if (res.status >= 400) {
          throw new PlatformRequestError(
            `listing orders answered ${res.status}`,
            res.status,
            res.body,
            false,
          );
        }
        const listed = (Array.isArray(res.body) ? res.body : []) as Listed[];
        const already = new Set(cursor.listedAtMin ?? []);
        const orders = listed.filter((o) => !already.has(String(o.id)));
        const total = Number(res.headers.get("x-total-count") ?? Number.NaN);
        const link = nextLink(res.headers.get("link"));
        // The token goes only to the store's API: a next page elsewhere is an error, not a lead.
        if (link && !client.isOwnOrigin(link)) throw client.refuseForeignLink("listing orders", link);
        let next: NuvemshopCursor | null = null;
        if (link && listed.length > 0) {
          // Not the next offset page: an order listed earlier that changes moves to the end and
          // shifts every later one back a place, so the next offset would skip one. The next page
          // starts at the last updated_at seen instead, without the orders already listed there.
          const last = listed[listed.length - 1]!.updated_at;
          if (typeof last !== "string" || last === "") {
            throw new PlatformRequestError("listed order without updated_at", res.status, null, false);
          }
          const atLast = listed.filter((o) => o.updated_at === last).map((o) => String(o.id));
          if (Date.parse(last) > Date.parse(since)) {
            next = { updatedAtMin: last, page: 1, nextUrl: null, listedAtMin: atLast };
          } else {
            // The whole page shares one updated_at: the next offset page within that instant.
            if ((page + 1) * PER_PAGE > PAGE_CAP) {
              // More than 10,000 orders share it: restarting would loop forever.
              throw new PlatformRequestError(
                `more than ${PAGE_CAP} orders share the updated_at ${last}: the listing cannot move past it`,
                res.status,
                null,
                false,
              );
            }
            next = {
              updatedAtMin: last,
              page: page + 1,
              nextUrl: null,
              listedAtMin: [...already, ...atLast],
            };
          }
        }
        return { orders, next, total: Number.isFinite(total) ? total : null };
      },
      getOrder: (externalId) => client.getOrder(externalId),
      push: (externalId, action) => pushToNuvemshop(client, externalId, action),
    };
  },
};
