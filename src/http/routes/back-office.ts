// The back office's actions on a sales order (R6.4, R7, docs/REQUIREMENTS.md#seed-003): confirm a payment by hand,
// invoice (NF-e or simple sale) and reverse it, ship with tracking, print the shipping label;
// and what they produced: a product's stock ledger (receivables: routes/receivables.ts), the label's sender. Each action
// is one transaction with its status change, pushes and e-mail (backoffice/status-effects.ts).
import type { FastifyInstance } from "fastify";
import { auditedOrderChange } from "../../audit/changes.ts";
import { auditSource, recordAudit } from "../../audit/record.ts";
import { type InvoiceInput, validateInvoiceInput } from "../../backoffice/invoice-input.ts";
import { cancelInvoice, createInvoice, listInvoices, type Notify } from "../../backoffice/invoices.ts";
import { confirmPayment } from "../../backoffice/payment-confirmation.ts";
import { ESTORNO_RECEIPT_CHOICES, type EstornoReceiptChoice } from "../../backoffice/receivable-estorno.ts";
import { getSender, type SenderInput, setSender, validateSender } from "../../backoffice/sender.ts";
import {
  createShipment,
  listShipments,
  type ShipmentInput,
  validateShipmentInput,
} from "../../backoffice/shipments.ts";
import {
  MOVEMENTS_LIMIT_DEFAULT,
  MOVEMENTS_LIMIT_MAX,
  productStockMovements,
} from "../../backoffice/stock.ts";
import { resolveStoreCancellation } from "../../backoffice/store-cancellation.ts";
import type { AppContext } from "../../context.ts";
import type { Queryable } from "../../db/db.ts";
import { orderLabelPdf } from "../../label/order-label.ts";
import { orderNotFound } from "../../orders/order-lock.ts";
import { actorOf, dbOf, orgOf } from "../plugins/auth.ts";
import * as s from "./back-office-schemas.ts";
import { problem } from "./integration.ts";
import { whole } from "./schema-parts.ts";

const TAGS = ["backoffice"];

type WithNotify<T> = T & { notifyCustomer?: boolean; message?: string };

function notifyOf(body: { notifyCustomer?: boolean; message?: string }): Notify {
  const message = body.message?.trim();
  return { notifyCustomer: body.notifyCustomer, message: message ? message : null };
}

/** An action's own fields, apart from the "Notificar cliente" and message of the status change it causes. */
function splitNotify<T extends object>(body: WithNotify<T>): [T, Notify] {
  const { notifyCustomer, message, ...input } = body;
  return [input as T, notifyOf({ notifyCustomer, message })];
}

async function assertOrder(q: Queryable, id: number): Promise<void> {
  const { rows } = await q.query("select 1 from sales_orders where id = $1", [id]);
  if (rows.length === 0) throw orderNotFound(id);
}

