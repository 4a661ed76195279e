// Nuvemshop's harness for the platform contract: its module, its fixtures, and its simulator
// (src/simulators/nuvemshop) started with a store and orders and switched into faults through
// its control endpoints (/__control, /__log, with the control key in X-Simulator-Key).
import crypto from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { nuvemshop, PER_PAGE } from "../../src/platforms/nuvemshop/index.ts";
import { SIGNATURE_HEADER } from "../../src/platforms/nuvemshop/webhook.ts";
import { signWebhookBody, startNuvemshopSimulator } from "../../src/simulators/nuvemshop/index.ts";
import type { Fault, LoggedRequest, PlatformHarness, SimulatorRun } from "./harness.ts";

const FIXTURES = new URL("../../src/platforms/nuvemshop/fixtures/", import.meta.url);

const fixtures = readdirSync(FIXTURES)
  .filter((name) => name.endsWith(".json"))
  .sort()
  .map((name) => ({
    name,
    raw: JSON.parse(readFileSync(new URL(name, FIXTURES), "utf8")) as Record<string, unknown>,
  }));
const sample = fixtures.find((f) => f.name === "brazilian-order.json")?.raw ?? {};

/** What each fault is on the simulator: a patch of its settings. */
function faultPatch(fault: Fault): Record<string, unknown> {
  switch (fault.kind) {
    case "unauthorized":
      return { accessToken: `revoked-${crypto.randomBytes(8).toString("hex")}` };
    case "suspended":
      return { suspended: true };
    case "rate_limited":
      return { faultScript: [{ status: 429, count: fault.count }] };
    case "answer_lost":
      // Nuvemshop's writes are POST (order actions, metafields) and PUT (mark paid, metafields).
      return {
        faultScript: ["POST", "PUT"].map((method) => ({ status: 503, count: 1, method, afterApply: true })),
      };
    case "webhook_signature":
      return { webhook: { signature: fault.signature } };
  }
}

async function start({ orders }: { orders: number }): Promise<SimulatorRun> {
  const sim = await startNuvemshopSimulator({ orders, seed: 13 });
  const token = sim.accessToken;
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
      storeExternalId: String(sim.storeId),
      apiBaseUrl: sim.apiBase,
      credentials: { accessToken: token },
    },
    webhookSecret: sim.clientSecret,
    orderIds: async () => sim.listOrders().map((o) => String(o.id)),
    routeWebhooks: async (publicOrigin, localOrigin) => {
      await control("POST", "/__control", { hosts: { [publicOrigin]: localOrigin } });
    },
    fault: async (fault) => {
      await control("POST", "/__control", faultPatch(fault));
    },
    clearFaults: async () => {
      await control("POST", "/__control", {
        accessToken: token,
        suspended: false,
        faultScript: null,
        webhook: null,
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

export const nuvemshopHarness: PlatformHarness = {
  name: "nuvemshop",
  module: nuvemshop,
  fixtures,
  malformed: [
    { name: "a payload that is not an object", raw: [sample], problems: ["not a JSON object"] },
    {
      name: "an order without id, with a comma total and an unreadable quantity",
      raw: {
        ...sample,
        id: undefined,
        total: "12,50",
        products: [{ name: "Camiseta", price: "59.90", quantity: "x" }],
      },
      problems: ["id", "total", "products[0].quantity"],
    },
  ],
  pageSize: PER_PAGE,
  missingOrderId: "9999999999",
  signWebhook: (body, secret) => ({ [SIGNATURE_HEADER]: signWebhookBody(body, secret) }),
  push: {
    action: { kind: "close" },
    appliesTo: (raw) => (raw as { status?: unknown }).status === "open",
  },
  start,
};
