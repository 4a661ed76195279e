import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { WebhookPayloadError } from "../connector.ts";
import { readVtexApp } from "./app.ts";
import { vtexHookSubscriptions } from "./hook-config.ts";
import { vtex } from "./index.ts";
import { FakeOms, fakeClient, silentLogger } from "./test-fake-oms.ts";

const SECRET = "s3cret-of-this-ponte-server";
const notice = Buffer.from(
  JSON.stringify({
    Domain: "Marketplace",
    OrderId: "v40484048naf-01",
    State: "payment-approved",
    LastChange: "2026-11-20T12:00:00.000Z",
    Origin: { Account: "acme", Key: "vtexappkey-acme-TEST01" },
  }),
);

describe("VTEX hook deliveries", () => {
  it("accept our secret header and refuse another, a missing one or an empty secret", () => {
    assert.equal(vtex.webhook.verify(notice, { "x-ponte-hook-secret": SECRET }, SECRET), true);
    assert.equal(vtex.webhook.verify(notice, { "x-ponte-hook-secret": `${SECRET}x` }, SECRET), false);
    assert.equal(vtex.webhook.verify(notice, {}, SECRET), false);
    assert.equal(vtex.webhook.verify(notice, { "x-ponte-hook-secret": "" }, ""), false);
  });

  it("accept VTEX's save ping without the header, however it is spaced, and parse it as other", () => {
    for (const body of ['{"hookConfig":"ping"}', '{ "hookConfig" : "ping" }\n']) {
      assert.equal(vtex.webhook.verify(Buffer.from(body), {}, SECRET), true);
      assert.equal(vtex.webhook.parse(Buffer.from(body)).kind, "other");
    }
    // Anything more than the ping is a delivery like any other.
    const more = Buffer.from('{"hookConfig":"ping","OrderId":"v1-01"}');
    assert.equal(vtex.webhook.verify(more, {}, SECRET), false);
  });

  it("parse a notice into an order notice deduped on order, state and last change", () => {
    assert.deepEqual(vtex.webhook.parse(notice), {
      event: "order/payment-approved",
      storeExternalId: "acme",
      externalOrderId: "v40484048naf-01",
      kind: "order",
      dedupeKey: "v40484048naf-01:payment-approved:2026-11-20T12:00:00.000Z",
    });
  });

  it("refuse a body that cannot be read", () => {
    for (const body of ["not json", "[]", '{"OrderId":"v1-01","State":"handling"}']) {
      assert.throws(() => vtex.webhook.parse(Buffer.from(body)), WebhookPayloadError);
    }
  });
});

describe("VTEX hook secret", () => {
  it("is PONTE_VTEX_HOOK_SECRET; absent otherwise (the engine then derives one from its key); a short one is refused", () => {
    assert.equal(readVtexApp({ PONTE_VTEX_HOOK_SECRET: SECRET }, "off").hookSecret, SECRET);
    assert.equal(readVtexApp({}, "off").hookSecret, undefined);
    assert.throws(() => readVtexApp({ PONTE_VTEX_HOOK_SECRET: "short" }, "off"), /at least 16/);
  });
});

describe("VTEX hook registration", () => {
  const URL_ = "https://ponte.example.com.br/webhooks/vtex";

  it("creates the hook with our header and filter, then keeps it", async () => {
    const oms = new FakeOms();
    const hooks = vtexHookSubscriptions(fakeClient(oms), SECRET, silentLogger);
    assert.deepEqual(await hooks.register(URL_), { created: 1, updated: 0, deleted: 0, kept: 0 });
    const saved = oms.hookConfig as {
      hook: { url: string; headers: Record<string, string> };
      filter: { type: string; status: string[] };
    };
    assert.equal(saved.hook.url, URL_);
    assert.deepEqual(saved.hook.headers, { "x-ponte-hook-secret": SECRET });
    assert.equal(saved.filter.type, "FromWorkflow");
    assert.ok(saved.filter.status.includes("payment-approved") && saved.filter.status.includes("canceled"));
    assert.deepEqual(await hooks.register(URL_), { created: 0, updated: 0, deleted: 0, kept: 1 });
    assert.equal(oms.sent("POST", /hook\/config/).length, 1);
  });

  it("moves the hook to a new address or secret", async () => {
    const oms = new FakeOms();
    await vtexHookSubscriptions(fakeClient(oms), "old-secret-0123456789", silentLogger).register(URL_);
    const hooks = vtexHookSubscriptions(fakeClient(oms), SECRET, silentLogger);
    assert.equal((await hooks.register(URL_)).updated, 1);
    assert.equal((await hooks.register("https://new.example.com.br/webhooks/vtex")).updated, 1);
  });

  it("removes only a hook of ours", async () => {
    const oms = new FakeOms();
    const hooks = vtexHookSubscriptions(fakeClient(oms), SECRET, silentLogger);
    await hooks.register(URL_);
    assert.equal((await hooks.unregister("/other/path")).deleted, 0);
    assert.notEqual(oms.hookConfig, null);
    assert.equal((await hooks.unregister("/webhooks/vtex")).deleted, 1);
    assert.equal(oms.hookConfig, null);
  });
});
