// Importing a stock count from a spreadsheet (issue 16, item 2): a CSV of `SKU;quantidade` (more
// columns are ignored, so the stock export goes back in as it came out). The
// preview reads every line and says what each would do (the count, the stock before) or why it
// cannot (unknown SKU, bad number, the same SKU twice), writing nothing. Applying takes the same
// file and the preview's token: the valid lines are counted, exactly those, in one transaction;
// a file that reads differently from the preview is refused (409 preview_changed).
import { createHash } from "node:crypto";
import type { Queryable } from "../db/db.ts";
import { PonteError } from "../errors.ts";
import { parseQuantity, type QuantityProblem, readCsv } from "./csv-read.ts";
import { applyCounts } from "./products.ts";
import type { StockMovement } from "./stock.ts";

export type LineProblem = QuantityProblem | "unknown_sku" | "duplicate" | "missing_sku" | "fields";

export interface PreviewLine {
  line: number;
  sku: string;
  /** The text of the quantity field as the file has it. */
  quantityText: string;
  quantity: number | null;
  productId: number | null;
  name: string | null;
  stockBefore: number | null;
  countedBefore: boolean | null;
  problem: LineProblem | null;
  /** pt-BR: what is wrong with the line. */
  error: string | null;
}

export interface StockImportPreview {
  lines: PreviewLine[];
  /** The lines that will be counted. */
  valid: number;
  errors: number;
  /** Whether the first line was taken as a header (not counted). */
  header: boolean;
  /** Pass back to apply: names exactly the valid lines' SKUs and quantities. */
  token: string;
}

const QUANTITY_ERRORS: Record<QuantityProblem, string> = {
  empty: "Quantidade vazia",
  not_a_number: "Quantidade inválida: use um número inteiro, como 12 ou 1.200",
  fraction: "Quantidade fracionada: o estoque conta unidades inteiras",
  negative: "Quantidade negativa: informe as unidades contadas, 0 ou mais",
  too_large: "Quantidade grande demais",
};

/** A first line whose quantity is a word ("quantidade", "qtd") is the header. */
function isHeader(fields: string[]): boolean {
  return fields.length >= 2 && /\p{L}/u.test(fields[1]!) && !parseQuantity(fields[1]!).ok;
}

export async function previewStockImport(
  q: Queryable,
  orgId: number,
  csv: string,
): Promise<StockImportPreview> {
  const records = readCsv(csv);
  const header = records.length > 0 && isHeader(records[0]!.fields);
  const body = header ? records.slice(1) : records;
  const skus = body.map((r) => (r.fields[0] ?? "").trim()).filter((s) => s !== "");
  const { rows } = await q.query<{ id: number; sku: string; name: string; stock: number; counted: boolean }>(
    `select id, sku, name, stock_quantity as stock, stock_counted_at is not null as counted
       from products where org_id = $1 and sku = any($2::text[])`,
    [orgId, skus],
  );
  const products = new Map(rows.map((r) => [r.sku, r]));
  const seen = new Map<string, number>();
  const lines = body.map(({ line, fields }): PreviewLine => {
    const sku = (fields[0] ?? "").trim();
    const quantityText = (fields[1] ?? "").trim();
    const product = products.get(sku);
    const base = {
      line,
      sku,
      quantityText,
      quantity: null,
      productId: product?.id ?? null,
      name: product?.name ?? null,
      stockBefore: product?.stock ?? null,
      countedBefore: product?.counted ?? null,
    };
    const fail = (problem: LineProblem, error: string): PreviewLine => ({ ...base, problem, error });
    if (fields.length < 2) return fail("fields", "Linha sem “;”: use SKU;quantidade");
    if (!sku) return fail("missing_sku", "SKU vazio");
    const quantity = parseQuantity(quantityText);
    if (!quantity.ok) return fail(quantity.problem, QUANTITY_ERRORS[quantity.problem]);
    const first = seen.get(sku);
    if (first !== undefined) return fail("duplicate", `SKU repetido: já está na linha ${first}`);
    seen.set(sku, line);
    if (!product) return fail("unknown_sku", `SKU ${sku} não cadastrado`);
    return { ...base, quantity: quantity.value, problem: null, error: null };
  });
  const valid = lines.filter((l) => l.problem === null);
  return { lines, valid: valid.length, errors: lines.length - valid.length, header, token: tokenOf(valid) };
}

function tokenOf(valid: PreviewLine[]): string {
  const hash = createHash("sha256");
  for (const l of valid) hash.update(`${l.sku}\u0000${l.quantity}\u0000`);
  return hash.digest("base64url");
}

export async function applyStockImport(
  tx: Queryable,
  orgId: number,
  csv: string,
  token: string,
  actor: string,
): Promise<{ applied: number; skipped: number; movements: StockMovement[] }> {
  const preview = await previewStockImport(tx, orgId, csv);
  if (preview.token !== token) {
    throw new PonteError("conflict", "the file does not read as its preview did", {
      details: {
        reason:
          "O arquivo ou os produtos mudaram desde a pré-visualização: pré-visualize de novo antes de importar",
        reasonCode: "preview_changed",
      },
    });
  }
  const counts = preview.lines
    .filter((l) => l.problem === null)
    .map((l) => ({ productId: l.productId!, quantity: l.quantity! }));
  const movements = await applyCounts(tx, orgId, counts, actor, "Importação CSV");
  return { applied: movements.length, skipped: preview.errors, movements };
}
