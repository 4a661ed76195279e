// Reads an exported CSV back the way a spreadsheet does (RFC 4180 with `;`): quoted fields may
// hold `;`, doubled quotes and line breaks. Written apart from the server's code on purpose.
export interface ParsedCsv {
  bom: boolean;
  rows: string[][];
}

export function parseCsv(text: string): ParsedCsv {
  const bom = text.charCodeAt(0) === 0xfeff;
  const body = bom ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let inQuotes = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inQuotes) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') inQuotes = false;
      else field += c;
    } else if (c === '"') inQuotes = true;
    else if (c === ";") {
      row.push(field);
      field = "";
    } else if (c === "\r" && body[i + 1] === "\n") {
      // CRLF: the \n ends the row.
    } else if (c === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { bom, rows };
}

/** "1234,56" → 123456 cents. */
export const centsOf = (text: string) => {
  const [whole, fraction = ""] = text.split(",");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
};
