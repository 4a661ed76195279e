// Hostile requests built from the app's own OpenAPI document: for every route and method, each
// path parameter, query parameter and body field (nested ones too) in turn gets values an attacker
// sends — NUL bytes, oversize strings, numbers past PostgreSQL's integer and bigint ranges, wrong
// types, `__proto__`/`constructor` keys, deeply nested JSON — with every other input valid.

// biome-ignore lint/suspicious/noExplicitAny: JSON schemas of the document are walked generically
type Schema = Record<string, any>;

export interface Operation {
  method: string;
  /** OpenAPI path, `{param}` style. */
  path: string;
  pathParams: { name: string; schema: Schema }[];
  queryParams: { name: string; schema: Schema; required: boolean }[];
  body: Schema | undefined;
}

export interface HostileRequest {
  method: string;
  url: string;
  /** Raw JSON text (numbers and keys JSON.stringify cannot write), or undefined for no body. */
  payload: string | undefined;
  /** What was made hostile, e.g. `path id`, `query after`, `body /rows/0/platformValue`. */
  target: string;
  /** The field name a 400 should name. */
  field: string;
  kind: HostileKind;
  /** The schema type of what was made hostile ("integer", "string"…; "" when untyped). */
  type: string;
}

export type HostileKind =
  | "nul"
  | "oversize"
  | "out_of_range"
  | "int_edge"
  | "wrong_type"
  | "proto_key"
  | "deep_nesting"
  | "bad_encoding";

/** Every operation of an OpenAPI 3 document. */
export function operationsOf(doc: Schema): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries<Schema>(doc.paths ?? {})) {
    for (const [method, op] of Object.entries<Schema>(ops)) {
      const params = (op.parameters ?? []) as Schema[];
      out.push({
        method: method.toUpperCase(),
        path,
        pathParams: params
          .filter((p) => p.in === "path")
          .map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        queryParams: params
          .filter((p) => p.in === "query")
          .map((p) => ({ name: p.name, schema: p.schema ?? {}, required: p.required === true })),
        body: op.requestBody?.content?.["application/json"]?.schema,
      });
    }
  }
  return out;
}

const typesOf = (schema: Schema): string[] =>
  Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];

/** A value the schema accepts, as far as it says (examples, defaults, enums, bounds). */
export function validValue(schema: Schema): unknown {
  if (schema.examples?.length) return schema.examples[0];
  if (schema.default !== undefined && schema.default !== null) return schema.default;
  if (schema.enum?.length) return schema.enum.find((v: unknown) => v !== null) ?? schema.enum[0];
  const type = typesOf(schema).find((t) => t !== "null") ?? "object";
  switch (type) {
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return false;
    case "array":
      return Array.from({ length: schema.minItems ?? 0 }, () => validValue(schema.items ?? {}));
    case "object": {
      const value: Record<string, unknown> = {};
      for (const name of schema.required ?? []) value[name] = validValue(schema.properties?.[name] ?? {});
      return value;
    }
    default: {
      if (schema.format === "date-time") return "2026-01-15T12:00:00-03:00";
      if (schema.format === "uri") return "https://198.51.100.7/ponte";
      if (schema.pattern === "^[0-9]{1,20}$" || schema.pattern === "^[0-9]{1,19}$") return "1";
      return "x".repeat(Math.max(1, schema.minLength ?? 1));
    }
  }
}

/** Raw JSON texts, keyed by a placeholder string the payload carries until it is serialized. */
type RawValues = Map<string, string>;
let rawSeq = 0;
function raw(values: RawValues, text: string): string {
  const key = `__raw_${++rawSeq}__`;
  values.set(key, text);
  return key;
}

function serialize(value: unknown, values: RawValues): string {
  let text = JSON.stringify(value);
  for (const [key, json] of values) text = text.replace(JSON.stringify(key), json);
  return text;
}

const DEEP = 5_000;
const deepArray = `${"[".repeat(DEEP)}1${"]".repeat(DEEP)}`;
const deepObject = `${'{"a":'.repeat(DEEP)}1${"}".repeat(DEEP)}`;

