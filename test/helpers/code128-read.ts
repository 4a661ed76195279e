// Reads a Code 128 symbol back from its bar and space widths (as a scanner would): used by the
// tests to prove the label's bars say the tracking code. Independent of the encoder's set choice.
import { CODE128_PATTERNS } from "../../src/label/code128.ts";

const BY_PATTERN = new Map(CODE128_PATTERNS.map((p, v) => [p, v]));

/** Widths (modules, bar first) → text; throws on a bad pattern, checksum or missing stop. */
export function readCode128(widths: readonly number[]): string {
  const values: number[] = [];
  let i = 0;
  while (i < widths.length) {
    const six = widths.slice(i, i + 6).join("");
    const seven = widths.slice(i, i + 7).join("");
    if (seven === CODE128_PATTERNS[106]) {
      values.push(106);
      i += 7;
      break;
    }
    const value = BY_PATTERN.get(six);
    if (value === undefined) throw new Error(`no Code 128 symbol has widths ${six} (at element ${i})`);
    values.push(value);
    i += 6;
  }
  if (i !== widths.length || values.at(-1) !== 106) throw new Error("no stop pattern at the end");
  const check = values.at(-2)!;
  const body = values.slice(0, -2);
  let sum = body[0]!;
  for (let k = 1; k < body.length; k++) sum += body[k]! * k;
  if (sum % 103 !== check) throw new Error(`bad checksum: ${check}, expected ${sum % 103}`);
  if (body[0] !== 104 && body[0] !== 105) throw new Error(`start ${body[0]} not expected (only B and C)`);
  let set: "B" | "C" = body[0] === 105 ? "C" : "B";
  let text = "";
  for (const v of body.slice(1)) {
    if (v === 99) set = "C";
    else if (v === 100) set = "B";
    else if (set === "C") text += String(v).padStart(2, "0");
    else text += String.fromCharCode(v + 32);
  }
  return text;
}
