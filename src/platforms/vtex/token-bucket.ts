// Keeps Get order under VTEX's throttle: 6000 requests per minute per account (Orders API
// OpenAPI, "Get order": "Each VTEX account can make up to 6000 requests per minute"). One bucket
// per API origin, shared by every connector of this process, refilled continuously; a little
// under the limit so clocks and other callers of the same account leave room.

export class TokenBucket {
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
  }

  /** Milliseconds until a token is free (0 when one is). */
  waitMs(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.perSecond) * 1000);
  }

  /**
   * Takes a token, waiting in line for it. Refuses (TokenWaitTooLong) without waiting when the
   * wait would end after `deadline`.
   */
  take(deadline?: number): Promise<void> {
    const turn = this.queue.then(async () => {
      const wait = this.waitMs();
      if (deadline !== undefined && this.now() + wait > deadline) throw new TokenWaitTooLong(wait);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      this.refill();
      this.tokens -= 1;
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }
}

export class TokenWaitTooLong extends Error {
  constructor(readonly waitMs: number) {
    super(`the Get order throttle leaves no room for ${waitMs} ms`);
    this.name = "TokenWaitTooLong";
  }
}

/** 6000/min is 100/s: kept at 90/s with a burst of 90. */
export const GET_ORDER_PER_SECOND = 90;

const buckets = new Map<string, TokenBucket>();

/** The Get order bucket of an account (its API origin). */
export function getOrderBucket(origin: string): TokenBucket {
  let bucket = buckets.get(origin);
  if (!bucket) {
    bucket = new TokenBucket(GET_ORDER_PER_SECOND, GET_ORDER_PER_SECOND);
    buckets.set(origin, bucket);
  }
  return bucket;
}
