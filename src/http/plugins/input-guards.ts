// Rules every route's input obeys, checked once here rather than in each route's schema: no text
// (value or key) holds U+0000, which PostgreSQL text cannot store; JSON nests at most
// MAX_INPUT_DEPTH levels (deeper payloads overflow recursive code); every number is finite and an
// integer one fits JavaScript's safe range, which lies inside PostgreSQL's bigint (the schema
// validator lets "1e400" and "Infinity" through as integers, and ids go to bigint columns).
// A violation is a 400 `validation_failed` naming the field, like the schema validator's.
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { PonteError } from "../../errors.ts";

const MAX_INPUT_DEPTH = 32;

/** Bodies kept as raw bytes (signed webhooks) are not JSON values: nothing to walk. */
const isJsonContainer = (value: unknown): value is object =>
  typeof value === "object" && value !== null && !Buffer.isBuffer(value);

/** A path for the answer and the log: bounded, with a NUL shown as its escape. */
const pathText = (path: string[]) =>
  `/${path.map((p) => p.replaceAll("\u0000", "\\u0000").slice(0, 64)).join("/")}`.slice(0, 300);

function invalid(part: string, path: string[], message: string): PonteError {
  const at = pathText(path);
  return new PonteError("validation_failed", `${part}${at === "/" ? "" : at} ${message}`, {
    details: { fields: [{ path: at, message }] },
  });
}

/** Why a number cannot be taken, or null. */
function badNumber(value: number): string | null {
  if (!Number.isFinite(value)) return "must be a finite number";
  if (Number.isInteger(value) && !Number.isSafeInteger(value))
    return `must be between ${-Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}`;
  return null;
}

/** Walks one part of the request (params, querystring, body) without recursion; throws the first problem. */
function checkInput(part: string, input: unknown): void {
  const stack: { value: unknown; path: string[] }[] = [{ value: input, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      if (value.includes("\u0000")) throw invalid(part, path, "must not contain the NUL character (U+0000)");
    } else if (typeof value === "number") {
      const problem = badNumber(value);
      if (problem) throw invalid(part, path, problem);
    } else if (isJsonContainer(value)) {
      if (path.length >= MAX_INPUT_DEPTH)
        throw invalid(part, path, `must not nest deeper than ${MAX_INPUT_DEPTH} levels`);
      for (const [key, child] of Object.entries(value)) {
        if (key.includes("\u0000"))
          throw invalid(part, [...path, key], "must not contain the NUL character (U+0000) in its name");
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
}

/** A callback hook (not async): the webhook route runs it at thousands of requests a second. */
function checkRequest(request: FastifyRequest, _reply: unknown, done: (error?: Error) => void): void {
  try {
    checkInput("params", request.params);
    checkInput("querystring", request.query);
    checkInput("body", request.body);
  } catch (error) {
    done(error as Error);
    return;
  }
  done();
}

export const inputGuards = fp(async (app: FastifyInstance) => {
  // Before the schema validator, so a NUL or an absurd nesting is named as such; and again after
  // it, since it coerces text to numbers ("1e400" and "Infinity" become Infinity).
  app.addHook("preValidation", checkRequest);
  app.addHook("preHandler", checkRequest);
});
