// CSV exports (issue 16, item 5): the Pedidos list under the same query parameters as
// GET /api/v1/orders, the receivables under GET /api/v1/receivables' filters, and the stock.
// pt-BR CSV (`;`, decimal comma, dd/mm/aaaa, UTF-8 with BOM), streamed from a database cursor.

import type { FastifyInstance, FastifyReply } from "fastify";
import { CSV_CONTENT_TYPE, csvFileName } from "../../backoffice/csv-write.ts";
import { ordersCsv, receivablesCsv, stockCsv } from "../../backoffice/exports.ts";
import { type ListQuery, parseListQuery } from "../../backoffice/list-sales-orders.ts";
import type { ReceivablesFilter } from "../../backoffice/receivables.ts";
import type { AppContext } from "../../context.ts";
import { dbOf, orgOf } from "../plugins/auth.ts";
import { documentShown } from "../plugins/document-masking.ts";
import { problem } from "./integration.ts";
import { listQuery } from "./order-schemas.ts";
import { filterProperties } from "./receivable-schemas.ts";

const TAGS = ["exports"];

const csvResponse = (description: string) => ({
  description,
  content: { "text/csv": { schema: { type: "string" } } },
});

function sendCsv(reply: FastifyReply, prefix: string, stream: NodeJS.ReadableStream) {
  return reply
    .type(CSV_CONTENT_TYPE)
    .header("content-disposition", `attachment; filename="${csvFileName(prefix)}"`)
    .header("cache-control", "no-store")
    .send(stream);
}

const { limit: _limit, after: _after, ...orderFilters } = listQuery.properties;

export async function exportRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.get<{ Querystring: ListQuery }>(
    "/api/v1/exports/orders",
    {
      schema: {
        tags: TAGS,
        summary: "Export the Pedidos list (its current filter and sort) as CSV",
        description:
          "The query parameters of GET /api/v1/orders (no page: every order the filter finds). Columns: Pedido; Pedido na loja; Loja; Data do pedido (dd/mm/aaaa, São Paulo); Cliente; CPF/CNPJ (formatted; masked for the Leitura role); Status; Situação; Pagamento; Total (R$) with a decimal comma. 400 `validation_failed` as the list.",
        querystring: { ...listQuery, properties: orderFilters },
        response: { 200: csvResponse("pedidos-AAAA-MM-DD.csv"), 400: problem },
      },
    },
    async (request, reply) =>
      sendCsv(
        reply,
        "pedidos",
        ordersCsv(dbOf(request), orgOf(request), parseListQuery(request.query), documentShown(request)),
      ),
  );

  app.get<{ Querystring: ReceivablesFilter }>(
    "/api/v1/exports/receivables",
    {
      schema: {
        tags: TAGS,
        summary: "Export the receivables (contas a receber) as CSV, by due date",
        description:
          "The filters of GET /api/v1/receivables (what the Recebíveis screen shows). Columns: Pedido; Parcela; Vencimento (dd/mm/aaaa); Valor (R$); Recebido (R$); Pagamento; Status (Em aberto, Recebida em parte, Recebida, Estornada); Cliente; CPF/CNPJ (formatted; masked for the Leitura role).",
        querystring: { type: "object", additionalProperties: false, properties: filterProperties },
        response: { 200: csvResponse("contas-a-receber-AAAA-MM-DD.csv"), 400: problem },
      },
    },
    async (request, reply) =>
      sendCsv(
        reply,
        "contas-a-receber",
        receivablesCsv(dbOf(request), orgOf(request), request.query, documentShown(request)),
      ),
  );

  app.get<{ Querystring: { q?: string; uncounted?: boolean } }>(
    "/api/v1/exports/stock",
    {
      schema: {
        tags: TAGS,
        summary: "Export the products' stock as CSV, by SKU",
        description:
          "The filters of GET /api/v1/products. Columns: SKU; Estoque (empty when never counted); Produto; Situação (Contado, Estoque não contado); Contado em (dd/mm/aaaa). The file goes back in through the stock CSV import (extra columns are ignored).",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            q: { type: "string", maxLength: 200 },
            uncounted: { type: "boolean" },
          },
        },
        response: { 200: csvResponse("estoque-AAAA-MM-DD.csv"), 400: problem },
      },
    },
    async (request, reply) =>
      sendCsv(reply, "estoque", stockCsv(dbOf(request), orgOf(request), request.query)),
  );
}
