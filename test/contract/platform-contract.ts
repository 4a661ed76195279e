// The platform contract: what every platform module must do against its own simulator, over
// loopback HTTP, seen only through the module (driver.ts). A platform runs it from
// test/contract/<platform>.contract.test.ts with its harness (harness.ts); see
// docs/ADDING-A-PLATFORM.md.
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { checkDocument } from "../../src/domain/document.ts";
import { waitFor } from "../helpers/process.ts";
import type { CanonicalOrder, Connector, PageToken } from "./driver.ts";
import * as driver from "./driver.ts";
import type { PlatformHarness, SimulatorRun } from "./harness.ts";

const PUBLIC_ORIGIN = "https://ponte.test";

/** What every canonical order holds, whatever the platform: cents, totals that add up, a checked document, a status key. */
function assertCanonical(order: CanonicalOrder, what: string): void {
  assert.ok(order.externalId !== "", `${what}: an external id`);
  assert.ok(order.status.key.length > 0, `${what}: a status key for the DE-PARA table`);
  const money = [
    ...Object.values(order.totals),
    ...order.items.flatMap((i) => [i.unitPriceCents, i.totalCents]),
  ];
  for (const cents of money)
    assert.ok(Number.isSafeInteger(cents), `${what}: money in integer cents (${cents})`);
  const { subtotalCents, discountCents, shippingCents, totalCents } = order.totals;
  assert.equal(subtotalCents - discountCents + shippingCents, totalCents, `${what}: the totals add up`);
  assert.ok(!order.flags.some((f) => f.field === "total"), `${what}: no total flagged`);
  for (const item of order.items) {
    assert.ok(Number.isInteger(item.quantity) && item.quantity > 0, `${what}: whole quantities`);
    assert.equal(
      item.totalCents,
      item.unitPriceCents * item.quantity,
      `${what}: item total = price × quantity`,
    );
  }
  const { document, documentKind, documentProblem } = order.customer;
  if (document === null) assert.equal(documentProblem, "missing", `${what}: a missing document says so`);
  else {
    const check = checkDocument(document);
    assert.equal(documentKind, check.ok ? check.kind : null, `${what}: the document's kind is checked`);
    assert.equal(
      documentProblem,
      check.ok ? null : check.reason,
      `${what}: the document's problem is checked`,
    );
  }
}

/** The external id of a raw order the platform sent. */
const idOf = (harness: PlatformHarness, raw: unknown) => driver.normalize(harness.module, raw).externalId;

/** Walks the listing from `token` to its end (or `maxPages` pages). */
async function walk(connector: Connector, token: PageToken | null, maxPages = Number.POSITIVE_INFINITY) {
  const orders: unknown[] = [];
  let next: PageToken | null = token;
  let pages = 0;
  /** What the first page says the listing holds. */
  let total: number | null | undefined;
  do {
    const page = await driver.listPage(connector, next);
    orders.push(...page.orders);
    total ??= page.total;
    // The engine stores the token as JSON between pages: only what survives that may be in it.
    next = page.next === null ? null : JSON.parse(JSON.stringify(page.next));
    pages++;
    assert.ok(pages < 1000, "the listing ends");
  } while (next !== null && pages < maxPages);
  return { orders, next, pages, total };
}

/** Times each id appears. */
function counts(ids: string[]): Map<string, number> {
  const seen = new Map<string, number>();
  for (const id of ids) seen.set(id, (seen.get(id) ?? 0) + 1);
  return seen;
}

