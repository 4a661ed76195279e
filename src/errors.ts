// One error catalogue: stable codes the API returns and the panel translates to pt-BR.
// Domain code throws PonteError (never HTTP errors); the HTTP layer maps `status`.

export type ErrorCode =
  | "config_invalid"
  | "database_unreachable"
  | "database_unavailable"
  | "embedded_postgres_failed"
  | "migration_failed"
  | "not_found"
  | "validation_failed"
  | "invalid_cursor"
  | "conflict"
  | "platform_unavailable"
  | "platform_refused"
  | "oauth_not_configured"
  | "oauth_state_invalid"
  | "session_required"
  | "illegal_transition"
  | "already_invoiced"
  | "not_invoiced"
  | "unsafe_url"
  | "template_invalid"
  | "unauthenticated"
  | "csrf_rejected"
  | "invalid_signature"
  | "invalid_payload"
  | "payload_too_large"
  | "invalid_credentials"
  | "too_many_attempts"
  | "setup_done"
  | "setup_forbidden"
  | "weak_password"
  | "internal";

export class PonteError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { status?: number; cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "PonteError";
    this.code = code;
    this.status = options.status ?? 500;
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
