// Measuring helpers shared by bench/import.ts and bench/latency.ts: CPU profiles (taken with the
// inspector in this process, or read from a child's --cpu-prof file) summarized by package and
// by function, CPU time of the embedded PostgreSQL's processes read from /proc, and SQL
// statement timing by wrapping pg's Client.prototype.query (no change to src/).
import fs from "node:fs/promises";
import inspector from "node:inspector/promises";
import path from "node:path";
import pg from "pg";

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  startTime: number;
  endTime: number;
}

/** Top entries by self time, by package and by function, as text lines. */
export function summarizeProfile(cpu: CpuProfile, top = 25): string {
  const byId = new Map(cpu.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const byPackage = new Map<string, number>();
  // Idle samples say nothing about where the work goes: shares are of the busy samples.
  const samples = (cpu.samples ?? []).filter((id) => byId.get(id)?.callFrame.functionName !== "(idle)");
  const cwd = process.cwd();
  for (const id of samples) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const where = frame.url.replace(/^file:\/\//, "").replace(`${cwd}/`, "");
    const pkg =
      /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where)?.[1] ??
      (where.startsWith("node:")
        ? "node core"
        : where === ""
          ? `(${frame.functionName || "native"})`
          : /^(src\/[^/]+\/[^/]+)/.exec(where)?.[1]?.replace(/\/[^/]*\.ts$/, "") ||
            (where.startsWith("bench/") ? "bench" : where));
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + 1);
    const key = `${frame.functionName || "(anonymous)"} ${where}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + 1);
  }
  const list = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${((100 * v) / Math.max(1, samples.length)).toFixed(1).padStart(5)}%  ${k}`)
      .join("\n");
  const busyMs =
    ((cpu.endTime - cpu.startTime) / 1000) * (samples.length / Math.max(1, cpu.samples?.length ?? 0));
  return `# ${samples.length} busy samples (≈ ${Math.round(busyMs)} ms on the CPU); shares of the busy time\n# by package / src folder (self time)\n${list(byPackage, 14)}\n# by function (self time)\n${list(self, top)}`;
}

/** Profiles this process while `work` runs; writes the .cpuprofile and returns it with the result. */
export async function profileWhile<T>(file: string, work: () => Promise<T>): Promise<[T, CpuProfile]> {
  const session = new inspector.Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 500 });
  await session.post("Profiler.start");
  const result = await work();
  const { profile } = await session.post("Profiler.stop");
  session.disconnect();
  await fs.writeFile(file, JSON.stringify(profile));
  return [result, profile as unknown as CpuProfile];
}

/** The largest .cpuprofile a child wrote with --cpu-prof --cpu-prof-dir=dir (its main thread, not tsx's loader thread). */
export async function readChildProfile(dir: string): Promise<CpuProfile | undefined> {
  const files = (await fs.readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith(".cpuprofile"));
  if (files.length === 0) return undefined;
  const stats = await Promise.all(
    files.map(async (f) => ({ f, size: (await fs.stat(path.join(dir, f))).size })),
  );
  const largest = stats.sort((a, b) => b.size - a.size)[0]!.f;
  return JSON.parse(await fs.readFile(path.join(dir, largest), "utf8")) as CpuProfile;
}

// ---------------------------------------------------------------- PostgreSQL CPU (/proc)

const TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux

