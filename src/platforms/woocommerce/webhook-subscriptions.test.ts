import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startWooSimulator, type WooSimulator } from "../../simulators/woocommerce/index.ts";
import type { WebhookSubscriptions } from "../connector.ts";
import { connectTo } from "./test-helpers.ts";
import { webhookName } from "./webhook-subscriptions.ts";

const URL_NOW = "https://ponte.example/webhooks/woocommerce";
const SECRET = "a-secret-of-32-characters-long!!";

describe("WooCommerce webhook registration", () => {
  let sim: WooSimulator;
  const auth = () => `Basic ${Buffer.from(`${sim.consumerKey}:${sim.consumerSecret}`).toString("base64")}`;
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${sim.apiBase}${path}`, {
      method,
      headers: { authorization: auth(), "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await res.json()) as Record<string, unknown> & Record<string, unknown>[];
  };
  const hooks = async () =>
    (await api("GET", "/webhooks?per_page=100")) as unknown as Record<string, unknown>[];
  const subscriptions = (secret = SECRET): WebhookSubscriptions =>
    connectTo(sim, { webhookSecret: secret }).webhookSubscriptions!;

  before(async () => {
    sim = await startWooSimulator({ orders: 1, seed: 3 });
  });
  after(() => sim.close());

  it("creates one active webhook per order topic, and a second run changes nothing", async () => {
    assert.deepEqual(await subscriptions().register(URL_NOW), {
      created: 3,
      updated: 0,
      deleted: 0,
      kept: 0,
    });
    assert.deepEqual(await subscriptions().register(URL_NOW), {
      created: 0,
      updated: 0,
      deleted: 0,
      kept: 3,
    });
    const list = await hooks();
    assert.deepEqual(list.map((h) => h.topic).sort(), ["order.created", "order.deleted", "order.updated"]);
    assert.ok(list.every((h) => h.status === "active" && h.delivery_url === URL_NOW));
  });

  it("turns a webhook WooCommerce disabled back on, counted as updated and re-enabled", async () => {
    const hook = (await hooks()).find((h) => h.topic === "order.updated")!;
    await api("PUT", `/webhooks/${hook.id}`, { status: "disabled" });
    assert.deepEqual(await subscriptions().register(URL_NOW), {
      created: 0,
      updated: 1,
      deleted: 0,
      kept: 2,
      reenabled: 1,
    });
    assert.equal((await hooks()).find((h) => h.id === hook.id)?.status, "active");
  });

  it("writes a new secret (which it cannot read back) and a new address, keeps others' webhooks", async () => {
    await api("POST", "/webhooks", {
      topic: "order.updated",
      delivery_url: "https://erp.other/hook",
      name: "Outro ERP",
    });
    const moved = "https://ponte-novo.example/webhooks/woocommerce";
    assert.deepEqual(await subscriptions("another-secret-of-32-characters!").register(moved), {
      created: 0,
      updated: 3,
      deleted: 0,
      kept: 0,
    });
    const list = await hooks();
    assert.ok(
      list.some((h) => h.delivery_url === "https://erp.other/hook"),
      "another app's webhook is left alone",
    );
    const ours = list.filter((h) => h.delivery_url === moved);
    assert.equal(ours.length, 3);
    assert.ok(ours.every((h) => h.name === webhookName(String(h.topic), "another-secret-of-32-characters!")));
  });

  it("deletes duplicates and topics it does not use, then everything of its own on unregister", async () => {
    const moved = "https://ponte-novo.example/webhooks/woocommerce";
    await api("POST", "/webhooks", { topic: "order.updated", delivery_url: moved });
    await api("POST", "/webhooks", { topic: "product.updated", delivery_url: moved });
    const again = await subscriptions("another-secret-of-32-characters!").register(moved);
    assert.deepEqual(again, { created: 0, updated: 0, deleted: 2, kept: 3 });
    assert.deepEqual(await subscriptions().unregister("/webhooks/woocommerce"), {
      created: 0,
      updated: 0,
      deleted: 3,
      kept: 0,
    });
    assert.deepEqual(
      (await hooks()).map((h) => h.delivery_url),
      ["https://erp.other/hook"],
    );
  });

  it("refuses to register without a secret", async () => {
    await assert.rejects(connectTo(sim).webhookSubscriptions!.register(URL_NOW), /secret/);
  });
});
