import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { MappingError } from "../connector.ts";
import { vtex } from "./index.ts";
import { fakeOrder } from "./test-fake-oms.ts";

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), "utf8"));

function problemsOf(raw: unknown): string[] {
  try {
    vtex.normalize(raw);
  } catch (error) {
    if (error instanceof MappingError) return error.problems;
    throw error;
  }
  return [];
}

describe("VTEX order mapping", () => {
  it("normalizes every fixture with totals that add up and item totals = price × quantity", () => {
    const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".json"));
    assert.ok(files.length >= 5);
    for (const file of files) {
      const order = vtex.normalize(fixture(file));
      const t = order.totals;
      assert.equal(t.subtotalCents - t.discountCents + t.shippingCents, t.totalCents, file);
      for (const item of order.items)
        assert.equal(item.totalCents, item.unitPriceCents * item.quantity, file);
      assert.ok(order.status.key !== "", file);
    }
  });

  it("reads the documented Get order example (its totals fixed to add up to value)", () => {
    const order = vtex.normalize(fixture("get-order-example.json"));
    assert.equal(order.externalId, "1172452900788-01");
    assert.equal(order.number, "502556");
    assert.equal(order.status.key, "handling");
    assert.equal(order.status.paid, true);
    assert.deepEqual(order.totals, {
      subtotalCents: 990,
      discountCents: 0,
      shippingCents: 170,
      totalCents: 1160,
    });
    assert.deepEqual(order.items[0], {
      sku: "18",
      name: "Bay Max L",
      productId: "6",
      variantId: "18",
      variant: null,
      quantity: 1,
      unitPriceCents: 990,
      totalCents: 990,
    });
    assert.equal(order.customer.document, "84513427019");
    assert.equal(order.customer.documentKind, "cpf");
    assert.equal(order.payment.method, "Visa");
    assert.equal(order.shippingAddress?.zipcode, "22630-011");
    assert.equal(order.createdAt, "2024-02-04T20:09:43.899Z");
  });

  it("keeps the marketplace's id beside VTEX's own order id and sequence", () => {
    const order = vtex.normalize(fixture("get-order-example.json"));
    assert.equal(order.status.fields.marketplaceOrderId, "1172452900788-01");
    assert.equal(order.status.fields.sellerOrderId, "00-v502556llux-01");
    assert.deepEqual(vtex.identify(fixture("get-order-example.json")), {
      externalId: "1172452900788-01",
      number: "502556",
    });
  });

  it("takes integer cents as sent, with the discount as a positive amount", () => {
    const order = vtex.normalize(fixture("corporate-alphanumeric-cnpj.json"));
    assert.deepEqual(order.totals, {
      subtotalCents: 43870,
      discountCents: 3000,
      shippingCents: 2500,
      totalCents: 43370,
    });
    assert.deepEqual(
      order.items.map((i) => [i.sku, i.unitPriceCents, i.quantity, i.totalCents]),
      [
        ["2001", 11990, 3, 35970],
        ["2002", 2450, 2, 4900],
      ],
    );
  });

  it("refuses totals that do not add up to value, naming totals", () => {
    const problems = problemsOf(fakeOrder({ orderId: "v1-01", value: 3000 }));
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^totals: .* is not value 3000/);
  });

  it("refuses money that is not integer cents (never rounds it)", () => {
    const problems = problemsOf(
      fakeOrder({
        orderId: "v1-01",
        items: [{ id: "1", name: "x", quantity: 1, sellingPrice: 19.9 }],
      }),
    );
    assert.ok(problems.some((p) => p.startsWith("items[0].sellingPrice")));
  });

  it("refuses an item without a price instead of reading it as free", () => {
    const problems = problemsOf(
      fakeOrder({ orderId: "v1-01", items: [{ id: "1", name: "x", quantity: 1 }] }),
    );
    assert.ok(problems.includes("items[0]: no sellingPrice nor price"));
  });

  it("reads the CNPJ of a corporate buyer, alphanumeric included", () => {
    const c = vtex.normalize(fixture("corporate-alphanumeric-cnpj.json")).customer;
    assert.equal(c.name, "Padaria Pão Quente Ltda");
    assert.equal(c.document, "12ABC34501DE35");
    assert.equal(c.documentKind, "cnpj");
    assert.equal(c.documentProblem, null);
  });

  it("says why a CPF cannot link a customer", () => {
    const raw = fakeOrder({ orderId: "v1-01", clientProfileData: { document: "111.111.111-11" } });
    const c = vtex.normalize(raw).customer;
    assert.equal(c.documentKind, null);
    assert.equal(c.documentProblem, "repeated_digits");
  });

  it("recognises a masked document: kept (normalized like any other), not linked", () => {
    const c = vtex.normalize(fixture("masked-document.json")).customer;
    assert.equal(c.document, "***********");
    assert.equal(c.documentKind, null);
    assert.equal(c.documentProblem, "masked");
  });

  it("reads a pickup order's pickup point", () => {
    const order = vtex.normalize(fixture("pickup.json"));
    assert.equal(order.shipping.pickup, true);
    assert.equal(order.shipping.option, "Store Name RJ");
    assert.equal(order.shipping.code, "Express");
  });

  it("reads a canceled order as cancelled", () => {
    const order = vtex.normalize(fixture("canceled.json"));
    assert.equal(order.status.key, "canceled");
    assert.equal(order.status.cancelled, true);
  });

  it("flags a status it does not know instead of guessing, and does not call it paid", () => {
    const order = vtex.normalize(fakeOrder({ orderId: "v1-01", status: "teleported" }));
    assert.equal(order.status.key, "teleported");
    assert.equal(order.status.paid, false);
    assert.deepEqual(
      order.flags.map((f) => f.field),
      ["status"],
    );
  });

  it("is unpaid before payment-approved and paid after it", () => {
    const paid = (status: string) => vtex.normalize(fakeOrder({ orderId: "v1-01", status })).status.paid;
    assert.deepEqual(
      ["payment-pending", "payment-approved", "window-to-cancel", "handling", "invoiced"].map(paid),
      [false, true, true, true, true],
    );
  });

  it("takes the tracking of the last Output invoice", () => {
    const order = vtex.normalize(
      fakeOrder({
        orderId: "v1-01",
        status: "invoiced",
        packageAttachment: {
          packages: [
            { type: "Output", invoiceNumber: "1", trackingNumber: "OLD" },
            { type: "Input", invoiceNumber: "2", trackingNumber: "RETURN" },
            {
              type: "Output",
              invoiceNumber: "3",
              trackingNumber: "JT1BR",
              trackingUrl: "https://t.example/JT1BR",
            },
          ],
        },
      }),
    );
    assert.equal(order.shipping.trackingNumber, "JT1BR");
    assert.equal(order.shipping.trackingUrl, "https://t.example/JT1BR");
  });
});
