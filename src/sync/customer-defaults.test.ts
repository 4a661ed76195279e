import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Address, CanonicalOrder } from "../platforms/connector.ts";
import { evaluateCustomerDefaults, validateCustomerDefault } from "./customer-defaults.ts";

const address = (state: string): Address => ({
  name: "Maria Souza",
  street: "Rua das Flores",
  number: "100",
  complement: null,
  neighborhood: "Centro",
  city: "Cuiabá",
  state,
  zipcode: "78005000",
  country: "BR",
  phone: null,
});

const order = (): CanonicalOrder => ({
  platform: "plataforma-teste",
  externalId: "123",
  number: "1001",
  createdAt: "2025-03-01T12:00:00.000Z",
  updatedAt: "2025-03-01T12:05:00.000Z",
  currency: "BRL",
  status: { key: "paid", fields: { status: "open", payment_status: "paid" }, cancelled: false, paid: true },
  customer: {
    externalId: "9",
    name: "Maria Souza",
    email: "maria@example.org",
    phone: null,
    document: "52998224725",
    documentKind: "cpf",
    documentProblem: null,
  },
  billingAddress: address("MT"),
  shippingAddress: address("GO"),
  items: [
    {
      sku: "SEM-01",
      name: "Semente",
      productId: "1",
      variantId: "2",
      variant: null,
      quantity: 3,
      unitPriceCents: 1000,
      totalCents: 3000,
    },
  ],
  totals: { subtotalCents: 3000, discountCents: 0, shippingCents: 500, totalCents: 3500 },
  payment: { gateway: "pagseguro", method: "pix", installments: 1, paidAt: null },
  shipping: {
    carrier: "correios",
    option: "PAC",
    code: null,
    pickup: false,
    trackingNumber: null,
    trackingUrl: null,
  },
  notes: { buyer: null, merchant: null },
  flags: [],
});

const one = async (expression: string) => evaluateCustomerDefaults([{ field: "f", expression }], order());

describe("validateCustomerDefault", () => {
  it("accepts the seed's examples", () => {
    assert.equal(validateCustomerDefault("produtorRural", "true"), null);
    assert.equal(validateCustomerDefault("_uf_mt", 'billingAddress.state = "MT"'), null);
    assert.equal(validateCustomerDefault("apelido", 'customer.name & " (loja)"'), null);
  });

  it("refuses bad field names", () => {
    for (const field of ["", "1abc", "a-b", "a b", "á", "x".repeat(65)]) {
      assert.match(validateCustomerDefault(field, "true") ?? "", /field must/, field);
    }
    assert.equal(validateCustomerDefault("x".repeat(64), "true"), null);
  });

  it("refuses empty, too long and uncompilable expressions", () => {
    assert.match(validateCustomerDefault("a", "  ") ?? "", /empty/);
    assert.match(validateCustomerDefault("a", `"${"x".repeat(499)}"`) ?? "", /longer than 500/);
    assert.match(validateCustomerDefault("a", "customer.name &") ?? "", /does not compile/);
    assert.match(validateCustomerDefault("a", "(1 + ") ?? "", /does not compile/);
  });

  it("refuses regular expressions and $eval", () => {
    assert.match(validateCustomerDefault("a", "$match(customer.name, /a+/)") ?? "", /regular expressions/);
    assert.match(validateCustomerDefault("a", '$eval("1 + 1")') ?? "", /\$eval/);
    assert.match(validateCustomerDefault("a", '($e := $eval; $e("1"))') ?? "", /\$eval/);
  });
});

describe("evaluateCustomerDefaults", () => {
  it("evaluates each expression over the normalized order", async () => {
    const result = await evaluateCustomerDefaults(
      [
        { field: "produtorRural", expression: "true" },
        { field: "mt", expression: 'billingAddress.state = "MT"' },
        { field: "go", expression: 'billingAddress.state = "GO"' },
        { field: "apelido", expression: 'customer.name & " (loja)"' },
        { field: "skus", expression: "[items.sku]" },
        { field: "resumo", expression: '{"itens": $count(items), "total": totals.totalCents / 100}' },
      ],
      order(),
    );
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.fields, {
      produtorRural: true,
      mt: true,
      go: false,
      apelido: "Maria Souza (loja)",
      skus: ["SEM-01"],
      resumo: { itens: 1, total: 35 },
    });
    assert.equal(Object.getPrototypeOf(result.fields.skus), Array.prototype, "a plain array");
    assert.doesNotThrow(() => JSON.stringify(result.fields));
  });

  it("leaves out undefined results and reports failures without stopping the others", async () => {
    const result = await evaluateCustomerDefaults(
      [
        { field: "missing", expression: "customer.inscricaoEstadual" },
        { field: "broken", expression: '$number("abc") + $unknownFunction()' },
        { field: "bad name!", expression: "true" },
        { field: "ok", expression: "1 + 1" },
      ],
      order(),
    );
    assert.deepEqual(result.fields, { ok: 2 });
    assert.deepEqual(
      result.errors.map((e) => e.field),
      ["broken", "bad name!"],
    );
  });

  it("refuses results without a JSON form", async () => {
    assert.match((await one("function($x) { $x }")).errors[0]?.message ?? "", /function/);
    assert.match((await one("$uppercase")).errors[0]?.message ?? "", /function/);
    assert.match((await one("1 / 0")).errors[0]?.message ?? "", /not a JSON number/);
    assert.match((await one('$pad("x", 6000) & $pad("y", 6000)')).errors[0]?.message ?? "", /larger than/);
  });

  it("stops hostile expressions quickly", async () => {
    const hostile = [
      "($f := function($n) { $f($n + 1) }; $f(0))", // endless (tail) recursion: time box
      "($f := function($n) { $n < 1 ? [] : [$f($n - 1), $f($n - 1)] }; $f(60))", // depth guard
      "[1..100000000]", // huge range: sequence cap
      "$map([1..10000], function($x) { [1..10000] })", // quadratic work: time box
      '($f := function($s) { $f($s & $s) }; $f("x"))', // string doubling: string cap
      '$pad("x", 500000000)', // one native call building a huge string
      '$eval("1 + 1")',
      '$match("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", /(a+)+$/)', // catastrophic backtracking
    ];
    for (const expression of hostile) {
      const started = Date.now();
      const result = await one(expression);
      const took = Date.now() - started;
      assert.equal(result.errors.length, 1, expression);
      assert.deepEqual(result.fields, {}, expression);
      assert.ok(took < 1500, `${expression} took ${took} ms`);
    }
  });

  it("keeps $pad working within its bound", async () => {
    assert.deepEqual((await one('$pad("7", -3, "0")')).fields, { f: "007" });
    assert.deepEqual((await one('$pad("ab", 4)')).fields, { f: "ab  " });
  });

  it("allows the clock, evaluated once per call", async () => {
    const { fields, errors } = await one("$now()");
    assert.deepEqual(errors, []);
    assert.ok(!Number.isNaN(Date.parse(String(fields.f))));
  });

  it("cannot change the caller's order nor reach JavaScript", async () => {
    const o = order();
    const before = JSON.stringify(o);
    const result = await evaluateCustomerDefaults(
      [
        { field: "a", expression: '$ ~> |customer|{"name": "X"}|' },
        { field: "b", expression: "customer.constructor" },
        { field: "c", expression: "customer.__proto__" },
      ],
      o,
    );
    assert.equal(JSON.stringify(o), before);
    assert.equal((result.fields.a as CanonicalOrder).customer.name, "X");
    assert.deepEqual(Object.keys(result.fields), ["a"]);
  });
});
