// WooCommerce's harness for the platform contract: its module, its fixtures, and its simulator
// (src/simulators/woocommerce) started with a site and orders and switched into faults through its
// control endpoints (/__control, /__log, with the control key in X-Simulator-Key). Deliveries are
// signed with the secret Ponte registers on its webhooks (base64 HMAC-SHA256 of the body).
import crypto from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { woocommerce } from "../../src/platforms/woocommerce/index.ts";
import { PER_PAGE as LIST_PER_PAGE } from "../../src/platforms/woocommerce/list-orders.ts";
import { SIGNATURE_HEADER, signWooBody } from "../../src/platforms/woocommerce/webhook.ts";
import { startWooSimulator } from "../../src/simulators/woocommerce/index.ts";
import type { Fault, LoggedRequest, PlatformHarness, SimulatorRun } from "./harness.ts";

const FIXTURES = new URL("../../src/platforms/woocommerce/fixtures/", import.meta.url);

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
      // The hosting account suspended: its 503 "Account Suspended" page (the simulator's [U]).
      return { suspended: true };
    case "rate_limited":
      // Retry-After 1 s: the rate-limit cases wait it out for real, quickly.
      return { faultScript: [{ status: 429, count: fault.count, retryAfterSeconds: 1 }] };
    case "answer_lost":
      // The writes: PUT /orders/{id} (status, meta, set_paid) and POST …/notes.
      return {
        faultScript: ["PUT", "POST"].map((method) => ({
          status: 503,
          count: 1,
          method,
          path: "^/wp-json/wc/v3/orders",
          afterApply: true,
        })),
      };
    case "webhook_signature":
      return { webhooks: { signature: fault.signature === "invalid" ? "bad" : "missing" } };
  }
}

async function start({ orders }: { orders: number }): Promise<SimulatorRun> {
  const sim = await startWooSimulator({ orders, seed: 15 });
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
      storeExternalId: sim.url,
      apiBaseUrl: sim.apiBase,
      credentials: { consumerKey: sim.consumerKey, consumerSecret: sim.consumerSecret },
    },
    webhookSecret,
    orderIds: async () =>
      sim
        .listOrders()
        .filter((o) => o.status !== "trash")
        .map((o) => String(o.id)),
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
        webhooks: {},
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

export const wooHarness: PlatformHarness = {
  name: "woocommerce",
  module: woocommerce,
  fixtures,
  malformed: [
    { name: "a payload that is not an object", raw: [sample], problems: ["not a JSON object"] },
    {
      name: "an order without id whose total is not an amount",
      raw: { ...sample, id: undefined, total: "12,50" },
      problems: ["id", "total"],
    },
    {
      name: "an order whose line items are missing",
      raw: { ...sample, line_items: undefined },
      problems: ["line_items"],
    },
  ],
  pageSize: LIST_PER_PAGE,
  missingOrderId: "999999",
  signWebhook: (body, secret) => ({ [SIGNATURE_HEADER]: signWooBody(body, secret) }),
  push: {
    action: { kind: "close" },
    appliesTo: (raw) => (raw as { status?: unknown }).status === "processing",
  },
  start,
};