/** User+system CPU seconds, by pid, of the postmaster whose data directory is `pgDir` and of its children. */
export async function postgresCpu(pgDir: string | undefined): Promise<Map<number, number> | null> {
  if (!pgDir) return null;
  let postmaster: number;
  try {
    postmaster = Number((await fs.readFile(path.join(pgDir, "postmaster.pid"), "utf8")).split("\n")[0]);
  } catch {
    return null;
  }
  const byPid = new Map<number, number>();
  for (const entry of await fs.readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = await fs.readFile(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue;
    }
    // Fields after the command name (which may hold spaces): state ppid … utime(14) stime(15).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const pid = Number(entry);
    const ppid = Number(fields[1]);
    if (pid === postmaster || ppid === postmaster) {
      byPid.set(pid, (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND);
    }
  }
  return byPid;
}

/**
 * CPU seconds the server's processes spent between two snapshots. Backends that exited in
 * between are lost (keep the measured connections open); new ones count in full.
 */
export function cpuDelta(
  before: Map<number, number> | null,
  after: Map<number, number> | null,
): number | null {
  if (!before || !after) return null;
  let seconds = 0;
  for (const [pid, s] of after) seconds += Math.max(0, s - (before.get(pid) ?? 0));
  return seconds;
}

/** User+system CPU seconds of one process, from /proc (null when it is gone). */
export async function processCpuSeconds(pid: number): Promise<number | null> {
  try {
    const stat = await fs.readFile(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- SQL statement timing

export interface StatementStats {
  count: number;
  ms: number;
  maxMs: number;
  /** Bytes of text parameters sent (JSON payloads). */
  paramBytes: number;
}

/** A short stable label for a statement: its verb and main table. */
export function statementLabel(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  const lower = t.toLowerCase();
  if (/^(begin|commit|rollback)\b/.test(lower)) return lower.split(" ")[0]!.toUpperCase();
  if (lower.startsWith("with input as") && lower.includes("store_orders")) return "upsert store_orders";
  if (lower.includes("graphile_worker.add_jobs")) return "enqueueMany (add_jobs)";
  if (lower.includes("graphile_worker.add_job")) return "enqueue (add_job)";
  if (lower.startsWith("select (select coalesce(json_agg")) return "load mappings";
  let m = /^insert into (\w+)/.exec(lower);
  if (m) return `insert ${m[1]}${lower.includes("on conflict") ? " (upsert)" : ""}`;
  m = /^update (\w+)/.exec(lower);
  if (m) return `update ${m[1]}`;
  m = /^delete from (\w+)/.exec(lower);
  if (m) return `delete ${m[1]}`;
  m = /^select .*? from (\w+(?:\.\w+)?)/.exec(lower);
  if (m) return `select ${m[1]}${lower.includes("for update") ? " (for update)" : ""}`;
  return t.slice(0, 40);
}

/**
 * Wraps pg.Client.prototype.query (both the promise and the callback forms) so every statement
 * this process sends is timed from the call to its answer, by label. Returns a handle to read
 * and reset the figures, and to undo the wrapping.
 */
export function timeStatements() {
  const stats = new Map<string, StatementStats>();
  let enabled = true;
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const record = (label: string, started: number, bytes: number) => {
    if (!enabled) return;
    const ms = performance.now() - started;
    const s = stats.get(label) ?? { count: 0, ms: 0, maxMs: 0, paramBytes: 0 };
    s.count++;
    s.ms += ms;
    s.maxMs = Math.max(s.maxMs, ms);
    s.paramBytes += bytes;
    stats.set(label, s);
  };
  proto.query = function (this: unknown, ...args: unknown[]) {
    const config = args[0] as string | { text?: string; submit?: unknown };
    const text = typeof config === "string" ? config : (config?.text ?? "");
    if (!text || (typeof config === "object" && typeof config.submit === "function")) {
      return original.apply(this, args);
    }
    const label = statementLabel(text);
    const values = Array.isArray(args[1]) ? (args[1] as unknown[]) : [];
    const bytes = values.reduce<number>((n, v) => n + (typeof v === "string" ? v.length : 0), 0);
    const started = performance.now();
    const callbackAt = args.findIndex((a, i) => i > 0 && typeof a === "function");
    if (callbackAt > 0) {
      const callback = args[callbackAt] as (...r: unknown[]) => void;
      args[callbackAt] = (...r: unknown[]) => {
        record(label, started, bytes);
        callback(...r);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args) as Promise<unknown> | undefined;
    if (result && typeof result.then === "function") {
      return result.then(
        (value) => {
          record(label, started, bytes);
          return value;
        },
        (error: unknown) => {
          record(label, started, bytes);
          throw error;
        },
      );
    }
    return result;
  };
  return {
    stats,
    reset: () => stats.clear(),
    pause: () => {
      enabled = false;
    },
    resume: () => {
      enabled = true;
    },
    restore: () => {
      proto.query = original;
    },
  };
}
