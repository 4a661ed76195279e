// One error catalogue: stable codes the API returns and the panel translates to pt-BR, each
// with its HTTP status. Domain code throws PonteError (never HTTP errors); the HTTP layer
// answers with the error's `status`, which the catalogue gives.
import type { ReasonCode } from "./reason-codes.ts";

/**
 * The catalogue: each code and the HTTP status its answer carries. A code's status lives here
 * only, never at the `throw`. Codes that never reach an HTTP answer (start-up, the CLI) are 500.
 */
export const ERROR_CATALOGUE = {
  config_invalid: 500,
  database_unreachable: 500,
  database_unavailable: 503,
  embedded_postgres_failed: 500,
  migration_failed: 500,
  not_found: 404,
  validation_failed: 400,
  invalid_cursor: 400,
  conflict: 409,
  /** The store's platform did not answer in time (503), or answered unusably (502, see OTHER_STATUSES). */
  platform_unavailable: 503,
  /** The platform refuses the store's access (credentials, suspension, uninstall). */
  platform_refused: 409,
  oauth_not_configured: 409,
  oauth_state_invalid: 400,
  session_required: 403,
  illegal_transition: 409,
  already_invoiced: 409,
  not_invoiced: 409,
  unsafe_url: 400,
  template_invalid: 400,
  unauthenticated: 401,
  csrf_rejected: 403,
  invalid_signature: 401,
  invalid_payload: 400,
  payload_too_large: 413,
  invalid_credentials: 401,
  too_many_attempts: 429,
  setup_done: 409,
  setup_forbidden: 403,
  forbidden: 403,
  user_disabled: 403,
  weak_password: 400,
  internal: 500,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** The few codes whose status depends on the case, and the statuses they may take besides the catalogue's. */
export const OTHER_STATUSES = {
  /** 502: the platform answered, but not with anything usable (a 5xx, an unreadable body). */
  platform_unavailable: [502],
} as const satisfies { [C in ErrorCode]?: readonly number[] };

type OtherStatus<C extends ErrorCode> = C extends keyof typeof OTHER_STATUSES
  ? (typeof OTHER_STATUSES)[C][number]
  : never;

/** What an answer carries beside code and message: `reason` is pt-BR, `reasonCode` from the one list. */
export interface ErrorDetails {
  reason?: string;
  reasonCode?: ReasonCode;
  [key: string]: unknown;
}

export interface PonteErrorOptions<C extends ErrorCode> {
  cause?: unknown;
  details?: ErrorDetails;
  /** Only for a code listed in OTHER_STATUSES, and only one of its statuses there. */
  status?: OtherStatus<C>;
}

export class PonteError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly status: number;
  readonly details: ErrorDetails | undefined;

  constructor(code: C, message: string, options: PonteErrorOptions<C> = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "PonteError";
    this.code = code;
    this.status = options.status ?? ERROR_CATALOGUE[code];
    this.details = options.details;
  }
}

export function isPonteError(error: unknown): error is PonteError {
  return error instanceof PonteError;
}

/** One line for a terminal: the message, and the root cause when it adds something. */
export function oneLine(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : "";
  const text = cause && !error.message.includes(cause) ? `${error.message}: ${cause}` : error.message;
  return text.replace(/\s+/g, " ").trim();
}
