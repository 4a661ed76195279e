import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { classifyAddress } from "./ip-address.ts";
import { checkTargetUrl, type Resolver, safeRequest, UnsafeUrlError, type UrlPolicy } from "./safe-fetch.ts";

const strict: UrlPolicy = { allowHttpLoopback: false };
const resolvesTo =
  (...addresses: string[]): Resolver =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

async function refusal(url: string, policy: UrlPolicy = strict): Promise<UnsafeUrlError> {
  try {
    await checkTargetUrl(url, policy);
  } catch (error) {
    assert.ok(error instanceof UnsafeUrlError, `${url}: ${error}`);
    return error;
  }
  assert.fail(`${url} was allowed`);
}

describe("SSRF guard for configured push URLs", () => {
  it("refuses loopback, private, CGNAT, link-local and metadata addresses", async () => {
    for (const url of [
      "https://127.0.0.1/hook",
      "https://127.8.9.10/hook",
      "https://[::1]/hook",
      "https://10.1.2.3/hook",
      "https://172.16.0.1/hook",
      "https://172.31.255.254/hook",
      "https://192.168.0.10/hook",
      "https://100.64.1.1/hook",
      "https://169.254.169.254/latest/meta-data/",
      "https://[fe80::1]/hook",
      "https://[fd00::5]/hook",
      "https://0.0.0.0/hook",
      "https://224.0.0.1/hook",
    ]) {
      assert.equal((await refusal(url)).reason, "address", url);
    }
  });

  it("refuses IPv4-mapped and NAT64 IPv6 forms of a private address", async () => {
    for (const url of [
      "https://[::ffff:127.0.0.1]/",
      "https://[::ffff:7f00:1]/",
      "https://[::ffff:10.0.0.1]/",
      "https://[64:ff9b::a00:1]/",
    ]) {
      const error = await refusal(url);
      assert.equal(error.reason, "address", url);
      assert.match(error.reasonPt, /IPv6 que embute um IPv4/);
    }
  });

  it("refuses decimal, octal and hex spellings of 127.0.0.1", async () => {
    for (const url of [
      "https://2130706433/",
      "https://017700000001/",
      "https://0x7f000001/",
      "https://0x7f.0.0.1/",
      "https://127.1/",
    ]) {
      const error = await refusal(url);
      assert.equal(error.reason, "address", url);
      assert.match(error.message, /127\.0\.0\.1/);
    }
  });

  it("refuses a DNS name that resolves to a loopback or private address, even among public ones", async () => {
    assert.equal(
      (await refusal("https://hooks.example/x", { ...strict, resolve: resolvesTo("127.0.0.1") })).reason,
      "address",
    );
    assert.equal(
      (
        await refusal("https://hooks.example/x", {
          ...strict,
          resolve: resolvesTo("93.184.215.14", "10.0.0.7"),
        })
      ).reason,
      "address",
    );
    // The system resolver: localhost is the machine itself.
    assert.equal((await refusal("https://localhost/x")).reason, "address");
  });

  it("refuses http, credentials in the URL and privileged ports", async () => {
    assert.equal(
      (await refusal("http://hooks.example/x", { ...strict, resolve: resolvesTo("93.184.215.14") })).reason,
      "scheme",
    );
    assert.equal((await refusal("ftp://hooks.example/x")).reason, "scheme");
    assert.equal((await refusal("https://user:pw@hooks.example/x")).reason, "credentials");
    assert.equal((await refusal("https://hooks.example:25/x")).reason, "port");
    assert.equal((await refusal("not a url")).reason, "invalid_url");
  });

  it("allows a public address (checked without connecting)", async () => {
    const url = await checkTargetUrl("https://93.184.215.14/ponte", strict);
    assert.equal(url.hostname, "93.184.215.14");
    await checkTargetUrl("https://[2606:4700:4700::1111]:8443/x", strict);
    await checkTargetUrl("https://hooks.example/x", {
      ...strict,
      resolve: resolvesTo("93.184.215.14", "2606:4700:4700::1111"),
    });
    assert.equal(classifyAddress("8.8.8.8"), "public");
    assert.equal(classifyAddress("172.32.0.1"), "public");
  });

  describe("sending", () => {
    let server: http.Server;
    let port: number;
    let hits = 0;
    before(async () => {
      server = http.createServer((req, res) => {
        hits++;
        if (req.url === "/redirect") {
          res.writeHead(302, { location: "http://127.0.0.1:1/elsewhere" });
          res.end();
          return;
        }
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("x".repeat(10_000));
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      port = (server.address() as AddressInfo).port;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const post = (url: string, policy: UrlPolicy) =>
      safeRequest(
        url,
        { method: "POST", headers: {}, body: "{}", timeoutMs: 2_000, maxResponseBytes: 100 },
        policy,
      );

    it("checks the address it connects to: a name that passed the check but now resolves to loopback is refused", async () => {
      let answer = "93.184.215.14";
      const policy: UrlPolicy = {
        allowHttpLoopback: false,
        resolve: async () => [{ address: answer, family: 4 }],
      };
      await checkTargetUrl(`https://rebind.example:${port}/`, policy);
      answer = "127.0.0.1"; // DNS rebinding between the check and the connection
      const before = hits;
      await assert.rejects(
        post(`https://rebind.example:${port}/`, policy),
        (e: unknown) => e instanceof UnsafeUrlError && e.reason === "address",
      );
      assert.equal(hits, before, "no request reached the loopback server");
    });

    it("allows http to loopback only with the development flag, caps the answer and never follows a redirect", async () => {
      await assert.rejects(
        post(`http://127.0.0.1:${port}/`, strict),
        (e: unknown) => e instanceof UnsafeUrlError && e.reason === "scheme",
      );
      const dev: UrlPolicy = { allowHttpLoopback: true };
      const ok = await post(`http://localhost:${port}/`, dev);
      assert.equal(ok.status, 200);
      assert.equal(ok.body.length, 100);
      assert.equal(ok.truncated, true);
      const redirect = await post(`http://127.0.0.1:${port}/redirect`, dev);
      assert.equal(redirect.status, 302, "the 3xx comes back as is: the caller treats it as a failure");
      // Even with the flag, http to a public address is refused.
      await assert.rejects(
        post("http://hooks.example/", { allowHttpLoopback: true, resolve: resolvesTo("93.184.215.14") }),
        (e: unknown) => e instanceof UnsafeUrlError && e.reason === "scheme",
      );
    });
  });
});
