// The Produtos routes' schemas (products.ts): a product with its stock, a stock adjustment, the
// CSV import's preview and its result.
import { PRODUCTS_LIMIT_DEFAULT, PRODUCTS_LIMIT_MAX } from "../../backoffice/products.ts";
import { pageQuery, stockMovement } from "./back-office-schemas.ts";
import { whole } from "./schema-parts.ts";

const nullable = (type: string, extra: Record<string, unknown> = {}) => ({ type: [type, "null"], ...extra });

export const product = whole({
  type: "object",
  properties: {
    id: { type: "integer" },
    sku: { type: "string" },
    name: { type: "string" },
    stockQuantity: {
      type: "integer",
      description:
        "Units on hand (may be negative); for a product never counted, only the sum of its movements",
    },
    counted: {
      type: "boolean",
      description: 'False until a person sets the stock: the panel says "Estoque não contado"',
    },
    countedAt: nullable("string", { format: "date-time" }),
    createdByIntegration: { type: "boolean", description: "Criado pela integração (an order's unknown SKU)" },
    lastMovementAt: nullable("string", { format: "date-time" }),
  },
});

export const skuParams = {
  type: "object",
  properties: { sku: { type: "string", minLength: 1, maxLength: 200 } },
  required: ["sku"],
} as const;

export const productsQuery = pageQuery(
  {
    q: { type: "string", maxLength: 200, description: "Part of the SKU or of the name, any case" },
    uncounted: { type: "boolean", description: "Only the products whose stock was never counted" },
  },
  PRODUCTS_LIMIT_MAX,
  PRODUCTS_LIMIT_DEFAULT,
);

export const productPage = whole({
  type: "object",
  properties: { items: { type: "array", items: product }, next: nullable("string") },
});

export const adjustmentBody = {
  type: "object",
  additionalProperties: false,
  required: ["reason", "quantity"],
  properties: {
    reason: {
      type: "string",
      enum: ["count", "damage", "return"],
      description:
        "count (contagem; the first one is the initial stock): `quantity` is the units counted on hand. damage (avaria): `quantity` units out. return (devolução): `quantity` units back in",
    },
    quantity: { type: "integer", minimum: 0, maximum: 1_000_000_000 },
    note: { type: "string", maxLength: 500, description: "Why (free text), kept on the movement" },
  },
} as const;

export const adjustmentResult = whole({
  type: "object",
  properties: { product, movement: stockMovement },
});

/** Within the route's 1 MiB body, accents and all. */
const CSV_MAX_CHARS = 400_000;

export const importPreviewBody = {
  type: "object",
  additionalProperties: false,
  required: ["csv"],
  properties: {
    csv: {
      type: "string",
      maxLength: CSV_MAX_CHARS,
      description:
        "The file's text: `SKU;quantidade` a line, `;` between fields, a whole quantity (1.200 or 12,0 read; 12,5 is refused), maybe a header line first, maybe a BOM; more columns are ignored",
    },
  },
} as const;

export const importApplyBody = {
  type: "object",
  additionalProperties: false,
  required: ["csv", "token"],
  properties: {
    csv: importPreviewBody.properties.csv,
    token: { type: "string", maxLength: 100, description: "The preview's `token`" },
  },
} as const;

const previewLine = whole({
  type: "object",
  properties: {
    line: { type: "integer", description: "The file's line (1-based)" },
    sku: { type: "string" },
    quantityText: { type: "string" },
    quantity: nullable("integer", { description: "The count this line sets; null on an error line" }),
    productId: nullable("integer"),
    name: nullable("string"),
    stockBefore: nullable("integer"),
    countedBefore: nullable("boolean"),
    problem: {
      type: ["string", "null"],
      enum: [
        "empty",
        "not_a_number",
        "fraction",
        "negative",
        "too_large",
        "unknown_sku",
        "duplicate",
        "missing_sku",
        "fields",
        null,
      ],
    },
    error: nullable("string", { description: "pt-BR: what is wrong with the line" }),
  },
});

export const importPreview = whole({
  type: "object",
  properties: {
    lines: { type: "array", items: previewLine },
    valid: { type: "integer", description: "Lines that will be counted" },
    errors: { type: "integer", description: "Lines with an error: not imported" },
    header: { type: "boolean", description: "The first line was read as a header" },
    token: { type: "string", description: "Pass back to apply exactly these lines" },
  },
});

export const importResult = whole({
  type: "object",
  properties: {
    applied: { type: "integer" },
    skipped: { type: "integer", description: "Lines with an error, not imported" },
    movements: { type: "array", items: stockMovement },
  },
});
