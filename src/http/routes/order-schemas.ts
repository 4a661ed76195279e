// The Pedidos routes' schemas (orders.ts): the list's query and items, and one sales order with
// everything its page shows.
import { LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX } from "../../backoffice/list-sales-orders.ts";
import { CANONICAL_STATUSES, SALES_ORDER_LABELS } from "../../domain/order-status.ts";
import { searchParam } from "./integration.ts";
import { flag } from "./schema-parts.ts";

export const idParams = {
  type: "object",
  properties: { id: { type: "integer" } },
  required: ["id"],
} as const;
export const nullable = (type: string) => ({ type: [type, "null"] });

const nullableObject = (properties: Record<string, unknown>) => ({ type: ["object", "null"], properties });

const STATUSES = [...CANONICAL_STATUSES];
const SALES_STATUSES = Object.keys(SALES_ORDER_LABELS);
const repeatable = (description: string) => ({
  type: "array",
  items: { type: "string", maxLength: 400 },
  maxItems: 50,
  description: `${description} Repeat the parameter or separate values with commas.`,
});

export const listQuery = {
  type: "object",
  properties: {
    from: {
      type: "string",
      maxLength: 40,
      description:
        "Ordered at or after (the order date, `orderedAt`): ISO date (from the start of that day in America/Sao_Paulo) or date-time (without an offset, São Paulo time)",
      examples: ["2026-11-01", "2026-11-01T08:00:00-03:00"],
    },
    to: {
      type: "string",
      maxLength: 40,
      description:
        "Ordered up to (the order date, `orderedAt`): an ISO date includes that whole day (America/Sao_Paulo); a date-time is inclusive",
      examples: ["2026-11-27"],
    },
    status: repeatable(`Canonical status: ${STATUSES.join(", ")}.`),
    storeId: repeatable("Origin store id."),
    q: searchParam,
    customer: {
      type: "string",
      maxLength: 200,
      description:
        "CPF/CNPJ (11 digits, or 14 characters of an alphanumeric CNPJ; punctuation ignored): exact match. Anything else: part of the customer's name, ignoring case and accents; at least 2 characters, and 2 characters match the start of a word (`lu`: Luís, Lúcia)",
    },
    minTotal: { type: "integer", minimum: 0, description: "Total at least, in cents" },
    maxTotal: { type: "integer", minimum: 0, description: "Total at most, in cents" },
    sort: {
      type: "string",
      enum: ["ordered_at", "created_at", "status", "total"],
      default: "ordered_at",
      description:
        "ordered_at: by the order date (`created_at` is the same sort, its name before the order date existed). status sorts along the workflow (aguardando_pagamento … entregue, then cancelado, problemas), newest order first within a status when descending",
    },
    order: { type: "string", enum: ["desc", "asc"], default: "desc" },
    limit: { type: "integer", minimum: 1, maximum: LIST_LIMIT_MAX, default: LIST_LIMIT_DEFAULT },
    after: {
      type: "string",
      maxLength: 300,
      description:
        "`next` of the previous page; only valid with the same sort and order (else 400 invalid_cursor)",
    },
  },
  additionalProperties: false,
} as const;

export const orderListItem = {
  type: "object",
  properties: {
    id: { type: "integer" },
    number: { type: "integer", description: "Ponte's own sales-order number" },
    storeOrderNumber: { ...nullable("string"), description: "The store's order number" },
    originStoreId: nullable("integer"),
    originStoreName: nullable("string"),
    platform: nullable("string"),
    origin: { type: "string", enum: ["store", "manual"] },
    canonicalStatus: { type: "string", enum: STATUSES },
    status: { type: "string", enum: SALES_STATUSES },
    customerName: nullable("string"),
    customerDocument: { ...nullable("string"), description: "CPF/CNPJ, digits and letters, unmasked" },
    totalCents: { type: "integer" },
    orderedAt: {
      type: "string",
      format: "date-time",
      description:
        "The order date: when the customer ordered on the platform (an order made in the back office: when it was made)",
    },
    createdAt: {
      type: "string",
      format: "date-time",
      description: "When Ponte created the sales order (an order from a store: when it was imported)",
    },
  },
  required: [
    "id",
    "number",
    "storeOrderNumber",
    "originStoreId",
    "originStoreName",
    "platform",
    "origin",
    "canonicalStatus",
    "status",
    "customerName",
    "customerDocument",
    "totalCents",
    "orderedAt",
    "createdAt",
  ],
} as const;

/** An address as normalized from the store (stored as it was read, so every field may be absent). */
export const address = {
  type: "object",
  properties: Object.fromEntries(
    [
      "name",
      "street",
      "number",
      "complement",
      "neighborhood",
      "city",
      "state",
      "zipcode",
      "country",
      "phone",
    ].map((field) => [field, nullable("string")]),
  ),
} as const;

const dateTime = { type: "string", format: "date-time" } as const;
const nullableDateTime = { type: ["string", "null"], format: "date-time" } as const;

