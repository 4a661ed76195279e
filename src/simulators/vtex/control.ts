// The control plane behind X-Simulator-Key: read and change settings and switches, move the
// simulator clock, place orders and move them as the store would, and read the hook's deliveries.

import type { FaultScript } from "../shared/fault-script.ts";
import type { Clock } from "./clock.ts";
import type { Feeds } from "./feed.ts";
import type { Hooks } from "./hook.ts";
import { copy, type Reply } from "./http.ts";
import type { Settings } from "./options.ts";
import type { OrderStore } from "./orders.ts";
import type { Json, SimulatorOptions } from "./types.ts";

export interface ControlParts {
  settings(): Settings;
  setOptions(patch: Partial<SimulatorOptions>): void;
  advanceTime(ms: number): void;
  clock: Clock;
  store: OrderStore;
  hooks: Hooks;
  feeds: Feeds;
  faults: FaultScript;
}

const STATUS = /^\/orders\/([^/]+)\/status$/;

export function createControl(parts: ControlParts): (method: string, path: string, body: Json) => Reply {
  const state = (): Json => {
    const { controlKey: _hidden, ...shown } = parts.settings();
    return {
      ...shown,
      clock: parts.clock.iso(),
      clockOffsetMs: parts.clock.offsetMs(),
      faultsRemaining: parts.faults.remaining(),
      feedItems: parts.feeds.pending(shown.appKey),
      hookConfigured: parts.hooks.has(shown.appKey),
    };
  };
  return (method, path, body) => {
    if (path === "/" && method === "GET") return { status: 200, body: state() };
    if (path === "/" && method === "POST") {
      parts.setOptions(body as Partial<SimulatorOptions>);
      return { status: 200, body: state() };
    }
    if (path === "/time" && method === "POST") {
      parts.advanceTime(Number(body.advanceMs));
      return { status: 200, body: { clock: parts.clock.iso(), clockOffsetMs: parts.clock.offsetMs() } };
    }
    if (path === "/orders" && method === "POST") {
      const { count = 1, ...overrides } = body;
      if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > 1000)
        throw new Error("count must be an integer from 1 to 1000");
      const created = Array.from({ length: count as number }, () => copy(parts.store.create(overrides)));
      return { status: 201, body: created };
    }
    const m = STATUS.exec(path);
    if (m && method === "POST") {
      if (typeof body.status !== "string") throw new Error("status is required");
      return { status: 200, body: copy(parts.store.storeMove(decodeURIComponent(m[1]!), body.status)) };
    }
    if (path === "/notices" && method === "GET") return { status: 200, body: parts.hooks.log() };
    return { status: 404, body: { error: `unknown control endpoint ${method} /__control${path}` } };
  };
}
