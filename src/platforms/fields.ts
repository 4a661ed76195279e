// The fields a merchant types to connect a store (credentials, the store's id on its platform),
// as a platform module declares them: a small JSON schema the panel draws its form from
// (GET /api/v1/platforms) and the engine checks connections against, with pt-BR titles so a
// refusal names the field as the form does.

/** One text field. `title` and `description` are pt-BR: the form's label and hint. */
export interface TextFieldSchema {
  type: "string";
  title: string;
  description?: string;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** A secret: typed in a password box, sealed, never shown again. */
  writeOnly?: boolean;
  /** Says in pt-BR what the pattern asks for, when a value does not match it. */
  patternHint?: string;
}

/** An object of text fields: what the credentials of a platform are. */
export interface FieldsSchema {
  type: "object";
  required: string[];
  additionalProperties: false;
  properties: Record<string, TextFieldSchema>;
}

/** A module's store id: its schema and a pt-BR hint of where the merchant finds it. */
export interface StoreIdSpec {
  schema: TextFieldSchema;
  hint: string;
}

/** Why `value` does not fit `field`, in pt-BR, or null when it does. */
export function fieldProblem(field: TextFieldSchema, value: unknown): string | null {
  if (typeof value !== "string" || value.trim() === "") return `${field.title}: preencha este campo.`;
  const text = value.trim();
  if (field.minLength !== undefined && text.length < field.minLength)
    return `${field.title}: pelo menos ${field.minLength} caracteres.`;
  if (field.maxLength !== undefined && text.length > field.maxLength)
    return `${field.title}: no máximo ${field.maxLength} caracteres.`;
  if (field.pattern !== undefined && !new RegExp(field.pattern).test(text))
    return `${field.title} inválido${field.patternHint ? `: ${field.patternHint}` : "."}`;
  return null;
}

/**
 * The problems of `input` against `schema`, one pt-BR sentence per field (a missing required
 * field, a field the schema does not know, a value that does not fit), keyed by field name.
 */
export function fieldsProblems(schema: FieldsSchema, input: unknown): Record<string, string> {
  const problems: Record<string, string> = {};
  const values = typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
  for (const [name, field] of Object.entries(schema.properties)) {
    if (values[name] === undefined && !schema.required.includes(name)) continue;
    const problem = fieldProblem(field, values[name]);
    if (problem) problems[name] = problem;
  }
  for (const name of Object.keys(values)) {
    if (!(name in schema.properties)) problems[name] = `Campo desconhecido: ${name}.`;
  }
  return problems;
}

/** The input's declared fields, trimmed: what is sealed as the store's credentials. */
export function pickFields(schema: FieldsSchema, input: Record<string, unknown>): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of Object.keys(schema.properties)) {
    const value = input[name];
    if (typeof value === "string") picked[name] = value.trim();
  }
  return picked;
}
