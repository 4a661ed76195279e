// A 400 that names the field, like the schema validator's, with a stable reason code and the
// pt-BR text the panel shows next to the field.
import { PonteError } from "../errors.ts";
import type { ReasonCode } from "../reason-codes.ts";

export function fieldError(
  field: string,
  reasonCode: ReasonCode,
  message: string,
  reason: string,
): PonteError {
  return new PonteError("validation_failed", `${field}: ${message}`, {
    details: { field, reasonCode, reason, fields: [{ path: `/${field}`, message }] },
  });
}

/** http(s) URLs only: a javascript: or file: link must never reach the panel or a label. */
export function checkHttpUrl(field: string, raw: string | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw fieldError(field, "bad_url", "is not a URL", "Link inválido");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw fieldError(field, "bad_url", "must be an http(s) URL", "O link deve começar com https://");
  }
  return url.toString();
}
