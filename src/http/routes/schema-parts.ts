// Pieces the routes' JSON schemas share. Fastify serializes an answer with its schema and the
// panel's types are generated from them, so a schema says exactly what is always sent.

/** An object schema whose every property is always sent: all of them required. */
export const whole = <S extends { properties: Record<string, unknown> }>(schema: S) =>
  ({ ...schema, required: Object.keys(schema.properties) }) as const;

/** A reasonCode field: one of the exported ReasonCode list (src/reason-codes.ts), or null. */
export const nullableReasonCode = { anyOf: [{ $ref: "ReasonCode#" }, { type: "null" }] } as const;

/** A value the platform sent that Ponte does not know (stored and flagged, never defaulted). */
export const flag = whole({
  type: "object",
  properties: { field: { type: "string" }, value: { type: "string" }, message: { type: "string" } },
});
