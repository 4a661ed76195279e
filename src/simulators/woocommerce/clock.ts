// The simulator clock: real time plus an offset that tests move forward with
// POST /__control/time {advanceMs}, so dates (date_modified, the modified_after filter) move on
// without waiting. `iso` is UTC; the site-time forms are made in dates.ts.

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
