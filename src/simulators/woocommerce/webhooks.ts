// The webhooks API (_webhooks.md; REST webhooks controller in woocommerce/woocommerce):
// - GET|POST /webhooks, GET|PUT|DELETE /webhooks/{id}; fields id, name, status (active, paused,
//   disabled), topic, resource, event, hooks, delivery_url, date_created(_gmt), date_modified(_gmt);
//   `secret` is write-only and defaults to a random 50-character password when not given.
// - POST: 400 woocommerce_rest_shop_webhook_invalid_topic "Webhook topic is required and must be
//   valid." and …_invalid_delivery_url "Webhook delivery URL must be a valid URL starting with
//   http:// or https://." (core accepts http too; deliveries still reach only `hosts` origins);
//   201 with the webhook; then the ping (deliveries.ts), whose failure leaves the webhook created.
// - Unknown id: 404 woocommerce_rest_shop_webhook_invalid_id "Invalid ID.".
// - DELETE without force=true: 501 woocommerce_rest_trash_not_supported [U: from memory of the v1
//   controller]; with force the webhook is gone.
// - Topics: resource.event for coupon, customer, order and product with created, updated, deleted,
//   restored, and action.<hook> (wc_is_webhook_valid_topic); only order topics fire here.
// - [U] A PUT back to "active" does not reset the failure counter (core code shows no reset).
import crypto from "node:crypto";
import type { Clock } from "./clock.ts";
import { gmt, siteTime } from "./format.ts";
import { isObject, type Reply, wcError } from "./http.ts";
import type { Json } from "./types.ts";

export interface WebhookRecord {
  id: number;
  name: string;
  status: "active" | "paused" | "disabled";
  topic: string;
  delivery_url: string;
  secret: string;
  apiVersion: string;
  created: number;
  modified: number;
  /** Consecutive failed deliveries (class-wc-webhook.php failure_count). */
  failureCount: number;
  /** True until a ping got its 200. */
  pendingDelivery: boolean;
}

/** Topic → hooks (WC_Webhook::get_default_topic_hooks). */
const ORDER_HOOKS: Record<string, string[]> = {
  "order.created": ["woocommerce_new_order"],
  "order.updated": [
    "woocommerce_update_order",
    "woocommerce_order_refunded",
    "woocommerce_delete_order_refund",
  ],
  "order.deleted": ["wp_trash_post", "woocommerce_trash_order"],
  "order.restored": ["untrashed_post", "woocommerce_untrash_order"],
};

const STATUSES = ["active", "paused", "disabled"] as const;

export function isValidTopic(topic: unknown): topic is string {
  if (typeof topic !== "string") return false;
  const t = topic.toLowerCase();
  if (/^action\.[a-z0-9_\-./]+$/i.test(t)) return true;
  return /^(coupon|customer|order|product)\.(created|updated|deleted|restored)$/.test(t);
}

const validUrl = (url: unknown): url is string =>
  typeof url === "string" && URL.canParse(url) && /^https?:$/.test(new URL(url).protocol);

const invalidId = () => wcError(404, "woocommerce_rest_shop_webhook_invalid_id", "Invalid ID.");

export class WebhookRegistry {
  private readonly hooks = new Map<number, WebhookRecord>();
  private nextId = 140;

  constructor(
    private readonly clock: Clock,
    private readonly offsetMinutes: () => number,
  ) {}

  all(): WebhookRecord[] {
    return [...this.hooks.values()];
  }

  get(id: number): WebhookRecord {
    const hook = this.hooks.get(id);
    if (!hook) throw invalidId();
    return hook;
  }

  render(hook: WebhookRecord, origin: string): Json {
    const [resource, event] = hook.topic.split(".");
    const offset = this.offsetMinutes();
    return {
      id: hook.id,
      name: hook.name,
      status: hook.status,
      topic: hook.topic,
      resource,
      event,
      hooks: ORDER_HOOKS[hook.topic] ?? (resource === "action" ? [event] : []),
      delivery_url: hook.delivery_url,
      date_created: siteTime(hook.created, offset),
      date_created_gmt: gmt(hook.created),
      date_modified: siteTime(hook.modified, offset),
      date_modified_gmt: gmt(hook.modified),
      _links: {
        self: [{ href: `${origin}/wp-json/wc/v3/webhooks/${hook.id}` }],
        collection: [{ href: `${origin}/wp-json/wc/v3/webhooks` }],
      },
    };
  }

