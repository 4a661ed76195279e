import assert from "node:assert/strict";
import { test } from "node:test";
import { MASK, maskSecrets } from "./mask.ts";

test("every field named like a secret is masked, at any depth, whatever its value", () => {
  const masked = maskSecrets({
    name: "Loja Centro",
    password: "hunter2",
    smtpPass: "p4ss",
    accessToken: "tok_123",
    access_token: "tok_456",
    apiKey: 12345,
    clientSecret: "shh",
    credentials: { accessToken: "abc", appKey: "k", user: "maria" },
    pushChannel: { kind: "webhook", url: "https://example.com/hook", secret: "sealed:xyz" },
    rows: [{ header: "Authorization", authorization: "Bearer x" }],
  });
  assert.deepEqual(masked, {
    name: "Loja Centro",
    password: MASK,
    smtpPass: MASK,
    accessToken: MASK,
    access_token: MASK,
    apiKey: MASK,
    clientSecret: MASK,
    credentials: { accessToken: MASK, appKey: MASK, user: MASK },
    pushChannel: { kind: "webhook", url: "https://example.com/hook", secret: MASK },
    rows: [{ header: "Authorization", authorization: MASK }],
  });
  assert.ok(!JSON.stringify(masked).includes("tok_"), "no token value survives");
});

test("plain fields, null secrets and dates stay readable", () => {
  const at = new Date("2026-12-06T12:00:00Z");
  assert.deepEqual(maskSecrets({ status: "entregue", token: null, at, n: 3, ok: true }), {
    status: "entregue",
    token: null,
    at: "2026-12-06T12:00:00.000Z",
    n: 3,
    ok: true,
  });
  assert.equal(maskSecrets(null), null);
  assert.equal(maskSecrets("text"), "text");
});