export const salesOrder = {
  type: "object",
  properties: {
    id: { type: "integer" },
    number: { type: "integer" },
    originStoreId: nullable("integer"),
    storeOrderId: nullable("integer"),
    storeOrderNumber: nullable("string"),
    customerId: nullable("integer"),
    status: { type: "string", enum: SALES_STATUSES },
    canonicalStatus: { type: "string", enum: STATUSES },
    statusVersion: { type: "integer" },
    paymentType: nullable("string"),
    paymentMethod: nullable("string"),
    installments: { type: "integer" },
    carrier: nullable("string"),
    shippingType: nullable("string"),
    pickup: {
      type: "boolean",
      description: "The buyer collects it at the store: no carrier, tracking nor label",
    },
    subtotalCents: { type: "integer" },
    discountCents: { type: "integer" },
    shippingCents: { type: "integer" },
    totalCents: { type: "integer" },
    customerSnapshot: {
      type: "object",
      description:
        "Who bought, as the store said when the order was read ({} for an order made in the back office)",
      properties: {
        name: nullable("string"),
        email: nullable("string"),
        phone: nullable("string"),
        document: nullable("string"),
        documentKind: nullable("string"),
        billingAddress: { ...address, type: ["object", "null"] },
      },
    },
    deliveryAddress: { ...address, type: ["object", "null"] },
    flags: {
      type: "array",
      description: "Values the platform sent that Ponte does not know: stored and flagged, never defaulted",
      items: flag,
    },
    deletedAt: nullableDateTime,
    orderedAt: { ...dateTime, description: "The order date: when the customer ordered on the platform" },
    createdAt: { ...dateTime, description: "When Ponte created the sales order (Importado em)" },
    originStore: {
      ...nullableObject({
        id: { type: "integer" },
        name: { type: "string" },
        platform: { type: "string" },
      }),
      required: ["id", "name", "platform"],
    },
    origin: { type: "string", enum: ["store", "manual"] },
    customer: {
      ...nullableObject({
        id: { type: "integer" },
        name: { type: "string" },
        document: nullable("string"),
        documentKind: nullable("string"),
        email: nullable("string"),
        phone: nullable("string"),
      }),
      required: ["id", "name", "document", "documentKind", "email", "phone"],
      description: "The ERP customer linked by CPF/CNPJ; null when not linked (see customerSnapshot)",
    },
    payments: {
      type: "array",
      items: {
        type: "object",
        properties: {
          type: { ...nullable("string"), description: "ERP payment type (payment DE-PARA)" },
          method: { ...nullable("string"), description: "The platform's payment method" },
          gateway: nullable("string"),
          installments: { type: "integer" },
          amountCents: { type: "integer" },
          platformStatus: { ...nullable("string"), description: "The platform's payment status" },
          paidAt: nullable("string"),
          confirmedAt: nullable("string"),
          confirmedBy: { ...nullable("string"), description: "Who confirmed it by hand (bank deposit)" },
          storeSync: {
            ...nullableObject({
              state: {
                type: "string",
                enum: ["pending", "sent", "failed", "not_sent", "off", "unsupported", "other_channel"],
              },
              message: { type: "string", description: "pt-BR, shown next to the store's payment status" },
            }),
            required: ["state", "message"],
            description:
              "A payment confirmed by hand that the store does not show yet: the push marking it paid is pending, sent (the store not read since) or failed, or this store does not take it (off in Envio à loja, unsupported by the platform, an XML/webhook channel). Null when there is nothing to explain",
          },
        },
        required: [
          "type",
          "method",
          "gateway",
          "installments",
          "amountCents",
          "platformStatus",
          "paidAt",
          "confirmedAt",
          "confirmedBy",
          "storeSync",
        ],
      },
    },
    storeOrder: {
      ...nullableObject({
        externalId: { type: "string" },
        number: nullable("string"),
        platformStatus: nullable("string"),
        platformCreatedAt: nullable("string"),
      }),
      required: ["externalId", "number", "platformStatus", "platformCreatedAt"],
    },
    storeCancellation: {
      ...nullableObject({
        kind: { type: "string", enum: ["invoice_live", "shipped"] },
        label: { type: "string", description: "pt-BR, e.g. Cancelado na loja com nota ativa" },
        reason: { type: "string", description: "pt-BR: what to do (the estorno, or mark it handled)" },
        cancelledAt: dateTime,
      }),
      required: ["kind", "label", "reason", "cancelledAt"],
      description:
        "Cancelled on the store while the order had a live invoice (cleared by the estorno, POST /api/v1/orders/{id}/invoice/cancel) or a shipment (cleared by POST /api/v1/orders/{id}/store-cancellation/resolve); null otherwise",
    },
    items: {
      type: "array",
      items: {
        type: "object",
        properties: {
          position: { type: "integer" },
          productId: nullable("integer"),
          sku: nullable("string"),
          name: { type: "string" },
          variant: nullable("string"),
          quantity: { type: "integer" },
          unitPriceCents: { type: "integer" },
          totalCents: { type: "integer" },
        },
        required: [
          "position",
          "productId",
          "sku",
          "name",
          "variant",
          "quantity",
          "unitPriceCents",
          "totalCents",
        ],
      },
    },
    events: {
      type: "array",
      description: "Histórico: status changes, syncs, pushes and e-mails, oldest first",
      items: {
        type: "object",
        properties: {
          id: { type: "integer" },
          kind: { type: "string" },
          message: { type: "string" },
          data: { type: "object", additionalProperties: true },
          actor: { type: "string" },
          createdAt: dateTime,
        },
        required: ["id", "kind", "message", "data", "actor", "createdAt"],
      },
    },
  },
  required: [
    "id",
    "number",
    "originStoreId",
    "storeOrderId",
    "storeOrderNumber",
    "customerId",
    "status",
    "canonicalStatus",
    "statusVersion",
    "paymentType",
    "paymentMethod",
    "installments",
    "carrier",
    "shippingType",
    "pickup",
    "subtotalCents",
    "discountCents",
    "shippingCents",
    "totalCents",
    "customerSnapshot",
    "deliveryAddress",
    "flags",
    "deletedAt",
    "orderedAt",
    "createdAt",
    "originStore",
    "origin",
    "customer",
    "payments",
    "storeOrder",
    "storeCancellation",
    "items",
    "events",
  ],
} as const;
