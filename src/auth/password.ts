// Password hashing: argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane),
// about 50 ms per hash here. The PHC string carries its parameters, so raising them later
// still verifies old hashes.
import { type Algorithm, hash, verify } from "@node-rs/argon2";
import { PonteError } from "../errors.ts";

// The package declares Algorithm as a const enum, which isolated modules cannot read.
const ARGON2ID = 2 as Algorithm;
export const PASSWORD_HASH_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

/** Throws weak_password (400) unless the password may be set. */
export function checkPasswordRules(password: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
    throw new PonteError(
      "weak_password",
      `the password must have ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`,
      { details: { min: PASSWORD_MIN, max: PASSWORD_MAX } },
    );
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash matches nothing
  }
}

let decoy: Promise<string> | undefined;

/** Spends one verify against a throwaway hash, so an unknown e-mail takes as long as a wrong password. */
export async function verifyDecoy(password: string): Promise<false> {
  decoy ??= hashPassword(`decoy-${Math.random()}`);
  await verifyPassword(await decoy, password);
  return false;
}
