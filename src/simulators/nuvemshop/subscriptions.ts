// Webhook registrations (POST/GET/PUT/DELETE /webhooks, §1.7): public HTTPS URLs only (not
// localhost, not Nuvemshop's own hosts), one subscription per event and URL (a duplicate is a
// 422), listed in pages like the orders. The emitter (webhooks.ts) delivers each event to every
// subscription of it, and to nothing else.
import { formatTime } from "./format.ts";
import { FieldErrors, notFound, positiveInt, type Reply } from "./http.ts";
import { type PagingOptions, paginate } from "./listing.ts";
import type { Json } from "./types.ts";

const EVENTS = new Set([
  ...[
    "created",
    "updated",
    "paid",
    "packed",
    "fulfilled",
    "cancelled",
    "custom_fields_updated",
    "edited",
  ].map((e) => `order/${e}`),
  ...["pending", "voided", "unpacked"].map((e) => `order/${e}`),
  "fulfillment/updated",
  ...["status_updated", "tracking_event_created", "tracking_event_updated", "tracking_event_deleted"].map(
    (e) => `fulfillment_order/${e}`,
  ),
  ...["created", "updated", "deleted"].flatMap((e) => [
    `customer/${e}`,
    `product/${e}`,
    `category/${e}`,
    `location/${e}`,
  ]),
  "app/uninstalled",
  "app/suspended",
  "app/resumed",
  "domain/updated",
  "subscription/updated",
  "store/redact",
  "customers/redact",
  "customers/data_request",
]);

/** HTTPS, and not localhost or Nuvemshop's own hosts (§1.7). */
function validUrl(raw: unknown): boolean {
  if (typeof raw !== "string") return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase();
  if (url.protocol !== "https:") return false;
  if (host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || /^127\./.test(host))
    return false;
  if (host === "0.0.0.0" || host === "[::]") return false;
  return !/tiendanube|nuvemshop/.test(host);
}

export interface Subscription {
  id: number;
  event: string;
  url: string;
}

export class Subscriptions {
  private readonly list: Json[] = [];
  private nextId = 2_000_001;

  constructor(private readonly readCustomers: () => boolean) {}

  private validate(body: Json, partial: boolean): void {
    const errors = new FieldErrors();
    if (!partial || "event" in body) {
      const event = String(body.event ?? "");
      if (!EVENTS.has(event)) errors.add("event", "invalid event specified");
      else if (event.startsWith("customer/") && !this.readCustomers()) {
        errors.add("event", "your app lacks the scope this event needs");
      }
    }
    if ((!partial || "url" in body) && !validUrl(body.url)) errors.add("url", "invalid url specified");
    errors.check();
  }

  /** 422 when another subscription already sends `event` to `url`. */
  private refuseDuplicate(event: unknown, url: unknown, except?: Json): void {
    if (this.list.some((h) => h !== except && h.event === event && h.url === url)) {
      const errors = new FieldErrors();
      errors.add("url", "has already been taken for this event");
      errors.check();
    }
  }

  create(body: Json): Json {
    this.validate(body, false);
    this.refuseDuplicate(body.event, body.url);
    const now = formatTime(Date.now());
    const hook: Json = {
      id: this.nextId++,
      event: body.event,
      url: body.url,
      ...(body.headers && typeof body.headers === "object" ? { headers: body.headers } : {}),
      created_at: now,
      updated_at: now,
    };
    this.list.push(hook);
    return hook;
  }

  /** GET /webhooks: filters since_id, event and url; paged like every list. */
  query(query: URLSearchParams, paging: PagingOptions, selfUrl: URL): Reply {
    const since = Number(query.get("since_id") ?? 0);
    const found = this.list.filter(
      (h) =>
        Number(h.id) > since &&
        (!query.get("event") || h.event === query.get("event")) &&
        (!query.get("url") || h.url === query.get("url")),
    );
    return paginate(found, query, paging, selfUrl, (h) => ({ ...h }));
  }

  /** The subscriptions an event is delivered to, now. */
  forEvent(event: string): Subscription[] {
    return this.list
      .filter((h) => h.event === event)
      .map((h) => ({ id: Number(h.id), event: String(h.event), url: String(h.url) }));
  }

  /** The subscription as it is now (its URL may have changed), or undefined once deleted. */
  current(id: number): Subscription | undefined {
    const hook = this.list.find((h) => h.id === id);
    return hook ? { id, event: String(hook.event), url: String(hook.url) } : undefined;
  }

  find(idText: string): Json {
    const hook = this.list.find((h) => h.id === positiveInt(idText));
    if (!hook) throw notFound("Webhook not found");
    return hook;
  }

  update(idText: string, body: Json): Json {
    const hook = this.find(idText);
    this.validate(body, true);
    this.refuseDuplicate(body.event ?? hook.event, body.url ?? hook.url, hook);
    if ("event" in body) hook.event = body.event;
    if ("url" in body) hook.url = body.url;
    hook.updated_at = formatTime(Date.now());
    return hook;
  }

  remove(idText: string): void {
    const hook = this.find(idText);
    this.list.splice(this.list.indexOf(hook), 1);
  }
}
