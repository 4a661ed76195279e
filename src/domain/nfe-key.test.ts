import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkNfeKey, isValidNfeKey, nfeKeyCheckDigit, normalizeNfeKey } from "./nfe-key.ts";

const CE_KEY = "23140502179938000146550010000658711000658716";
const RJ_KEY = "33150308370779000149550010001100931002410775";
const ALPHA_KEY = "35260912ABC34501DE35550010000001231123456784";

// Rebuilds a key with a correct check digit so each field rule is tested on its own.
function withDigit(first43: string): string {
  return first43 + nfeKeyCheckDigit(first43);
}

function reason(raw: string): string | undefined {
  const check = checkNfeKey(raw);
  return check.ok ? undefined : check.reason;
}

describe("checkNfeKey", () => {
  it("accepts the numeric vectors", () => {
    assert.equal(isValidNfeKey(CE_KEY), true);
    assert.equal(isValidNfeKey(RJ_KEY), true);
  });

  it("splits the key into its fields", () => {
    assert.deepEqual(checkNfeKey(CE_KEY), {
      ok: true,
      key: CE_KEY,
      parts: {
        cUF: "23",
        yearMonth: "1405",
        issuer: "02179938000146",
        model: "55",
        series: "001",
        number: "000065871",
        emissionType: "1",
        code: "00065871",
        checkDigit: "6",
      },
    });
  });

  it("accepts an alphanumeric issuer CNPJ", () => {
    const check = checkNfeKey(ALPHA_KEY);
    assert.equal(check.ok, true);
    assert.equal(check.ok && check.parts.issuer, "12ABC34501DE35");
    assert.equal(check.ok && check.parts.checkDigit, "4");
  });

  it("strips spaces and dots and upper-cases", () => {
    const grouped = ALPHA_KEY.toLowerCase()
      .replace(/(.{4})/g, "$1 ")
      .trim();
    assert.equal(normalizeNfeKey(grouped), ALPHA_KEY);
    assert.equal(isValidNfeKey(grouped), true);
    assert.equal(isValidNfeKey(CE_KEY.replace(/(.{4})/g, "$1.")), true);
  });

  it("rejects any changed digit", () => {
    for (const key of [CE_KEY, RJ_KEY, ALPHA_KEY]) {
      for (let i = 0; i < 44; i++) {
        const c = key[i]!;
        if (!/[0-9]/.test(c)) continue;
        const changed = key.slice(0, i) + String((Number(c) + 1) % 10) + key.slice(i + 1);
        assert.equal(isValidNfeKey(changed), false, `${key} position ${i + 1}`);
      }
    }
    assert.equal(reason("23140502179938000146550010000658711000658717"), "bad_check_digit");
  });

  it("rejects letters outside positions 7–18", () => {
    assert.equal(reason(`A${CE_KEY.slice(1)}`), "bad_characters");
    assert.equal(reason(withDigit(`${ALPHA_KEY.slice(0, 18)}A${ALPHA_KEY.slice(19, 43)}`)), "bad_characters");
    assert.equal(reason(`${CE_KEY.slice(0, 43)}X`), "bad_characters");
    assert.equal(reason(CE_KEY.replace("1", "#")), "bad_characters");
  });

  it("rejects an unknown state, month, model or emission type", () => {
    const base = CE_KEY.slice(0, 43);
    assert.equal(reason(withDigit(`34${base.slice(2)}`)), "bad_uf");
    assert.equal(reason(withDigit(`${base.slice(0, 4)}13${base.slice(6)}`)), "bad_month");
    assert.equal(reason(withDigit(`${base.slice(0, 4)}00${base.slice(6)}`)), "bad_month");
    assert.equal(reason(withDigit(`${base.slice(0, 20)}57${base.slice(22)}`)), "bad_model");
    assert.equal(reason(withDigit(`${base.slice(0, 34)}8${base.slice(35)}`)), "bad_emission_type");
    assert.equal(reason(withDigit(`${base.slice(0, 34)}0${base.slice(35)}`)), "bad_emission_type");
    assert.equal(isValidNfeKey(withDigit(`${base.slice(0, 20)}65${base.slice(22)}`)), true);
    assert.equal(isValidNfeKey(withDigit(`${base.slice(0, 34)}9${base.slice(35)}`)), true);
  });

  it("reports missing and wrong-length input", () => {
    assert.equal(reason(""), "missing");
    assert.deepEqual(checkNfeKey(null), { ok: false, reason: "missing", key: "" });
    assert.equal(reason(CE_KEY.slice(1)), "bad_length");
    assert.equal(reason(`${CE_KEY}0`), "bad_length");
  });
});
