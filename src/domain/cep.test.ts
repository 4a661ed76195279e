import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatCep, normalizeCep } from "./cep.ts";

describe("normalizeCep", () => {
  it("returns the 8 digits for both accepted shapes", () => {
    assert.equal(normalizeCep("01310-100"), "01310100");
    assert.equal(normalizeCep("01310100"), "01310100");
    assert.equal(normalizeCep(" 01310-100 "), "01310100");
  });

  it("keeps the leading zero", () => {
    assert.equal(normalizeCep("01001-000"), "01001000");
  });

  it("returns null for anything else", () => {
    for (const bad of [
      "",
      "1310-100",
      "1310100",
      "01.310-100",
      "01310 100",
      "01310--100",
      "0131010a",
      "013101000",
    ]) {
      assert.equal(normalizeCep(bad), null, bad);
    }
    assert.equal(normalizeCep("０１３１０１００"), null); // full-width digits are not \d
    assert.equal(normalizeCep(null), null);
    assert.equal(normalizeCep(undefined), null);
  });
});

describe("formatCep", () => {
  it("applies the mask", () => {
    assert.equal(formatCep("01310100"), "01310-100");
    assert.equal(formatCep("01310-100"), "01310-100");
  });

  it("returns non-CEP input unchanged", () => {
    assert.equal(formatCep("1310100"), "1310100");
    assert.equal(formatCep(""), "");
  });
});
