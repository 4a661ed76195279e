// JSON schemas of the back-office routes (invoice, estorno, shipments, payment, receivables,
// stock, sender): the request checks and the OpenAPI document.
import { CANONICAL_STATUSES } from "../../domain/order-status.ts";
import { MAX_CUSTOMER_MESSAGE } from "./order-status.ts";
import { receivable } from "./receivable-schemas.ts";
import { whole } from "./schema-parts.ts";

const nullable = (type: string, extra: Record<string, unknown> = {}) => ({ type: [type, "null"], ...extra });

export const idParams = {
  type: "object",
  properties: { id: { type: "integer" } },
  required: ["id"],
} as const;

/** "Notificar cliente" and the optional message, as on the status form. */
export const notifyFields = {
  notifyCustomer: {
    type: "boolean",
    description:
      "Notificar cliente about the status change this causes. Absent: that status's default for the order's store (its e-mail templates)",
  },
  message: {
    type: "string",
    maxLength: MAX_CUSTOMER_MESSAGE,
    description: "Optional message to the customer",
  },
} as const;

export const orderStatus = whole({
  type: "object",
  description: "The sales order's status after the action",
  properties: {
    id: { type: "integer" },
    canonicalStatus: { type: "string", enum: [...CANONICAL_STATUSES] },
    status: { type: "string", enum: ["em_aberto", "confirmado", "cancelado", "faturado"] },
    statusVersion: { type: "integer" },
  },
});

export const invoice = whole({
  type: "object",
  properties: {
    id: { type: "integer" },
    salesOrderId: { type: "integer" },
    kind: { type: "string", enum: ["nfe", "simple"] },
    accessKey: nullable("string", { description: "44 positions, normalized (no spaces, upper case)" }),
    number: nullable("string"),
    series: nullable("string"),
    issuedAt: { type: "string", format: "date-time" },
    xmlUrl: nullable("string"),
    status: { type: "string", enum: ["approved", "cancelled"] },
    createdAt: { type: "string", format: "date-time" },
    createdBy: nullable("string"),
    cancelledAt: nullable("string", { format: "date-time" }),
    cancelledBy: nullable("string"),
    cancelReason: nullable("string"),
  },
});

export const stockMovement = whole({
  type: "object",
  properties: {
    id: { type: "integer" },
    productId: { type: "integer" },
    sku: { type: "string" },
    name: { type: "string" },
    quantity: { type: "integer", description: "Signed: negative takes stock out" },
    reason: {
      type: "string",
      enum: ["invoice", "invoice_reversal", "adjustment", "initial", "count", "damage", "return"],
      description:
        "invoice / invoice_reversal: an invoice and its estorno; initial: the first count (estoque inicial); count: contagem; damage: avaria; return: devolução",
    },
    note: nullable("string", { description: "Why a person moved it (CSV import: Importação CSV)" }),
    stockAfter: nullable("integer", { description: "The product's stock right after this movement" }),
    wentNegative: { type: "boolean", description: "This movement left the stock below zero" },
    salesOrderId: nullable("integer"),
    invoiceId: nullable("integer"),
    actor: nullable("string"),
    createdAt: { type: "string", format: "date-time" },
  },
});

export const shipment = whole({
  type: "object",
  properties: {
    id: { type: "integer" },
    salesOrderId: { type: "integer" },
    carrier: { type: "string" },
    trackingCode: nullable("string"),
    trackingUrl: nullable("string"),
    shippedAt: { type: "string", format: "date-time" },
    deliveredAt: nullable("string", { format: "date-time" }),
    createdBy: nullable("string"),
  },
});

export const invoiceBody = {
  type: "object",
  required: ["kind"],
  additionalProperties: false,
  properties: {
    kind: {
      type: "string",
      enum: ["nfe", "simple"],
      description: "NF-e issued by the fiscal emitter, or a simple sale",
    },
    accessKey: {
      type: "string",
      maxLength: 60,
      description:
        "NF-e only, required: the 44-position access key (spaces and dots ignored; positions 7–18 may be letters, alphanumeric CNPJ)",
    },
    number: {
      type: "string",
      maxLength: 20,
      description: "NF-e: taken from the key when absent, must match it when given",
    },
    series: {
      type: "string",
      maxLength: 3,
      description: "NF-e: taken from the key when absent, must match it when given",
    },
    issuedAt: { type: "string", format: "date-time", description: "Default: now. Dates the receivables" },
    xmlUrl: { type: "string", maxLength: 2000, description: "NF-e only: http(s) link to the authorized XML" },
    ...notifyFields,
  },
} as const;

