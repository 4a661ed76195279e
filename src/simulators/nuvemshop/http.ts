// Reply and error shapes shared by the route handlers. Nuvemshop answers errors two ways:
// `{"code","message","description"}` (401, 402, 404, 429, state conflicts) and, for invalid
// fields, `{"field":["msg"]}` with status 422.
import type { Json } from "./types.ts";

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A raw (non-JSON) body, e.g. a gateway's HTML error page. */
  raw?: { contentType: string; text: string };
}

const MESSAGES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  402: "Payment Required",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

/** `{"code":404,"message":"Not Found","description":"..."}` */
export function failure(status: number, description: string): ApiError {
  return new ApiError(status, { code: status, message: MESSAGES[status] ?? "Error", description });
}

export const notFound = (description = "The requested resource could not be found") =>
  failure(404, description);

/** 422 `{"field":["msg"]}` for one field. */
export function invalidField(field: string, message: string): ApiError {
  return new ApiError(422, { [field]: [message] });
}

/** Collects field errors so one 422 can name several fields, as Nuvemshop's does. */
export class FieldErrors {
  private readonly errors: Record<string, string[]> = {};

  add(field: string, message: string): void {
    const list = this.errors[field] ?? [];
    list.push(message);
    this.errors[field] = list;
  }

  check(): void {
    if (Object.keys(this.errors).length > 0) throw new ApiError(422, this.errors);
  }
}

export function ok(body: unknown, status = 200, headers?: Record<string, string>): Reply {
  return { status, body, ...(headers ? { headers } : {}) };
}

/** A positive integer from a path or query value, or undefined. */
export function positiveInt(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Deep copy, so callers never hold references into the simulator's state. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}
