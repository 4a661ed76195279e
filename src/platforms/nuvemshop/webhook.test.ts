import assert from "node:assert/strict";
import crypto from "node:crypto";
import { describe, it } from "node:test";
import { parseNuvemshopWebhook, verifyNuvemshopWebhook } from "./webhook.ts";

const body = Buffer.from('{"store_id":1234567,"event":"order/paid","id":1658917364}');
const sign = (b: Buffer, secret: string) => crypto.createHmac("sha256", secret).update(b).digest("hex");

describe("Nuvemshop webhook signature", () => {
  it("accepts the hex HMAC-SHA256 of the raw body, in either header spelling", () => {
    assert.equal(
      verifyNuvemshopWebhook(body, { "x-linkedstore-hmac-sha256": sign(body, "s3cret") }, "s3cret"),
      true,
    );
    assert.equal(
      verifyNuvemshopWebhook(
        body,
        { "x-linkedstore-hmac-sha256": sign(body, "s3cret").toUpperCase() },
        "s3cret",
      ),
      true,
    );
  });

  it("refuses wrong secret, missing header, re-serialized JSON, base64 and odd lengths without throwing", () => {
    const reserialized = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 1));
    const base64 = crypto.createHmac("sha256", "s3cret").update(body).digest("base64");
    for (const [raw, header] of [
      [body, sign(body, "other")],
      [body, undefined],
      [body, sign(reserialized, "s3cret").slice(0, 10)],
      [reserialized, sign(body, "s3cret")],
      [body, base64],
      [body, "zz"],
    ] as [Buffer, string | undefined][]) {
      assert.equal(verifyNuvemshopWebhook(raw, { "x-linkedstore-hmac-sha256": header }, "s3cret"), false);
    }
    assert.equal(verifyNuvemshopWebhook(body, { "x-linkedstore-hmac-sha256": sign(body, "") }, ""), false);
  });

  it("parses the thin payload into a per-order dedupe key", () => {
    assert.deepEqual(parseNuvemshopWebhook(body), {
      event: "order/paid",
      storeExternalId: "1234567",
      externalOrderId: "1658917364",
      kind: "order",
      dedupeKey: "1234567:order:1658917364",
    });
    assert.equal(parseNuvemshopWebhook(Buffer.from('{"store_id":1,"event":"app/suspended"}')).kind, "app");
    assert.equal(
      parseNuvemshopWebhook(Buffer.from('{"store_id":1,"event":"customers/redact","customer":{}}')).kind,
      "privacy",
    );
    assert.throws(() => parseNuvemshopWebhook(Buffer.from("{not json")), /not JSON/);
  });

  it("reads the LGPD notices into a neutral privacy request, with or without the event field", () => {
    const redact = parseNuvemshopWebhook(
      Buffer.from(
        JSON.stringify({
          store_id: 1,
          event: "customers/redact",
          customer: { id: 77, email: "ana@example.org", phone: "+5511", identification: "529.982.247-25" },
          orders_to_redact: [10, 11],
        }),
      ),
    );
    assert.deepEqual(redact.privacy, {
      kind: "customer_redact",
      customer: { externalId: "77", email: "ana@example.org", phone: "+5511", document: "529.982.247-25" },
      externalOrderIds: ["10", "11"],
      requestId: null,
    });
    const request = parseNuvemshopWebhook(
      Buffer.from(
        JSON.stringify({
          store_id: 1,
          customer: { id: 77, email: "ana@example.org" },
          orders_requested: [10],
          checkouts_requested: [],
          drafts_orders_requested: [],
          data_request: { id: 456 },
        }),
      ),
    );
    assert.equal(request.event, "customers/data_request");
    assert.equal(request.kind, "privacy");
    assert.equal(request.privacy?.kind, "data_request");
    assert.equal(request.privacy?.requestId, "456");
    assert.deepEqual(request.privacy?.externalOrderIds, ["10"]);
    const store = parseNuvemshopWebhook(Buffer.from('{"store_id":1}'));
    assert.equal(store.event, "store/redact");
    assert.equal(store.privacy?.kind, "store_redact");
    assert.throws(() => parseNuvemshopWebhook(Buffer.from('{"store_id":1,"id":3}')), /lacks/);
  });
});
