// Orders Feed v3 (platforms README §4.5; Orders API OpenAPI, "Get feed configuration",
// "Create or update feed configuration", "Retrieve feed items", "Commit feed items"): a queue of
// status events, one per app key. Ponte keeps a FromWorkflow config on every status its default
// table reads; VTEX deletes a config that saw no event during its retention period, and
// GET /api/orders/feed then answers 404 ("no Feed Configuration ... for the given AppKey"):
// the config is created again and the read retried. Items not committed come back after the
// visibility timeout, so the engine commits only after its sync work is committed.
import type { FeedItem, OrderFeed } from "../connector.ts";
import { refused, type VtexClient, VtexRequestError } from "./client.ts";
import { WORKFLOW_FILTER_STATUSES } from "./defaults.ts";

/** At most 10 items per read (OpenAPI, "Retrieve feed items": maxlot). */
export const FEED_MAX_LOT = 10;
/** Handles per commit: VTEX documents no maximum, so lots of one read's size. [U] */
const COMMIT_LOT = FEED_MAX_LOT;

/**
 * The config Ponte wants. The retention key is spelled as the OpenAPI schema spells it
 * ("MessageRetentionPeriodInSeconds"; the guide's prose writes it lower-case).
 */
export const FEED_CONFIG = {
  filter: { type: "FromWorkflow", status: [...WORKFLOW_FILTER_STATUSES] },
  queue: { visibilityTimeoutInSeconds: 240, MessageRetentionPeriodInSeconds: 345_600 },
};

type Json = Record<string, unknown>;

/** True when the config filters on every status Ponte needs. */
function coversOurStatuses(config: unknown): boolean {
  const filter = (config as { filter?: Json } | null)?.filter;
  if (filter?.type !== "FromWorkflow" || !Array.isArray(filter.status)) return false;
  const have = new Set(filter.status.map(String));
  return WORKFLOW_FILTER_STATUSES.every((s) => have.has(s));
}

export function vtexFeed(client: VtexClient): OrderFeed & { ensureConfig(): Promise<void> } {
  let configured = false;

  async function createConfig(): Promise<void> {
    const res = await client.request("POST", client.url("/api/orders/feed/config"), { body: FEED_CONFIG });
    if (res.status >= 400) throw refused("creating the orders feed", res);
    configured = true;
  }

  async function ensureConfig(): Promise<void> {
    const res = await client.request("GET", client.url("/api/orders/feed/config"));
    if (res.status >= 400 && res.status !== 404) throw refused("reading the orders feed config", res);
    if (res.status === 404 || !coversOurStatuses(res.body)) await createConfig();
    configured = true;
  }

  async function readLot(size: number): Promise<Json[]> {
    const url = client.url("/api/orders/feed", { maxlot: size });
    let res = await client.request("GET", url);
    if (res.status === 404) {
      // VTEX dropped the config (no event during its retention): create it and read again.
      await createConfig();
      res = await client.request("GET", url);
    }
    if (res.status >= 400) throw refused("reading the orders feed", res);
    if (res.body !== null && !Array.isArray(res.body))
      throw new VtexRequestError("the orders feed is not a list", res.status, null, false, "unreadable");
    return ((res.body as unknown[] | null) ?? []).filter(
      (i): i is Json => typeof i === "object" && i !== null,
    );
  }

  return {
    ensureConfig,

    async read(max: number): Promise<FeedItem[]> {
      if (!configured) await ensureConfig();
      const items: FeedItem[] = [];
      while (items.length < max) {
        const lot = await readLot(Math.min(max - items.length, FEED_MAX_LOT));
        for (const item of lot) {
          if (typeof item.orderId === "string" && typeof item.handle === "string")
            items.push({ externalId: item.orderId, handle: item.handle });
        }
        if (lot.length === 0) break;
      }
      return items;
    },

    async acknowledge(handles: readonly string[]): Promise<void> {
      for (let i = 0; i < handles.length; i += COMMIT_LOT) {
        const res = await client.request("POST", client.url("/api/orders/feed"), {
          body: { handles: handles.slice(i, i + COMMIT_LOT) },
        });
        if (res.status >= 400) throw refused("committing feed items", res);
      }
    },
  };
}
