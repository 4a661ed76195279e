// JSON schemas of the Clientes routes (customers.ts): the list's query and items, the record,
// the edit form and the link and merge actions.
import { CUSTOMERS_LIMIT_DEFAULT, CUSTOMERS_LIMIT_MAX } from "../../backoffice/customer-list.ts";
import { address, nullable } from "./order-schemas.ts";
import { whole } from "./schema-parts.ts";

const dateTime = { type: "string", format: "date-time" } as const;
const personKind = { type: "string", enum: ["PF", "PJ"] } as const;
const documentKind = { type: ["string", "null"], enum: ["cpf", "cnpj", null] } as const;

export const listQuery = {
  type: "object",
  additionalProperties: false,
  properties: {
    q: {
      type: "string",
      maxLength: 200,
      description:
        "One search box. A CPF/CNPJ (masked or not; alphanumeric CNPJ too): exact match; 3 to 10 digits: the start of a CPF/CNPJ; anything with an @: part of the e-mail; anything else: part of the name, ignoring case and accents (at least 2 characters)",
    },
    limit: { type: "integer", minimum: 1, maximum: CUSTOMERS_LIMIT_MAX, default: CUSTOMERS_LIMIT_DEFAULT },
    after: { type: "string", maxLength: 1000, description: "The `next` of the previous page" },
  },
} as const;

export const listItem = whole({
  type: "object",
  properties: {
    id: { type: "integer" },
    name: { type: "string" },
    kind: personKind,
    document: { ...nullable("string"), description: "CPF/CNPJ, digits and upper-case letters, unmasked" },
    documentKind,
    email: nullable("string"),
    phone: nullable("string"),
    ordersCount: { type: "integer", description: "Sales orders linked (deleted ones not counted)" },
    lastOrderAt: { ...nullable("string"), format: "date-time" },
  },
});

export const listPage = whole({
  type: "object",
  properties: { items: { type: "array", items: listItem }, next: nullable("string") },
});

const store = whole({
  type: "object",
  properties: { id: { type: "integer" }, name: { type: "string" }, platform: { type: "string" } },
});

export const record = whole({
  type: "object",
  properties: {
    id: { type: "integer" },
    name: { type: "string" },
    kind: personKind,
    document: { ...nullable("string"), description: "CPF/CNPJ, digits and upper-case letters, unmasked" },
    documentKind,
    email: nullable("string"),
    phone: nullable("string"),
    addresses: {
      type: "array",
      items: address,
      description: "As the first order brought them (billing, delivery)",
    },
    extraFields: {
      type: "object",
      additionalProperties: true,
      description:
        "Filled by the store's customer default fields (Campos Padrões de Cliente) when the customer was created",
    },
    originStore: {
      ...store,
      type: ["object", "null"],
      description: "The store whose order created the record",
    },
    stores: {
      type: "array",
      description: "The stores its orders came from",
      items: whole({ type: "object", properties: { ...store.properties, ordersCount: { type: "integer" } } }),
    },
    ordersCount: { type: "integer" },
    orders: {
      type: "array",
      description: "The latest 100 sales orders, newest first (ordersCount says how many there are)",
      items: whole({
        type: "object",
        properties: {
          id: { type: "integer" },
          number: { type: "integer" },
          storeOrderNumber: nullable("string"),
          storeName: nullable("string"),
          orderedAt: dateTime,
          canonicalStatus: { type: "string" },
          status: { type: "string" },
          totalCents: { type: "integer" },
        },
      }),
    },
    createdAt: dateTime,
    updatedAt: dateTime,
    redactedAt: {
      ...nullable("string"),
      format: "date-time",
      description: "When the customer was anonymised (LGPD): name, contacts, document and addresses removed",
    },
  },
});

const editable = {
  name: { type: "string", maxLength: 200 },
  document: {
    type: ["string", "null"],
    maxLength: 40,
    description: "CPF or CNPJ (numeric or alphanumeric), masked or not; checked by its check digits",
  },
  email: { type: ["string", "null"], maxLength: 254 },
  phone: { type: ["string", "null"], maxLength: 40, description: "DDD and number, e.g. (11) 91234-5678" },
} as const;

export const createBody = {
  type: "object",
  additionalProperties: false,
  properties: editable,
  required: ["name"],
} as const;

export const updateBody = {
  type: "object",
  additionalProperties: false,
  minProperties: 1,
  properties: editable,
  description: "Only the fields sent change. The document can be corrected, not removed",
} as const;

export const mergeBody = {
  type: "object",
  additionalProperties: false,
  properties: { otherId: { type: "integer", description: "The record merged into this one, then removed" } },
  required: ["otherId"],
} as const;

export const mergeResult = whole({
  type: "object",
  properties: { customer: record, movedOrders: { type: "integer" } },
});

export const linkBody = {
  type: "object",
  additionalProperties: false,
  properties: { customerId: { type: "integer" } },
  required: ["customerId"],
} as const;

export const linkResult = whole({
  type: "object",
  properties: {
    salesOrderId: { type: "integer" },
    customerId: { type: "integer" },
    eventId: { type: "integer", description: "The timeline's customer_linked_manually entry" },
  },
});
