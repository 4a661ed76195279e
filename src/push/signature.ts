// The webhook channel's signature (docs/PUSH.md): HMAC-SHA256, keyed with the store's webhook
// secret, over "<timestamp>.<raw body>", sent as `X-Ponte-Signature: sha256=<hex>` with the
// timestamp (Unix seconds) in `X-Ponte-Timestamp`. Signing the timestamp with the body lets a
// receiver refuse a captured delivery replayed later. verifySignature is what a receiver runs.
import crypto from "node:crypto";

export const SIGNATURE_HEADER = "X-Ponte-Signature";
export const TIMESTAMP_HEADER = "X-Ponte-Timestamp";
/** How old a signed delivery a receiver should still accept. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function signatureFor(secret: string, timestamp: number, rawBody: string | Buffer): string {
  const mac = crypto.createHmac("sha256", secret);
  mac.update(`${timestamp}.`);
  mac.update(rawBody);
  return `sha256=${mac.digest("hex")}`;
}

/**
 * A receiver's check: the signature matches (constant time) and the timestamp is within
 * `toleranceSeconds` of now. Never throws on malformed input.
 */
export function verifySignature(
  secret: string,
  rawBody: string | Buffer,
  header: { signature: string | undefined; timestamp: string | undefined },
  options: { now?: number; toleranceSeconds?: number } = {},
): boolean {
  if (!header.signature || !header.timestamp || !/^\d{1,12}$/.test(header.timestamp)) return false;
  const timestamp = Number(header.timestamp);
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return false;
  const expected = Buffer.from(signatureFor(secret, timestamp, rawBody));
  const given = Buffer.from(header.signature);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
