// Session ids and API tokens: 256 random bits, stored only as their SHA-256. A fast digest
// suffices because the input cannot be guessed (unlike a password).
import crypto from "node:crypto";

export function randomSecret(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export function digest(secret: string): Buffer {
  return crypto.createHash("sha256").update(secret, "utf8").digest();
}