  create(body: Json): WebhookRecord {
    if (body.id !== undefined)
      throw wcError(400, "woocommerce_rest_shop_webhook_exists", "Cannot create existing shop_webhook.");
    if (!isValidTopic(body.topic))
      throw wcError(
        400,
        "woocommerce_rest_shop_webhook_invalid_topic",
        "Webhook topic is required and must be valid.",
      );
    if (!validUrl(body.delivery_url))
      throw wcError(
        400,
        "woocommerce_rest_shop_webhook_invalid_delivery_url",
        "Webhook delivery URL must be a valid URL starting with http:// or https://.",
      );
    const now = Math.floor(this.clock.now() / 1000) * 1000;
    const status = this.status(body.status) ?? "active";
    const hook: WebhookRecord = {
      id: this.nextId++,
      name: typeof body.name === "string" && body.name ? body.name : `Webhook created on ${gmt(now)}`,
      status,
      topic: (body.topic as string).toLowerCase(),
      delivery_url: body.delivery_url,
      secret:
        typeof body.secret === "string" && body.secret
          ? body.secret
          : crypto.randomBytes(38).toString("base64").slice(0, 50),
      apiVersion: typeof body.api_version === "string" ? body.api_version : "wp_api_v3",
      created: now,
      modified: now,
      failureCount: 0,
      pendingDelivery: true,
    };
    this.hooks.set(hook.id, hook);
    return hook;
  }

  private status(value: unknown): WebhookRecord["status"] | undefined {
    if (value === undefined) return undefined;
    // WC_Webhook::set_status: an unknown status becomes "disabled".
    return STATUSES.includes(value as WebhookRecord["status"])
      ? (value as WebhookRecord["status"])
      : "disabled";
  }

  update(id: number, body: Json): WebhookRecord {
    const hook = this.get(id);
    if (body.topic !== undefined) {
      if (!isValidTopic(body.topic))
        throw wcError(
          400,
          "woocommerce_rest_shop_webhook_invalid_topic",
          "Webhook topic is required and must be valid.",
        );
      hook.topic = body.topic.toLowerCase();
    }
    if (body.delivery_url !== undefined) {
      if (!validUrl(body.delivery_url))
        throw wcError(
          400,
          "woocommerce_rest_shop_webhook_invalid_delivery_url",
          "Webhook delivery URL must be a valid URL starting with http:// or https://.",
        );
      hook.delivery_url = body.delivery_url;
    }
    if (typeof body.name === "string") hook.name = body.name;
    if (typeof body.secret === "string" && body.secret) hook.secret = body.secret;
    hook.status = this.status(body.status) ?? hook.status;
    hook.modified = Math.floor(this.clock.now() / 1000) * 1000;
    return hook;
  }

  remove(id: number, force: boolean): WebhookRecord {
    const hook = this.get(id);
    if (!force)
      throw wcError(501, "woocommerce_rest_trash_not_supported", "Webhooks do not support trashing.");
    this.hooks.delete(id);
    return hook;
  }
}

/** GET /webhooks: the list with X-WP-Total headers, filtered by ?status= (default all). */
export function listWebhooks(registry: WebhookRegistry, query: URLSearchParams, origin: string): Reply {
  const status = query.get("status") ?? "all";
  const hooks = registry.all().filter((h) => status === "all" || h.status === status);
  return {
    status: 200,
    body: hooks.map((h) => registry.render(h, origin)),
    headers: { "x-wp-total": String(hooks.length), "x-wp-totalpages": hooks.length ? "1" : "0" },
  };
}

export function webhookBody(body: unknown): Json {
  return isObject(body) ? body : {};
}
