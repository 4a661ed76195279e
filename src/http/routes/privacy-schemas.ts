// JSON schemas of the privacy (LGPD) routes (privacy.ts).
import { nullable } from "./order-schemas.ts";
import { whole } from "./schema-parts.ts";

const dateTime = { type: "string", format: "date-time" } as const;
const named = whole({ type: "object", properties: { id: { type: "integer" }, name: { type: "string" } } });

export const kind = {
  type: "string",
  enum: ["data_request", "customer_redact", "store_redact"],
  description:
    "data_request: the customer's data as JSON; customer_redact: the customer anonymised (fiscal records kept); store_redact: the store's data removed after its retention period",
} as const;

export const request = whole({
  type: "object",
  properties: {
    id: { type: "integer" },
    kind,
    source: { type: "string", enum: ["platform", "manual"], description: "The store's platform, or a user" },
    state: {
      type: "string",
      enum: ["pending", "done", "failed", "cancelled"],
      description: "cancelled: a store's removal, called off because the store was connected again first",
    },
    error: nullable("string"),
    store: { ...named, type: ["object", "null"] },
    customer: { ...named, type: ["object", "null"], description: "The customer record, when one was found" },
    requestedBy: { ...nullable("string"), description: "The user, for a manual request" },
    platformRequestId: nullable("string"),
    receivedAt: dateTime,
    executeAfter: { ...dateTime, description: "When it runs (a store's removal waits its retention period)" },
    doneAt: { ...nullable("string"), format: "date-time" },
    hasData: { type: "boolean", description: "A data request's export can be downloaded (data.json)" },
    summary: {
      type: ["object", "null"],
      additionalProperties: { type: "integer" },
      description: "What was exported, anonymised or removed, counted per kind of record",
    },
  },
});

export const list = whole({ type: "object", properties: { items: { type: "array", items: request } } });

export const createBody = {
  type: "object",
  additionalProperties: false,
  required: ["kind"],
  properties: { kind: { type: "string", enum: ["data_request", "customer_redact"] } },
} as const;
