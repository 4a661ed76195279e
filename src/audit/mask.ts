// Secrets never reach the audit trail: any field whose name says it holds one (password, secret,
// token, key, credential, authorization…) is written as "••••", whatever its value. An object
// under such a name keeps its field names (which credential changed is worth knowing), every
// value masked. null stays null: "not set" is not a secret.

export const MASK = "••••";

const SECRET_NAME = /pass(word|wd)?|secret|token|key|credential|authori[sz]ation|cookie|private|signature/i;

/** True for a field name that says it holds a secret. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

function maskAll(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(maskAll);
  if (typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskAll(v)]));
  return MASK;
}

/** A copy of `value` with every secret field masked, at any depth. */
export function maskSecrets(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, isSecretName(k) ? maskAll(v) : maskSecrets(v)]),
  );
}