export async function backOfficeRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.post<{ Params: { id: number }; Body: WithNotify<{ note?: string }> }>(
    "/api/v1/orders/:id/confirm-payment",
    {
      schema: {
        tags: TAGS,
        summary:
          "Confirm the payment by hand (bank deposit checked on the statement), recording who and when",
        description:
          "Records payment_confirmed_at/_by and a `payment_confirmed` timeline entry; an order awaiting payment moves to pagamento_confirmado (with its pushes and e-mail). Invoicing needs the payment confirmed. 409 `conflict` with reasonCode `payment_already_confirmed` (who and when in details) or `sales_order_deleted`; 409 `illegal_transition` on a cancelled order.",
        params: s.idParams,
        body: s.paymentBody,
        response: { 200: s.paymentResult, 404: problem, 409: problem },
      },
    },
    async (request) => {
      const note = request.body?.note?.trim() || null;
      return dbOf(request).transaction((tx) =>
        auditedOrderChange(
          tx,
          auditSource(request),
          request.params.id,
          "order.payment_confirm",
          () =>
            confirmPayment(tx, ctx, request.params.id, note, actorOf(request), notifyOf(request.body ?? {})),
          { note },
        ),
      );
    },
  );

  app.post<{ Params: { id: number }; Body: WithNotify<InvoiceInput> }>(
    "/api/v1/orders/:id/invoice",
    {
      schema: {
        tags: TAGS,
        summary:
          "Invoice the order: record an approved NF-e or confirm a simple sale (stock out, receivables in)",
        description:
          "One transaction: the invoice, one stock movement per product (stock may go negative: flagged in `negativeStock`), one receivable per installment (the total split in cents, due dates by payment type), sales status `faturado`, an `invoiced` timeline entry, and the status change it causes (aguardando_pagamento/pagamento_confirmado → em_preparacao) with its pushes and e-mail. 400 `validation_failed` names the field (`details.field`, `details.reasonCode`, pt-BR `details.reason`). 409 `illegal_transition` with reasonCode `payment_not_confirmed` or `cancelled_is_final`; 409 `already_invoiced` when a live invoice exists (also under concurrent requests: exactly one succeeds); 409 `conflict` reasonCode `access_key_in_use`.",
        params: s.idParams,
        body: s.invoiceBody,
        response: { 201: s.invoiceResult, 400: problem, 404: problem, 409: problem },
      },
    },
    async (request, reply) => {
      const [input, notify] = splitNotify(request.body);
      const valid = validateInvoiceInput(input);
      const result = await dbOf(request).transaction((tx) =>
        auditedOrderChange(tx, auditSource(request), request.params.id, "order.invoice", () =>
          createInvoice(tx, ctx, request.params.id, valid, actorOf(request), notify),
        ),
      );
      return reply.status(201).send(result);
    },
  );

  app.post<{ Params: { id: number }; Body: { reason?: string; receipts?: EstornoReceiptChoice } }>(
    "/api/v1/orders/:id/invoice/cancel",
    {
      schema: {
        tags: TAGS,
        summary: "Cancel the live invoice (estorno): stock put back and receivables reversed, exactly once",
        description:
          "The canonical status does not move (cancelling the invoice is not cancelling the order); the sales status leaves `faturado`. A new invoice is then allowed. 409 `not_invoiced` when there is no live invoice (so a second cancel reverses nothing). When its installments already received money, `receipts` says what becomes of it (`undo`: the receipts are undone; `credit`: kept, and the reversed installments record it as the customer's credit, refund pending); without it 409 `conflict` reasonCode `receipts_need_choice` (details `receipts`, `receivedCents`) and nothing changes.",
        params: s.idParams,
        body: {
          type: "object",
          additionalProperties: false,
          properties: {
            reason: { type: "string", maxLength: 500, description: "Motivo do estorno" },
            receipts: {
              type: "string",
              enum: [...ESTORNO_RECEIPT_CHOICES],
              description:
                "What becomes of money already received on the installments (required when there is any)",
            },
          },
        },
        response: { 200: s.cancelResult, 404: problem, 409: problem },
      },
    },
    async (request) => {
      const reason = request.body?.reason?.trim() || null;
      return dbOf(request).transaction((tx) =>
        auditedOrderChange(
          tx,
          auditSource(request),
          request.params.id,
          "order.invoice.cancel",
          () => cancelInvoice(tx, request.params.id, reason, actorOf(request), request.body?.receipts),
          { reason, receipts: request.body?.receipts },
        ),
      );
    },
  );

  app.post<{ Params: { id: number }; Body: { note?: string } }>(
    "/api/v1/orders/:id/store-cancellation/resolve",
    {
      schema: {
        tags: TAGS,
        summary: "Mark a store-side cancellation of a shipped order as handled (the flag leaves Falhas)",
        description:
          "For an order the store cancelled after it was shipped (`storeCancellation.kind` `shipped`), once the return is dealt with; recorded in the timeline. 409 `conflict` with reasonCode `invoice_live` when the order has a live invoice (only the estorno, POST /api/v1/orders/{id}/invoice/cancel, clears that flag) or `no_store_cancellation`.",
        params: s.idParams,
        body: {
          type: "object",
          additionalProperties: false,
          properties: { note: { type: "string", maxLength: 500, description: 'e.g. "devolução recebida"' } },
        },
        response: {
          200: whole({
            type: "object",
            properties: {
              order: s.orderStatus,
              storeCancellation: { type: "null" },
              eventId: { type: "integer", description: "The timeline's `store_cancellation_resolved` entry" },
            },
          }),
          404: problem,
          409: problem,
        },
      },
    },
    async (request) => {
      const note = request.body?.note?.trim() || null;
      return dbOf(request).transaction((tx) =>
        auditedOrderChange(
          tx,
          auditSource(request),
          request.params.id,
          "order.store_cancellation.resolve",
          () => resolveStoreCancellation(tx, request.params.id, note, actorOf(request)),
          { note },
        ),
      );
    },
  );

  app.get<{ Params: { id: number } }>(
    "/api/v1/orders/:id/invoices",
    {
      schema: {
        tags: TAGS,
        summary: "The order's invoices, live and cancelled, oldest first",
        params: s.idParams,
        response: {
          200: whole({ type: "object", properties: { items: { type: "array", items: s.invoice } } }),
          404: problem,
        },
      },
    },
    async (request) => {
      await assertOrder(dbOf(request), request.params.id);
      return { items: await listInvoices(dbOf(request), request.params.id) };
    },
  );

  app.post<{ Params: { id: number }; Body: WithNotify<ShipmentInput> }>(
    "/api/v1/orders/:id/shipments",
    {
      schema: {
        tags: TAGS,
        summary: "Ship the order: carrier and tracking code or URL; the order moves to Despachado",
        description:
          "The only way to Despachado; needs the payment confirmed. A tracking code or URL is required (400 `validation_failed`, field `trackingCode`) except for a store pickup (`pickup` in the order), where this records it ready for pickup. A Correios code is checked (UPU S10: 2 letters, 8 digits, check digit, country) when the carrier is Correios or the code looks like one: 400 `validation_failed` with `details.field` `trackingCode`. 409 `illegal_transition` when the order cannot move to despachado (reasonCode `payment_not_confirmed`, `same`, `backwards`, `cancelled_is_final`).",
        params: s.idParams,
        body: s.shipmentBody,
        response: { 201: s.shipmentResult, 400: problem, 404: problem, 409: problem },
      },
    },
    async (request, reply) => {
      const [input, notify] = splitNotify(request.body);
      const valid = validateShipmentInput(input);
      const result = await dbOf(request).transaction((tx) =>
        auditedOrderChange(
          tx,
          auditSource(request),
          request.params.id,
          "order.ship",
          () => createShipment(tx, ctx, request.params.id, valid, actorOf(request), notify),
          { carrier: valid.carrier, trackingCode: valid.trackingCode, trackingUrl: valid.trackingUrl },
        ),
      );
      return reply.status(201).send(result);
    },
  );

  app.get<{ Params: { id: number } }>(
    "/api/v1/orders/:id/shipments",
    {
      schema: {
        tags: TAGS,
        summary: "The order's shipments with tracking and delivery date, oldest first",
        params: s.idParams,
        response: {
          200: whole({ type: "object", properties: { items: { type: "array", items: s.shipment } } }),
          404: problem,
        },
      },
    },
    async (request) => {
      await assertOrder(dbOf(request), request.params.id);
      return { items: await listShipments(dbOf(request), request.params.id) };
    },
  );

  app.get<{ Params: { id: number } }>(
    "/api/v1/orders/:id/label.pdf",
    {
      schema: {
        tags: TAGS,
        summary:
          "The 10 × 15 cm shipping label (PDF): sender, recipient with CEP, order numbers, tracking barcode",
        description:
          "The tracking code of the latest shipment as a Code 128 barcode (the order number when there is none yet). The sender is the address set with PUT /api/v1/settings/sender (the store's name until then). 409 `conflict` with reasonCode `no_delivery_address` or `invalid_cep`.",
        params: s.idParams,
        response: {
          200: {
            description: "One A6-like page, 283.46 × 425.2 pt",
            content: { "application/pdf": { schema: { type: "string", format: "binary" } } },
          },
          404: problem,
          409: problem,
        },
      },
    },
    async (request, reply) => {
      const { number, pdf } = await orderLabelPdf(dbOf(request), request.params.id);
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="etiqueta-${number}.pdf"`)
        .header("cache-control", "no-store")
        .send(Buffer.from(pdf));
    },
  );

  app.get<{ Params: { sku: string }; Querystring: { limit?: number; after?: string } }>(
    "/api/v1/products/:sku/stock-movements",
    {
      schema: {
        tags: TAGS,
        summary:
          "A product's current stock and its movements (invoices, estornos, counts, damage, returns), newest first",
        params: {
          type: "object",
          properties: { sku: { type: "string", maxLength: 200 } },
          required: ["sku"],
        },
        querystring: s.pageQuery({}, MOVEMENTS_LIMIT_MAX, MOVEMENTS_LIMIT_DEFAULT),
        response: {
          200: whole({
            type: "object",
            properties: {
              product: whole({
                type: "object",
                properties: {
                  id: { type: "integer" },
                  sku: { type: "string" },
                  name: { type: "string" },
                  stockQuantity: { type: "integer", description: "Current stock (may be negative)" },
                  counted: {
                    type: "boolean",
                    description: "False until a person set the stock (Estoque não contado)",
                  },
                },
              }),
              items: { type: "array", items: s.stockMovement },
              next: { type: ["string", "null"] },
            },
          }),
          400: problem,
          404: problem,
        },
      },
    },
    async (request) =>
      productStockMovements(dbOf(request), orgOf(request), request.params.sku, request.query),
  );

  app.get(
    "/api/v1/settings/sender",
    {
      schema: {
        tags: TAGS,
        summary: "The shipping label's sender (remetente); null until set",
        response: {
          200: {
            type: "object",
            required: ["sender"],
            properties: { sender: { ...s.sender, type: ["object", "null"] } },
          },
        },
      },
    },
    async (request) => ({ sender: await getSender(dbOf(request), orgOf(request)) }),
  );

  app.put<{ Body: SenderInput }>(
    "/api/v1/settings/sender",
    {
      schema: {
        tags: TAGS,
        summary: "Set the shipping label's sender: name, CPF/CNPJ, address with CEP",
        description:
          "400 `validation_failed` names the field (CEP of 8 digits, UF of two letters, a valid CPF/CNPJ).",
        body: s.senderBody,
        response: { 200: s.sender, 400: problem },
      },
    },
    async (request) => {
      const sender = validateSender(request.body);
      return dbOf(request).transaction(async (tx) => {
        const before = await getSender(tx, orgOf(request));
        const saved = await setSender(tx, orgOf(request), sender);
        await recordAudit(tx, auditSource(request), {
          action: "settings.sender.update",
          entityType: "settings",
          entityId: "sender",
          entityLabel: "Remetente da etiqueta",
          before: before ? { ...before } : {},
          after: { ...saved },
        });
        return saved;
      });
    },
  );
}
