import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { MappingError } from "../connector.ts";
import { woocommerce } from "./index.ts";

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8")) as Record<string, unknown>;
const docs = fixture("docs-retrieve-order.json");
const rest = fixture("plugin-rest-fields.json");

describe("WooCommerce order → canonical order", () => {
  it("reads the docs' sample: cents from decimal strings, tax folded and flagged, GMT dates", () => {
    const order = woocommerce.normalize(docs);
    assert.equal(order.externalId, "727");
    assert.equal(order.number, "727");
    assert.deepEqual(order.totals, {
      subtotalCents: 1935,
      discountCents: 0,
      shippingCents: 1000,
      totalCents: 2935,
    });
    assert.deepEqual(
      order.items.map((i) => [i.quantity, i.unitPriceCents, i.totalCents]),
      [
        [2, 300, 600],
        [1, 1200, 1200],
      ],
    );
    assert.ok(order.flags.some((f) => f.field === "total_tax"));
    // date_created_gmt "2017-03-22T19:28:02" is UTC (date_created is the site's 16:28:02).
    assert.equal(order.createdAt, "2017-03-22T19:28:02.000Z");
    assert.equal(order.payment.paidAt, "2017-03-22T19:28:08.000Z");
    assert.deepEqual(
      [order.status.key, order.status.paid, order.status.cancelled],
      ["processing", true, false],
    );
    assert.equal(order.customer.documentProblem, "missing");
  });

  it("never goes through a float: 0.10 + 0.20 and 1234567.89 stay exact", () => {
    const order = woocommerce.normalize({
      ...docs,
      line_items: [
        { id: 1, name: "A", quantity: 1, subtotal: "0.10", total: "0.10", total_tax: "0.00", sku: "A" },
        { id: 2, name: "B", quantity: 1, subtotal: "0.20", total: "0.20", total_tax: "0.00", sku: "B" },
        {
          id: 3,
          name: "C",
          quantity: 1,
          subtotal: "1234567.89",
          total: "1234567.89",
          total_tax: "0.00",
          sku: "C",
        },
      ],
      shipping_total: "0.00",
      shipping_tax: "0.00",
      total: "1234568.19",
    });
    assert.deepEqual(order.totals, {
      subtotalCents: 123456819,
      discountCents: 0,
      shippingCents: 0,
      totalCents: 123456819,
    });
    assert.ok(!order.flags.some((f) => f.field === "subtotal"));
  });

  it("reads the plugin's REST fields: CPF, person type, house number and neighbourhood", () => {
    const order = woocommerce.normalize(rest);
    assert.equal(order.customer.documentKind, "cpf");
    assert.equal(order.customer.document, (rest.billing as { cpf: string }).cpf);
    assert.equal(order.billingAddress.number, (rest.billing as { number: string }).number);
    assert.equal(
      order.shippingAddress?.neighborhood,
      (rest.shipping as { neighborhood: string }).neighborhood,
    );
  });

  it("falls back to the plugin's meta when the REST fields are absent (persontype 2 = CNPJ)", () => {
    const order = woocommerce.normalize(fixture("meta-only-documents.json"));
    assert.equal(order.customer.documentKind, "cnpj");
    assert.equal(order.customer.name, "Ação & Cia Ltda");
    assert.ok(order.billingAddress.number !== null && order.billingAddress.neighborhood !== null);
  });

  it("keeps an alphanumeric CNPJ's letters and checks it", () => {
    const order = woocommerce.normalize(fixture("alphanumeric-cnpj.json"));
    assert.deepEqual(
      [order.customer.document, order.customer.documentKind, order.customer.name],
      ["12ABC34501DE35", "cnpj", "Comercial Exemplo Ltda"],
    );
  });

  it("reads a guest without the plugin: no customer id, no document", () => {
    const order = woocommerce.normalize(fixture("guest-no-plugin.json"));
    assert.equal(order.customer.externalId, null);
    assert.deepEqual([order.customer.document, order.customer.documentProblem], [null, "missing"]);
  });

  it("folds fees: a positive one into the subtotal, a negative one into the discount", () => {
    const raw = fixture("fees-discount-shipping.json");
    const order = woocommerce.normalize(raw);
    const { subtotalCents, discountCents, shippingCents, totalCents } = order.totals;
    assert.equal(subtotalCents - discountCents + shippingCents, totalCents);
    assert.equal(totalCents, 79445);
    assert.equal(discountCents, 13319 + 500);
    assert.equal(order.flags.filter((f) => f.field === "fee_lines").length, 2);
  });

  it("keeps a plugin's status as its own key, flagged, never guessed", () => {
    const order = woocommerce.normalize(fixture("custom-status.json"));
    assert.equal(order.status.key, "aguardando-envio");
    assert.ok(order.flags.some((f) => f.field === "status" && f.value === "aguardando-envio"));
  });

  it("reads paid and cancelled from the status and date_paid", () => {
    const read = (status: string, date_paid_gmt: string | null) =>
      woocommerce.normalize({ ...docs, status, date_paid_gmt, date_paid: date_paid_gmt }).status;
    assert.deepEqual([read("pending", null).paid, read("on-hold", null).paid], [false, false]);
    assert.equal(read("completed", null).paid, true);
    assert.deepEqual(
      [read("cancelled", "2026-01-01T10:00:00").paid, read("cancelled", null).cancelled],
      [true, true],
    );
    assert.deepEqual(
      [read("refunded", "2026-01-01T10:00:00").paid, read("refunded", null).cancelled],
      [false, true],
    );
    assert.deepEqual([read("failed", null).paid, read("failed", null).cancelled], [false, false]);
  });

  it("lets the total win when the store's rounding does not add up, and says so", () => {
    const order = woocommerce.normalize({ ...docs, total: "29.36" });
    assert.equal(order.totals.totalCents, 2936);
    assert.equal(order.totals.subtotalCents - order.totals.discountCents + order.totals.shippingCents, 2936);
    assert.ok(order.flags.some((f) => f.field === "subtotal"));
  });

  it("rounds a unit price that is not whole cents and flags it, keeping item total = price × quantity", () => {
    const order = woocommerce.normalize({
      ...docs,
      line_items: [
        { id: 1, name: "Trio", quantity: 3, subtotal: "10.00", total: "10.00", total_tax: "0.00", sku: "T" },
      ],
      shipping_total: "0.00",
      cart_tax: "0.00",
      total: "10.00",
    });
    assert.deepEqual([order.items[0]?.unitPriceCents, order.items[0]?.totalCents], [333, 999]);
    assert.ok(order.flags.some((f) => f.field === "line_items[0].subtotal"));
  });

  it("refuses an unreadable payload listing every problem", () => {
    assert.throws(
      () =>
        woocommerce.normalize({
          ...docs,
          id: "abc",
          total: "1,00",
          date_created_gmt: "ontem",
          line_items: "x",
        }),
      (e: unknown) =>
        e instanceof MappingError &&
        ["id", "total", "date_created_gmt", "line_items"].every((w) => e.problems.some((p) => p.includes(w))),
    );
  });

  it("identifies an order by its id and number", () => {
    assert.deepEqual(woocommerce.identify(docs), { externalId: "727", number: "727" });
    assert.equal(woocommerce.identify({ id: 0 }), null);
  });
});
