import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startWooSimulator, type WooSimulator } from "../../simulators/woocommerce/index.ts";
import { PlatformAccessError, type PushAction } from "../connector.ts";
import { NFE_KEY_META, TRACKING_META } from "./map-order.ts";
import { connectTo } from "./test-helpers.ts";

// A valid NF-e key (domain/nfe-key.ts).
const KEY = "35261112345678000195550010000012341123456781";
const fulfill = (notifyCustomer = true): PushAction => ({
  kind: "fulfill",
  trackingNumber: "JT194690698BR",
  trackingUrl: "https://rastreio.example/JT194690698BR",
  notifyCustomer,
});
const invoice: PushAction = {
  kind: "invoice",
  accessKey: KEY,
  link: null,
  number: "1234",
  series: "1",
  issuedAt: null,
  valueCents: 2990,
};

describe("WooCommerce pushes against the simulator", () => {
  let sim: WooSimulator;
  const auth = () => `Basic ${Buffer.from(`${sim.consumerKey}:${sim.consumerSecret}`).toString("base64")}`;
  const notesOf = async (id: string) =>
    (await (
      await fetch(`${sim.apiBase}/orders/${id}/notes`, { headers: { authorization: auth() } })
    ).json()) as {
      note: string;
      customer_note: boolean;
    }[];
  const metaOf = (id: string, key: string) =>
    ((sim.getOrder(Number(id))?.meta_data ?? []) as { key: string; value: string }[]).filter(
      (m) => m.key === key,
    );
  const withStatus = (status: string) => {
    const order = sim.createOrder({ status });
    return String(order.id);
  };
  const writes = () => sim.requestLog().filter((r) => r.method !== "GET");

  before(async () => {
    sim = await startWooSimulator({ orders: 2, seed: 4 });
  });
  after(() => sim.close());

  it("writes the tracking as a private note and meta once, then reports it already applied", async () => {
    const id = withStatus("processing");
    const connector = connectTo(sim);
    const first = await connector.push(id, fulfill());
    assert.deepEqual([first.ok, first.ok && first.alreadyApplied], [true, false]);
    assert.deepEqual(
      metaOf(id, TRACKING_META).map((m) => m.value),
      ["JT194690698BR"],
    );
    const notes = (await notesOf(id)).filter((n) => n.note.includes("JT194690698BR"));
    // The store did not say WooCommerce e-mails its customers: the note stays private.
    assert.deepEqual(
      notes.map((n) => n.customer_note),
      [false],
    );
    sim.clearLog();
    const again = await connector.push(id, fulfill());
    assert.deepEqual([again.ok, again.ok && again.alreadyApplied], [true, true]);
    assert.deepEqual(writes(), []);
  });

  it("sends the note to the buyer only when WooCommerce e-mails the customers and the change says to", async () => {
    const id = withStatus("processing");
    await connectTo(sim, {}, { customerEmails: "platform" }).push(id, fulfill(true));
    const other = withStatus("processing");
    await connectTo(sim, {}, { customerEmails: "platform" }).push(other, fulfill(false));
    assert.deepEqual(
      [...(await notesOf(id)), ...(await notesOf(other))]
        .filter((n) => n.note.includes("JT19"))
        .map((n) => n.customer_note),
      [true, false],
    );
  });

  it("after a lost answer to the note, the retry writes only the meta (no second note)", async () => {
    const id = withStatus("processing");
    sim.setOptions({
      faultScript: [{ status: 503, count: 1, method: "POST", path: "/notes$", afterApply: true }],
    });
    const lost = await connectTo(sim).push(id, fulfill());
    assert.deepEqual([lost.ok, !lost.ok && lost.retryable], [false, true]);
    sim.setOptions({ faultScript: null });
    const retried = await connectTo(sim).push(id, fulfill());
    assert.deepEqual([retried.ok, retried.ok && retried.alreadyApplied], [true, false]);
    assert.equal((await notesOf(id)).filter((n) => n.note.includes("JT194690698BR")).length, 1);
    assert.equal(metaOf(id, TRACKING_META).length, 1);
  });

  it("writes the NF-e key as a note and meta", async () => {
    const id = withStatus("processing");
    const result = await connectTo(sim).push(id, invoice);
    assert.equal(result.ok, true);
    assert.deepEqual(
      metaOf(id, NFE_KEY_META).map((m) => m.value),
      [KEY],
    );
    assert.ok((await notesOf(id)).some((n) => n.note.includes(KEY) && n.note.includes("série 1")));
    const again = await connectTo(sim).push(id, invoice);
    assert.equal(again.ok && again.alreadyApplied, true);
  });

  it("completes, cancels and marks paid by status, each once", async () => {
    const connector = connectTo(sim);
    const processing = withStatus("processing");
    assert.equal((await connector.push(processing, { kind: "close" })).ok, true);
    assert.equal(sim.getOrder(Number(processing))?.status, "completed");
    const closedAgain = await connector.push(processing, { kind: "close" });
    assert.equal(closedAgain.ok && closedAgain.alreadyApplied, true);

    const pending = withStatus("on-hold");
    assert.equal((await connector.push(pending, { kind: "pay" })).ok, true);
    const paid = sim.getOrder(Number(pending))!;
    assert.equal(paid.status, "processing");
    assert.notEqual(paid.date_paid_gmt, null);

    const toCancel = withStatus("pending");
    const cancel: PushAction = { kind: "cancel", reason: "customer", email: false, restock: true };
    assert.equal((await connector.push(toCancel, cancel)).ok, true);
    assert.equal(sim.getOrder(Number(toCancel))?.status, "cancelled");
    const payCancelled = await connector.push(toCancel, { kind: "pay" });
    assert.deepEqual([payCancelled.ok, !payCancelled.ok && payCancelled.retryable], [false, false]);
  });

  it("refuses what WooCommerce cannot do, and a missing order", async () => {
    const connector = connectTo(sim);
    const pack = await connector.push(withStatus("processing"), { kind: "pack" });
    assert.equal(pack.ok, false);
    const missing = await connector.push("999999", { kind: "close" });
    assert.deepEqual([missing.ok, !missing.ok && missing.status], [false, 404]);
  });

  it("says a read-only key lacks write permission", async () => {
    const readOnly = sim.addKey("read");
    const connector = connectTo({
      ...sim,
      consumerKey: readOnly.consumerKey,
      consumerSecret: readOnly.consumerSecret,
    });
    await assert.rejects(
      connector.push(withStatus("processing"), { kind: "close" }),
      (e: unknown) =>
        e instanceof PlatformAccessError &&
        e.state === "invalid_credentials" &&
        /sem permissão de escrita/.test(e.message),
    );
  });
});
