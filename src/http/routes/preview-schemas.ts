// The answers of the two previews (integration.ts: a pasted payload; store-preview.ts: one of
// the store's orders), as sync/preview.ts and sync/preview-stored.ts build them.
import { CANONICAL_STATUSES, SALES_ORDER_LABELS } from "../../domain/order-status.ts";
import { flag, nullableReasonCode, whole } from "./schema-parts.ts";

const nullableString = { type: ["string", "null"] } as const;
const fieldError = whole({
  type: "object",
  properties: { field: { type: "string" }, message: { type: "string" } },
});
const anyFields = { type: "object", additionalProperties: true } as const;

const statusReading = {
  description:
    "How the store's status table reads the order's status: `mapped` (to `canonical`, and whether that row creates the order), `unmapped` (no row lists `key`), `waiting` (no row lists it, and the platform says it is not final: the order waits), `inactive` (only an inactive row lists it). Null when the payload could not be read.",
  anyOf: [
    whole({
      type: "object",
      properties: {
        kind: { type: "string", enum: ["mapped"] },
        canonical: { type: "string", enum: [...CANONICAL_STATUSES] },
        createsOrder: { type: "boolean" },
      },
    }),
    whole({
      type: "object",
      properties: { kind: { type: "string", enum: ["unmapped"] }, key: { type: "string" } },
    }),
    whole({
      type: "object",
      properties: { kind: { type: "string", enum: ["waiting"] }, key: { type: "string" } },
    }),
    whole({
      type: "object",
      properties: {
        kind: { type: "string", enum: ["inactive"] },
        canonical: { type: "string", enum: [...CANONICAL_STATUSES] },
      },
    }),
    { type: "null" },
  ],
} as const;

const previewProperties = {
  normalized: {
    type: ["object", "null"],
    additionalProperties: true,
    description: "The order as Ponte reads it (the canonical order); null when the payload could not be read",
  },
  normalizeError: { ...nullableString, description: "Why the payload could not be read" },
  status: statusReading,
  action: { type: "string", enum: ["create", "update", "hold", "error", "none"] },
  explanation: { type: "string", description: "pt-BR: why this action" },
  reasonCode: nullableReasonCode,
  salesOrder: whole({
    type: "object",
    properties: {
      existingNumber: { type: ["integer", "null"] },
      canonicalStatus: { anyOf: [{ type: "string", enum: [...CANONICAL_STATUSES] }, { type: "null" }] },
      status: { anyOf: [{ type: "string", enum: Object.keys(SALES_ORDER_LABELS) }, { type: "null" }] },
      paymentType: nullableString,
      installments: { type: ["integer", "null"] },
      carrier: nullableString,
      shippingType: nullableString,
      flags: { type: "array", items: flag },
    },
  }),
  customer: whole({
    type: "object",
    properties: {
      match: {
        anyOf: [{ type: "string", enum: ["found", "create", "none"] }, { type: "null" }],
        description: "Found by CPF/CNPJ, would be created, or cannot be (no valid document)",
      },
      customerId: { type: ["integer", "null"] },
      problem: nullableString,
      defaultFields: { ...anyFields, description: "The customer default fields it would be created with" },
      defaultFieldErrors: { type: "array", items: fieldError },
    },
  }),
  newSkus: {
    type: "array",
    items: { type: "string" },
    description: "SKUs it would register as new products",
  },
} as const;

/** POST /api/v1/stores/:id/preview. */
export const preview = whole({ type: "object", properties: previewProperties });

/** POST /api/v1/stores/:id/preview/recent: the preview, plus which order and its customer default fields. */
export const storedOrderPreview = whole({
  type: "object",
  properties: {
    ...previewProperties,
    order: whole({
      type: "object",
      properties: {
        storeOrderId: { type: "integer" },
        externalId: { type: "string" },
        number: nullableString,
        customerName: nullableString,
        createdAt: { ...nullableString, format: "date-time" },
      },
    }),
    customerDefaults: whole({
      type: "object",
      properties: {
        fields: anyFields,
        errors: { type: "array", items: fieldError },
        draft: {
          type: "boolean",
          description: "Evaluated with the expressions sent (unsaved), not the saved ones",
        },
      },
    }),
  },
});
