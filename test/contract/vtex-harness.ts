// VTEX's harness for the platform contract: its module, its fixtures, and its simulator
// (src/simulators/vtex) started with an account and orders and switched into faults through its
// control endpoints (/__control, /__log, with the control key in X-Simulator-Key). VTEX signs
// nothing: Ponte registers its hook with a secret header of its own, which the "signature" is.
import crypto from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { vtex } from "../../src/platforms/vtex/index.ts";
import { PER_PAGE as LIST_PER_PAGE } from "../../src/platforms/vtex/list-orders.ts";
import { HOOK_SECRET_HEADER } from "../../src/platforms/vtex/webhook.ts";
import { startVtexSimulator } from "../../src/simulators/vtex/index.ts";
import type { Fault, LoggedRequest, PlatformHarness, SimulatorRun } from "./harness.ts";

const FIXTURES = new URL("../../src/platforms/vtex/fixtures/", import.meta.url);

const fixtures = readdirSync(FIXTURES)
  .filter((name) => name.endsWith(".json"))
  .sort()
  .map((name) => ({
    name,
    raw: JSON.parse(readFileSync(new URL(name, FIXTURES), "utf8")) as Record<string, unknown>,
  }));
const sample = fixtures[0]?.raw ?? {};

/** What each fault is on the simulator: a patch of its settings. */
function faultPatch(fault: Fault): Record<string, unknown> {
  switch (fault.kind) {
    case "unauthorized":
      return { unauthorized: true };
    case "suspended":
      return { suspended: true };
    case "rate_limited":
      return { faultScript: [{ status: 429, count: fault.count }] };
    case "answer_lost":
      // The order actions are POSTs (start-handling, cancel, invoice), the tracking PATCH and PUT.
      return {
        faultScript: ["POST", "PATCH", "PUT"].map((method) => ({
          status: 503,
          count: 1,
          method,
          path: "^/api/oms/",
          afterApply: true,
        })),
      };
    case "webhook_signature":
      return { hook: { headers: fault.signature === "invalid" ? "tampered" : "missing" } };
  }
}

async function start({ orders }: { orders: number }): Promise<SimulatorRun> {
  // Retry-After 1 s: the rate-limit cases wait it out for real, quickly.
  const sim = await startVtexSimulator({ orders, seed: 14, retryAfterSeconds: 1 });
  const webhookSecret = crypto.randomBytes(16).toString("hex");
  const control = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${sim.url}${path}`, {
      method,
      headers: { "x-simulator-key": sim.controlKey, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`simulator ${method} ${path} answered ${res.status}: ${text}`);
    return JSON.parse(text) as unknown;
  };
  return {
    access: {
      storeExternalId: sim.account,
      apiBaseUrl: sim.url,
      credentials: { appKey: sim.appKey, appToken: sim.appToken },
    },
    webhookSecret,
    orderIds: async () => sim.listOrders().map((o) => o.orderId),
    routeWebhooks: async (publicOrigin, localOrigin) => {
      await control("POST", "/__control", { hosts: { [publicOrigin]: localOrigin } });
    },
    fault: async (fault) => {
      await control("POST", "/__control", faultPatch(fault));
    },
    clearFaults: async () => {
      await control("POST", "/__control", {
        unauthorized: false,
        suspended: false,
        faultScript: null,
        hook: null,
      });
    },
    takeRequests: async () => {
      const log = (await control("GET", "/__log")) as LoggedRequest[];
      await control("DELETE", "/__log");
      return log.map(({ method, path, status }) => ({ method, path, status }));
    },
    close: () => sim.close(),
  };
}

export const vtexHarness: PlatformHarness = {
  name: "vtex",
  module: vtex,
  fixtures,
  malformed: [
    { name: "a payload that is not an object", raw: [sample], problems: ["not a JSON object"] },
    {
      name: "an order without orderId whose totals do not add up to its value",
      raw: { ...sample, orderId: undefined, value: (sample.value as number) + 1 },
      problems: ["orderId", "totals"],
    },
  ],
  pageSize: LIST_PER_PAGE,
  missingOrderId: "v999999999sim-01",
  webhookSignsBody: false,
  signWebhook: (_body, secret) => ({ [HOOK_SECRET_HEADER]: secret }),
  push: {
    action: { kind: "pack" },
    appliesTo: (raw) => (raw as { status?: unknown }).status === "ready-for-handling",
  },
  start,
};
