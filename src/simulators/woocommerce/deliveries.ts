// Webhook deliveries as class-wc-webhook.php makes them (read in woocommerce/woocommerce):
// - deliver(): POST the payload (the REST order for the webhook's API version; {"id":…} for
//   order.deleted — build_payload), body trim(wp_json_encode(payload)), 60 s timeout
//   (MINUTE_IN_SECONDS), no redirects, User-Agent "WooCommerce/{wc} Hookshot (WordPress/{wp})",
//   headers X-WC-Webhook-Source (home_url('/')), -Topic, -Resource, -Event, -Signature (base64
//   HMAC-SHA256 of the body with the secret — generate_signature), -ID, -Delivery-ID (a hash).
// - log_delivery(): success is 200 ≤ status < 303 ("a 2xx, 301 or 302 Response Code") and resets
//   failure_count to 0; anything else (a network error too) calls failed_delivery(), which disables
//   the webhook when failure_count > 5 and otherwise adds one — so the 7th consecutive failure
//   disables it. There is NO retry.
// - should_deliver(): only active webhooks deliver; orders in draft/auto-draft are skipped
//   (checkout-draft is not: block checkout's draft orders do fire) [U: the simulator fires for them].
// - deliver_ping() on REST creation: POST body "webhook_id=<id>" (cURL sends it form-encoded), only
//   the User-Agent; it needs exactly 200, else the webhook stays pending_delivery — the REST
//   answer is 201 either way (the controller ignores the ping's result). [U] The ping uses WordPress's
//   default 5 s timeout.
// Switches: delay, drop all (cron / Action Scheduler stalled), drop rate, duplicates (same delivery
// id), a bad or a missing signature.
import crypto from "node:crypto";
import type { Random } from "../shared/random.ts";
import type { Clock } from "./clock.ts";
import { post } from "./outbound.ts";
import { phpJson } from "./php-json.ts";
import type { Delivery, Json, WebhookOptions } from "./types.ts";
import type { WebhookRecord, WebhookRegistry } from "./webhooks.ts";

export const MAX_FAILURES = 5;
const DELIVERY_TIMEOUT_MS = 60_000;
const PING_TIMEOUT_MS = 5_000;

export interface EmitterParts {
  registry: WebhookRegistry;
  clock: Clock;
  chaos: Random;
  options: () => WebhookOptions;
  hosts: () => Record<string, string>;
  siteUrl: () => string;
  userAgent: () => string;
}

export function sign(body: string, secret: string): string {
  return crypto.createHmac("sha256", secret).update(body, "utf8").digest("base64");
}

export class Deliveries {
  private readonly log: Delivery[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly parts: EmitterParts) {}

  list(): Delivery[] {
    return this.log.map((d) => ({ ...d }));
  }

  clear(): void {
    this.log.length = 0;
  }

  async settled(): Promise<void> {
    while (this.inFlight.size > 0 || this.timers.size > 0) {
      await Promise.all([...this.inFlight]);
      if (this.timers.size > 0) await new Promise((r) => setTimeout(r, 5));
    }
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    work.finally(() => this.inFlight.delete(work));
  }

  ping(hook: WebhookRecord): void {
    const deliveryId = crypto.randomBytes(16).toString("hex");
    const at = this.parts.clock.iso();
    this.track(
      post(
        {
          url: hook.delivery_url,
          body: `webhook_id=${hook.id}`,
          headers: {
            "user-agent": this.parts.userAgent(),
            "content-type": "application/x-www-form-urlencoded",
          },
          timeoutMs: PING_TIMEOUT_MS,
        },
        this.parts.hosts(),
      ).then((status) => {
        if (status === 200) hook.pendingDelivery = false;
        this.log.push({
          webhookId: hook.id,
          deliveryId,
          topic: hook.topic,
          orderId: null,
          url: hook.delivery_url,
          status,
          ok: status === 200,
          at,
          ping: true,
        });
      }),
    );
  }

  /**
   * An order event for every active webhook of the topic. The body is built when the delivery is
   * sent, not when the event happens (deliver() calls build_payload from the background job), so a
   * delayed delivery carries the order as it is then; an order deleted meanwhile gives the REST error.
   */
  emit(topic: string, orderId: number, payload: () => Json): void {
    const hooks = this.parts.registry.all().filter((h) => h.topic === topic && h.status === "active");
    for (const hook of hooks) {
      const options = this.parts.options();
      const deliveryId = crypto
        .createHash("md5")
        .update(`${hook.id}${this.parts.clock.now()}${crypto.randomBytes(8).toString("hex")}`)
        .digest("hex");
      const base = { webhookId: hook.id, deliveryId, topic, orderId, url: hook.delivery_url };
      if (options.dropAll || (options.dropRate && this.parts.chaos.chance(options.dropRate))) {
        this.log.push({ ...base, status: null, ok: false, at: this.parts.clock.iso(), dropped: true });
        continue;
      }
      const copies = options.duplicateRate && this.parts.chaos.chance(options.duplicateRate) ? 2 : 1;
      const send = () => {
        const body = phpJson(topic === "order.deleted" ? { id: orderId } : payload());
        for (let i = 0; i < copies; i++) this.track(this.deliver(hook, body, base, i > 0));
      };
      if (options.delayMs) {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          send();
        }, options.delayMs);
        this.timers.add(timer);
      } else send();
    }
  }

  private async deliver(
    hook: WebhookRecord,
    body: string,
    base: Omit<Delivery, "status" | "ok" | "at">,
    duplicate: boolean,
  ): Promise<void> {
    const options = this.parts.options();
    const [resource, event] = hook.topic.split(".");
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "user-agent": this.parts.userAgent(),
      "x-wc-webhook-source": this.parts.siteUrl(),
      "x-wc-webhook-topic": hook.topic,
      "x-wc-webhook-resource": resource ?? "",
      "x-wc-webhook-event": event ?? "",
      "x-wc-webhook-id": String(hook.id),
      "x-wc-webhook-delivery-id": base.deliveryId,
    };
    if (options.signature !== "missing") {
      headers["x-wc-webhook-signature"] = sign(
        body,
        options.signature === "bad" ? `${hook.secret}-not` : hook.secret,
      );
    }
    const at = this.parts.clock.iso();
    const status = await post(
      { url: hook.delivery_url, body, headers, timeoutMs: options.timeoutMs ?? DELIVERY_TIMEOUT_MS },
      this.parts.hosts(),
    );
    const ok = status !== null && status >= 200 && status < 303;
    this.log.push({ ...base, status, ok, at, ...(duplicate ? { duplicate: true } : {}) });
    if (ok) hook.failureCount = 0;
    else if (hook.failureCount > MAX_FAILURES) hook.status = "disabled";
    else hook.failureCount += 1;
  }
}
