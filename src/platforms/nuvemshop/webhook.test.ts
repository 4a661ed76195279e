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
});