/** Hostile JSON values for a body field of this schema. */
function hostileJson(schema: Schema, values: RawValues): { value: unknown; kind: HostileKind }[] {
  const out: { value: unknown; kind: HostileKind }[] = [
    { value: "a\u0000b", kind: "nul" },
    { value: "\u0000", kind: "nul" },
    { value: "x".repeat(200_000), kind: "oversize" },
    { value: raw(values, "99999999999999999999999"), kind: "out_of_range" },
    { value: raw(values, "9223372036854775808"), kind: "out_of_range" },
    { value: raw(values, "-9223372036854775809"), kind: "out_of_range" },
    { value: raw(values, "2147483648"), kind: "int_edge" },
    { value: raw(values, "1e400"), kind: "out_of_range" },
    { value: raw(values, "-1e400"), kind: "out_of_range" },
    { value: 1.5, kind: "wrong_type" },
    { value: true, kind: "wrong_type" },
    { value: null, kind: "wrong_type" },
    { value: [], kind: "wrong_type" },
    { value: {}, kind: "wrong_type" },
    { value: ["a\u0000b"], kind: "nul" },
    { value: { k: "a\u0000b" }, kind: "nul" },
    { value: { "a\u0000b": 1 }, kind: "nul" },
    { value: raw(values, '{"__proto__": {"polluted": true}}'), kind: "proto_key" },
    { value: raw(values, '{"constructor": {"prototype": {"polluted": true}}}'), kind: "proto_key" },
    { value: raw(values, deepArray), kind: "deep_nesting" },
    { value: raw(values, deepObject), kind: "deep_nesting" },
  ];
  if (typesOf(schema).includes("array")) out.push({ value: Array(10_000).fill("x"), kind: "oversize" });
  return out;
}

/** Hostile texts for a path or query parameter (already URL-encoded). */
const HOSTILE_TEXTS: { text: string; kind: HostileKind }[] = [
  { text: "a%00b", kind: "nul" },
  { text: "%00", kind: "nul" },
  { text: "x".repeat(90), kind: "oversize" },
  { text: "99999999999999999999999", kind: "out_of_range" },
  { text: "9223372036854775808", kind: "out_of_range" },
  { text: "-9223372036854775809", kind: "out_of_range" },
  { text: "2147483648", kind: "int_edge" },
  { text: "1e400", kind: "out_of_range" },
  { text: "Infinity", kind: "out_of_range" },
  { text: "-Infinity", kind: "out_of_range" },
  { text: "NaN", kind: "wrong_type" },
  { text: "1.5", kind: "wrong_type" },
  { text: "abc", kind: "wrong_type" },
  { text: "true", kind: "wrong_type" },
  { text: "-1", kind: "wrong_type" },
  { text: "0x10", kind: "wrong_type" },
  { text: "%ZZ", kind: "bad_encoding" },
  { text: "%C0%AF", kind: "bad_encoding" },
  { text: "__proto__", kind: "proto_key" },
  { text: "constructor", kind: "proto_key" },
];

/** Longer query texts (a path parameter is capped by the router's 100 characters). */
const HOSTILE_QUERY_TEXTS = [
  ...HOSTILE_TEXTS,
  { text: "x".repeat(5_000), kind: "oversize" as const },
  { text: `${"a%00".repeat(500)}`, kind: "nul" as const },
];

/** Paths of a body's fields, nested ones included, each with its schema (`[]` stands for item 0). */
function fieldPaths(schema: Schema, prefix: string[] = [], depth = 0): { path: string[]; schema: Schema }[] {
  if (depth > 4) return [];
  const out: { path: string[]; schema: Schema }[] = [];
  for (const [name, sub] of Object.entries<Schema>(schema.properties ?? {})) {
    out.push({ path: [...prefix, name], schema: sub });
    if (typesOf(sub).includes("object")) out.push(...fieldPaths(sub, [...prefix, name], depth + 1));
    if (typesOf(sub).includes("array") && sub.items) {
      out.push({ path: [...prefix, name, "0"], schema: sub.items });
      if (typesOf(sub.items).includes("object"))
        out.push(...fieldPaths(sub.items, [...prefix, name, "0"], depth + 1));
    }
  }
  return out;
}

