// Produtos (issue 16, item 2): the catalogue with each product's stock, adjustments by hand
// (contagem, avaria, devolução; the first count is the initial stock) and the CSV import of a
// count, previewed line by line before anything is written. A product's movements are on
// GET /api/v1/products/{sku}/stock-movements (back-office.ts).
import type { FastifyInstance } from "fastify";
import { withoutEmpty } from "../../audit/changes.ts";
import { auditSource, recordAudit } from "../../audit/record.ts";
import { productSnapshot } from "../../audit/snapshots.ts";
import {
  type AdjustmentInput,
  adjustStock,
  getProduct,
  listProducts,
  type ProductsQuery,
} from "../../backoffice/products.ts";
import { applyStockImport, previewStockImport } from "../../backoffice/stock-import.ts";
import type { AppContext } from "../../context.ts";
import { actorOf, dbOf, orgOf } from "../plugins/auth.ts";
import { BODY_LIMITS } from "../server-limits.ts";
import { problem } from "./integration.ts";
import * as s from "./product-schemas.ts";

const TAGS = ["products"];

export async function productRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.get<{ Querystring: ProductsQuery }>(
    "/api/v1/products",
    {
      schema: {
        tags: TAGS,
        summary:
          "Produtos: SKU, name and stock on hand (or not counted yet), by SKU, a keyset page at a time",
        querystring: s.productsQuery,
        response: { 200: s.productPage, 400: problem },
      },
    },
    async (request) => listProducts(dbOf(request), orgOf(request), request.query),
  );

  app.get<{ Params: { sku: string } }>(
    "/api/v1/products/:sku",
    {
      schema: {
        tags: TAGS,
        summary: "One product with its stock",
        params: s.skuParams,
        response: { 200: s.product, 404: problem },
      },
    },
    async (request) => getProduct(dbOf(request), orgOf(request), request.params.sku),
  );

  app.post<{ Params: { sku: string }; Body: AdjustmentInput }>(
    "/api/v1/products/:sku/stock-adjustments",
    {
      schema: {
        tags: TAGS,
        summary: "Set or adjust a product's stock: contagem (count), avaria (damage) or devolução (return)",
        description:
          "One transaction: the product's new stock and a stock movement with who and why (`note`). A count sets the stock to `quantity` (the movement is the difference) and marks the stock counted; the first count of a product never counted is its initial stock (reason `initial`). Damage takes `quantity` out, a return puts it back (at least 1). 400 `validation_failed` with details.field `quantity`.",
        params: s.skuParams,
        body: s.adjustmentBody,
        response: { 201: s.adjustmentResult, 400: problem, 404: problem },
      },
    },
    async (request, reply) => {
      const result = await dbOf(request).transaction(async (tx) => {
        const before = await productSnapshot(tx, orgOf(request), request.params.sku);
        const done = await adjustStock(
          tx,
          orgOf(request),
          request.params.sku,
          request.body,
          actorOf(request),
        );
        await recordAudit(tx, auditSource(request), {
          action: "stock.adjust",
          entityType: "product",
          entityId: request.params.sku,
          entityLabel: request.params.sku,
          before,
          after: await productSnapshot(tx, orgOf(request), request.params.sku),
          input: withoutEmpty({
            reason: request.body.reason,
            quantity: request.body.quantity,
            note: request.body.note,
          }),
        });
        return done;
      });
      return reply.status(201).send(result);
    },
  );

  app.post<{ Body: { csv: string } }>(
    "/api/v1/products/stock-import/preview",
    {
      bodyLimit: BODY_LIMITS.document,
      schema: {
        tags: TAGS,
        summary: "Preview a stock count CSV (SKU;quantidade): what each line would do, or why it cannot",
        description:
          "Writes nothing. Each line: the count it sets and the stock before, or its error (unknown SKU, not a number, a fraction, negative, the same SKU on an earlier line, no `;`). `token` names exactly the valid lines: pass it to POST /api/v1/products/stock-import.",
        body: s.importPreviewBody,
        response: { 200: s.importPreview, 400: problem },
      },
    },
    async (request) => previewStockImport(dbOf(request), orgOf(request), request.body.csv),
  );

  app.post<{ Body: { csv: string; token: string } }>(
    "/api/v1/products/stock-import",
    {
      bodyLimit: BODY_LIMITS.document,
      schema: {
        tags: TAGS,
        summary: "Apply a previewed stock count CSV: exactly the preview's valid lines, in one transaction",
        description:
          "The same file and the preview's `token`. Each valid line is a count (movement reason `count`, or `initial` for a product never counted, note `Importação CSV`); lines with an error are skipped. 409 `conflict` reasonCode `preview_changed` when the file (or the products) no longer read as the preview did: preview again.",
        body: s.importApplyBody,
        response: { 200: s.importResult, 400: problem, 409: problem },
      },
    },
    async (request) =>
      dbOf(request).transaction(async (tx) => {
        const done = await applyStockImport(
          tx,
          orgOf(request),
          request.body.csv,
          request.body.token,
          actorOf(request),
        );
        // One row for the file: each counted SKU's stock before and after (the first few hundred).
        // SKUs are values, not field names, so a SKU that reads like a secret is not masked.
        const counted = done.movements.slice(0, 300);
        await recordAudit(tx, auditSource(request), {
          action: "stock.import",
          entityType: "product",
          entityLabel: "Importação CSV",
          before: { stock: counted.map((m) => ({ sku: m.sku, quantity: (m.stockAfter ?? 0) - m.quantity })) },
          after: { stock: counted.map((m) => ({ sku: m.sku, quantity: m.stockAfter })) },
          input: { applied: done.applied, skipped: done.skipped },
        });
        return done;
      }),
  );
}
