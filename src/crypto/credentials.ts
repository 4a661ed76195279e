// Store credentials at rest: AES-256-GCM, a fresh random 96-bit nonce per encryption, the
// key version in the first byte, and associated data binding the ciphertext to its
// tenant and store, so a ciphertext copied to another row does not decrypt.
import crypto from "node:crypto";

export const KEY_VERSION = 1;

export function encryptCredentials(
  key: Buffer,
  associated: string,
  plaintext: Record<string, unknown>,
): Buffer {
  const nonce = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, nonce);
  cipher.setAAD(Buffer.from(associated, "utf8"));
  const body = Buffer.concat([cipher.update(JSON.stringify(plaintext), "utf8"), cipher.final()]);
  return Buffer.concat([Buffer.from([KEY_VERSION]), nonce, cipher.getAuthTag(), body]);
}

export function decryptCredentials<T = Record<string, unknown>>(
  key: Buffer,
  associated: string,
  sealed: Buffer,
): T {
  if (sealed.length < 29 || sealed[0] !== KEY_VERSION)
    throw new Error("credentials were sealed with an unknown key version");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, sealed.subarray(1, 13));
  decipher.setAAD(Buffer.from(associated, "utf8"));
  decipher.setAuthTag(sealed.subarray(13, 29));
  const plain = Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]);
  return JSON.parse(plain.toString("utf8")) as T;
}

/** AAD for a store's credentials. */
export function credentialsContext(orgId: number, platform: string, storeExternalId: string): string {
  return `ponte:store-credentials:${orgId}:${platform}:${storeExternalId}`;
}
