// Customer default fields ("Campos Padrões de Cliente", R3.4): per store, {field, expression}
// pairs whose results fill a new customer's extra_fields. Expressions are JSONata evaluated
// over the normalized order (CanonicalOrder): a query language, not code. It cannot reach
// JavaScript (field lookups only see own properties), and the guards below keep a careless
// or hostile expression from hanging or bloating the worker:
// - time box (100 ms) and nesting depth, via JSONata's own `timeout`/`stack` options, which
//   it checks on entry to every evaluation step (the same place as `__evaluate_entry`);
// - sequences (ranges, mapped arrays) capped, and every intermediate string capped through
//   the `__evaluate_exit` hook, so doubling a string in a loop fails long before memory does;
// - regular expressions refused: a regex runs inside one native call that no time box can
//   interrupt (catastrophic backtracking over a customer-supplied name). `$eval` is refused
//   too, since it would let a stored expression carry a regex past validation;
// - `$pad` replaced by a version with a bounded width (one native call building a huge string).
// Clock and randomness ($now, $millis, $random) stay available on purpose: the defaults are
// evaluated once, when the order creates the customer, and stored; "cliente desde $now()" is a
// legitimate use, and re-running an evaluation never rewrites an existing customer.
import jsonata from "jsonata";
import type { CanonicalOrder } from "../platforms/connector.ts";

export interface CustomerDefault {
  field: string;
  expression: string;
}

export interface CustomerDefaultsResult {
  fields: Record<string, unknown>;
  errors: { field: string; message: string }[];
}

/** Why a {field, expression} pair cannot be saved; `target` says which half is wrong. */
export interface CustomerDefaultProblem {
  target: "field" | "expression";
  problem: "invalid_field_name" | "empty" | "too_long" | "syntax_error" | "not_allowed";
  message: string;
  messagePt: string;
}

export const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
export const MAX_EXPRESSION_LENGTH = 500;
export const EVALUATION_TIMEOUT_MS = 100;
const MAX_DEPTH = 300;
const MAX_SEQUENCE = 100_000;
const MAX_STRING = 100_000;
const MAX_PAD = 10_000;
/** A default fills one customer field: its JSON must stay small. */
const MAX_RESULT_JSON = 10_000;

interface JsonataError {
  code?: string;
  message?: string;
  position?: number;
}

// Thrown inside JSONata, so shaped like its own errors ({code, message}).
const refuse = (code: string, message: string): JsonataError => ({ code, message });

class RegexRefused {
  constructor() {
    throw refuse("P0001", "regular expressions are not allowed in customer default fields");
  }
}

const JSONATA_OPTIONS = {
  timeout: EVALUATION_TIMEOUT_MS,
  stack: MAX_DEPTH,
  sequence: MAX_SEQUENCE,
  RegexEngine: RegexRefused as unknown as RegExpConstructor,
};

/** JSONata's $pad (positive width pads on the right), with the width bounded. */
function boundedPad(str: string | undefined, width: number, char?: string): string | undefined {
  if (str === undefined) return undefined;
  const w = Math.trunc(width);
  if (Math.abs(w) > MAX_PAD) throw refuse("P0002", `$pad width is limited to ${MAX_PAD}`);
  const chars = Array.from(str);
  const missing = Math.abs(w) - chars.length;
  if (missing <= 0) return str;
  const fill = Array.from(char ? char : " ");
  const padding = Array.from({ length: missing }, (_, i) => fill[i % fill.length]).join("");
  return w > 0 ? str + padding : padding + str;
}

function compile(expression: string): jsonata.Expression {
  const compiled = jsonata(expression, JSONATA_OPTIONS);
  compiled.registerFunction("pad", boundedPad, "<s-ns?:s>");
  compiled.registerFunction("eval", () => {
    throw refuse("P0001", "$eval is not allowed in customer default fields");
  });
  // The hook is looked up by symbol in the expression's environment; `assign` binds it there.
  compiled.assign(Symbol.for("jsonata.__evaluate_exit") as unknown as string, (...args: unknown[]) => {
    const result = args[3];
    if (typeof result === "string" && result.length > MAX_STRING) {
      throw refuse("P0003", `a string longer than ${MAX_STRING} characters was built`);
    }
  });
  return compiled;
}

/** Finds what validation refuses in a parsed expression: regex literals and any use of $eval. */
function forbiddenConstruct(node: unknown): string | null {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = forbiddenConstruct(item);
      if (found) return found;
    }
    return null;
  }
  if (node === null || typeof node !== "object") return null;
  const n = node as { type?: unknown; value?: unknown };
  if (n.type === "regex") return "regular expressions";
  if (n.type === "variable" && n.value === "eval") return "$eval";
  for (const value of Object.values(node)) {
    const found = forbiddenConstruct(value);
    if (found) return found;
  }
  return null;
}

const expressionProblem = (
  problem: CustomerDefaultProblem["problem"],
  message: string,
  messagePt: string,
): CustomerDefaultProblem => ({ target: "expression", problem, message, messagePt });

