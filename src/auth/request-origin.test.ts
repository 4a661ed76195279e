import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isLoopback, isSameOrigin } from "./request-origin.ts";

describe("request origin", () => {
  const check = (
    origin: string | undefined,
    host: string,
    extra: { referer?: string; publicUrl?: string } = {},
  ) => isSameOrigin({ origin, host, referer: extra.referer, publicUrl: extra.publicUrl });

  it("accepts our own origin, with or without the default port, and refuses others", () => {
    assert.equal(check("http://localhost:3000", "localhost:3000"), true);
    assert.equal(check("https://ponte.example.com", "ponte.example.com"), true);
    assert.equal(check("http://localhost", "localhost:80"), true);
    assert.equal(check("http://localhost:3001", "localhost:3000"), false);
    assert.equal(check("http://ponte.example.com.evil.net", "ponte.example.com"), false);
    assert.equal(check("null", "localhost:3000"), false, "sandboxed pages send Origin: null");
    assert.equal(check(undefined, "localhost:3000"), false, "no Origin and no Referer");
  });

  it("falls back to the Referer, and accepts PONTE_PUBLIC_URL behind a proxy", () => {
    assert.equal(check(undefined, "localhost:3000", { referer: "http://localhost:3000/pedidos?x=1" }), true);
    assert.equal(check(undefined, "localhost:3000", { referer: "https://evil.example/" }), false);
    const publicUrl = "https://ponte.example.com";
    assert.equal(check("https://ponte.example.com", "127.0.0.1:3000", { publicUrl }), true);
    assert.equal(check("http://ponte.example.com", "127.0.0.1:3000", { publicUrl }), false, "scheme counts");
  });

  it("knows loopback addresses, IPv4-mapped included", () => {
    for (const a of ["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"])
      assert.equal(isLoopback(a), true, a);
    for (const a of ["10.0.0.1", "::ffff:10.0.0.1", "2001:db8::1", "", undefined]) {
      assert.equal(isLoopback(a), false, String(a));
    }
  });
});
