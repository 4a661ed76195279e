// The store's webhooks (REST docs _webhooks.md: GET|POST /webhooks, PUT|DELETE /webhooks/{id};
// fields name, status active|paused|disabled, topic, delivery_url, secret). Ponte's are those whose
// delivery_url path is Ponte's webhook path, whatever the origin; one per topic below.
// - `secret` is write-only: a GET does not show it. So Ponte writes a fingerprint of the secret
//   (a short hash, not the secret) into the webhook's name, and a name without the current
//   fingerprint means the secret must be written again (PUT). [U]
// - WooCommerce disables a webhook after more than 5 consecutive failed deliveries (class-wc-
//   webhook.php failed_delivery; platforms README §2.2) and never turns it back on. `register`
//   puts a disabled or paused webhook of ours back to active: it counts as "updated", so Testar
//   conexão and the periodic registration bring it back.
// - DELETE needs force=true (webhooks cannot be trashed).
import crypto from "node:crypto";
import type { Logger } from "../../logger.ts";
import type { WebhookSubscriptions, WebhookSyncSummary } from "../connector.ts";
import { refused, type WooClient } from "./client.ts";
import { isObject, type Json, text } from "./read-json.ts";

/** Every order event Ponte reads: a change, a new order, and a trashed or deleted one. */
export const WEBHOOK_TOPICS: readonly string[] = ["order.created", "order.updated", "order.deleted"];

const PER_PAGE = 100;

/** A stable tag of the secret for the webhook's name: says which secret it has without showing it. */
export function secretFingerprint(secret: string): string {
  return crypto.createHash("sha256").update(`ponte-woocommerce-webhook:${secret}`).digest("hex").slice(0, 12);
}

export const webhookName = (topic: string, secret: string) => `Ponte ${topic} [${secretFingerprint(secret)}]`;

function pathOf(url: unknown): string | null {
  if (typeof url !== "string" || !URL.canParse(url)) return null;
  return new URL(url).pathname.replace(/\/+$/, "");
}

export function wooWebhookSubscriptions(
  client: WooClient,
  secret: string | undefined,
  logger: Logger,
): WebhookSubscriptions {
  /** Every webhook of the store, page by page (per_page 10 by default, _webhooks.md). */
  async function all(): Promise<Json[]> {
    const found: Json[] = [];
    for (let page = 1; ; page++) {
      const res = await client.request("GET", client.url("/webhooks", { per_page: PER_PAGE, page }));
      if (res.status >= 400) throw refused("listing webhooks", res);
      const list = Array.isArray(res.body) ? res.body.filter(isObject) : [];
      found.push(...list);
      const pages = Number(res.headers.get("x-wp-totalpages") ?? Number.NaN);
      if (list.length === 0 || (Number.isFinite(pages) ? page >= pages : list.length < PER_PAGE))
        return found;
    }
  }

  async function remove(hook: Json): Promise<void> {
    const res = await client.request("DELETE", client.url(`/webhooks/${String(hook.id)}`, { force: "true" }));
    if (res.status >= 400 && res.status !== 404) throw refused("deleting a webhook", res);
  }

  return {
    events: WEBHOOK_TOPICS,

    async register(url: string): Promise<WebhookSyncSummary> {
      if (!secret)
        throw new Error(
          "no WooCommerce webhook secret (PONTE_WOOCOMMERCE_WEBHOOK_SECRET or PONTE_SECRET_KEY): webhooks cannot be registered",
        );
      const summary: WebhookSyncSummary = { created: 0, updated: 0, deleted: 0, kept: 0 };
      const ours = (await all()).filter((h) => pathOf(h.delivery_url) === pathOf(url));
      for (const topic of WEBHOOK_TOPICS) {
        const name = webhookName(topic, secret);
        const mine = ours.filter((h) => text(h.topic) === topic);
        // Keep the one already right, else the first to fix; the rest are extras.
        const keep =
          mine.find((h) => h.delivery_url === url && h.status === "active" && h.name === name) ?? mine[0];
        if (keep === undefined) {
          const res = await client.request("POST", client.url("/webhooks"), {
            body: { name, topic, delivery_url: url, secret, status: "active" },
          });
          if (res.status >= 400) throw refused(`creating the ${topic} webhook`, res);
          summary.created++;
        } else if (keep.delivery_url === url && keep.status === "active" && keep.name === name) {
          summary.kept++;
        } else {
          if (keep.status === "disabled")
            logger.warn(
              { webhook: keep.id, topic },
              "WooCommerce had disabled Ponte's webhook after failed deliveries: turned back on",
            );
          const res = await client.request("PUT", client.url(`/webhooks/${String(keep.id)}`), {
            body: { name, delivery_url: url, secret, status: "active" },
          });
          if (res.status >= 400) throw refused(`fixing the ${topic} webhook`, res);
          summary.updated++;
          if (keep.status === "disabled") summary.reenabled = (summary.reenabled ?? 0) + 1;
        }
        for (const extra of mine.filter((h) => h !== keep)) {
          await remove(extra);
          summary.deleted++;
        }
      }
      for (const other of ours.filter((h) => !WEBHOOK_TOPICS.includes(text(h.topic) ?? ""))) {
        await remove(other);
        summary.deleted++;
      }
      return summary;
    },

    async unregister(path: string): Promise<WebhookSyncSummary> {
      const summary: WebhookSyncSummary = { created: 0, updated: 0, deleted: 0, kept: 0 };
      const target = path.replace(/\/+$/, "");
      for (const hook of (await all()).filter((h) => pathOf(h.delivery_url) === target)) {
        await remove(hook);
        summary.deleted++;
      }
      return summary;
    },
  };
}
