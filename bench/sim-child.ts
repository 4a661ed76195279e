// The Nuvemshop simulator in a process of its own, for the benchmarks: it must not share the
// event loop (or the CPU accounting) of the process being measured. The parent forks this file
// (see startSimulatorChild below) and talks to it over IPC:
//   → {id, type: "stats" | "reset" | "setOptions" | "createOrders" | "stream" | "stop", ...}
//   ← {id, ...reply};   first message: {type: "ready", url, apiBase, storeId, accessToken}
// Besides the simulator it records, without touching src/: how long each API request took from
// its arrival to the answer's end() (response generation + JSON.stringify), and, when asked,
// when each webhook left (http.request wrapped) and when Ponte acknowledged it.
import { fork } from "node:child_process";
import http from "node:http";
import { fileURLToPath } from "node:url";
import type { SimulatorOptions } from "../src/simulators/nuvemshop/index.ts";

export interface SimInfo {
  url: string;
  apiBase: string;
  storeId: number;
  accessToken: string;
}

export interface HandlerStats {
  requests: number;
  totalMs: number;
  maxMs: number;
  bytes: number;
}

export interface WebhookSend {
  event: string;
  id: number;
  /** Epoch ms (fractional) when the request body was written. */
  sentAt: number;
  /** Epoch ms when the answer's headers came back; null while pending or when none came (status 0). */
  ackAt: number | null;
  status: number | null;
}

export interface SimStats {
  cpu: NodeJS.CpuUsage;
  handler: HandlerStats;
  /** Webhooks answered (or failed) since the previous stats call (only with recordWebhooks). */
  webhooks: WebhookSend[];
}

/** Wall-clock epoch milliseconds with sub-millisecond resolution (comparable across processes). */
export const epochMs = () => performance.timeOrigin + performance.now();

// ---------------------------------------------------------------- parent side

export interface SimulatorChild {
  info: SimInfo;
  pid: number;
  stats(): Promise<SimStats>;
  reset(): Promise<void>;
  setOptions(patch: Partial<SimulatorOptions>): Promise<void>;
  /** Creates orders through the simulator's own API (webhooks go out as for the rate stream). */
  createOrders(count: number): Promise<number[]>;
  /**
   * Creates orders at `rate` per second, drift-free, in the simulator's process (0 stops);
   * `overrides` go to each createOrder (e.g. an unpaid status: one webhook per order).
   */
  stream(rate: number, overrides?: Record<string, unknown>): Promise<void>;
  stop(): Promise<void>;
}

export async function startSimulatorChild(
  options: SimulatorOptions & { recordWebhooks?: boolean },
  execArgv: string[] = [],
): Promise<SimulatorChild> {
  const child = fork(fileURLToPath(import.meta.url), ["--child", JSON.stringify(options)], {
    execArgv: ["--import", "tsx", ...execArgv],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let nextId = 1;
  const waiting = new Map<number, (reply: Record<string, unknown>) => void>();
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const info = await new Promise<SimInfo>((resolve, reject) => {
    child.once("error", reject);
    void exited.then((code) => reject(new Error(`simulator child exited with ${code} before it was ready`)));
    child.on("message", (message: Record<string, unknown>) => {
      if (message.type === "ready") resolve(message as unknown as SimInfo);
      else if (typeof message.id === "number") {
        waiting.get(message.id)?.(message);
        waiting.delete(message.id);
      }
    });
  });
  const call = (type: string, extra: Record<string, unknown> = {}) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, (reply) => (reply.error ? reject(new Error(String(reply.error))) : resolve(reply)));
      child.send({ id, type, ...extra });
    });
  return {
    info,
    pid: child.pid!,
    stats: async () => (await call("stats")) as unknown as SimStats,
    reset: async () => {
      await call("reset");
    },
    setOptions: async (patch) => {
      await call("setOptions", { patch });
    },
    createOrders: async (count) => (await call("createOrders", { count })).ids as number[],
    stream: async (rate, overrides) => {
      await call("stream", { rate, overrides });
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      child.send({ id: nextId++, type: "stop" });
      await exited;
    },
  };
}

// ---------------------------------------------------------------- child side

