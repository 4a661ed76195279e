import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkOrigin, isLoopback, isServedHost } from "./request-origin.ts";

describe("request origin", () => {
  const check = (
    origin: string | undefined,
    host: string,
    extra: { referer?: string; publicUrl?: string; protocol?: string } = {},
  ) =>
    checkOrigin({
      origin,
      host,
      referer: extra.referer,
      publicUrl: extra.publicUrl,
      protocol: extra.protocol ?? (origin?.startsWith("https:") ? "https" : "http"),
    });

  it("accepts our own origin, with or without the default port, and refuses others", () => {
    assert.equal(check("http://localhost:3000", "localhost:3000"), "ok");
    assert.equal(check("http://127.0.0.1:3000", "127.0.0.1:3000"), "ok");
    assert.equal(check("http://localhost", "localhost:80"), "ok");
    assert.equal(check("http://localhost:3001", "localhost:3000"), "foreign_origin");
    assert.equal(check("null", "localhost:3000"), "foreign_origin", "sandboxed pages send Origin: null");
    assert.equal(check(undefined, "localhost:3000"), "foreign_origin", "no Origin and no Referer");
  });

  it("compares the scheme: an https page of the same host is not an http request's origin", () => {
    assert.equal(check("https://localhost:3000", "localhost:3000", { protocol: "http" }), "foreign_origin");
    assert.equal(check("http://localhost:443", "localhost:443", { protocol: "https" }), "foreign_origin");
  });

  it("falls back to the Referer, and accepts PONTE_PUBLIC_URL behind a proxy", () => {
    assert.equal(check(undefined, "localhost:3000", { referer: "http://localhost:3000/pedidos?x=1" }), "ok");
    assert.equal(check(undefined, "localhost:3000", { referer: "https://evil.example/" }), "foreign_origin");
    const publicUrl = "https://ponte.example.com";
    assert.equal(check("https://ponte.example.com", "127.0.0.1:3000", { publicUrl, protocol: "http" }), "ok");
    assert.equal(check("https://ponte.example.com", "ponte.example.com", { publicUrl }), "ok");
    assert.equal(
      check("http://ponte.example.com", "127.0.0.1:3000", { publicUrl }),
      "foreign_origin",
      "scheme counts",
    );
  });

  it("serves loopback names, IP addresses and PONTE_PUBLIC_URL's host, and no other name", () => {
    for (const host of ["localhost", "localhost:3000", "127.0.0.1:3000", "[::1]:3000", "192.0.2.10:3000"]) {
      assert.equal(isServedHost(host, undefined), true, host);
    }
    assert.equal(isServedHost("ponte.example.com", "https://ponte.example.com"), true);
    assert.equal(isServedHost("PONTE.example.com:8443", "https://ponte.example.com"), true);
    for (const host of [
      "attacker.example:3000",
      "ponte.example.com.evil.net",
      "localhost.evil.net",
      "",
      undefined,
    ]) {
      assert.equal(isServedHost(host, "https://ponte.example.com"), false, String(host));
    }
    // DNS rebinding: the page's own origin and Host agree, but the name is not Ponte's.
    assert.equal(check("http://attacker.example:3000", "attacker.example:3000"), "foreign_host");
  });

  it("knows loopback addresses, IPv4-mapped included", () => {
    for (const a of ["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"])
      assert.equal(isLoopback(a), true, a);
    for (const a of ["10.0.0.1", "::ffff:10.0.0.1", "2001:db8::1", "", undefined]) {
      assert.equal(isLoopback(a), false, String(a));
    }
  });
});
