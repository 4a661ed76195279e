import assert from "node:assert/strict";
import { test } from "node:test";
import type { FastifyRequest } from "fastify";
import { auditSource, changedFields } from "./record.ts";

test("only the fields that changed are kept, each side with its value (absent is null)", () => {
  assert.deepEqual(
    changedFields(
      { name: "Loja", interval: 15, settings: { a: 1 }, gone: "x" },
      { name: "Loja", interval: 45, settings: { a: 2 }, added: true },
    ),
    {
      before: { interval: 15, settings: { a: 1 }, gone: "x", added: null },
      after: { interval: 45, settings: { a: 2 }, gone: null, added: true },
    },
  );
  assert.deepEqual(changedFields({ a: [1, 2] }, { a: [1, 2] }), { before: {}, after: {} });
});

test("who and from where come from the request's principal, address and a bounded user agent", () => {
  const request = {
    principal: { kind: "token", id: 7, name: "erp" },
    ip: "203.0.113.7",
    headers: { "user-agent": "x".repeat(1000) },
  } as unknown as FastifyRequest;
  const source = auditSource(request);
  assert.deepEqual(source.actor, { kind: "token", id: 7, name: "erp" });
  assert.equal(source.ip, "203.0.113.7");
  assert.equal(source.userAgent?.length, 300);
  assert.throws(() => auditSource({ ...request, principal: null } as unknown as FastifyRequest), {
    code: "unauthenticated",
  });
});
