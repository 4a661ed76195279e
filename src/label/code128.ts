// Code 128 (ISO/IEC 15417) for the shipping label's tracking barcode: printable ASCII in code set
// B, runs of digits packed two per symbol in code set C, checksum mod 103. Small enough to own.

/** Bar and space widths in modules, bar first, for symbol values 0–106 (106 is the stop). */
// biome-ignore format: the standard's table, eight a line
export const CODE128_PATTERNS: readonly string[] = [
  "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312",
  "132212", "221213", "221312", "231212", "112232", "122132", "122231", "113222",
  "123122", "123221", "223211", "221132", "221231", "213212", "223112", "312131",
  "311222", "321122", "321221", "312212", "322112", "322211", "212123", "212321",
  "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
  "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121",
  "313121", "211331", "231131", "213113", "213311", "213131", "311123", "311321",
  "331121", "312113", "312311", "332111", "314111", "221411", "431111", "111224",
  "111422", "121124", "121421", "141122", "141221", "112214", "112412", "122114",
  "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
  "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112",
  "421211", "212141", "214121", "412121", "111143", "111341", "131141", "114113",
  "114311", "411113", "411311", "113141", "114131", "311141", "411131", "211412",
  "211214", "211232", "2331112",
];

export const CODE_C = 99;
export const CODE_B = 100;
export const START_B = 104;
export const START_C = 105;
export const STOP = 106;

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= "0" && ch <= "9";

function digitRun(text: string, from: number): number {
  let n = 0;
  while (isDigit(text[from + n])) n++;
  return n;
}

/** The check symbol: the start value plus each data value times its position, mod 103. */
export function code128Checksum(startAndData: readonly number[]): number {
  let sum = startAndData[0] ?? 0;
  for (let i = 1; i < startAndData.length; i++) sum += startAndData[i]! * i;
  return sum % 103;
}

/**
 * Symbol values for `text`, start to stop. Code set C where it is shorter (the standard's rules:
 * the data opens with 4+ digits or is an even run of digits; 6+ digits inside, 4+ at the end;
 * an odd run leaves its first digit in B). Throws RangeError outside printable ASCII.
 */
export function code128Values(text: string): number[] {
  if (text.length === 0) throw new RangeError("Code 128 needs at least one character");
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 32 || code > 126) {
      throw new RangeError(`Code 128 (set B) cannot encode ${JSON.stringify(ch)}: printable ASCII only`);
    }
  }
  const n = text.length;
  const leading = digitRun(text, 0);
  let mode: "B" | "C" = leading >= 4 || (leading === n && n % 2 === 0) ? "C" : "B";
  const values = [mode === "C" ? START_C : START_B];
  let i = 0;
  while (i < n) {
    if (mode === "C") {
      if (digitRun(text, i) >= 2) {
        values.push(Number(text.slice(i, i + 2)));
        i += 2;
      } else {
        values.push(CODE_B);
        mode = "B";
      }
      continue;
    }
    const run = digitRun(text, i);
    if (run >= 6 || (run >= 4 && i + run === n)) {
      if (run % 2 === 1) values.push(text.charCodeAt(i++) - 32);
      values.push(CODE_C);
      mode = "C";
      continue;
    }
    values.push(text.charCodeAt(i++) - 32);
  }
  values.push(code128Checksum(values), STOP);
  return values;
}

export interface Code128Symbol {
  values: number[];
  /** Alternating bar and space widths in modules, starting with a bar and ending with the stop's last bar. */
  widths: number[];
  /** Total width in modules, without the quiet zones (10 modules each side). */
  modules: number;
}

export function encodeCode128(text: string): Code128Symbol {
  const values = code128Values(text);
  const widths = values.flatMap((v) => [...CODE128_PATTERNS[v]!].map(Number));
  return { values, widths, modules: widths.reduce((a, b) => a + b, 0) };
}