async function runChild(options: SimulatorOptions & { recordWebhooks?: boolean }) {
  const handler: HandlerStats = { requests: 0, totalMs: 0, maxMs: 0, bytes: 0 };
  let webhooks: WebhookSend[] = [];

  // Time every API request from its arrival to the end() of its answer.
  const createServer = http.createServer;
  http.createServer = ((listener: http.RequestListener) =>
    createServer((req, res) => {
      const started = performance.now();
      const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
      res.end = ((...args: unknown[]) => {
        const ms = performance.now() - started;
        handler.requests++;
        handler.totalMs += ms;
        handler.maxMs = Math.max(handler.maxMs, ms);
        if (typeof args[0] === "string") handler.bytes += Buffer.byteLength(args[0]);
        return end(...args);
      }) as typeof res.end;
      listener(req, res);
    })) as typeof http.createServer;

  // The webhook emitter sends with http.request(url, {method: "POST"}) and end(body).
  if (options.recordWebhooks) {
    const request = http.request;
    http.request = ((...args: Parameters<typeof http.request>) => {
      const req = request(...args);
      const end = req.end.bind(req) as (...a: unknown[]) => http.ClientRequest;
      req.end = ((...a: unknown[]) => {
        if (typeof a[0] === "string") {
          try {
            const body = JSON.parse(a[0]) as { event?: string; id?: number };
            const entry: WebhookSend = {
              event: String(body.event),
              id: Number(body.id),
              sentAt: epochMs(),
              ackAt: null,
              status: null,
            };
            webhooks.push(entry);
            req.once("response", (res) => {
              entry.ackAt = epochMs();
              entry.status = res.statusCode ?? null;
            });
            // No answer (refused, reset, or the emitter's 3 s timeout destroyed it): status 0.
            req.once("close", () => {
              if (entry.ackAt === null) entry.status = 0;
            });
          } catch {
            // not a webhook body
          }
        }
        return end(...a);
      }) as typeof req.end;
      return req;
    }) as typeof http.request;
  }

  const { startNuvemshopSimulator } = await import("../src/simulators/nuvemshop/index.ts");
  const { recordWebhooks: _, ...simOptions } = options;
  const sim = await startNuvemshopSimulator(simOptions);
  let stream: NodeJS.Timeout | undefined;
  process.on(
    "message",
    async (message: {
      id: number;
      type: string;
      patch?: object;
      count?: number;
      rate?: number;
      overrides?: Record<string, unknown>;
    }) => {
      const reply = (body: Record<string, unknown>) => process.send?.({ id: message.id, ...body });
      try {
        if (message.type === "stats") {
          // Hand over the webhooks that have their answer (or failed); keep those in flight.
          const settled = webhooks.filter((w) => w.ackAt !== null || w.status !== null);
          webhooks = webhooks.filter((w) => w.ackAt === null && w.status === null);
          reply({ cpu: process.cpuUsage(), handler: { ...handler }, webhooks: settled });
        } else if (message.type === "reset") {
          Object.assign(handler, { requests: 0, totalMs: 0, maxMs: 0, bytes: 0 });
          webhooks = [];
          sim.clearLog();
          reply({});
        } else if (message.type === "setOptions") {
          sim.setOptions(message.patch ?? {});
          reply({});
        } else if (message.type === "stream") {
          // A drift-free stream: every 2 ms, create the orders due by now at `rate` per second
          // (the simulator's own ratePerMinute uses setInterval, whose ticks drift late).
          if (stream) clearInterval(stream);
          stream = undefined;
          const perSecond = message.rate ?? 0;
          if (perSecond > 0) {
            const from = performance.now();
            let made = 0;
            stream = setInterval(() => {
              const due = Math.floor(((performance.now() - from) / 1000) * perSecond);
              for (; made < due; made++) sim.createOrder(message.overrides);
            }, 2);
          }
          reply({});
        } else if (message.type === "createOrders") {
          const ids: number[] = [];
          for (let i = 0; i < (message.count ?? 1); i++) ids.push(sim.createOrder().id as number);
          reply({ ids });
        } else if (message.type === "stop") {
          if (stream) clearInterval(stream);
          await sim.close();
          process.disconnect?.();
          process.exit(0);
        }
      } catch (error) {
        reply({ error: (error as Error).message });
      }
    },
  );
  process.send?.({
    type: "ready",
    url: sim.url,
    apiBase: sim.apiBase,
    storeId: sim.storeId,
    accessToken: sim.accessToken,
  });
  // The parent going away ends the simulator too.
  process.on("disconnect", () => {
    void sim.close().then(() => process.exit(0));
  });
}

if (process.argv[2] === "--child") {
  await runChild(JSON.parse(process.argv[3]!) as SimulatorOptions & { recordWebhooks?: boolean });
}
