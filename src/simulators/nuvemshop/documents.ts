// Brazilian documents for seeded customers: CPF, numeric and alphanumeric CNPJ (check digits per
// the domain README), deliberately invalid ones, and Correios (UPU S10) tracking codes.
import type { Random } from "../shared/random.ts";

export type DocumentKind = "cpf" | "cnpj" | "cnpj-alnum" | "missing" | "invalid";

export interface GeneratedDocument {
  kind: DocumentKind;
  /** What the order carries in `identification`: formatted, bare, empty or null. */
  value: string | null;
  /** A company (CNPJ) buyer. */
  business: boolean;
}

const CNPJ_WEIGHTS_1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const CNPJ_WEIGHTS_2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

function checkDigit(sum: number): number {
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

/** The two CPF check digits for 9 base digits. */
export function cpfCheckDigits(base: string): string {
  const d = [...base].map(Number);
  const d1 = checkDigit(d.reduce((sum, n, i) => sum + n * (10 - i), 0));
  const d2 = checkDigit([...d, d1].reduce((sum, n, i) => sum + n * (11 - i), 0));
  return `${d1}${d2}`;
}

/** The two CNPJ check digits for 12 characters; each is worth its ASCII code − 48 (alphanumeric CNPJ). */
export function cnpjCheckDigits(base: string): string {
  const values = [...base.toUpperCase()].map((c) => c.charCodeAt(0) - 48);
  const d1 = checkDigit(values.reduce((sum, v, i) => sum + v * CNPJ_WEIGHTS_1[i]!, 0));
  const d2 = checkDigit([...values, d1].reduce((sum, v, i) => sum + v * CNPJ_WEIGHTS_2[i]!, 0));
  return `${d1}${d2}`;
}

export function formatCpf(cpf: string): string {
  return `${cpf.slice(0, 3)}.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-${cpf.slice(9)}`;
}

export function formatCnpj(cnpj: string): string {
  return `${cnpj.slice(0, 2)}.${cnpj.slice(2, 5)}.${cnpj.slice(5, 8)}/${cnpj.slice(8, 12)}-${cnpj.slice(12)}`;
}

export function randomCpf(rng: Random): string {
  let base = rng.digits(9);
  if (/^(\d)\1{8}$/.test(base)) base = `${(Number(base[0]) + 1) % 10}${base.slice(1)}`;
  return base + cpfCheckDigits(base);
}

export function randomCnpj(rng: Random, alphanumeric: boolean): string {
  let base: string;
  if (alphanumeric) {
    base = "";
    for (let i = 0; i < 12; i++) base += ALNUM[rng.int(0, ALNUM.length - 1)];
    // Make sure it really has a letter, or it is just a numeric CNPJ.
    if (!/[A-Z]/.test(base)) base = `${base.slice(0, 2)}${ALNUM[rng.int(10, 35)]}${base.slice(3)}`;
  } else {
    base = `${rng.digits(8)}${rng.weighted([
      ["0001", 8],
      ["0002", 1],
      [`00${rng.digits(2)}`, 1],
    ])}`;
  }
  return base + cnpjCheckDigits(base);
}

/** Flips the last check digit, so the shape is right but the arithmetic is not. */
function breakCheckDigit(document: string): string {
  const last = Number(document.at(-1));
  return `${document.slice(0, -1)}${(last + 1) % 10}`;
}

/** The official alphanumeric example (IN RFB 2.229/2024), so tests can pin it. */
export const OFFICIAL_ALNUM_CNPJ = "12.ABC.345/01DE-35";

export function makeDocument(rng: Random, kind: DocumentKind, useOfficialExample = false): GeneratedDocument {
  const formatted = rng.chance(0.5);
  switch (kind) {
    case "cpf": {
      const cpf = randomCpf(rng);
      return { kind, value: formatted ? formatCpf(cpf) : cpf, business: false };
    }
    case "cnpj": {
      const cnpj = randomCnpj(rng, false);
      return { kind, value: formatted ? formatCnpj(cnpj) : cnpj, business: true };
    }
    case "cnpj-alnum": {
      if (useOfficialExample) return { kind, value: OFFICIAL_ALNUM_CNPJ, business: true };
      const cnpj = randomCnpj(rng, true);
      return { kind, value: formatted ? formatCnpj(cnpj) : cnpj, business: true };
    }
    case "missing":
      return { kind, value: rng.chance(0.5) ? null : "", business: false };
    case "invalid": {
      const variant = rng.int(0, 3);
      if (variant === 0) return { kind, value: "111.111.111-11", business: false };
      if (variant === 1) return { kind, value: formatCpf(breakCheckDigit(randomCpf(rng))), business: false };
      if (variant === 2) return { kind, value: breakCheckDigit(randomCpf(rng)), business: false };
      return { kind, value: formatCnpj(breakCheckDigit(randomCnpj(rng, false))), business: true };
    }
  }
}

/** Roughly 55% CPF, 15% CNPJ, 10% alphanumeric CNPJ, 10% missing, 10% invalid, in blocks of 20. */
export function documentKinds(rng: Random, count: number): DocumentKind[] {
  const block: DocumentKind[] = [
    ...Array<DocumentKind>(11).fill("cpf"),
    ...Array<DocumentKind>(3).fill("cnpj"),
    ...Array<DocumentKind>(2).fill("cnpj-alnum"),
    ...Array<DocumentKind>(2).fill("missing"),
    ...Array<DocumentKind>(2).fill("invalid"),
  ];
  const kinds: DocumentKind[] = [];
  while (kinds.length < count) kinds.push(...rng.shuffle([...block]));
  return kinds.slice(0, count);
}

/** A Correios S10 code with a valid check digit, e.g. "JT194690698BR". */
export function correiosCode(rng: Random): string {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const serial = rng.digits(8);
  const r = [...serial].reduce((sum, c, i) => sum + Number(c) * weights[i]!, 0) % 11;
  const dv = r === 0 ? 5 : r === 1 ? 0 : 11 - r;
  return `${rng.pick(["JT", "SX", "QB", "OV", "NX", "AD"])}${serial}${dv}BR`;
}
