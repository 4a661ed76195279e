// Sign-in throttling: after 5 failed attempts for one e-mail from one address within 15
// minutes, further attempts are refused until the window ends. Kept in memory: it resets
// on restart and each API process counts on its own, which still caps a guesser at a few
// attempts per window per process, against a password hash that costs ~50 ms each.

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
/** Past this many tracked keys, expired ones are swept on the next failure. */
const SWEEP_AT = 10_000;

interface Entry {
  failures: number;
  windowEndsAt: number;
}

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  private key(email: string, ip: string) {
    return `${email.trim().toLowerCase()}\n${ip}`;
  }

  /** Seconds until attempts are accepted again, or 0 when they are. */
  retryAfter(email: string, ip: string): number {
    const entry = this.entries.get(this.key(email, ip));
    if (!entry || entry.windowEndsAt <= this.now() || entry.failures < MAX_FAILURES) return 0;
    return Math.ceil((entry.windowEndsAt - this.now()) / 1000);
  }

  fail(email: string, ip: string): void {
    const now = this.now();
    if (this.entries.size >= SWEEP_AT) {
      for (const [key, entry] of this.entries) if (entry.windowEndsAt <= now) this.entries.delete(key);
    }
    const key = this.key(email, ip);
    const entry = this.entries.get(key);
    if (!entry || entry.windowEndsAt <= now)
      this.entries.set(key, { failures: 1, windowEndsAt: now + WINDOW_MS });
    else entry.failures++;
  }

  succeed(email: string, ip: string): void {
    this.entries.delete(this.key(email, ip));
  }
}
