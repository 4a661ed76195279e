// Orders Feed v3 (Feed v3 guide; Orders API OpenAPI "Create or update feed configuration",
// "Retrieve feed items", "Commit feed items"): one feed per appKey, a queue of events (not of
// orders). GET /api/orders/feed?maxlot=N (at most 10) hands out visible items and hides them for
// visibilityTimeoutInSeconds; items not committed come back after it. POST {handles} commits.
// Items older than the retention period are dropped, and the whole configuration is removed when no
// event arrived during it. GET /api/orders/feed answers 404 without a configuration (OpenAPI).
// [U] Handles: each read gives an item a new handle (the queue's receipt-handle behaviour); a commit
// with a handle that is no longer the item's latest is accepted (200) but removes nothing.
// [U] maxlot missing means 1; 0, above 10 or not a number answers 400.

import type { Random } from "../shared/random.ts";
import type { Clock } from "./clock.ts";
import { type Filter, FilterGate, filterJson, parseFilter } from "./filter.ts";
import { badRequest, isObject, ok, omsError, type Reply } from "./http.ts";
import type { StatusChange } from "./orders.ts";
import type { Json, VtexOrder } from "./types.ts";

/** The largest retention the OpenAPI accepts (14 days). */
const MAX_RETENTION_S = 1_209_600;
const DEFAULT_QUEUE = { visibilityTimeoutInSeconds: 240, messageRetentionPeriodInSeconds: 345_600 };

interface Item {
  eventId: string;
  change: StatusChange;
  enqueuedAt: number;
  visibleAt: number;
  handle: string | null;
}

interface Feed {
  filter: Filter;
  gate: FilterGate;
  visibilityMs: number;
  retentionMs: number;
  queue: { visibilityTimeoutInSeconds: number; MessageRetentionPeriodInSeconds: number };
  /** When the last event arrived (or the feed was configured). */
  lastEventAt: number;
  items: Item[];
}

export class Feeds {
  private readonly feeds = new Map<string, Feed>();
  /** Items of a reconfigured feed's old queue stay until committed or expired (Feed v3 guide). */
  private readonly orphans = new Map<string, Item[]>();

  constructor(
    private readonly clock: Clock,
    private readonly rng: Random,
  ) {}

  status(change: StatusChange): void {
    this.expire();
    for (const feed of this.feeds.values()) feed.gate.status(change);
  }

  changed(change: StatusChange, order: VtexOrder): void {
    for (const feed of this.feeds.values()) feed.gate.changed(change, order);
  }

  configure(appKey: string, body: Json): Reply {
    if (!isObject(body)) throw badRequest("body must be an object");
    const filter = parseFilter(body.filter);
    const queue = body.queue === undefined ? {} : body.queue;
    if (!isObject(queue)) throw badRequest("queue must be an object");
    const visibility = queue.visibilityTimeoutInSeconds ?? DEFAULT_QUEUE.visibilityTimeoutInSeconds;
    // The OpenAPI spells it MessageRetentionPeriodInSeconds, the guide messageRetentionPeriodInSeconds: both are read.
    const retention =
      queue.MessageRetentionPeriodInSeconds ??
      queue.messageRetentionPeriodInSeconds ??
      DEFAULT_QUEUE.messageRetentionPeriodInSeconds;
    if (!Number.isInteger(visibility) || (visibility as number) < 0)
      throw badRequest("queue.visibilityTimeoutInSeconds must be an integer >= 0");
    if (!Number.isInteger(retention) || (retention as number) < 1 || (retention as number) > MAX_RETENTION_S)
      throw badRequest(
        `queue.MessageRetentionPeriodInSeconds must be an integer from 1 to ${MAX_RETENTION_S}`,
      );
    const old = this.feeds.get(appKey);
    if (old) this.orphans.set(appKey, [...(this.orphans.get(appKey) ?? []), ...old.items]);
    const feed: Feed = {
      filter,
      gate: new FilterGate(filter, (change) => this.enqueue(feed, change)),
      visibilityMs: (visibility as number) * 1000,
      retentionMs: (retention as number) * 1000,
      queue: {
        visibilityTimeoutInSeconds: visibility as number,
        MessageRetentionPeriodInSeconds: retention as number,
      },
      lastEventAt: this.clock.now(),
      items: [],
    };
    this.feeds.set(appKey, feed);
    return ok(undefined);
  }

