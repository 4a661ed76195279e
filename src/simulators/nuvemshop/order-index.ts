// Orders kept sorted by one of their timestamps, then id, between requests: GET /orders finds a
// page by binary search instead of sorting every order on every request. OrderStore keeps it up to
// date: every change to an order's created_at or updated_at goes through `put`.
import { parseTime } from "./format.ts";
import type { Order } from "./types.ts";

const timeCache = new Map<string, number>();

/** An order timestamp in epoch milliseconds (0 when it does not parse), as listing compares them. */
export function ms(value: unknown): number {
  const text = String(value ?? "");
  let t = timeCache.get(text);
  if (t === undefined) {
    t = parseTime(text) ?? 0;
    if (timeCache.size > 200_000) timeCache.clear();
    timeCache.set(text, t);
  }
  return t;
}

interface Entry {
  /** ms(order[field]) when the entry was placed. */
  key: number;
  id: number;
  order: Order;
}

export type IndexedField = "created_at" | "updated_at";

export class OrderIndex {
  private entries: Entry[] = [];
  /** Each order's entry, by the order object (an update may even change its id). */
  private readonly placed = new Map<Order, Entry>();
  /** Entries appended in bulk and not yet sorted. */
  private unsorted = false;

  constructor(readonly field: IndexedField) {}

  /** Many orders at once (the seed): appended now, sorted once on the next read. */
  load(orders: Iterable<Order>): void {
    for (const order of orders) {
      const entry = this.placed.get(order);
      if (entry) {
        entry.key = ms(order[this.field]);
        entry.id = order.id;
      } else this.append(order);
    }
    this.unsorted = true;
  }

  /** Adds the order, or moves it to where its timestamp now belongs. O(log n) plus one array move. */
  put(order: Order): void {
    const key = ms(order[this.field]);
    const entry = this.placed.get(order);
    if (entry && entry.key === key && entry.id === order.id) return;
    if (this.unsorted) {
      if (entry) {
        entry.key = key;
        entry.id = order.id;
      } else this.append(order);
      return;
    }
    if (entry) this.entries.splice(this.find(entry), 1);
    const fresh: Entry = { key, id: order.id, order };
    this.entries.splice(this.position(key, order.id), 0, fresh);
    this.placed.set(order, fresh);
  }

  /** Drops the order (one replaced by another with its id). */
  remove(order: Order): void {
    const entry = this.placed.get(order);
    if (!entry) return;
    this.placed.delete(order);
    this.entries.splice(this.unsorted ? this.entries.indexOf(entry) : this.find(entry), 1);
  }

  get size(): number {
    return this.entries.length;
  }

  /** The position of the first order whose timestamp is at or after `t`. */
  lowerBound(t: number): number {
    return this.search((e) => e.key >= t);
  }

  /** The position of the first order whose timestamp is after `t`. */
  upperBound(t: number): number {
    return this.search((e) => e.key > t);
  }

  /** The orders at positions [from, to), in (timestamp, id) order. */
  slice(from: number, to: number): Order[] {
    this.sort();
    const out: Order[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, this.entries.length); i++)
      out.push(this.entries[i]!.order);
    return out;
  }

  private append(order: Order): void {
    const entry: Entry = { key: ms(order[this.field]), id: order.id, order };
    this.entries.push(entry);
    this.placed.set(order, entry);
  }

  private sort(): void {
    if (!this.unsorted) return;
    this.entries.sort((a, b) => a.key - b.key || a.id - b.id);
    this.unsorted = false;
  }

  /** Where a placed entry is. */
  private find(entry: Entry): number {
    for (let i = this.position(entry.key, entry.id); i < this.entries.length; i++) {
      if (this.entries[i] === entry) return i;
    }
    return this.entries.indexOf(entry);
  }

  /** Where (key, id) is or would be inserted. */
  private position(key: number, id: number): number {
    return this.search((e) => e.key > key || (e.key === key && e.id >= id));
  }

  /** The first position whose entry satisfies `after` (false for a prefix, true for the rest). */
  private search(after: (e: Entry) => boolean): number {
    this.sort();
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (after(this.entries[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
