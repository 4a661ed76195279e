import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PlatformAccessError, type PushAction, type StoreConnector } from "../connector.ts";
import { vtex } from "./index.ts";
import { FAKE_BASE_URL, FAKE_KEY, FAKE_TOKEN, FakeOms, fakeOrder, silentLogger } from "./test-fake-oms.ts";

const ID = "v71001acme-01";
// A valid NF-e key (nfe-key.ts): number 000001234 at positions 26–34.
const KEY = "35261112345678000195550010000012341123456781";

function store(status = "ready-for-handling"): { oms: FakeOms; connector: StoreConnector } {
  const oms = new FakeOms();
  oms.add(fakeOrder({ orderId: ID, status }));
  const connector = vtex.connect(
    {
      storeExternalId: "acme",
      apiBaseUrl: FAKE_BASE_URL,
      credentials: { appKey: FAKE_KEY, appToken: FAKE_TOKEN },
    },
    { logger: silentLogger, userAgent: "ponte-test", fetch: oms.fetch, retry: { maxRetries: 0 } },
  );
  return { oms, connector };
}

const invoice = (overrides: Partial<Extract<PushAction, { kind: "invoice" }>> = {}): PushAction => ({
  kind: "invoice",
  accessKey: KEY,
  link: "https://erp.example/nfe/1234.xml",
  number: null,
  series: null,
  issuedAt: "2026-11-20T15:00:00.000Z",
  valueCents: 2990,
  ...overrides,
});
const fulfill: PushAction = {
  kind: "fulfill",
  trackingNumber: "JT194690698BR",
  trackingUrl: "https://rastreio.example/JT194690698BR",
  notifyCustomer: true,
};
const cancel: PushAction = { kind: "cancel", reason: "inventory", email: true, restock: true };
const writes = (oms: FakeOms) => oms.requests.filter((r) => r.method !== "GET");
const applied = (r: Awaited<ReturnType<StoreConnector["push"]>>) =>
  r.ok ? r.alreadyApplied : `failed: ${r.message}`;

describe("VTEX pushes", () => {
  it("pack starts handling once; sent again it is already applied", async () => {
    const { oms, connector } = store();
    assert.equal(applied(await connector.push(ID, { kind: "pack" })), false);
    assert.equal(oms.orders.get(ID)?.status, "handling");
    assert.equal(applied(await connector.push(ID, { kind: "pack" })), true);
    assert.deepEqual(
      writes(oms).map((r) => `${r.method} ${r.path}`),
      [`POST /api/oms/pvt/orders/${ID}/start-handling`],
    );
  });

  it("invoice sends the NF-e with its value as a string of cents and the order's items, once", async () => {
    const { oms, connector } = store("handling");
    assert.equal(applied(await connector.push(ID, invoice())), false);
    assert.equal(applied(await connector.push(ID, invoice())), true);
    const sent = writes(oms);
    assert.equal(sent.length, 1);
    assert.deepEqual(sent[0]!.body, {
      type: "Output",
      invoiceNumber: "1234", // from the key when the action has no number
      invoiceValue: "2990",
      issuanceDate: "2026-11-20T15:00:00.000Z",
      invoiceKey: KEY,
      invoiceUrl: "https://erp.example/nfe/1234.xml",
      items: [{ id: "31", price: 2000, quantity: 1 }],
    });
    assert.equal(oms.orders.get(ID)?.status, "invoiced");
  });

  it("fulfill needs an invoice first, then adds the tracking to it once", async () => {
    const { oms, connector } = store("handling");
    const early = await connector.push(ID, fulfill);
    assert.equal(early.ok, false);
    assert.ok(
      !early.ok && !early.retryable && early.message.startsWith("O pedido ainda não tem nota fiscal na VTEX"),
    );
    await connector.push(ID, invoice({ number: "5678" }));
    assert.equal(applied(await connector.push(ID, fulfill)), false);
    assert.equal(applied(await connector.push(ID, fulfill)), true);
    const patches = oms.sent("PATCH", /invoice\//);
    assert.equal(patches.length, 1);
    assert.equal(patches[0]!.path, `/api/oms/pvt/orders/${ID}/invoice/5678`);
    assert.equal((patches[0]!.body as { trackingNumber: string }).trackingNumber, "JT194690698BR");
    assert.equal((patches[0]!.body as { courier: string }).courier, "Correios");
  });

  it("cancel cancels once; after an invoice it is refused for good, asking for a return invoice", async () => {
    const a = store("handling");
    assert.equal(applied(await a.connector.push(ID, cancel)), false);
    assert.equal(applied(await a.connector.push(ID, cancel)), true);
    assert.equal(a.oms.sent("POST", /\/cancel$/).length, 1);

    const b = store("handling");
    await b.connector.push(ID, invoice());
    const refused = await b.connector.push(ID, cancel);
    assert.ok(!refused.ok && !refused.retryable && /nota fiscal de devolução/.test(refused.message));
    assert.equal(b.oms.sent("POST", /\/cancel$/).length, 0);
  });

  it("a refusal VTEX answers is not retried; a missing order is a 404 failure; close is not supported", async () => {
    const { connector } = store("window-to-cancel");
    const pack = await connector.push(ID, { kind: "pack" });
    assert.deepEqual(pack.ok ? null : [pack.retryable, pack.status], [false, 409]);
    const missing = await connector.push("v404-01", { kind: "pack" });
    assert.deepEqual(missing.ok ? null : missing.status, 404);
    assert.equal((await connector.push(ID, { kind: "close" })).ok, false);
  });

  it("refused credentials and a suspended account throw, for the store to be marked", async () => {
    const { oms, connector } = store();
    oms.faults.unauthorized = true;
    await assert.rejects(connector.push(ID, { kind: "pack" }), PlatformAccessError);
    oms.faults.unauthorized = false;
    oms.faults.suspended = true;
    await assert.rejects(connector.push(ID, { kind: "pack" }), { state: "suspended" });
  });
});
