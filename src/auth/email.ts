import { PonteError } from "../errors.ts";

/** The address as typed, trimmed; throws validation_failed (400) when it is not one. */
export function normalizeEmail(raw: string): string {
  const email = raw.trim();
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new PonteError("validation_failed", `"${raw}" is not an e-mail address`);
  }
  return email;
}
