// Fairness between organisations on one queue (issue 17). Two rules, both structural:
//
// 1. Bulk work (a store's import, status refresh, re-decision: minutes of page after page) runs in
//    a worker pool of its own (worker.ts), so it can never hold the slots that webhooks, retries,
//    pushes and e-mails need: an organisation importing 20 stores at once delays no one's webhooks.
// 2. Within the bulk pool an organisation holds at most `perOrg` slots of a worker process: bulk
//    jobs carry the flag `org:<id>` (queue.ts sets it from the store at enqueue), and before each
//    fetch the pool skips the flags of organisations at their share, so another organisation's
//    import is taken next instead of waiting for all 20.
import type { TaskName } from "./task-map.ts";

/** Tasks that run in the bulk pool. Everything else is interactive. */
export const BULK_TASKS: readonly TaskName[] = ["import-orders", "refresh-statuses", "redecide-orders"];

const ORG_FLAG = "org:";

/** A job's flags as graphile-worker hands them over ({"org:5": true}), or null. */
type Flags = Record<string, unknown> | null | undefined;

const orgFlagsOf = (flags: Flags) => Object.keys(flags ?? {}).filter((f) => f.startsWith(ORG_FLAG));

/**
 * The bulk slots each organisation holds in this process, and graphile-worker's forbiddenFlags
 * hook built from them. Fetches go one at a time (each waits for the previous one's job, or
 * none, to be counted), so two idle slots cannot both take an organisation's last share.
 */
export class OrgShares {
  private readonly running = new Map<string, number>();
  private fetching: Promise<void> = Promise.resolve();
  private endFetch: (() => void) | null = null;

  constructor(private readonly perOrg: number) {}

  /** Called by the pool before each fetch; resolves once earlier fetches are counted. */
  readonly forbiddenFlags = async (): Promise<string[] | null> => {
    const previous = this.fetching;
    let end!: () => void;
    this.fetching = new Promise<void>((resolve) => {
      end = resolve;
    });
    await previous;
    this.endFetch = end;
    return this.full();
  };

  /** Organisations at their share: their bulk jobs wait. */
  full(): string[] | null {
    const full = [...this.running].filter(([, n]) => n >= this.perOrg).map(([flag]) => flag);
    return full.length > 0 ? full : null;
  }

  /** A fetch ended: with a job (counted from now) or without one. */
  fetched(flags?: Flags): void {
    for (const flag of orgFlagsOf(flags)) this.running.set(flag, (this.running.get(flag) ?? 0) + 1);
    this.endFetch?.();
    this.endFetch = null;
  }

  /** A job ended (done, failed or to be retried): its slot is free. */
  finished(flags: Flags): void {
    for (const flag of orgFlagsOf(flags)) {
      const n = (this.running.get(flag) ?? 1) - 1;
      if (n > 0) this.running.set(flag, n);
      else this.running.delete(flag);
    }
  }
}
