import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkCorreiosCode, isValidCorreiosCode, s10CheckDigit } from "./tracking-code.ts";

describe("checkCorreiosCode", () => {
  it("accepts the vector", () => {
    assert.deepEqual(checkCorreiosCode("JT194690698BR"), { ok: true, code: "JT194690698BR" });
    assert.equal(s10CheckDigit("19469069"), "8");
  });

  it("trims and upper-cases", () => {
    assert.deepEqual(checkCorreiosCode("  jt194690698br\n"), { ok: true, code: "JT194690698BR" });
  });

  it("rejects a wrong check digit", () => {
    assert.deepEqual(checkCorreiosCode("JT194690697BR"), {
      ok: false,
      reason: "bad_check_digit",
      code: "JT194690697BR",
    });
  });

  it("maps remainder 0 to 5, remainder 1 to 0 and others to 11 - r", () => {
    assert.equal(s10CheckDigit("00000000"), "5"); // sum 0, r 0
    assert.equal(s10CheckDigit("02000000"), "0"); // sum 6 × 2 = 12, r 1
    assert.equal(s10CheckDigit("00000001"), "4"); // sum 7, r 7
    assert.equal(s10CheckDigit("00000003"), "1"); // sum 21, r 10
    assert.equal(isValidCorreiosCode("SX000000005BR"), true);
    assert.equal(isValidCorreiosCode("SX020000000BR"), true);
  });

  it("rejects malformed codes", () => {
    for (const bad of [
      "JT19469069BR",
      "JT1946906980BR",
      "J1194690698BR",
      "JT194690698B1",
      "JT 194690698BR",
    ]) {
      const check = checkCorreiosCode(bad);
      assert.equal(check.ok === false && check.reason, "bad_format", bad);
    }
    assert.deepEqual(checkCorreiosCode(null), { ok: false, reason: "missing", code: "" });
    assert.deepEqual(checkCorreiosCode("   "), { ok: false, reason: "missing", code: "" });
  });
});
