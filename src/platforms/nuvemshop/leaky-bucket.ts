// Client-side model of Nuvemshop's leaky bucket (40 requests, draining 2/s, ×10 on Next and
// Evolution plans). We wait before sending rather than after a 429, and we correct our
// model with the x-rate-limit-* headers, since other processes share the same bucket.

/** take() with a deadline: the wait for room would end past it. */
export class BucketWaitTooLong extends Error {
  constructor(readonly waitMs: number) {
    super(`the rate limit needs a wait of ${waitMs} ms, past the deadline`);
    this.name = "BucketWaitTooLong";
  }
}

export class LeakyBucket {
  private level = 0;
  private at = Date.now();
  private readonly capacity: number;
  private readonly perSecond: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(multiplier = 1, capacity = 40, perSecond = 2) {
    this.capacity = capacity * multiplier;
    this.perSecond = perSecond * multiplier;
  }

  private leak(now: number) {
    this.level = Math.max(0, this.level - ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
  }

  /**
   * Resolves when one more request fits; callers are served in order. With a deadline (epoch ms),
   * rejects with BucketWaitTooLong instead of waiting past it.
   */
  take(deadline?: number): Promise<void> {
    const turn = this.queue.then(async () => {
      this.leak(Date.now());
      // Keep one slot free for other processes' requests in flight.
      const room = this.capacity - 1;
      if (this.level + 1 > room) {
        const waitMs = Math.ceil(((this.level + 1 - room) / this.perSecond) * 1000);
        if (deadline !== undefined && Date.now() + waitMs >= deadline) throw new BucketWaitTooLong(waitMs);
        await new Promise((resolve) => setTimeout(resolve, waitMs));
        this.leak(Date.now());
      }
      this.level += 1;
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Adopt the platform's view: `remaining` of `limit` slots are free. */
  observe(limit: number | null, remaining: number | null) {
    if (remaining === null || !Number.isFinite(remaining)) return;
    this.leak(Date.now());
    const cap = limit && Number.isFinite(limit) ? limit : this.capacity;
    this.level = Math.max(0, Math.min(cap, cap - remaining));
  }

  /** After a 429: the bucket is full as far as we know. */
  full() {
    this.leak(Date.now());
    this.level = this.capacity;
  }
}

// Nuvemshop keeps one bucket per store and app, so every client for a store in this process
// (each sync job opens its own) must draw from one model, not start from an empty one.
const buckets = new Map<string, LeakyBucket>();

export function bucketFor(apiBaseUrl: string, storeId: string, multiplier = 1): LeakyBucket {
  const key = `${apiBaseUrl}|${storeId}|${multiplier}`;
  let bucket = buckets.get(key);
  if (!bucket) {
    bucket = new LeakyBucket(multiplier);
    buckets.set(key, bucket);
  }
  return bucket;
}
