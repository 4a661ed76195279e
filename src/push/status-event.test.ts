import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseRetryAfter, retryDelayMs } from "./backoff.ts";
import { signatureFor, verifySignature } from "./signature.ts";
import { escapeXml, type StatusEvent, statusEventXml, XML_NAMESPACE } from "./status-event.ts";

const event: StatusEvent = {
  id: "push:42:status:v5",
  type: "order.status_changed",
  occurredAt: "2026-05-04T13:20:11.000Z",
  store: { id: 3, name: `Loja <Centro> & "Cia" d'Água`, platform: "plataforma-teste" },
  order: { salesOrderId: 42, salesOrderNumber: 1042, storeOrderId: "870001", storeOrderNumber: "153" },
  status: {
    code: "despachado",
    label: "Despachado",
    previousCode: "em_preparacao",
    platformStatus: "shipped",
    version: 5,
  },
  tracking: { carrier: "Correios\u0001", code: "JT194690698BR", url: "https://rastreio.example/?a=1&b=<2>" },
  invoice: null,
  deliveredAt: null,
  notifyCustomer: false,
};

describe("status event XML", () => {
  it("escapes every value and drops characters XML cannot carry", () => {
    const xml = statusEventXml(event);
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n'));
    assert.ok(xml.includes(`<statusEvent xmlns="${XML_NAMESPACE}" version="1">`));
    assert.ok(
      xml.includes(
        '<store id="3" platform="plataforma-teste">Loja &lt;Centro&gt; &amp; &quot;Cia&quot; d&apos;Água</store>',
      ),
    );
    assert.ok(xml.includes("<url>https://rastreio.example/?a=1&amp;b=&lt;2&gt;</url>"));
    assert.ok(xml.includes("<carrier>Correios</carrier>"), "the control character is gone");
    assert.ok(!xml.includes("<invoice"), "absent values leave their element out");
    // Every < opens a tag: nothing from the data was left unescaped.
    for (const tag of xml.matchAll(/<([^>]*)>/g)) assert.match(tag[1]!, /^(\?xml|\/?[a-zA-Z]+)/);
    assert.equal(escapeXml("\uD800x"), "x", "a lone surrogate is dropped");
  });
});

describe("webhook signature", () => {
  it("verifies the body and timestamp it signed, and nothing else", () => {
    const body = JSON.stringify(event);
    const now = Date.parse("2026-05-04T13:20:12Z");
    const ts = Math.floor(now / 1000);
    const signature = signatureFor("whsec_test", ts, body);
    assert.match(signature, /^sha256=[0-9a-f]{64}$/);
    const ok = (b: string, s: string | undefined, t: string | undefined, at = now) =>
      verifySignature("whsec_test", b, { signature: s, timestamp: t }, { now: at });
    assert.equal(ok(body, signature, String(ts)), true);
    assert.equal(ok(`${body} `, signature, String(ts)), false, "another body");
    assert.equal(ok(body, signature, String(ts + 1)), false, "another timestamp");
    assert.equal(ok(body, signature, String(ts), now + 301_000), false, "a replay after the tolerance");
    assert.equal(ok(body, "sha256=00", String(ts)), false, "a short signature does not throw");
    assert.equal(ok(body, undefined, String(ts)), false);
    assert.equal(verifySignature("other", body, { signature, timestamp: String(ts) }, { now }), false);
  });
});

describe("push backoff", () => {
  const policy = { baseDelayMs: 10_000, maxDelayMs: 20 * 60_000, maxRetryAfterMs: 3_600_000 };

  it("doubles with jitter up to the cap; ten attempts span about an hour", () => {
    assert.equal(
      retryDelayMs(1, policy, null, () => 1),
      10_000,
    );
    assert.equal(
      retryDelayMs(1, policy, null, () => 0),
      5_000,
    );
    assert.equal(
      retryDelayMs(4, policy, null, () => 1),
      80_000,
    );
    assert.equal(
      retryDelayMs(12, policy, null, () => 1),
      20 * 60_000,
    );
    const span = (r: number) =>
      [1, 2, 3, 4, 5, 6, 7, 8, 9].reduce((t, a) => t + retryDelayMs(a, policy, null, () => r), 0);
    assert.ok(span(0) >= 30 * 60_000 && span(1) <= 62 * 60_000, `${span(0)}..${span(1)}`);
  });

  it("never retries before Retry-After, which is read as seconds or a date and capped", () => {
    assert.equal(
      retryDelayMs(1, policy, 120_000, () => 1),
      120_000,
    );
    assert.equal(
      retryDelayMs(1, policy, 9_999_999_999, () => 1),
      3_600_000,
    );
    assert.equal(parseRetryAfter("7"), 7_000);
    assert.equal(
      parseRetryAfter("Wed, 21 Oct 2015 07:28:30 GMT", Date.parse("2015-10-21T07:28:00Z")),
      30_000,
    );
    assert.equal(parseRetryAfter("soon"), null);
    assert.equal(parseRetryAfter(undefined), null);
  });
});
