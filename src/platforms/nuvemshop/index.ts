import type { ListCursor, OrderPage, PlatformModule, StoreConnector } from "../connector.ts";
import { NuvemshopClient, nextLink, PlatformRequestError } from "./client.ts";
import { mapNuvemshopOrder } from "./map-order.ts";
import { pushToNuvemshop } from "./push.ts";
import { parseNuvemshopWebhook, verifyNuvemshopWebhook } from "./webhook.ts";

export const PER_PAGE = 200;
/** Nuvemshop may cap page × per_page at 10,000: past it we restart from the last updated_at seen. */
const PAGE_CAP = 10_000;

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
  },
  defaultApiBaseUrl: "https://api.nuvemshop.com.br/v1",
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
    });
    return {
      platform: "nuvemshop",
      client,
      async listOrdersChangedSince(cursor: ListCursor): Promise<OrderPage> {
        const page = cursor.page ?? 1;
        const url =
          cursor.nextUrl ??
          client.url("/orders", {
            updated_at_min: cursor.updatedAtMin ?? undefined,
            per_page: PER_PAGE,
            page,
          });
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
        const orders = Array.isArray(res.body) ? res.body : [];
        const total = Number(res.headers.get("x-total-count") ?? Number.NaN);
        const link = nextLink(res.headers.get("link"));
        let next: ListCursor | null = null;
        if (link && orders.length > 0) {
          const nextPage = Number(new URL(link).searchParams.get("page") ?? page + 1);
          if (nextPage * PER_PAGE > PAGE_CAP) {
            const last = orders[orders.length - 1] as { updated_at?: string };
            next = { updatedAtMin: last.updated_at ?? cursor.updatedAtMin, page: 1, nextUrl: null };
          } else {
            next = { updatedAtMin: cursor.updatedAtMin, page: nextPage, nextUrl: link };
          }
        }
        return { orders, next, total: Number.isFinite(total) ? total : null };
      },
      getOrder: (externalId) => client.getOrder(externalId),
      push: (externalId, action) => pushToNuvemshop(client, externalId, action),
    };
  },
};
