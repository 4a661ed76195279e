// CPF and CNPJ (numeric and alphanumeric, IN RFB 2.229/2024). Documents stay strings end to end:
// alphanumeric CNPJs and CPFs with leading zeros break as soon as anything treats them as numbers.

export type DocumentKind = "cpf" | "cnpj";

export type DocumentCheck =
  | { ok: true; kind: DocumentKind; value: string }
  | {
      ok: false;
      reason: "missing" | "masked" | "bad_length" | "bad_characters" | "repeated_digits" | "bad_check_digits";
      value: string;
    };

const CPF_SHAPE = /^[0-9]{11}$/;
const CNPJ_SHAPE = /^[0-9A-Z]{12}[0-9]{2}$/;
const CNPJ_WEIGHTS_1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const CNPJ_WEIGHTS_2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

/**
 * Removes only mask punctuation and whitespace, then upper-cases. Anything else (letters, stray
 * symbols) is kept on purpose: "strip non-digits" corrupts alphanumeric CNPJs and hides junk input.
 */
export function normalizeDocument(raw: string | null | undefined): string {
  if (raw == null) return "";
  return raw.replace(/[./\-\s]/g, "").toUpperCase();
}

// ASCII − 48: digits keep their value, 'A' = 17 … 'Z' = 42 (the alphanumeric CNPJ rule).
function charValue(c: string): number {
  return c.charCodeAt(0) - 48;
}

// Mod 11 shared by CPF and CNPJ: DV = 0 if the remainder is below 2, else 11 − remainder.
function mod11Digit(chars: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += charValue(chars[i] ?? "0") * (weights[i] ?? 0);
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

function cpfCheckDigits(base9: string): string {
  const dv1 = mod11Digit(base9, [10, 9, 8, 7, 6, 5, 4, 3, 2]);
  const dv2 = mod11Digit(`${base9}${dv1}`, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  return `${dv1}${dv2}`;
}

function cnpjCheckDigits(base12: string): string {
  const dv1 = mod11Digit(base12, CNPJ_WEIGHTS_1);
  const dv2 = mod11Digit(`${base12}${dv1}`, CNPJ_WEIGHTS_2);
  return `${dv1}${dv2}`;
}

// Same digit repeated passes the arithmetic for both CPF and numeric CNPJ, so it is refused explicitly.
function allSameDigit(value: string): boolean {
  return /^([0-9])\1*$/.test(value);
}

/**
 * A document the platform hid (e.g. "***.***.***-**" for an API key without the right to see
 * personal data): kept, shown, and never links a customer.
 */
export const isMaskedDocument = (raw: string): boolean => /[*•]/.test(raw);

/** Classifies by length (11 → CPF, 14 → CNPJ) and validates; never pads or trims digits to "fix" input. */
export function checkDocument(raw: string | null | undefined): DocumentCheck {
  const value = normalizeDocument(raw);
  if (value === "") return { ok: false, reason: "missing", value };
  if (isMaskedDocument(value)) return { ok: false, reason: "masked", value };
  if (value.length === 11) {
    if (!CPF_SHAPE.test(value)) return { ok: false, reason: "bad_characters", value };
    if (allSameDigit(value)) return { ok: false, reason: "repeated_digits", value };
    if (cpfCheckDigits(value.slice(0, 9)) !== value.slice(9)) {
      return { ok: false, reason: "bad_check_digits", value };
    }
    return { ok: true, kind: "cpf", value };
  }
  if (value.length === 14) {
    if (!CNPJ_SHAPE.test(value)) return { ok: false, reason: "bad_characters", value };
    if (allSameDigit(value)) return { ok: false, reason: "repeated_digits", value };
    if (cnpjCheckDigits(value.slice(0, 12)) !== value.slice(12)) {
      return { ok: false, reason: "bad_check_digits", value };
    }
    return { ok: true, kind: "cnpj", value };
  }
  return { ok: false, reason: "bad_length", value };
}

export function isValidCpf(raw: string | null | undefined): boolean {
  const check = checkDocument(raw);
  return check.ok && check.kind === "cpf";
}

export function isValidCnpj(raw: string | null | undefined): boolean {
  const check = checkDocument(raw);
  return check.ok && check.kind === "cnpj";
}

/** Display mask: `123.456.789-09` / `12.ABC.345/01DE-35`. Other lengths come back unchanged. */
export function formatDocument(value: string): string {
  const v = normalizeDocument(value);
  if (v.length === 11) return `${v.slice(0, 3)}.${v.slice(3, 6)}.${v.slice(6, 9)}-${v.slice(9)}`;
  if (v.length === 14) {
    return `${v.slice(0, 2)}.${v.slice(2, 5)}.${v.slice(5, 8)}/${v.slice(8, 12)}-${v.slice(12)}`;
  }
  return value;
}

/**
 * For e-mails and logs. CPF keeps only the middle six digits (`***.456.789-**`, the gov.br / LGPD
 * convention). CNPJ keeps the first five root characters and the two DVs, starring the other three root
 * characters and the four "ordem" ones: `12.ABC.***` then `/****-35`. Any other length is fully starred:
 * unparseable input may still be a mistyped document, so none of it is leaked.
 */
export function maskDocument(value: string): string {
  const v = normalizeDocument(value);
  if (v.length === 11) return `***.${v.slice(3, 6)}.${v.slice(6, 9)}-**`;
  if (v.length === 14) return `${v.slice(0, 2)}.${v.slice(2, 5)}.***/****-${v.slice(12)}`;
  return "*".repeat(v.length);
}

/** Pessoa física for CPF, pessoa jurídica for CNPJ. */
export function customerKind(kind: DocumentKind): "PF" | "PJ" {
  return kind === "cpf" ? "PF" : "PJ";
}
