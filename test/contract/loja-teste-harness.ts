// Loja Teste's harness for the platform contract: the in-memory fake platform (test/fake-platform)
// run through the same suite as a real platform, which proves the fake behaves like one. Its
// "simulator" is a FakeStore; the only HTTP is the delivery of its signed notices to the URLs
// subscribed on it (routeWebhooks), as a platform sends them.
import crypto from "node:crypto";
import { SIGNATURE_HEADER, signNotice } from "../fake-platform/fake-store.ts";
import { fakePlatform, openFakeStore } from "../fake-platform/index.ts";
import { seedOrder } from "../fake-platform/raw-order.ts";
import type { PlatformHarness, SimulatorRun } from "./harness.ts";

const PAGE_SIZE = 5;
let accounts = 0;

async function start({ orders }: { orders: number }): Promise<SimulatorRun> {
  const webhookSecret = crypto.randomBytes(16).toString("hex");
  const store = openFakeStore({
    account: `contrato-${++accounts}`,
    orders,
    pageSize: PAGE_SIZE,
    webhookSecret,
  });
  const original = store.credentials;
  const hosts = new Map<string, string>();
  const deliveries = new Set<Promise<unknown>>();
  store.deliver = (url, notice) => {
    const target = new URL(url);
    const local = hosts.get(target.origin);
    if (!local) return;
    const sent = fetch(`${local}${target.pathname}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...notice.headers },
      body: new Uint8Array(notice.body),
    }).catch(() => undefined);
    deliveries.add(sent);
    void sent.finally(() => deliveries.delete(sent));
  };
  let logged = 0;
  return {
    access: {
      storeExternalId: store.account,
      apiBaseUrl: fakePlatform.defaultApiBaseUrl,
      credentials: { ...original },
    },
    webhookSecret,
    orderIds: async () => store.listOrders().map((o) => o.codigo),
    routeWebhooks: async (publicOrigin, localOrigin) => {
      hosts.set(publicOrigin, localOrigin);
    },
    fault: async (fault) => {
      if (fault.kind === "unauthorized") store.revokeSecret();
      else if (fault.kind === "suspended") store.suspend();
      else if (fault.kind === "rate_limited") store.rateLimit(fault.count);
      else if (fault.kind === "answer_lost") store.loseNextAnswer();
      else store.badSignatures(fault.signature);
    },
    clearFaults: async () => {
      store.clearFaults();
      store.restoreCredentials(original);
    },
    takeRequests: async () => {
      const taken = store.log.slice(logged);
      logged = store.log.length;
      return taken.map((r) => ({ method: r.write ? "POST" : "GET", path: r.call.op, status: r.status }));
    },
    close: async () => {
      await Promise.all(deliveries);
    },
  };
}

const sample = seedOrder(2, "PDamostra1", "2026-03-02T12:00:00.000Z", "aprovado");

export const lojaTesteHarness: PlatformHarness = {
  name: "loja-teste",
  module: fakePlatform,
  fixtures: [
    { name: "an approved order with a CNPJ buyer", raw: sample },
    {
      name: "a pickup order without a document",
      raw: seedOrder(3, "PDretira01", "2026-03-02T12:00:00.000Z"),
    },
    { name: "a discounted order with a CPF", raw: seedOrder(4, "PDdesc0001", "2026-03-02T12:00:00.000Z") },
    { name: "a pickup with freight 0", raw: { ...seedOrder(5, "PDret00005", "2026-03-02T12:00:00.000Z") } },
  ],
  malformed: [
    { name: "a payload that is not an object", raw: "PDamostra1", problems: ["not an object"] },
    {
      name: "an order without a code, with a decimal total and a broken quantity",
      raw: {
        ...sample,
        codigo: undefined,
        valores: { ...sample.valores, totalCentavos: "125.90" },
        itens: [{ sku: "X", descricao: "Y", quantidade: "dois", precoCentavos: 100 }],
      },
      problems: ["codigo", "totalCentavos", "itens[0].quantidade"],
    },
  ],
  pageSize: PAGE_SIZE,
  missingOrderId: "PDnaoexiste",
  signWebhook: (body, secret) => ({ [SIGNATURE_HEADER]: signNotice(body, secret) }),
  push: {
    action: { kind: "cancel", reason: "other", email: false, restock: false },
    appliesTo: (raw) => !["entregue", "cancelado"].includes((raw as { situacao?: string }).situacao ?? ""),
  },
  start,
};
