// Scripted faults (option `faultScript`): a fault window a test describes exactly, where faultRate
// is a coin toss. Each entry answers the next `count` API requests that match it (method, and a
// regular expression on the path) with `status`; the first entry with requests left that matches
// wins. With `afterApply` (5xx only) the request is carried out first and its answer is then lost,
// as when a gateway times out after WordPress applied the change.
import type { ScriptedFault } from "./types.ts";

export class FaultScript {
  private entries: (ScriptedFault & { left: number; pattern: RegExp | null })[] = [];

  configure(script: readonly ScriptedFault[] | null | undefined): void {
    this.entries = (script ?? []).map((f) => ({
      ...f,
      left: f.count,
      pattern: f.path === undefined ? null : new RegExp(f.path),
    }));
  }

  /** The fault for this request, counted as used; undefined when the script has none for it. */
  next(method: string, path: string): ScriptedFault | undefined {
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
