// Contract tests: documented payload shapes and the quirks, normalized field by field.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { MappingError } from "../connector.ts";
import { mapNuvemshopOrder } from "./map-order.ts";
import { readStatus } from "./status.ts";

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8")) as Record<
    string,
    unknown
  >;

describe("Nuvemshop order normalization", () => {
  it("reads the documented sample order (resources/order.md)", () => {
    const o = mapNuvemshopOrder(fixture("documented-order"));
    assert.equal(o.externalId, "450789469");
    assert.equal(o.number, "101");
    assert.equal(o.createdAt, "2008-01-10T16:00:00.000Z");
    assert.deepEqual(o.totals, {
      subtotalCents: 3800,
      discountCents: 0,
      shippingCents: 2000,
      totalCents: 5800,
    });
    assert.equal(o.status.key, "pending");
    assert.deepEqual(o.status.fields, {
      status: "open",
      payment_status: "pending",
      shipping_status: "unshipped",
    });
    assert.deepEqual(o.items, [
      {
        sku: null,
        name: "",
        productId: "1234",
        variantId: "101",
        variant: null,
        quantity: 2,
        unitPriceCents: 1900,
        totalCents: 3800,
      },
    ]);
    assert.equal(o.billingAddress.street, "Evergreen Terrace", "billing_address is the street string");
    assert.equal(o.billingAddress.number, "742");
    assert.equal(o.shippingAddress?.city, "Springfield");
    assert.equal(o.customer.name, "John Doe");
    assert.equal(o.customer.email, "john.doe@example.com");
    assert.equal(o.customer.document, null);
    assert.equal(o.customer.documentProblem, "missing");
    assert.equal(o.shipping.carrier, "ups");
    assert.equal(o.shipping.pickup, false);
    assert.deepEqual(o.flags, []);
  });

  it("reads a Brazilian order without a customer object: contact_identification, string quantities, cents exact", () => {
    const o = mapNuvemshopOrder(fixture("brazilian-order"));
    assert.equal(o.externalId, "1658917364");
    assert.equal(o.customer.name, "Zoë Conceição 🌸", "text kept as received");
    assert.equal(o.customer.document, "52998224725");
    assert.equal(o.customer.documentKind, "cpf");
    assert.equal(o.customer.documentProblem, null);
    assert.deepEqual(o.totals, {
      subtotalCents: 17970,
      discountCents: 1797,
      shippingCents: 2490,
      totalCents: 18663,
    });
    assert.deepEqual(
      o.items.map((i) => [i.sku, i.quantity, i.variantId, i.unitPriceCents, i.totalCents, i.variant]),
      [
        ["CAM-ALG-M", 2, "4501", 5990, 11980, "M / Azul"],
        ["BONE-01", 1, "4502", 5990, 5990, null],
      ],
    );
    assert.deepEqual(o.billingAddress, {
      name: "Zoë Conceição 🌸",
      street: "Rua Augusta",
      number: "1500",
      complement: "Apto 42",
      neighborhood: "Consolação",
      city: "São Paulo",
      state: "SP",
      zipcode: "01304-001",
      country: "BR",
      phone: "+55 11 98888-7777",
    });
    assert.deepEqual(o.payment, {
      gateway: "Mercado Pago",
      method: "credit_card",
      installments: 3,
      paidAt: "2026-08-03T14:20:45.000Z",
    });
    assert.deepEqual(o.shipping, {
      carrier: "correios",
      option: "Correios - SEDEX",
      code: "sedex",
      pickup: false,
      trackingNumber: null,
      trackingUrl: null,
    });
    assert.equal(o.status.key, "paid");
    assert.equal(o.status.paid, true);
    assert.equal(o.notes.buyer, "Entregar à tarde, por favor");
  });

  it("prefers customer.identification and keeps alphanumeric CNPJ letters", () => {
    const raw = {
      ...fixture("brazilian-order"),
      customer: { id: 7, name: "Ação & Cia Ltda", identification: "12.abc.345/01de-35" },
    };
    const o = mapNuvemshopOrder(raw);
    assert.equal(o.customer.document, "12ABC34501DE35");
    assert.equal(o.customer.documentKind, "cnpj");
    assert.equal(o.customer.name, "Ação & Cia Ltda");
  });

  it("flags an invalid document instead of dropping it", () => {
    const o = mapNuvemshopOrder({ ...fixture("brazilian-order"), contact_identification: "111.111.111-11" });
    assert.equal(o.customer.document, "11111111111");
    assert.equal(o.customer.documentKind, null);
    assert.equal(o.customer.documentProblem, "repeated_digits");
  });

  it("reads pickup orders and both shipping-status vocabularies", () => {
    const o = mapNuvemshopOrder({
      ...fixture("brazilian-order"),
      shipping_pickup_type: "pickup",
      shipping: "branch",
      shipping_store_branch_name: "Loja Centro",
      shipping_status: "shipped",
    });
    assert.equal(o.shipping.pickup, true);
    assert.equal(o.shipping.option, "Loja Centro");
    assert.equal(o.status.key, "shipped");
    assert.equal(
      readStatus({ status: "open", payment_status: "paid", shipping_status: "fulfilled" }).key,
      "shipped",
    );
    assert.equal(
      readStatus({ status: "cancelled", payment_status: "paid", shipping_status: "unshipped" }).key,
      "cancelled",
    );
    assert.equal(
      readStatus({ status: "open", payment_status: "refunded", shipping_status: "unpacked" }).key,
      "refunded",
    );
  });

  it("reports an unknown enum value as such: its own key and a flag, never a default", () => {
    const o = mapNuvemshopOrder({ ...fixture("brazilian-order"), payment_status: "partially_paid" });
    assert.equal(o.status.key, "payment_status:partially_paid");
    assert.deepEqual(
      o.flags.map((f) => [f.field, f.value]),
      [["payment_status", "partially_paid"]],
    );
  });

  it("flags totals that do not add up, and refuses unreadable payloads with every problem listed", () => {
    const o = mapNuvemshopOrder({ ...fixture("brazilian-order"), total: "186.64" });
    assert.equal(o.flags[0]?.field, "total");
    assert.throws(
      () =>
        mapNuvemshopOrder({
          ...fixture("brazilian-order"),
          id: undefined,
          total: "12,50",
          products: [{ price: "1.005", quantity: "x" }],
        }),
      (e: unknown) => {
        assert.ok(e instanceof MappingError);
        assert.deepEqual(e.problems.sort(), [
          "id: missing",
          'products[0].price: "1.005" is not an amount of money',
          'products[0].quantity: "x" is not a whole number',
          "products[0].quantity: must be at least 1",
          'total: "12,50" is not an amount of money',
        ]);
        return true;
      },
    );
  });
});
