// Rate limits. The Get order endpoint is throttled per account ("Each VTEX account can make up to
// 6000 requests per minute", OpenAPI "Get order"); the simulator counts Get order calls in a
// sliding one-minute window and answers 429 past the limit. [U] VTEX's 429 headers are not
// documented (the Feed v3 guide only recommends "a 1 minute backoff time"); the simulator sends
// Retry-After in seconds (option retryAfterSeconds, default 60).

export class MinuteWindow {
  private stamps: number[] = [];

  constructor(private limit: number) {}

  configure(limit: number): void {
    this.limit = limit;
  }

  /** Counts one call; false when the window is full (the call is refused and not counted). */
  take(now = Date.now()): boolean {
    const since = now - 60_000;
    let drop = 0;
    while (drop < this.stamps.length && this.stamps[drop]! <= since) drop++;
    if (drop > 0) this.stamps = this.stamps.slice(drop);
    if (this.stamps.length >= this.limit) return false;
    this.stamps.push(now);
    return true;
  }
}
