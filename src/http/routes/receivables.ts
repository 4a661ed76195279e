// Recebíveis (contas a receber): the list with its filters, totals per month of the due date,
// and the baixa (a receipt, partial or in full) with its undo. Each baixa and undo is one
// transaction with the order's timeline entry.
import type { FastifyInstance } from "fastify";
import { auditedReceivableChange } from "../../audit/changes.ts";
import { auditSource } from "../../audit/record.ts";
import {
  type ReceiptInput,
  receivableNotFound,
  recordReceipt,
  undoReceipt,
} from "../../backoffice/receipts.ts";
import { receivableTotals } from "../../backoffice/receivable-totals.ts";
import {
  getReceivable,
  listReceivables,
  RECEIVABLES_LIMIT_DEFAULT,
  RECEIVABLES_LIMIT_MAX,
  type ReceivablesFilter,
  type ReceivablesQuery,
} from "../../backoffice/receivables.ts";
import type { AppContext } from "../../context.ts";
import { actorOf, dbOf, orgOf } from "../plugins/auth.ts";
import { idParams, pageQuery } from "./back-office-schemas.ts";
import { problem } from "./integration.ts";
import * as s from "./receivable-schemas.ts";
import { whole } from "./schema-parts.ts";

const TAGS = ["backoffice"];

export async function receivableRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.get<{ Querystring: ReceivablesQuery }>(
    "/api/v1/receivables",
    {
      schema: {
        tags: TAGS,
        summary: "Contas a receber: receivables by due date, earliest first, a keyset page at a time",
        description:
          "Filters: status, overdue (still owed and due before today in São Paulo), due date range, customer (name or CPF/CNPJ), sales order. Each item carries its receipts (undone ones too).",
        querystring: pageQuery(s.filterProperties, RECEIVABLES_LIMIT_MAX, RECEIVABLES_LIMIT_DEFAULT),
        response: {
          200: whole({
            type: "object",
            properties: { items: { type: "array", items: s.receivable }, next: { type: ["string", "null"] } },
          }),
          400: problem,
        },
      },
    },
    async (request) => listReceivables(dbOf(request), orgOf(request), request.query),
  );

  app.get<{ Querystring: ReceivablesFilter }>(
    "/api/v1/receivables/totals",
    {
      schema: {
        tags: TAGS,
        summary: "Totals of the filtered receivables per month of the due date: due, received, open, overdue",
        querystring: { type: "object", additionalProperties: false, properties: s.filterProperties },
        response: { 200: s.totalsResult, 400: problem },
      },
    },
    async (request) => receivableTotals(dbOf(request), orgOf(request), request.query),
  );

  app.get<{ Params: { id: number } }>(
    "/api/v1/receivables/:id",
    {
      schema: {
        tags: TAGS,
        summary: "One receivable with its receipts",
        params: idParams,
        response: { 200: s.receivable, 404: problem },
      },
    },
    async (request) => {
      const receivable = await getReceivable(dbOf(request), orgOf(request), request.params.id);
      if (!receivable) throw receivableNotFound(request.params.id);
      return receivable;
    },
  );

  app.post<{ Params: { id: number }; Body: ReceiptInput }>(
    "/api/v1/receivables/:id/receipts",
    {
      schema: {
        tags: TAGS,
        summary: "Baixa: record money received against the receivable, partially or in full",
        description:
          "Receipts add up: open → partial → paid. 400 `validation_failed` for a date that is not one or is in the future (`details.field` `receivedOn`). 409 `conflict` with reasonCode `receipt_exceeds_open` (more than is still open; `details.remainingCents`) or `receivable_reversed`.",
        params: idParams,
        body: s.receiptBody,
        response: { 201: s.receiptResult, 400: problem, 404: problem, 409: problem },
      },
    },
    async (request, reply) => {
      const result = await dbOf(request).transaction((tx) =>
        auditedReceivableChange(tx, auditSource(request), request.params.id, "receivable.receipt", () =>
          recordReceipt(tx, orgOf(request), request.params.id, request.body, actorOf(request)),
        ),
      );
      return reply.status(201).send(result);
    },
  );

  app.post<{ Params: { id: number; receiptId: number }; Body: { reason?: string } }>(
    "/api/v1/receivables/:id/receipts/:receiptId/undo",
    {
      schema: {
        tags: TAGS,
        summary:
          "Undo a receipt (entered by mistake, payment bounced, credit refunded), recording who and why",
        description:
          "The receipt stays listed with undoneAt/undoneBy; the receivable's status follows. 409 `conflict` reasonCode `receipt_already_undone`.",
        params: s.receiptParams,
        body: s.undoBody,
        response: { 200: s.receiptResult, 404: problem, 409: problem },
      },
    },
    async (request) => {
      const reason = request.body?.reason?.trim() || null;
      return dbOf(request).transaction((tx) =>
        auditedReceivableChange(
          tx,
          auditSource(request),
          request.params.id,
          "receivable.receipt.undo",
          () =>
            undoReceipt(
              tx,
              orgOf(request),
              request.params.id,
              request.params.receiptId,
              reason,
              actorOf(request),
            ),
          { receiptId: request.params.receiptId, reason },
        ),
      );
    },
  );
}
