// Scripted faults (option `faultScript`), shared by the simulators: a fault window a test describes
// exactly, where faultRate is a coin toss. Each entry answers the next `count` API requests that
// match it (method, and a regular expression on the path) with `status`; the first entry with
// requests left that matches wins. With `afterApply` (5xx only) the request is carried out first
// and its answer is then lost, as when a gateway times out after the platform applied the change.
// How each simulator answers the status (its headers and bodies) stays in that simulator.

/** One entry of a fault window: the next `count` matching API requests answer `status`. */
export interface ScriptedFault {
  status: 429 | 500 | 502 | 503 | 504;
  count: number;
  /** Only requests with this method (default: any). */
  method?: string;
  /** Only requests whose path (as the simulator matches it) fits this regular expression (default: any). */
  path?: string;
  /** 5xx only: carry the request out, then answer the fault (the answer was lost on the way back). */
  afterApply?: boolean;
}

export class FaultScript<F extends ScriptedFault = ScriptedFault> {
  private entries: (F & { left: number; pattern: RegExp | null })[] = [];

  configure(script: readonly F[] | null | undefined): void {
    this.entries = (script ?? []).map((f) => ({
      ...f,
      left: f.count,
      pattern: f.path === undefined ? null : new RegExp(f.path),
    }));
  }

  /** The fault for this request, counted as used; undefined when the script has none for it. */
  next(method: string, path: string): F | undefined {
    const hit = this.entries.find(
      (f) =>
        f.left > 0 &&
        (f.method === undefined || f.method.toUpperCase() === method) &&
        (f.pattern === null || f.pattern.test(path)),
    );
    if (!hit) return undefined;
    hit.left -= 1;
    return hit;
  }

  /** Requests still to be answered with a fault. */
  remaining(): number {
    return this.entries.reduce((n, f) => n + f.left, 0);
  }
}
