import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isPonteError } from "../errors.ts";
import { validateInvoiceInput } from "./invoice-input.ts";

const KEY = "35260912ABC34501DE35550010000001231123456784"; // alphanumeric CNPJ, series 1, number 123
const NUMERIC_KEY = "23140502179938000146550010000658711000658716"; // number 65871

function refusal(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    assert.ok(isPonteError(error));
    assert.equal(error.status, 400);
    return error.details as { field: string; reasonCode: string; reason: string };
  }
  assert.fail("expected a 400");
}

describe("invoice input", () => {
  it("accepts an NF-e key (also with an alphanumeric CNPJ) and takes number and series from it", () => {
    const v = validateInvoiceInput({ kind: "nfe", accessKey: KEY.replace(/(.{4})/g, "$1 ") });
    assert.equal(v.accessKey, KEY);
    assert.equal(v.number, "123");
    assert.equal(v.series, "1");
    const n = validateInvoiceInput({ kind: "nfe", accessKey: NUMERIC_KEY, number: "65871", series: "001" });
    assert.equal(n.number, "65871");
    assert.equal(n.series, "1");
  });

  it("names the field and says why in pt-BR", () => {
    const digit = refusal(() => validateInvoiceInput({ kind: "nfe", accessKey: `${KEY.slice(0, 43)}5` }));
    assert.deepEqual([digit.field, digit.reasonCode], ["accessKey", "bad_check_digit"]);
    assert.match(digit.reason, /dígito verificador/);
    assert.equal(refusal(() => validateInvoiceInput({ kind: "nfe" })).reasonCode, "missing");
    assert.equal(
      refusal(() => validateInvoiceInput({ kind: "nfe", accessKey: "123" })).reasonCode,
      "bad_length",
    );
    const letters = refusal(() => validateInvoiceInput({ kind: "nfe", accessKey: `A${KEY.slice(1)}` }));
    assert.equal(letters.reasonCode, "bad_characters");
    const number = refusal(() => validateInvoiceInput({ kind: "nfe", accessKey: KEY, number: "124" }));
    assert.deepEqual([number.field, number.reasonCode], ["number", "key_mismatch"]);
    const xml = refusal(() =>
      validateInvoiceInput({ kind: "nfe", accessKey: KEY, xmlUrl: "javascript:alert(1)" }),
    );
    assert.deepEqual([xml.field, xml.reasonCode], ["xmlUrl", "bad_url"]);
  });

  it("a simple sale carries no fiscal key; issue dates cannot be in the future", () => {
    const now = new Date("2026-05-10T12:00:00Z");
    const s = validateInvoiceInput({ kind: "simple", number: " V-77 " }, now);
    assert.deepEqual(s, {
      kind: "simple",
      accessKey: null,
      number: "V-77",
      series: null,
      issuedAt: now,
      xmlUrl: null,
    });
    assert.equal(refusal(() => validateInvoiceInput({ kind: "simple", accessKey: KEY })).field, "accessKey");
    const future = refusal(() =>
      validateInvoiceInput({ kind: "simple", issuedAt: "2026-05-11T12:00:00Z" }, now),
    );
    assert.deepEqual([future.field, future.reasonCode], ["issuedAt", "future"]);
  });
});
