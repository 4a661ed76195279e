// JSON schemas of the receivables routes (Recebíveis: list, totals, baixa and its undo): the
// request checks and the OpenAPI document.
import { RECEIPT_METHODS } from "../../backoffice/receipts.ts";
import { RECEIVABLE_STATUSES } from "../../backoffice/receivables.ts";
import { whole } from "./schema-parts.ts";

const nullable = (type: string, extra: Record<string, unknown> = {}) => ({ type: [type, "null"], ...extra });
const date = { type: "string", format: "date" } as const;

export const receipt = whole({
  type: "object",
  properties: {
    id: { type: "integer" },
    receivedOn: { ...date, description: "The day the money came in" },
    amountCents: { type: "integer" },
    method: { type: "string", enum: [...RECEIPT_METHODS] },
    note: nullable("string"),
    createdAt: { type: "string", format: "date-time" },
    createdBy: { type: "string" },
    undoneAt: nullable("string", { format: "date-time" }),
    undoneBy: nullable("string"),
    undoReason: nullable("string"),
  },
});

export const receivable = whole({
  type: "object",
  properties: {
    id: { type: "integer" },
    salesOrderId: { type: "integer" },
    salesOrderNumber: { type: "integer" },
    customerName: nullable("string"),
    invoiceId: { type: "integer" },
    installment: { type: "integer", description: "1-based" },
    amountCents: { type: "integer" },
    receivedCents: { type: "integer", description: "The live receipts' sum (never more than the amount)" },
    dueDate: date,
    overdue: { type: "boolean", description: "Still owed and due before today in São Paulo" },
    paymentType: nullable("string"),
    status: {
      type: "string",
      enum: [...RECEIVABLE_STATUSES],
      description: "open → partial → paid as receipts add up; reversed by the invoice's estorno",
    },
    creditPending: {
      type: "boolean",
      description:
        "Reversed by an estorno that kept its receipts: the received amount is owed to the customer",
    },
    createdAt: { type: "string", format: "date-time" },
    reversedAt: nullable("string", { format: "date-time" }),
    receipts: { type: "array", items: receipt, description: "Undone ones too, oldest first" },
  },
});

/** The Recebíveis filters, shared by the list and the totals. */
export const filterProperties = {
  salesOrderId: { type: "integer", description: "Only this sales order's" },
  status: { type: "string", enum: [...RECEIVABLE_STATUSES] },
  overdue: { type: "boolean", description: "true: only overdue ones; false: none of them" },
  dueFrom: { ...date, description: "Due on or after (inclusive)" },
  dueTo: { ...date, description: "Due on or before (inclusive)" },
  customer: {
    type: "string",
    maxLength: 200,
    description: "The customer's name (part of it) or CPF/CNPJ (masked or not, alphanumeric too)",
  },
} as const;

const totals = {
  dueCents: { type: "integer", description: "Sum of the live installments" },
  receivedCents: { type: "integer" },
  openCents: { type: "integer", description: "Still to receive" },
  overdueCents: { type: "integer", description: "The part of openCents past due" },
  creditPendingCents: { type: "integer", description: "Kept by estornos as the customers' credit" },
} as const;

export const totalsResult = whole({
  type: "object",
  properties: {
    periods: {
      type: "array",
      items: whole({
        type: "object",
        properties: { period: { type: "string", description: "YYYY-MM of the due date" }, ...totals },
      }),
    },
    total: whole({ type: "object", properties: totals }),
  },
});

export const receiptBody = {
  type: "object",
  required: ["receivedOn", "amountCents", "method"],
  additionalProperties: false,
  properties: {
    receivedOn: { type: "string", maxLength: 10, description: "YYYY-MM-DD, not in the future" },
    amountCents: { type: "integer", minimum: 1, description: "At most what is still open" },
    method: { type: "string", enum: [...RECEIPT_METHODS] },
    note: { type: "string", maxLength: 500 },
  },
} as const;

export const undoBody = {
  type: "object",
  additionalProperties: false,
  properties: { reason: { type: "string", maxLength: 500, description: 'e.g. "cheque devolvido"' } },
} as const;

export const receiptParams = {
  type: "object",
  properties: { id: { type: "integer" }, receiptId: { type: "integer" } },
  required: ["id", "receiptId"],
} as const;

export const receiptResult = whole({
  type: "object",
  properties: {
    receivable,
    receipt,
    eventId: { type: "integer", description: "The order's timeline entry" },
  },
});
