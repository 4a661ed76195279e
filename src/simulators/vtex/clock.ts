// The simulator clock: real time plus an offset that tests move forward with
// POST /__control/time {advanceMs}, so the 30-minute window-to-cancel, the feed's visibility
// timeout and retention, and the hook's 3 idle days pass without waiting.

export class Clock {
  private offset = 0;

  now(): number {
    return Date.now() + this.offset;
  }

  iso(at = this.now()): string {
    return new Date(at).toISOString();
  }

  advance(ms: number): void {
    this.offset += ms;
  }

  offsetMs(): number {
    return this.offset;
  }
}
