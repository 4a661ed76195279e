import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fastifyTrustProxy, parseTrustProxy } from "./trusted-proxies.ts";

describe("PONTE_TRUST_PROXY", () => {
  it("reads off, a hop count (1 and true: one proxy) or the proxies' addresses", () => {
    for (const off of [undefined, "", "0", "false", "off"]) assert.equal(parseTrustProxy(off), false, off);
    assert.equal(parseTrustProxy("1"), 1);
    assert.equal(parseTrustProxy("true"), 1, "the old 'trust the proxy' is one proxy now");
    assert.equal(parseTrustProxy("2"), 2);
    assert.deepEqual(parseTrustProxy("10.0.0.5, 10.1.0.0/16,loopback,::1"), [
      "10.0.0.5",
      "10.1.0.0/16",
      "loopback",
      "::1",
    ]);
    for (const bad of ["11", "-1", "proxy.example.com", "10.0.0.0/33", "10.0.0.5,", "all", "*"]) {
      assert.throws(() => parseTrustProxy(bad), /PONTE_TRUST_PROXY must be/, bad);
    }
  });

  it("trusts N hops only behind a loopback or private peer", () => {
    const trust = fastifyTrustProxy(1) as (address: string, hop: number) => boolean;
    assert.equal(trust("127.0.0.1", 0), true);
    assert.equal(trust("::ffff:10.0.0.2", 0), true);
    assert.equal(trust("203.0.113.9", 0), false, "a client from the internet is not the proxy");
    assert.equal(trust("10.0.0.3", 1), false, "one hop: the address the proxy saw is the client");
    assert.equal(fastifyTrustProxy(false), false);
    assert.deepEqual(fastifyTrustProxy(["10.0.0.5"]), ["10.0.0.5"]);
  });
});
