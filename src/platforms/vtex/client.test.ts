import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PlatformAccessError, type PlatformContact } from "../connector.ts";
import { VtexRequestError } from "./client.ts";
import { FAKE_BASE_URL, FakeOms, fakeClient, fakeOrder } from "./test-fake-oms.ts";
import { TokenBucket, TokenWaitTooLong } from "./token-bucket.ts";

const ORDER = "v1-01";

function oms(): FakeOms {
  const fake = new FakeOms();
  fake.add(fakeOrder({ orderId: ORDER }));
  return fake;
}

async function accessState(fake: FakeOms): Promise<string> {
  try {
    await fakeClient(fake).getOrder(ORDER);
    return "ok";
  } catch (error) {
    if (error instanceof PlatformAccessError) return error.state;
    throw error;
  }
}

describe("VTEX client", () => {
  it("sends the app key and token and reads an order; a missing one is null", async () => {
    const fake = oms();
    assert.equal((await fakeClient(fake).getOrder(ORDER))?.orderId, ORDER);
    assert.equal(await fakeClient(fake).getOrder("v404-01"), null);
  });

  it("401 and 403 (a key without the OMS role) are refused credentials; 402 is a suspended account", async () => {
    const fake = oms();
    fake.faults.unauthorized = true;
    assert.equal(await accessState(fake), "invalid_credentials");
    fake.faults.unauthorized = false;
    fake.faults.forbidden = true;
    assert.equal(await accessState(fake), "invalid_credentials");
    fake.faults.forbidden = false;
    fake.faults.suspended = true;
    assert.equal(await accessState(fake), "suspended");
    fake.faults.suspended = false;
    assert.equal(await accessState(fake), "ok");
  });

  it("waits out 429s per Retry-After without spending a retry", async () => {
    const fake = oms();
    fake.faults.rateLimited = 2;
    fake.faults.retryAfter = "0";
    const contacts: PlatformContact[] = [];
    const client = fakeClient(fake, { maxRetries: 0, onContact: (c) => void contacts.push(c) });
    assert.equal((await client.getOrder(ORDER))?.orderId, ORDER);
    assert.equal(fake.requests.length, 3);
    assert.deepEqual(contacts, [
      { ok: false, kind: "rate_limited" },
      { ok: false, kind: "rate_limited" },
      { ok: true },
    ]);
  });

  it("waits VTEX's minute after a 429 without Retry-After, but not past the deadline", async () => {
    const fake = oms();
    fake.faults.rateLimited = 1;
    const started = Date.now();
    await assert.rejects(
      fakeClient(fake, { deadline: Date.now() + 5_000 }).getOrder(ORDER),
      (error: unknown) => {
        assert.ok(error instanceof VtexRequestError);
        assert.equal(error.kind, "rate_limited");
        return true;
      },
    );
    assert.ok(Date.now() - started < 1_000, "gave up at once instead of waiting 60 s");
    fake.faults.rateLimited = 1;
    assert.equal((await fakeClient(fake, { rateLimitWaitMs: 5 }).getOrder(ORDER))?.orderId, ORDER);
  });

  it("retries 5xx a bounded number of times", async () => {
    const fake = oms();
    fake.faults.serverErrors = 2;
    assert.equal((await fakeClient(fake, { maxRetries: 2 }).getOrder(ORDER))?.orderId, ORDER);
    fake.faults.serverErrors = 2;
    await assert.rejects(fakeClient(fake, { maxRetries: 1 }).getOrder(ORDER), { kind: "server_error" });
  });

  it("never sends the key elsewhere: another origin and redirects are refused", async () => {
    const fake = oms();
    const client = fakeClient(fake);
    await assert.rejects(client.request("GET", "http://127.0.0.2:9/api/oms/pvt/orders"), {
      kind: "redirected",
    });
    assert.equal(fake.requests.length, 0);
    const redirecting = fakeClient(fake, {
      fetch: async () => new Response(null, { status: 302, headers: { location: "http://127.0.0.3/" } }),
    });
    await assert.rejects(redirecting.getOrder(ORDER), { kind: "redirected" });
    assert.ok(client.url("/x").startsWith(FAKE_BASE_URL));
  });
});

describe("Get order throttle", () => {
  it("hands out its burst, then spaces turns; refuses a wait past the deadline", async () => {
    let now = 0;
    const bucket = new TokenBucket(2, 10, () => now);
    await bucket.take();
    await bucket.take();
    assert.equal(bucket.waitMs(), 100);
    await assert.rejects(bucket.take(now + 50), TokenWaitTooLong);
    now += 100;
    assert.equal(bucket.waitMs(), 0);
  });
});
