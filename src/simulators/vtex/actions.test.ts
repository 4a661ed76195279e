// The order actions and their state rules: start-handling, cancel (refused once invoiced, even
// partially), partial invoices that add up to invoiced, tracking, and window-to-cancel moving on
// by itself after 30 minutes of simulator time.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startVtexSimulator, type VtexSimulator } from "./index.ts";
import { call } from "./test-client.ts";

const ORDERS = "/api/oms/pvt/orders";

describe("VTEX simulator: order actions", () => {
  let sim: VtexSimulator;
  before(async () => {
    sim = await startVtexSimulator({ orders: 0 });
  });
  after(() => sim.close());

  /** A paid order past its cancel window. */
  const readyOrder = () => {
    const order = sim.createOrder();
    sim.setStatus(order.orderId, "ready-for-handling");
    return sim.getOrder(order.orderId)!;
  };

  const invoice = (orderId: string, number: string, value: number, type = "Output") =>
    call(sim, "POST", `${ORDERS}/${orderId}/invoice`, {
      body: {
        type,
        invoiceNumber: number,
        invoiceValue: String(value),
        issuanceDate: "2026-01-10T12:00:00-03:00",
        invoiceKey: "35260111222333000181550010000012341000012345",
        courier: "",
        trackingNumber: "",
        trackingUrl: "",
        items: [],
      },
    });

  it("start-handling moves ready-for-handling to handling (204), and only from there (409 OMS003)", async () => {
    const order = readyOrder();
    const res = await call(sim, "POST", `${ORDERS}/${order.orderId}/start-handling`);
    assert.equal(res.status, 204);
    assert.equal(res.text, "");
    assert.equal(sim.getOrder(order.orderId)!.status, "handling");
    const again = await call(sim, "POST", `${ORDERS}/${order.orderId}/start-handling`);
    assert.equal(again.status, 409);
    assert.equal(again.json().error.code, "OMS003");
    assert.equal((await call(sim, "POST", `${ORDERS}/v1nope-01/start-handling`)).status, 404);
  });

  it("partial invoices add up: invoiced only when the Output invoices reach the value", async () => {
    const order = readyOrder();
    const part = Math.floor(order.value / 3);
    const first = await invoice(order.orderId, "NF-1", part);
    assert.equal(first.status, 200);
    assert.deepEqual(Object.keys(first.json()).sort(), ["date", "orderId", "receipt"]);
    assert.notEqual(sim.getOrder(order.orderId)!.status, "invoiced");
    // The same number again: a new receipt, nothing counted twice.
    const repeat = await invoice(order.orderId, "NF-1", part);
    assert.equal(repeat.status, 200);
    assert.notEqual(repeat.json().receipt, first.json().receipt);
    assert.equal(sim.getOrder(order.orderId)!.packageAttachment.packages.length, 1);
    assert.notEqual(sim.getOrder(order.orderId)!.status, "invoiced");
    // Partially invoiced: cancel is refused with 400.
    assert.equal(
      (await call(sim, "POST", `${ORDERS}/${order.orderId}/cancel`, { body: { reason: "x" } })).status,
      400,
    );
    assert.equal((await invoice(order.orderId, "NF-2", order.value - part)).status, 200);
    const done = sim.getOrder(order.orderId)!;
    assert.equal(done.status, "invoiced");
    assert.equal(done.statusDescription, "Faturado");
    assert.ok(done.invoicedDate);
    const cancel = await call(sim, "POST", `${ORDERS}/${order.orderId}/cancel`, { body: { reason: "x" } });
    assert.equal(cancel.status, 400);
    assert.equal(sim.getOrder(order.orderId)!.status, "invoiced");
    // A return invoice is still taken and changes no status.
    assert.equal((await invoice(order.orderId, "NF-DEV-1", 100, "Input")).status, 200);
    assert.equal(sim.getOrder(order.orderId)!.status, "invoiced");
  });

  it("refuses invoices without the required fields or with a value that is not cents", async () => {
    const order = readyOrder();
    for (const value of ["12,50", "0", "-3"])
      assert.equal((await invoice(order.orderId, "NF-X", value as never)).status, 400);
    const noItems = await call(sim, "POST", `${ORDERS}/${order.orderId}/invoice`, {
      body: { type: "Output", invoiceNumber: "1", invoiceValue: "100", issuanceDate: "2026-01-10T12:00:00Z" },
    });
    assert.equal(noItems.status, 400);
    const unpaid = sim.createOrder();
    assert.equal((await invoice(unpaid.orderId, "NF-U", unpaid.value)).status, 400);
  });

  it("cancel answers a receipt, and a second cancel changes nothing", async () => {
    const order = readyOrder();
    const res = await call(sim, "POST", `${ORDERS}/${order.orderId}/cancel`, {
      body: { reason: "Sem estoque" },
    });
    assert.equal(res.status, 200);
    assert.equal(res.json().orderId, order.orderId);
    const canceled = sim.getOrder(order.orderId)!;
    assert.equal(canceled.status, "canceled");
    assert.equal((canceled.cancellationData as { Reason: string }).Reason, "Sem estoque");
    const again = await call(sim, "POST", `${ORDERS}/${order.orderId}/cancel`, { body: { reason: "outra" } });
    assert.equal(again.status, 200);
    assert.equal((sim.getOrder(order.orderId)!.cancellationData as { Reason: string }).Reason, "Sem estoque");
    assert.equal(sim.getOrder(order.orderId)!.lastChange, canceled.lastChange);
  });

  it("PATCH adds tracking to an invoice and PUT tracking records delivery", async () => {
    const order = readyOrder();
    await invoice(order.orderId, "NF-T", order.value);
    const noTracking = await call(sim, "PUT", `${ORDERS}/${order.orderId}/invoice/NF-T/tracking`, {
      body: { isDelivered: false, events: [] },
    });
    assert.equal(noTracking.status, 400);
    const patch = await call(sim, "PATCH", `${ORDERS}/${order.orderId}/invoice/NF-T`, {
      body: {
        trackingNumber: "JT123456785BR",
        trackingUrl: "https://rastreio.example/JT123456785BR",
        courier: "Correios",
      },
    });
    assert.equal(patch.status, 200);
    const pack = sim.getOrder(order.orderId)!.packageAttachment.packages[0]!;
    assert.equal(pack.trackingNumber, "JT123456785BR");
    const put = await call(sim, "PUT", `${ORDERS}/${order.orderId}/invoice/NF-T/tracking`, {
      body: {
        isDelivered: true,
        deliveredDate: "2026-01-12T15:00:00Z",
        events: [{ city: "São Paulo", state: "SP", description: "Entregue", date: "2026-01-12" }],
      },
    });
    assert.equal(put.status, 200);
    assert.equal(sim.getOrder(order.orderId)!.isAllDelivered, true);
    assert.equal(
      (await call(sim, "PATCH", `${ORDERS}/${order.orderId}/invoice/NF-none`, { body: {} })).status,
      404,
    );
  });

  it("window-to-cancel moves on to ready-for-handling after 30 minutes of simulator time", async () => {
    const order = sim.createOrder();
    sim.setStatus(order.orderId, "payment-approved");
    assert.equal(sim.getOrder(order.orderId)!.status, "window-to-cancel");
    sim.advanceTime(29 * 60_000);
    assert.equal(sim.getOrder(order.orderId)!.status, "window-to-cancel");
    const res = await call(sim, "POST", "/__control/time", { body: { advanceMs: 60_000 } });
    assert.equal(res.status, 200);
    assert.equal(sim.getOrder(order.orderId)!.status, "ready-for-handling");
  });
});