function checkExpression(expression: string): CustomerDefaultProblem | null {
  if (expression.trim() === "") {
    return expressionProblem("empty", "expression is empty", "a expressão está vazia");
  }
  if (expression.length > MAX_EXPRESSION_LENGTH) {
    return expressionProblem(
      "too_long",
      `expression is longer than ${MAX_EXPRESSION_LENGTH} characters`,
      `a expressão tem mais de ${MAX_EXPRESSION_LENGTH} caracteres`,
    );
  }
  let ast: unknown;
  try {
    ast = jsonata(expression).ast();
  } catch (error) {
    const e = error as JsonataError;
    const text = e.message ?? String(error);
    const hasPosition = e.position !== undefined;
    return expressionProblem(
      "syntax_error",
      `expression does not compile${hasPosition ? ` at position ${e.position}` : ""}: ${text}`,
      `a expressão não é válida${hasPosition ? ` (posição ${e.position})` : ""}: ${text}`,
    );
  }
  const forbidden = forbiddenConstruct(ast);
  if (forbidden === "$eval") {
    return expressionProblem(
      "not_allowed",
      "$eval is not allowed in customer default fields",
      "$eval não é permitido em campos padrões de cliente",
    );
  }
  if (forbidden) {
    return expressionProblem(
      "not_allowed",
      "regular expressions are not allowed in customer default fields",
      "expressões regulares não são permitidas em campos padrões de cliente",
    );
  }
  return null;
}

/** The problem with a pair, in English and pt-BR, or null when it can be saved. */
export function customerDefaultProblem(field: string, expression: string): CustomerDefaultProblem | null {
  if (!FIELD_NAME.test(field)) {
    return {
      target: "field",
      problem: "invalid_field_name",
      message: "field must start with a letter or _ and hold only letters, digits and _ (at most 64)",
      messagePt: "o campo deve começar com letra ou _ e ter só letras, dígitos e _ (no máximo 64)",
    };
  }
  return checkExpression(expression);
}

/** An English problem text, or null when the pair can be saved. */
export function validateCustomerDefault(field: string, expression: string): string | null {
  return customerDefaultProblem(field, expression)?.message ?? null;
}

/**
 * JSONata results as plain JSON: undefined inside objects dropped, sequences turned into
 * arrays; functions and non-finite numbers refused (they have no JSON form).
 */
function toJson(value: unknown): unknown {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`the result ${value} is not a JSON number`);
    return value;
  }
  if (typeof value === "function") throw new Error("the result is a function, not a value");
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(toJson);
  if (typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (o._jsonata_lambda || o._jsonata_function) throw new Error("the result is a function, not a value");
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(o)) if (v !== undefined) out[key] = toJson(v);
    return out;
  }
  throw new Error(`the result has no JSON form (${typeof value})`);
}

// Compiled (and checked) expressions are reused across orders: an import evaluates the same
// few expressions thousands of times. The map is simply emptied when it grows past the bound.
const cache = new Map<string, jsonata.Expression | CustomerDefaultProblem>();

function compiled(expression: string): jsonata.Expression | CustomerDefaultProblem {
  let found = cache.get(expression);
  if (!found) {
    if (cache.size >= 500) cache.clear();
    // Stored expressions are checked again: a row may predate a rule, or come from SQL.
    found = checkExpression(expression) ?? compile(expression);
    cache.set(expression, found);
  }
  return found;
}

/**
 * Evaluates each default over the order, one after the other, each in its own time box.
 * A failing expression is reported in `errors` and leaves its field out; it never stops the
 * others. An expression whose result is undefined (e.g. a missing path) leaves its field out.
 */
export async function evaluateCustomerDefaults(
  defaults: CustomerDefault[],
  order: CanonicalOrder,
): Promise<CustomerDefaultsResult> {
  if (defaults.length === 0) return { fields: {}, errors: [] };
  // A plain JSON copy: expressions see data only, and cannot touch the caller's object.
  const input: unknown = JSON.parse(JSON.stringify(order));
  const fields: Record<string, unknown> = {};
  const errors: { field: string; message: string }[] = [];
  for (const { field, expression } of defaults) {
    const expr = FIELD_NAME.test(field) ? compiled(expression) : customerDefaultProblem(field, expression)!;
    if ("problem" in expr) {
      errors.push({ field, message: expr.message });
      continue;
    }
    try {
      const raw: unknown = await expr.evaluate(input);
      if (raw === undefined) continue;
      const value = toJson(raw);
      if (JSON.stringify(value).length > MAX_RESULT_JSON) {
        throw new Error(`the result is larger than ${MAX_RESULT_JSON} characters of JSON`);
      }
      fields[field] = value;
    } catch (error) {
      const e = error as JsonataError;
      const text = e.message ?? String(error);
      errors.push({ field, message: e.code ? `${e.code}: ${text}` : text });
    }
  }
  return { fields, errors };
}
