// Reading a CSV a pt-BR spreadsheet saved (issue 16, item 2): UTF-8 with or without a BOM, `;`
// between fields (a comma is the decimal separator), CRLF or LF, fields maybe quoted. Each record
// keeps the file's line number, so an error names the line the merchant sees in the editor.

export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  fields: string[];
}

/** Records of a `;`-separated text; blank lines are skipped. */
export function readCsv(text: string): CsvRecord[] {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  const end = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0]!.trim() !== "") records.push({ line: start, fields });
    fields = [];
    field = "";
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        field += c;
      }
    } else if (c === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (c === ";") {
      fields.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && body[i + 1] === "\n") i++;
      end();
      line++;
      start = line;
    } else field += c;
  }
  if (field !== "" || fields.length > 0) end();
  return records;
}

export type QuantityProblem = "empty" | "not_a_number" | "fraction" | "negative" | "too_large";

/**
 * A pt-BR whole quantity: "12", "1.234" (thousands dot), "12,0" or "1.234,00" (decimal comma,
 * zero decimals). Stock counts whole units, so "12,5" is a fraction, not 12.
 */
export function parseQuantity(
  raw: string,
): { ok: true; value: number } | { ok: false; problem: QuantityProblem } {
  const text = raw.trim().replace(/\s/g, "");
  if (text === "") return { ok: false, problem: "empty" };
  const match = /^(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/.exec(text);
  if (!match) return { ok: false, problem: "not_a_number" };
  if (match[3] && /[1-9]/.test(match[3])) return { ok: false, problem: "fraction" };
  if (match[1] === "-") return { ok: false, problem: "negative" };
  const value = Number(match[2]!.replace(/\./g, ""));
  if (!Number.isSafeInteger(value) || value > 1_000_000_000) return { ok: false, problem: "too_large" };
  return { ok: true, value };
}