  getConfig(appKey: string): Reply {
    const feed = this.feed(appKey);
    const now = this.clock.now();
    const items = this.all(appKey);
    const oldest = items.reduce((min, item) => Math.min(min, item.enqueuedAt), now);
    return ok({
      filter: filterJson(feed.filter),
      queue: feed.queue,
      quantity: items.length,
      approximateAgeOfOldestMessageInSeconds: (now - oldest) / 1000,
    });
  }

  deleteConfig(appKey: string): Reply {
    this.feed(appKey);
    this.feeds.delete(appKey);
    this.orphans.delete(appKey);
    return ok(undefined);
  }

  read(appKey: string, rawMaxlot: string | null): Reply {
    const feed = this.feed(appKey);
    const maxlot = rawMaxlot === null ? 1 : /^\d+$/.test(rawMaxlot) ? Number(rawMaxlot) : Number.NaN;
    if (!(maxlot >= 1 && maxlot <= 10)) throw badRequest("maxlot must be a number from 1 to 10");
    const now = this.clock.now();
    const out: Json[] = [];
    for (const item of this.all(appKey)) {
      if (out.length >= maxlot) break;
      if (item.visibleAt > now) continue;
      item.handle = this.rng.hex(48);
      const availableDate = new Date(Math.max(item.enqueuedAt, item.visibleAt)).toISOString();
      item.visibleAt = now + feed.visibilityMs;
      out.push({
        eventId: item.eventId,
        handle: item.handle,
        domain: "Fulfillment",
        state: item.change.state,
        lastState: item.change.lastState,
        orderId: item.change.orderId,
        lastChange: item.change.lastChange,
        currentChange: item.change.currentChange,
        availableDate,
      });
    }
    return ok(out);
  }

  commit(appKey: string, body: Json): Reply {
    this.feed(appKey);
    if (!isObject(body) || !Array.isArray(body.handles) || !body.handles.every((h) => typeof h === "string"))
      throw badRequest("handles must be an array of handles");
    const handles = new Set(body.handles as string[]);
    const keep = (item: Item) => item.handle === null || !handles.has(item.handle);
    const feed = this.feeds.get(appKey)!;
    feed.items = feed.items.filter(keep);
    const orphans = this.orphans.get(appKey);
    if (orphans) this.orphans.set(appKey, orphans.filter(keep));
    return ok(undefined);
  }

  /** Items queued for an appKey (for tests and the control plane). */
  pending(appKey: string): number {
    this.expire();
    return this.feeds.has(appKey) ? this.all(appKey).length : 0;
  }

  /** Drops expired items, and feeds that got no event during their retention period. */
  expire(): void {
    const now = this.clock.now();
    for (const [appKey, feed] of this.feeds) {
      if (now - feed.lastEventAt > feed.retentionMs) {
        this.feeds.delete(appKey);
        this.orphans.delete(appKey);
        continue;
      }
      feed.items = feed.items.filter((item) => now - item.enqueuedAt <= feed.retentionMs);
      const orphans = this.orphans.get(appKey);
      if (orphans)
        this.orphans.set(
          appKey,
          orphans.filter((item) => now - item.enqueuedAt <= feed.retentionMs),
        );
    }
  }

  private all(appKey: string): Item[] {
    return [...(this.orphans.get(appKey) ?? []), ...(this.feeds.get(appKey)?.items ?? [])];
  }

  private feed(appKey: string): Feed {
    this.expire();
    const feed = this.feeds.get(appKey);
    // [U] Body of the 404 (OpenAPI: "will return 404 Not Found if there is no Feed Configuration").
    if (!feed) throw omsError(404, "1", "There is no feed configuration for this appKey");
    return feed;
  }

  private enqueue(feed: Feed, change: StatusChange): void {
    const now = this.clock.now();
    feed.lastEventAt = now;
    feed.items.push({
      eventId: this.rng.hex(32).toUpperCase(),
      change,
      enqueuedAt: now,
      visibleAt: now,
      handle: null,
    });
  }
}
