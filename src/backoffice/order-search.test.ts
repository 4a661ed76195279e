import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseCustomerFilter, parseOrderSearch } from "./order-search.ts";

const none = { salesOrderNumber: null, storeOrderNumbers: null, document: null, name: null };

describe("the search box: what was typed", () => {
  it("digits: Ponte's number or the store's, and a CPF/CNPJ at 11 or 14 digits", () => {
    assert.deepEqual(parseOrderSearch(" 160 "), {
      ...none,
      salesOrderNumber: 160,
      storeOrderNumbers: ["160", "#160"],
    });
    assert.deepEqual(parseOrderSearch("52998224725"), {
      ...none,
      salesOrderNumber: 52998224725,
      storeOrderNumbers: ["52998224725", "#52998224725"],
      document: "52998224725",
    });
    const huge = parseOrderSearch("123456789012345678901");
    assert.equal(huge?.salesOrderNumber, null, "past a safe integer: not Ponte's number");
    assert.deepEqual(huge?.storeOrderNumbers, ["123456789012345678901", "#123456789012345678901"]);
  });

  it("#: the store's number only", () => {
    assert.deepEqual(parseOrderSearch("# 160"), { ...none, storeOrderNumbers: ["160", "#160"] });
    assert.throws(() => parseOrderSearch(" # "), /q: type the store's order number after #/);
  });

  it("a masked CPF/CNPJ or a valid alphanumeric CNPJ: the document; anything else a name", () => {
    assert.deepEqual(parseOrderSearch("529.982.247-25"), { ...none, document: "52998224725" });
    assert.deepEqual(parseOrderSearch("12.abc.345/01de-35"), { ...none, document: "12ABC34501DE35" });
    assert.deepEqual(
      parseOrderSearch("MARIAJOSE12345"),
      { ...none, storeOrderNumbers: ["MARIAJOSE12345", "#MARIAJOSE12345"], name: "MARIAJOSE12345" },
      "not a CNPJ",
    );
    assert.deepEqual(parseOrderSearch("Conceic\u0327a\u0303o"), { ...none, name: "Conceição" });
    assert.throws(() => parseOrderSearch("a"), /q: type at least 2 characters/);
    assert.equal(parseOrderSearch("   "), null);
  });

  it("a word with letters and digits may be a store's order number: platforms number orders their way", () => {
    assert.deepEqual(parseOrderSearch(" PED-00002 "), {
      ...none,
      storeOrderNumbers: ["PED-00002", "#PED-00002"],
      name: "PED-00002",
    });
    assert.deepEqual(parseOrderSearch("silva"), { ...none, name: "silva" }, "a plain word is only a name");
  });

  it("the customer filter keeps its rules: any document shape is a document", () => {
    assert.deepEqual(parseCustomerFilter("529.982.247-26"), { ...none, document: "52998224726" });
    assert.deepEqual(parseCustomerFilter("silva"), { ...none, name: "silva" });
    assert.throws(() => parseCustomerFilter("s"), /customer: type at least 2/);
  });
});