export const invoiceResult = whole({
  type: "object",
  properties: {
    invoice,
    stockMovements: { type: "array", items: stockMovement },
    negativeStock: {
      type: "array",
      description: "Products this invoice left below zero: flagged, not refused",
      items: whole({
        type: "object",
        properties: {
          productId: { type: "integer" },
          sku: { type: "string" },
          stockAfter: { type: "integer" },
        },
      }),
    },
    itemsWithoutProduct: {
      type: "array",
      description: "Items with no product (unknown SKU): no stock moved for them",
      items: whole({
        type: "object",
        properties: {
          position: { type: "integer" },
          sku: nullable("string"),
          name: { type: "string" },
          quantity: { type: "integer" },
        },
      }),
    },
    receivables: { type: "array", items: receivable },
    order: orderStatus,
    statusChanged: { type: "boolean", description: "Invoicing moved the canonical status (→ em_preparacao)" },
    eventId: { type: "integer", description: "The timeline's `invoiced` entry" },
  },
});

export const cancelResult = whole({
  type: "object",
  properties: {
    invoice,
    stockMovements: {
      type: "array",
      items: stockMovement,
      description: "The reversal movements (stock put back)",
    },
    receivables: { type: "array", items: receivable, description: "The receivables reversed now" },
    order: orderStatus,
    eventId: { type: "integer", description: "The timeline's `invoice_cancelled` entry" },
  },
});

export const shipmentBody = {
  type: "object",
  required: ["carrier"],
  additionalProperties: false,
  properties: {
    carrier: { type: "string", minLength: 1, maxLength: 100, examples: ["Correios", "Jadlog"] },
    trackingCode: {
      type: "string",
      maxLength: 100,
      description:
        "Checked as a Correios code (UPU S10, e.g. JT194690698BR) when the carrier is Correios or the code looks like one",
    },
    trackingUrl: { type: "string", maxLength: 2000, description: "http(s) tracking link" },
    ...notifyFields,
  },
} as const;

export const shipmentResult = whole({
  type: "object",
  properties: {
    shipment,
    order: orderStatus,
    eventId: {
      type: "integer",
      description: "The status_changed entry (→ despachado), carrying the tracking",
    },
  },
});

export const paymentBody = {
  type: "object",
  additionalProperties: false,
  properties: {
    note: { type: "string", maxLength: 500, description: 'e.g. "depósito conferido no extrato"' },
    ...notifyFields,
  },
} as const;

export const paymentResult = whole({
  type: "object",
  properties: {
    order: orderStatus,
    paymentConfirmedAt: { type: "string", format: "date-time" },
    paymentConfirmedBy: { type: "string", description: "user:<email> or token:<name>" },
    statusChanged: {
      type: "boolean",
      description: "The order moved aguardando_pagamento → pagamento_confirmado",
    },
    eventId: { type: "integer", description: "The timeline's `payment_confirmed` entry" },
  },
});

const senderProperties = {
  name: { type: "string", maxLength: 200 },
  document: nullable("string", { maxLength: 30, description: "CPF/CNPJ (checked), shown on the label" }),
  street: nullable("string", { maxLength: 200 }),
  number: nullable("string", { maxLength: 20 }),
  complement: nullable("string", { maxLength: 100 }),
  neighborhood: nullable("string", { maxLength: 100 }),
  city: nullable("string", { maxLength: 100 }),
  state: nullable("string", { maxLength: 2, description: "UF, e.g. SP" }),
  zipcode: nullable("string", { maxLength: 9, description: "CEP: 8 digits, with or without the dash" }),
  phone: nullable("string", { maxLength: 30 }),
} as const;

export const senderBody = {
  type: "object",
  required: ["name"],
  additionalProperties: false,
  properties: senderProperties,
} as const;

/** A saved sender: validateSender writes every field (null when not given). */
export const sender = {
  type: "object",
  required: Object.keys(senderProperties) as (keyof typeof senderProperties)[],
  properties: senderProperties,
} as const;

export const pageQuery = (extra: Record<string, unknown>, max: number, defaultLimit: number) =>
  ({
    type: "object",
    additionalProperties: false,
    properties: {
      ...extra,
      limit: { type: "integer", minimum: 1, maximum: max, default: defaultLimit },
      after: { type: "string", maxLength: 200, description: "`next` of the previous page" },
    },
  }) as const;
