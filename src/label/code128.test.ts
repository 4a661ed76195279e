import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readCode128 } from "../../test/helpers/code128-read.ts";
import { code128Checksum, code128Values, encodeCode128 } from "./code128.ts";

/** Widths → the 1/0 module string the standard's tables print. */
const bits = (widths: number[]) => widths.map((w, i) => (i % 2 === 0 ? "1" : "0").repeat(w)).join("");

describe("Code 128", () => {
  it("draws the standard's patterns: Start B, 'A', Start C, Stop", () => {
    const ab = encodeCode128("AB");
    assert.deepEqual(ab.values, [104, 33, 34, (104 + 33 * 1 + 34 * 2) % 103, 106]);
    const all = bits(ab.widths);
    assert.equal(all.slice(0, 11), "11010010000", "Start B");
    assert.equal(all.slice(11, 22), "10100011000", "'A' (value 33)");
    assert.equal(all.slice(-13), "1100011101011", "Stop");
    assert.equal(bits(encodeCode128("1234").widths).slice(0, 11), "11010011100", "Start C");
    assert.equal(ab.modules, 11 * 4 + 13);
  });

  it("computes the mod-103 check symbol with position weights", () => {
    // Start B + "Wikipedia": 104 + 55·1 + 73·2 + 75·3 + 73·4 + 80·5 + 69·6 + 68·7 + 73·8 + 65·9 = 3281 ≡ 88.
    const values = code128Values("Wikipedia");
    assert.equal(values.at(-2), 88);
    assert.equal(code128Checksum([105, 12, 34, 56, 78]), (105 + 12 + 68 + 168 + 312) % 103);
  });

  it("packs digit runs in code set C", () => {
    assert.deepEqual(code128Values("12345678").slice(0, 5), [105, 12, 34, 56, 78]);
    // A Correios code: the 9-digit run leaves its first digit in B, then 4 pairs in C, back to B.
    assert.deepEqual(
      code128Values("JT194690698BR").slice(0, -2),
      [104, 42, 52, 17, 99, 94, 69, 6, 98, 100, 34, 50],
    );
    // Short runs inside stay in B (switching would cost more than it saves).
    assert.deepEqual(code128Values("AB1234C").slice(1, -2), [33, 34, 17, 18, 19, 20, 35]);
    // An odd all-digit text starts in C and finishes its last digit in B.
    assert.deepEqual(code128Values("12345").slice(0, -2), [105, 12, 34, 100, 21]);
  });

  it("reads back as the same text, whatever the mix", () => {
    for (const text of ["JT194690698BR", "PED-1042", "0", "00", "123456789012", "a b~c", "ABC123456"]) {
      assert.equal(readCode128(encodeCode128(text).widths), text);
    }
  });

  it("refuses what code set B cannot hold", () => {
    assert.throws(() => encodeCode128(""), RangeError);
    assert.throws(() => encodeCode128("São"), /cannot encode "ã"/);
    assert.throws(() => encodeCode128("a\tb"), RangeError);
  });
});
