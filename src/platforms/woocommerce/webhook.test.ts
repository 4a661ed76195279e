import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { signWebhookBody, startWooSimulator } from "../../simulators/woocommerce/index.ts";
import { WebhookPayloadError } from "../connector.ts";
import { woocommerce } from "./index.ts";

const SECRET = "s3cret-of-ponte-for-woo";
const body = Buffer.from('{"id":1042,"status":"processing","date_modified_gmt":"2026-11-20T13:00:05"}');
const headers = (extra: Record<string, string> = {}) => ({
  "x-wc-webhook-signature": signWebhookBody(body.toString("utf8"), SECRET),
  "x-wc-webhook-topic": "order.updated",
  "x-wc-webhook-source": "https://Loja.Exemplo.com.br/",
  "x-wc-webhook-delivery-id": "9f2c",
  ...extra,
});

describe("WooCommerce webhooks", () => {
  it("verifies the base64 HMAC-SHA256 of the exact body, and nothing else", () => {
    assert.equal(woocommerce.webhook.verify(body, headers(), SECRET), true);
    assert.equal(woocommerce.webhook.verify(body, headers(), `${SECRET}x`), false);
    assert.equal(woocommerce.webhook.verify(Buffer.from(`${body} `), headers(), SECRET), false);
    assert.equal(woocommerce.webhook.verify(body, {}, SECRET), false);
    assert.equal(
      woocommerce.webhook.verify(body, headers({ "x-wc-webhook-signature": "abc" }), SECRET),
      false,
    );
  });

  it("lets the creation ping through unsigned, as a notice about nothing", () => {
    const ping = Buffer.from("webhook_id=141");
    assert.equal(woocommerce.webhook.verify(ping, {}, SECRET), true);
    assert.equal(woocommerce.webhook.parse(ping, {}).kind, "other");
    assert.equal(woocommerce.webhook.verify(Buffer.from("webhook_id=141&x=1"), {}, SECRET), false);
  });

  it("reads the order notice: the site from X-WC-Webhook-Source, the status, the delivery id", () => {
    assert.deepEqual(woocommerce.webhook.parse(body, headers()), {
      event: "order/processing",
      storeExternalId: "https://loja.exemplo.com.br",
      externalOrderId: "1042",
      kind: "order",
      dedupeKey: "9f2c",
    });
    const deleted = woocommerce.webhook.parse(Buffer.from('{"id":1042}'), {
      "x-wc-webhook-topic": "order.deleted",
    });
    assert.deepEqual(
      [deleted.event, deleted.externalOrderId, deleted.storeExternalId],
      ["order.deleted", "1042", ""],
    );
    // Without the delivery id: the order and its date_modified.
    assert.equal(woocommerce.webhook.parse(body, {}).dedupeKey, "1042:2026-11-20T13:00:05");
  });

  it("refuses a body that is not an order", () => {
    for (const bad of ["not json", "[1]", '{"status":"processing"}'])
      assert.throws(() => woocommerce.webhook.parse(Buffer.from(bad), {}), WebhookPayloadError);
  });

  it("reads a delivery the simulator sent, with the simulator's site as the store id", async () => {
    const received: { body: Buffer; headers: Record<string, string | string[] | undefined> }[] = [];
    const http = await import("node:http");
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ body: Buffer.concat(chunks), headers: req.headers });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const sim = await startWooSimulator({ orders: 3, seed: 5 });
    try {
      const port = (server.address() as { port: number }).port;
      sim.setOptions({ hosts: { "https://ponte.test": `http://127.0.0.1:${port}` } });
      const create = await fetch(`${sim.apiBase}/webhooks`, {
        method: "POST",
        headers: {
          authorization: `Basic ${Buffer.from(`${sim.consumerKey}:${sim.consumerSecret}`).toString("base64")}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({
          topic: "order.updated",
          delivery_url: "https://ponte.test/webhooks/woocommerce",
          secret: SECRET,
        }),
      });
      assert.equal(create.status, 201);
      const order = sim.listOrders()[0]!;
      sim.updateOrder(order.id as number, { customer_note: "Entregar à tarde" });
      await sim.settled();
      const delivery = received.find((d) => d.body.toString("utf8").startsWith("{"));
      assert.ok(delivery);
      assert.equal(woocommerce.webhook.verify(delivery.body, delivery.headers, SECRET), true);
      const notice = woocommerce.webhook.parse(delivery.body, delivery.headers);
      assert.deepEqual(
        [notice.kind, notice.externalOrderId, notice.storeExternalId],
        ["order", String(order.id), sim.url],
      );
      const ping = received.find((d) => d.body.toString("utf8").startsWith("webhook_id="));
      assert.ok(ping, "the creation ping reached the receiver");
      assert.equal(woocommerce.webhook.verify(ping.body, ping.headers, SECRET), true);
    } finally {
      await sim.close();
      server.close();
    }
  });
});
