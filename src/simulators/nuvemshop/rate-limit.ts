// Nuvemshop's leaky bucket (§1.2): 40 requests per store+app, draining 2 per second; ×10 on the
// Next/Evolution plans. Each request adds one drop; a full bucket answers 429.

export interface RateState {
  limit: number;
  remaining: number;
  /** Milliseconds until the bucket is empty (what x-rate-limit-reset reports). */
  resetMs: number;
}

export class LeakyBucket {
  private level = 0;
  private last = Date.now();
  private capacity = 40;
  private drainPerSecond = 2;
  private enabled = true;

  configure(enabled: boolean, multiplier: number): void {
    this.enabled = enabled;
    this.capacity = 40 * multiplier;
    this.drainPerSecond = 2 * multiplier;
    this.level = Math.min(this.level, this.capacity);
  }

  /** Adds one request; false when the bucket is full (the request is refused and not counted). */
  take(now = Date.now()): boolean {
    if (!this.enabled) return true;
    this.drain(now);
    if (this.level + 1 > this.capacity) return false;
    this.level += 1;
    return true;
  }

  state(now = Date.now()): RateState {
    // Unlimited (benchmarks): still send the headers, with numbers no client will hit.
    if (!this.enabled) return { limit: 1_000_000, remaining: 1_000_000, resetMs: 0 };
    this.drain(now);
    return {
      limit: this.capacity,
      remaining: Math.max(0, Math.floor(this.capacity - this.level)),
      resetMs: Math.ceil((this.level / this.drainPerSecond) * 1000),
    };
  }

  headers(now = Date.now()): Record<string, string> {
    const s = this.state(now);
    return {
      "x-rate-limit-limit": String(s.limit),
      "x-rate-limit-remaining": String(s.remaining),
      "x-rate-limit-reset": String(s.resetMs),
    };
  }

  private drain(now: number): void {
    const elapsed = Math.max(0, now - this.last);
    this.level = Math.max(0, this.level - (elapsed / 1000) * this.drainPerSecond);
    this.last = now;
  }
}
