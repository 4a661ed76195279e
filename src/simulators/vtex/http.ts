// Reply and error shapes shared by the route handlers. The OMS answers errors as
// {"error":{"code","message","exception"}} (Orders API OpenAPI, "Start handling order": 401 with
// code "1" "Unauthorized access", 409 with code "OMS003"); the simulator uses that shape for every
// error. [U] The codes and messages of the other errors are not documented; they are marked where made.
import type { Json } from "./types.ts";

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A raw (non-JSON) body, e.g. a gateway's HTML page or a cut-short JSON. */
  raw?: { contentType: string; text: string };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

export function omsError(status: number, code: string, message: string): ApiError {
  return new ApiError(status, { error: { code, message, exception: null } });
}

/** [U] Code and message of an unknown order are not documented. */
export const orderNotFound = (orderId: string) => omsError(404, "OMS007", `Order ${orderId} not found`);

export const badRequest = (message: string) => omsError(400, "1", message);

export function ok(body: unknown, status = 200): Reply {
  return { status, body };
}

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Deep copy, so callers never hold references into the simulator's state. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}
