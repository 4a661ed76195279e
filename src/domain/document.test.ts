import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  checkDocument,
  customerKind,
  formatDocument,
  isValidCnpj,
  isValidCpf,
  maskDocument,
  normalizeDocument,
} from "./document.ts";

describe("normalizeDocument", () => {
  it("removes mask punctuation and whitespace and upper-cases", () => {
    assert.equal(normalizeDocument(" 111.444.777-35 "), "11144477735");
    assert.equal(normalizeDocument("12.abc.345/01de-35"), "12ABC34501DE35");
    assert.equal(normalizeDocument("11 222\t333\n0001 81"), "11222333000181");
  });

  it("never strips letters or other characters", () => {
    assert.equal(normalizeDocument("111.444.777-3x"), "1114447773X");
    assert.equal(normalizeDocument("12#ABC.345"), "12#ABC345");
  });

  it("maps null and undefined to an empty string", () => {
    assert.equal(normalizeDocument(null), "");
    assert.equal(normalizeDocument(undefined), "");
  });
});

describe("checkDocument", () => {
  it("recognises a document the platform hid (asterisks, bullets) as masked, whatever its length", () => {
    for (const raw of ["***.***.***-**", "**.***.***/****-**", "123.***.***-45", "•••••••••••"]) {
      const check = checkDocument(raw);
      assert.equal(check.ok ? "ok" : check.reason, "masked", raw);
    }
  });

  it("accepts the CPF vectors", () => {
    for (const raw of ["111.444.777-35", "529.982.247-25", "11144477735"]) {
      const check = checkDocument(raw);
      assert.equal(check.ok, true, raw);
      assert.equal(check.ok && check.kind, "cpf");
    }
    assert.deepEqual(checkDocument("529.982.247-25"), { ok: true, kind: "cpf", value: "52998224725" });
  });

  it("accepts the numeric and alphanumeric CNPJ vectors", () => {
    for (const raw of ["11.222.333/0001-81", "00.000.000/0001-91", "12.ABC.345/01DE-35"]) {
      const check = checkDocument(raw);
      assert.equal(check.ok, true, raw);
      assert.equal(check.ok && check.kind, "cnpj");
    }
  });

  it("normalizes and validates a lowercase alphanumeric CNPJ", () => {
    assert.deepEqual(checkDocument("12.abc.345/01de-35"), {
      ok: true,
      kind: "cnpj",
      value: "12ABC34501DE35",
    });
  });

  it("rejects letters in the check-digit positions", () => {
    assert.equal(checkDocument("12.ABC.345/01DE-3A").ok, false);
    assert.deepEqual(checkDocument("12ABC34501DEA5"), {
      ok: false,
      reason: "bad_characters",
      value: "12ABC34501DEA5",
    });
  });

  it("rejects letters in a CPF", () => {
    assert.deepEqual(checkDocument("111.444.777-3X"), {
      ok: false,
      reason: "bad_characters",
      value: "1114447773X",
    });
  });

  it("rejects repeated digits although they pass the arithmetic", () => {
    assert.deepEqual(checkDocument("111.111.111-11"), {
      ok: false,
      reason: "repeated_digits",
      value: "11111111111",
    });
    assert.equal(checkDocument("000.000.000-00").ok, false);
    const cnpj = checkDocument("00.000.000/0000-00");
    assert.equal(cnpj.ok === false && cnpj.reason, "repeated_digits");
  });

  it("rejects wrong check digits", () => {
    for (const raw of ["111.444.777-36", "529.982.247-52", "11.222.333/0001-82", "12.ABC.345/01DE-53"]) {
      const check = checkDocument(raw);
      assert.equal(check.ok === false && check.reason, "bad_check_digits", raw);
    }
  });

  it("reports a CPF missing its leading zero as bad_length and never pads it", () => {
    // 012.345.678-90 is valid; losing the leading zero (a number column, a spreadsheet) must not be fixed up.
    assert.equal(checkDocument("012.345.678-90").ok, true);
    assert.deepEqual(checkDocument("1234567890"), { ok: false, reason: "bad_length", value: "1234567890" });
  });

  it("reports empty input as missing and other lengths as bad_length", () => {
    for (const raw of ["", "  ", " .-/ ", null, undefined]) {
      assert.deepEqual(checkDocument(raw), { ok: false, reason: "missing", value: "" });
    }
    const check = checkDocument("123");
    assert.equal(check.ok === false && check.reason, "bad_length");
  });

  it("keeps junk visible in the returned value", () => {
    assert.deepEqual(checkDocument("111.444.777-3$"), {
      ok: false,
      reason: "bad_characters",
      value: "1114447773$",
    });
  });
});

describe("isValidCpf / isValidCnpj", () => {
  it("checks both validity and kind", () => {
    assert.equal(isValidCpf("111.444.777-35"), true);
    assert.equal(isValidCpf("11.222.333/0001-81"), false);
    assert.equal(isValidCnpj("11.222.333/0001-81"), true);
    assert.equal(isValidCnpj("12.ABC.345/01DE-35"), true);
    assert.equal(isValidCnpj("111.444.777-35"), false);
    assert.equal(isValidCnpj(null), false);
  });
});

describe("formatDocument", () => {
  it("applies the display masks", () => {
    assert.equal(formatDocument("12345678909"), "123.456.789-09");
    assert.equal(formatDocument("12ABC34501DE35"), "12.ABC.345/01DE-35");
    assert.equal(formatDocument("11.222.333/0001-81"), "11.222.333/0001-81");
  });

  it("returns other lengths unchanged", () => {
    assert.equal(formatDocument("1234567890"), "1234567890");
    assert.equal(formatDocument(""), "");
  });
});

describe("maskDocument", () => {
  it("hides the ends of a CPF and the middle of a CNPJ", () => {
    assert.equal(maskDocument("123.456.789-09"), "***.456.789-**");
    assert.equal(maskDocument("12ABC34501DE35"), "12.ABC.***/****-35");
    assert.equal(maskDocument("11222333000181"), "11.222.***/****-81");
  });

  it("stars out input of any other length entirely", () => {
    assert.equal(maskDocument("1234567890"), "**********");
    assert.equal(maskDocument(""), "");
  });
});

describe("customerKind", () => {
  it("maps CPF to PF and CNPJ to PJ", () => {
    assert.equal(customerKind("cpf"), "PF");
    assert.equal(customerKind("cnpj"), "PJ");
  });
});