/** A local HTTP server standing in for Ponte's webhook endpoint: keeps every delivery as received. */
async function webhookReceiver() {
  const received: { body: Buffer; headers: driver.Headers }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ body: Buffer.concat(chunks), headers: req.headers });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function platformContract(harness: PlatformHarness): void {
  const { module } = harness;
  const started: SimulatorRun[] = [];
  const start = async (orders: number) => {
    const run = await harness.start({ orders });
    started.push(run);
    return run;
  };
  after(() => Promise.all(started.map((run) => run.close())));

  /** Raw orders the simulator holds that the harness's push applies to, read through the connector. */
  async function pushable(connector: Connector, howMany: number): Promise<string[]> {
    const { orders } = await walk(connector, null);
    const ids = orders.filter((raw) => harness.push.appliesTo(raw)).map((raw) => idOf(harness, raw));
    assert.ok(ids.length >= howMany, `the simulator holds ${howMany} orders the push applies to`);
    return ids.slice(0, howMany);
  }

  /** In a before hook: a simulator with a few orders, a connector as pushes open one (no retries), an order the push applies to. */
  function storeWithTarget() {
    const store = {} as { run: SimulatorRun; connector: Connector; target: string };
    before(async () => {
      store.run = await start(10);
      store.connector = driver.connect(module, store.run, { maxRetries: 0 });
      [store.target] = (await pushable(store.connector, 1)) as [string];
    });
    return store;
  }

  describe(`${harness.name} platform contract: fixtures`, () => {
    it("has fixtures, and a malformed payload to refuse", () => {
      assert.ok(harness.fixtures.length > 0);
      assert.ok(harness.malformed.length > 0);
    });

    for (const fixture of harness.fixtures) {
      it(`normalizes the fixture ${fixture.name}`, () => {
        assertCanonical(driver.normalize(module, fixture.raw), fixture.name);
      });
    }

    for (const bad of harness.malformed) {
      it(`refuses ${bad.name} with a MappingError listing every problem`, () => {
        assert.throws(
          () => driver.normalize(module, bad.raw),
          (e: unknown) => {
            assert.ok(e instanceof driver.MappingError, "a MappingError");
            for (const word of bad.problems) {
              assert.ok(
                e.problems.some((p) => p.includes(word)),
                `a problem names ${word}: ${e.problems.join("; ")}`,
              );
            }
            return true;
          },
        );
      });
    }
  });

  describe(`${harness.name} platform contract: webhooks`, { skip: !module.capabilities.webhooks }, () => {
    let run: SimulatorRun;
    let connector: Connector;
    let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
    let targets: string[];

    before(async () => {
      run = await start(20);
      connector = driver.connect(module, run);
      receiver = await webhookReceiver();
      await run.routeWebhooks(PUBLIC_ORIGIN, receiver.origin);
      targets = await pushable(connector, 4);
    });
    after(() => receiver.close());

    /** Changes an order through the module and waits for the platform's delivery about it. */
    async function deliveryFor(orderId: string) {
      const result = await driver.push(connector, orderId, harness.push.action);
      assert.equal(result.ok, true, `the push applied: ${JSON.stringify(result)}`);
      return waitFor(
        `a delivery about order ${orderId}`,
        async () => receiver.received.find((d) => d.body.includes(orderId)),
        10_000,
      );
    }

    it("registers its webhooks with the platform, and a second run changes nothing", async (t) => {
      const url = `${PUBLIC_ORIGIN}/webhooks/${harness.name}`;
      const first = await driver.registerWebhooks(connector, url);
      if (first === undefined) return t.skip("the platform lets no app register webhooks");
      assert.ok(first.created > 0, "subscriptions created");
      const again = await driver.registerWebhooks(connector, url);
      assert.deepEqual(again, { created: 0, updated: 0, deleted: 0, kept: first.created + first.kept });
    });

    it("verifies a delivery the platform signed and parses it into a notice about the order", async () => {
      const orderId = targets[0]!;
      const delivery = await deliveryFor(orderId);
      assert.equal(driver.verifyWebhook(module, delivery.body, delivery.headers, run.webhookSecret), true);
      const notice = driver.parseWebhook(module, delivery.body, delivery.headers);
      assert.equal(notice.kind, "order");
      assert.equal(notice.externalOrderId, orderId);
      // The harness signs as the platform does: its signature of the same body verifies too.
      const signed = harness.signWebhook(delivery.body, run.webhookSecret);
      assert.equal(driver.verifyWebhook(module, delivery.body, signed, run.webhookSecret), true);
    });

    it("refuses a tampered body, another secret's signature and a delivery without one", async () => {
      const genuine = await deliveryFor(targets[1]!);
      const tampered = Buffer.from(genuine.body.toString("utf8").replace(targets[1]!, targets[0]!));
      assert.notDeepEqual(tampered, genuine.body);
      if (harness.webhookSignsBody !== false)
        assert.equal(driver.verifyWebhook(module, tampered, genuine.headers, run.webhookSecret), false);
      const forged = harness.signWebhook(genuine.body, `${run.webhookSecret}-not-it`);
      assert.equal(driver.verifyWebhook(module, genuine.body, forged, run.webhookSecret), false);
      assert.equal(driver.verifyWebhook(module, genuine.body, {}, run.webhookSecret), false);

      // The simulator's own bad and missing signatures.
      await run.fault({ kind: "webhook_signature", signature: "invalid" });
      const wrong = await deliveryFor(targets[2]!);
      assert.equal(driver.verifyWebhook(module, wrong.body, wrong.headers, run.webhookSecret), false);
      await run.fault({ kind: "webhook_signature", signature: "missing" });
      const unsigned = await deliveryFor(targets[3]!);
      assert.equal(driver.verifyWebhook(module, unsigned.body, unsigned.headers, run.webhookSecret), false);
      await run.clearFaults();
    });
  });

  describe(`${harness.name} platform contract: listing`, () => {
    const N = harness.pageSize * 3 + Math.ceil(harness.pageSize / 2);
    let run: SimulatorRun;
    let expected: string[];

    before(async () => {
      run = await start(N);
      expected = (await run.orderIds()).sort();
      assert.equal(expected.length, N);
    });

    it("lists every order once across several pages, each one a canonical order", async () => {
      const connector = driver.connect(module, run);
      const { orders, pages, total } = await walk(connector, null);
      assert.ok(pages >= 4, `crossed the page cap (${pages} pages of ${harness.pageSize})`);
      const ids = orders.map((raw) => idOf(harness, raw));
      assert.deepEqual([...ids].sort(), expected, "every order, each once");
      if (total !== null) assert.equal(total, N, "the first page's total");
      for (const raw of orders) assertCanonical(driver.normalize(module, raw), `order ${idOf(harness, raw)}`);
    });

    it("resumes from a saved page token after a restart, losing and repeating nothing", async () => {
      const first = await walk(driver.connect(module, run), null, 2);
      assert.notEqual(first.next, null, "pages left after the restart");
      // A restart: a new connector, from the token as the engine stored it.
      const rest = await walk(driver.connect(module, run), first.next);
      const ids = [...first.orders, ...rest.orders].map((raw) => idOf(harness, raw));
      assert.deepEqual([...ids].sort(), expected, "every order, each once");
    });

    it("loses no order when one already listed changes before the next page is read", async () => {
      const connector = driver.connect(module, run);
      const first = await walk(connector, null, 2);
      // The store changes an order the listing has passed (it moves to the end of "changed since").
      const changed = first.orders.find((raw) => harness.push.appliesTo(raw));
      assert.ok(changed, "an order the push applies to on the first pages");
      const changedId = idOf(harness, changed);
      const result = await driver.push(connector, changedId, harness.push.action);
      assert.equal(result.ok, true);
      const rest = await walk(driver.connect(module, run), first.next);
      const seen = counts([...first.orders, ...rest.orders].map((raw) => idOf(harness, raw)));
      assert.deepEqual([...seen.keys()].sort(), expected, "every order listed");
      // A listing by time of change lists it again; one by creation time does not (it was seen).
      const repeated = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
      assert.ok(
        repeated.every((id) => id === changedId),
        `nothing listed twice but the changed order: ${repeated.join(", ")}`,
      );
    });
  });

  describe(`${harness.name} platform contract: reading and pushing`, () => {
    let run: SimulatorRun;
    let connector: Connector;
    let targets: string[];

    before(async () => {
      run = await start(20);
      // Pushes as the engine sends them: once, the job retries.
      connector = driver.connect(module, run, { maxRetries: 0 });
      targets = await pushable(connector, 2);
    });

    it("reads an order by its external id, and a missing one as null", async () => {
      const raw = await driver.getOrder(connector, targets[0]!);
      assert.equal(idOf(harness, raw), targets[0]);
      assert.equal(await driver.getOrder(connector, harness.missingOrderId), null);
    });

    it("reports a retried push as already applied, writing nothing the second time", async () => {
      const first = await driver.push(connector, targets[0]!, harness.push.action);
      assert.deepEqual([first.ok, first.ok && first.alreadyApplied], [true, false]);
      await run.takeRequests();
      const again = await driver.push(connector, targets[0]!, harness.push.action);
      assert.deepEqual([again.ok, again.ok && again.alreadyApplied], [true, true]);
      const writes = (await run.takeRequests()).filter((r) => r.method !== "GET" && r.method !== "HEAD");
      assert.deepEqual(writes, [], "no write reached the platform");
    });

    it("reports a push whose answer was lost as already applied when the job retries it", async () => {
      await run.fault({ kind: "answer_lost" });
      const lost = await driver.push(connector, targets[1]!, harness.push.action);
      assert.deepEqual([lost.ok, !lost.ok && lost.retryable], [false, true], "a retryable failure");
      await run.clearFaults();
      const retried = await driver.push(connector, targets[1]!, harness.push.action);
      assert.deepEqual([retried.ok, retried.ok && retried.alreadyApplied], [true, true]);
    });
  });

  describe(`${harness.name} platform contract: access refused`, () => {
    const store = storeWithTarget();

    for (const [kind, state] of [
      ["unauthorized", "invalid_credentials"],
      ["suspended", "suspended"],
    ] as const) {
      it(`turns the platform's ${kind} answer into PlatformAccessError ${state} on every call`, async () => {
        await store.run.fault({ kind });
        const refused = (e: unknown) => e instanceof driver.PlatformAccessError && e.state === state;
        await assert.rejects(driver.listPage(store.connector, null), refused, "listing");
        await assert.rejects(driver.getOrder(store.connector, store.target), refused, "reading");
        await assert.rejects(
          driver.push(store.connector, store.target, harness.push.action),
          refused,
          "pushing",
        );
        await store.run.clearFaults();
        assert.notEqual(
          await driver.getOrder(store.connector, store.target),
          null,
          "back once the platform accepts again",
        );
      });
    }
  });

  describe(`${harness.name} platform contract: rate limit`, () => {
    const store = storeWithTarget();

    it("waits out rate-limit answers on every call, without spending a retry", async (t) => {
      const calls: [string, () => Promise<unknown>][] = [
        ["listing", () => driver.listPage(store.connector, null)],
        ["reading", () => driver.getOrder(store.connector, store.target)],
        ["pushing", () => driver.push(store.connector, store.target, harness.push.action)],
      ];
      for (const [what, call] of calls) {
        await store.run.takeRequests();
        await store.run.fault({ kind: "rate_limited", count: 2 });
        const started = Date.now();
        const answer = await call();
        t.diagnostic(`${what}: two rate-limit answers waited out in ${Date.now() - started} ms`);
        if (what === "pushing") assert.equal((answer as driver.PushResult).ok, true, what);
        else assert.notEqual(answer, null, what);
        const statuses = (await store.run.takeRequests()).map((r) => r.status);
        assert.deepEqual(statuses.slice(0, 3), [429, 429, 200], `${what}: asked again after each 429`);
        await store.run.clearFaults();
      }
    });
  });
}
