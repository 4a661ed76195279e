// The seeded orders as a client reads them: money strings that add up to the cent on every order,
// Brazilian documents (valid, formatted, missing, alphanumeric CNPJ), guests, custom statuses, and
// the same data for the same seed.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { cnpjCheckDigits, cpfCheckDigits } from "./documents.ts";
import { cents } from "./format.ts";
import { startWooSimulator, type WooSimulator } from "./index.ts";

// biome-ignore lint/suspicious/noExplicitAny: orders are checked field by field
type Order = Record<string, any>;
const sum = (items: Order[], field: string) => items.reduce((s, i) => s + cents(i[field]), 0);

describe("WooCommerce simulator: seeded orders", () => {
  let sim: WooSimulator;
  let orders: Order[];
  before(async () => {
    sim = await startWooSimulator({ orders: 200, seed: 7 });
    orders = sim.listOrders();
  });
  after(() => sim.close());

  it("writes money as decimal strings that add up to the cent on every order", () => {
    for (const o of orders) {
      for (const field of [
        "discount_total",
        "shipping_total",
        "cart_tax",
        "total",
        "total_tax",
        "shipping_tax",
      ])
        assert.match(o[field], /^-?\d+\.\d{2}$/, `${o.id} ${field}`);
      assert.equal(o.subtotal, undefined, "Woo has no order subtotal");
      const lines = sum(o.line_items, "total");
      const fees = sum(o.fee_lines, "total");
      assert.equal(
        cents(o.total),
        lines + cents(o.shipping_total) + fees + cents(o.total_tax),
        `order ${o.id}`,
      );
      assert.equal(cents(o.discount_total), sum(o.line_items, "subtotal") - lines, `order ${o.id} discount`);
      assert.equal(cents(o.total_tax), cents(o.cart_tax) + cents(o.shipping_tax));
      for (const line of o.line_items) {
        assert.equal(typeof line.price, "number");
        assert.ok(Math.abs(line.price * line.quantity * 100 - cents(line.total)) < 0.001);
      }
    }
    assert.ok(
      orders.some((o) => o.fee_lines.some((f: Order) => cents(f.total) < 0)),
      "a negative fee",
    );
    assert.ok(
      orders.some((o) => o.coupon_lines.length > 0 && cents(o.discount_total) > 0),
      "a coupon",
    );
    assert.ok(
      orders.some((o) => o.tax_lines.length > 0 && cents(o.total_tax) > 0),
      "taxes",
    );
    assert.ok(
      orders.some((o) => o.shipping_lines[0].method_id === "local_pickup"),
      "a pickup",
    );
  });

  it("dates have no offset; the _gmt form is three hours ahead of São Paulo", () => {
    for (const o of orders.slice(0, 20)) {
      assert.match(o.date_created, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
      const local = Date.parse(`${o.date_created}Z`);
      assert.equal(Date.parse(`${o.date_created_gmt}Z`) - local, 3 * 3_600_000);
      assert.equal(typeof o.number, "string");
    }
  });

  it("carries CPF and CNPJ (alphanumeric too) with valid check digits, formatted or not, and missing ones", () => {
    const cpfs = orders.map((o) => o.billing.cpf).filter(Boolean);
    const cnpjs = orders.map((o) => o.billing.cnpj).filter(Boolean);
    const valid = (doc: string) =>
      doc.length === 11
        ? cpfCheckDigits(doc.slice(0, 9)) === doc.slice(9)
        : cnpjCheckDigits(doc.slice(0, 12)) === doc.slice(12);
    assert.ok(cpfs.filter(valid).length > 50);
    assert.ok(
      cnpjs.some((c: string) => /[A-Z]/.test(c) && valid(c)),
      "an alphanumeric CNPJ",
    );
    assert.ok(
      cpfs.concat(cnpjs).some((d: string) => !valid(d)),
      "an invalid document",
    );
    assert.ok(
      orders.some((o) => o.billing.persontype === "F" && o.billing.cpf === "" && o.billing.cnpj === ""),
      "missing",
    );
    const meta = (o: Order, key: string) => o.meta_data.find((m: Order) => m.key === key)?.value;
    assert.ok(
      orders.some((o) => /\d{3}\.\d{3}\.\d{3}-\d{2}/.test(meta(o, "_billing_cpf"))),
      "meta keeps the mask",
    );
    for (const o of orders) {
      assert.equal(o.billing.cpf, String(meta(o, "_billing_cpf")).replace(/[./-]/g, ""));
      assert.equal(o.billing.persontype, meta(o, "_billing_persontype") === "2" ? "J" : "F");
    }
  });

  it("has guests, custom and draft statuses, and repeats itself for the same seed", async () => {
    assert.ok(orders.some((o) => o.customer_id === 0));
    assert.ok(orders.some((o) => o.status === "aguardando-envio"));
    assert.ok(orders.some((o) => o.status === "checkout-draft" && o.created_via === "store-api"));
    const again = await startWooSimulator({ orders: 200, seed: 7, seedTime: sim.now() });
    try {
      const a = again.listOrders().map((o) => [o.id, o.total, (o.billing as Order).cpf]);
      assert.deepEqual(
        a,
        orders.map((o) => [o.id, o.total, o.billing.cpf]),
      );
    } finally {
      await again.close();
    }
  });
});