/** The valid body with the value at `path` replaced (the containers on the way made valid first). */
function withValue(schema: Schema, base: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  if (typesOf(schema).includes("array")) {
    const item = schema.items ?? {};
    const current = Array.isArray(base) && base.length > 0 ? base[0] : validValue(item);
    return [withValue(item, current, rest, value)];
  }
  const sub = schema.properties?.[head] ?? {};
  const container = (base && typeof base === "object" ? base : {}) as Record<string, unknown>;
  const current = container[head] ?? validValue(sub);
  return { ...container, [head]: withValue(sub, current, rest, value) };
}

/**
 * The hostile requests for one operation. `valid` gives a valid value for a path parameter (an id
 * that exists), so that each request has only one hostile input.
 */
export function hostileRequests(
  op: Operation,
  valid: (op: Operation, param: string) => string,
  validBody?: unknown,
): HostileRequest[] {
  const out: HostileRequest[] = [];
  const pathWith = (name?: string, text?: string) =>
    op.path.replace(/\{([^}]+)\}/g, (_m, param: string) =>
      param === name && text !== undefined ? text : encodeURIComponent(valid(op, param)),
    );
  const baseBody = op.body ? (validBody ?? validValue(op.body)) : undefined;
  // Required query parameters keep a valid value unless they are the hostile one.
  const required = op.queryParams.filter((p) => p.required);
  const query = (name: string, text: string) =>
    [
      `${name}=${text}`,
      ...required
        .filter((p) => p.name !== name)
        .map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(String(validValue(p.schema)))}`),
    ].join("&");
  const basePayload = baseBody === undefined ? undefined : JSON.stringify(baseBody);
  for (const param of op.pathParams) {
    for (const { text, kind } of HOSTILE_TEXTS) {
      out.push({
        method: op.method,
        url: pathWith(param.name, text),
        payload: basePayload,
        target: `path ${param.name}`,
        field: param.name,
        kind,
        type: typesOf(param.schema).join(","),
      });
    }
  }
  for (const param of op.queryParams) {
    for (const { text, kind } of HOSTILE_QUERY_TEXTS) {
      out.push({
        method: op.method,
        url: `${pathWith()}?${query(param.name, text)}`,
        payload: basePayload,
        target: `query ${param.name}`,
        field: param.name,
        kind,
        type: typesOf(param.schema).join(","),
      });
    }
    out.push({
      method: op.method,
      url: `${pathWith()}?${query(param.name, `1&${param.name}=a%00b&${param.name}=99999999999999999999`)}`,
      payload: basePayload,
      target: `query ${param.name} (repeated)`,
      field: param.name,
      kind: "nul",
      type: typesOf(param.schema).join(","),
    });
  }
  for (const key of ["__proto__", "constructor", "__proto__[polluted]", "a%00b"]) {
    out.push({
      method: op.method,
      url: `${pathWith()}?${query(key, "1")}`,
      payload: basePayload,
      target: `query key ${key}`,
      field: key,
      kind: key.includes("%00") ? "nul" : "proto_key",
      type: "",
    });
  }
  if (op.body || ["POST", "PUT", "PATCH"].includes(op.method)) {
    const schema = op.body ?? {};
    const fields = [{ path: [] as string[], schema }, ...fieldPaths(schema)];
    for (const field of fields) {
      const values: RawValues = new Map();
      for (const { value, kind } of hostileJson(field.schema, values)) {
        const body = withValue(schema, baseBody, field.path, value);
        out.push({
          method: op.method,
          url: pathWith(),
          payload: serialize(body, values),
          target: `body /${field.path.join("/")}`,
          field: field.path.filter((p) => !/^\d+$/.test(p)).at(-1) ?? "body",
          kind,
          type: typesOf(field.schema).join(","),
        });
      }
    }
    for (const key of ["__proto__", "constructor"]) {
      const rest = (basePayload ?? "{}").replace(/^\{/, "");
      out.push({
        method: op.method,
        url: pathWith(),
        payload: `{"${key}":{"polluted":true,"prototype":{"polluted":true}}${rest === "}" ? "" : ","}${rest}`,
        target: `body key ${key}`,
        field: key,
        kind: "proto_key",
        type: "",
      });
    }
  }
  return out;
}

/** Text that only the database, the driver or a stack trace would put in an answer. */
export const LEAK =
  /postgres|sqlstate|syntax for type|out of range for type|violates|relation "|column "|duplicate key|invalid input|unterminated|\bat [\w.<>]+ \(|node_modules|\.ts:\d+|\.js:\d+/i;
