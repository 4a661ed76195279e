import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startWooSimulator, type WooSimulator } from "../../simulators/woocommerce/index.ts";
import { PlatformAccessError, type PlatformContact } from "../connector.ts";
import { platformErrorKind } from "../platform-errors.ts";
import { clientOf, connectTo } from "./test-helpers.ts";

const site = {
  url: "https://loja.example",
  apiBase: "https://loja.example/wp-json/wc/v3",
  consumerKey: "ck_abc",
  consumerSecret: "cs_def",
};

/** A fetch answering each call with the next of `answers`, keeping what it was asked. */
function scripted(...answers: (() => Response)[]) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch = (async (input: string | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init });
    const next = answers.shift();
    if (!next) throw new Error("no more answers");
    return next();
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}
const html =
  (status: number, text: string, headers: Record<string, string> = {}) =>
  () =>
    new Response(`<html><body>${text}</body></html>`, {
      status,
      headers: { "content-type": "text/html", ...headers },
    });

describe("WooCommerce client", () => {
  it("sends the key pair as HTTP Basic, to the site's API only", async () => {
    const { fetch, calls } = scripted(() => Response.json({ id: 7, status: "processing" }));
    await clientOf(site, { fetch }).getOrder("7");
    const auth = (calls[0]?.init?.headers as Record<string, string> | undefined)?.Authorization;
    assert.equal(auth, `Basic ${Buffer.from("ck_abc:cs_def").toString("base64")}`);
    assert.equal(calls[0]?.url, "https://loja.example/wp-json/wc/v3/orders/7");
    await assert.rejects(
      clientOf(site, { fetch }).request("GET", "https://elsewhere.example/wp-json/wc/v3/orders"),
      (e: unknown) => platformErrorKind(e) === "redirected",
    );
  });

  it("never follows a redirect with the key", async () => {
    const { fetch, calls } = scripted(
      () => new Response(null, { status: 301, headers: { location: "https://outro.example/" } }),
    );
    await assert.rejects(
      clientOf(site, { fetch }).getOrder("7"),
      (e: unknown) => platformErrorKind(e) === "redirected",
    );
    assert.equal(calls.length, 1);
  });

  it("reads a missing order as null, but a missing API as an error", async () => {
    const { fetch } = scripted(
      () =>
        Response.json(
          { code: "woocommerce_rest_shop_order_invalid_id", message: "Invalid ID.", data: { status: 404 } },
          { status: 404 },
        ),
      () =>
        Response.json({ code: "rest_no_route", message: "No route", data: { status: 404 } }, { status: 404 }),
    );
    const client = clientOf(site, { fetch });
    assert.equal(await client.getOrder("7"), null);
    await assert.rejects(client.getOrder("7"), (e: unknown) => platformErrorKind(e) === "not_found");
    assert.equal(await client.getOrder("not-an-id"), null);
  });

  it("reads a host's 'account suspended' page as a suspended store, and a plain 503 as a server error", async () => {
    const suspended = scripted(html(503, "<h1>Account Suspended</h1>"));
    await assert.rejects(
      clientOf(site, { fetch: suspended.fetch }).getOrder("7"),
      (e: unknown) => e instanceof PlatformAccessError && e.state === "suspended",
    );
    const cpanel = scripted(
      () =>
        new Response(null, {
          status: 302,
          headers: { location: "https://loja.example/cgi-sys/suspendedpage.cgi" },
        }),
    );
    await assert.rejects(
      clientOf(site, { fetch: cpanel.fetch }).getOrder("7"),
      (e: unknown) => e instanceof PlatformAccessError && e.state === "suspended",
    );
    const busy = scripted(html(503, "Service Unavailable"), () => Response.json({ id: 7 }));
    assert.deepEqual(await clientOf(site, { fetch: busy.fetch, maxRetries: 1 }).getOrder("7"), { id: 7 });
  });

  it("waits a 429 out as Retry-After says, without spending a retry, and tells each contact", async () => {
    const contacts: PlatformContact[] = [];
    const { fetch, calls } = scripted(html(429, "Too many", { "retry-after": "0" }), () =>
      Response.json({ id: 7 }),
    );
    const client = clientOf(site, { fetch, maxRetries: 0, onContact: (c) => void contacts.push(c) });
    assert.deepEqual(await client.getOrder("7"), { id: 7 });
    assert.equal(calls.length, 2);
    assert.deepEqual(contacts, [{ ok: false, kind: "rate_limited" }, { ok: true }]);
  });

  it("gives up a 429 whose wait would end past the deadline", async () => {
    const { fetch } = scripted(html(429, "Too many", { "retry-after": "30" }));
    await assert.rejects(
      clientOf(site, { fetch, deadline: Date.now() + 1_000 }).getOrder("7"),
      (e: unknown) => platformErrorKind(e) === "rate_limited",
    );
  });

  it("refuses a success that is not JSON (a proxy's page)", async () => {
    const { fetch } = scripted(html(200, "Welcome"));
    await assert.rejects(
      clientOf(site, { fetch }).getOrder("7"),
      (e: unknown) => platformErrorKind(e) === "unreadable",
    );
  });
});

describe("WooCommerce connection test against the simulator", () => {
  let sim: WooSimulator;
  before(async () => {
    sim = await startWooSimulator({ orders: 5, seed: 8 });
  });
  after(() => sim.close());

  it("proves the key reads and writes, and reads a sample order", async () => {
    const probe = connectTo(sim).probe!;
    assert.deepEqual(await probe.storeInfo(), { name: sim.url.replace("http://", "") });
    assert.deepEqual(await probe.permissions!(), { read: true, write: true });
    const sample = await probe.sampleOrder();
    assert.equal(sample?.total, 5);
    assert.equal(sample?.customerIncluded, true);
    assert.equal(sim.listOrders().length, 5, "the write check changed nothing");
  });

  it("says a read-only key may read but not write, and a revoked one is refused", async () => {
    const readOnly = sim.addKey("read");
    const probe = connectTo({
      ...sim,
      consumerKey: readOnly.consumerKey,
      consumerSecret: readOnly.consumerSecret,
    }).probe!;
    await probe.storeInfo();
    assert.deepEqual(await probe.permissions!(), { read: true, write: false });
    const writeOnly = sim.addKey("write");
    const writer = connectTo({
      ...sim,
      consumerKey: writeOnly.consumerKey,
      consumerSecret: writeOnly.consumerSecret,
    }).probe!;
    assert.deepEqual(await writer.permissions!(), { read: false, write: true });
    sim.setOptions({ unauthorized: true });
    try {
      const revoked = (e: unknown) => e instanceof PlatformAccessError && e.state === "invalid_credentials";
      await assert.rejects(connectTo(sim).probe!.storeInfo(), revoked);
      await assert.rejects(connectTo(sim).probe!.permissions!(), revoked);
    } finally {
      sim.setOptions({ unauthorized: false });
    }
  });
});
