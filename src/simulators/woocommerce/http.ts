// Reply and error shapes shared by the route handlers. WordPress answers REST errors as
// {"code","message","data":{"status"}} (_introduction.md "Errors": rest_no_route 404,
// woocommerce_rest_term_invalid 404); invalid parameters as rest_invalid_param 400 with the
// parameter's problem under data.params (WP_REST_Request::has_valid_params). Messages are core's
// English strings [U: a pt_BR site translates them; clients must match on `code`].
import type { Json } from "./types.ts";

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A raw (non-JSON) body, e.g. a host's HTML error page or a cut-short JSON. */
  raw?: { contentType: string; text: string };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}

export function wcError(status: number, code: string, message: string, data: Json = {}): ApiError {
  return new ApiError(status, { code, message, data: { status, ...data } });
}

export function invalidParam(param: string, problem: string): ApiError {
  return wcError(400, "rest_invalid_param", `Invalid parameter(s): ${param}`, {
    params: { [param]: problem },
    details: { [param]: { code: "rest_invalid_param", message: problem, data: null } },
  });
}

export const noRoute = () =>
  wcError(404, "rest_no_route", "No route was found matching the URL and request method.");

export function ok(body: unknown, status = 200, headers?: Record<string, string>): Reply {
  return { status, body, ...(headers ? { headers } : {}) };
}

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Deep copy, so callers never hold references into the simulator's state. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}
