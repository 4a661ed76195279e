// Brazilian documents for seeded WooCommerce buyers, as the shopper typed them at checkout (the
// "Brazilian Market on WooCommerce" plugin stores the field as typed in _billing_cpf / _billing_cnpj
// and masks the input, so most carry punctuation). CPF, numeric and alphanumeric CNPJ (check digits
// per the shared domain notes: each character is worth its ASCII code − 48), missing and invalid ones.
import type { Random } from "../shared/random.ts";

export type DocumentKind = "cpf" | "cnpj" | "cnpj-alnum" | "missing" | "invalid";

export interface GeneratedDocument {
  kind: DocumentKind;
  /** What _billing_cpf or _billing_cnpj holds ("" when missing). */
  value: string;
  /** A company buyer: persontype 2 (J), the document in _billing_cnpj. */
  corporate: boolean;
}

const CNPJ_WEIGHTS_1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const CNPJ_WEIGHTS_2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

function checkDigit(sum: number): number {
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

export function cpfCheckDigits(base: string): string {
  const d = [...base].map(Number);
  const d1 = checkDigit(d.reduce((sum, n, i) => sum + n * (10 - i), 0));
  const d2 = checkDigit([...d, d1].reduce((sum, n, i) => sum + n * (11 - i), 0));
  return `${d1}${d2}`;
}

export function cnpjCheckDigits(base: string): string {
  const values = [...base.toUpperCase()].map((c) => c.charCodeAt(0) - 48);
  const d1 = checkDigit(values.reduce((sum, v, i) => sum + v * CNPJ_WEIGHTS_1[i]!, 0));
  const d2 = checkDigit([...values, d1].reduce((sum, v, i) => sum + v * CNPJ_WEIGHTS_2[i]!, 0));
  return `${d1}${d2}`;
}

export const formatCpf = (cpf: string) =>
  `${cpf.slice(0, 3)}.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-${cpf.slice(9)}`;

export const formatCnpj = (cnpj: string) =>
  `${cnpj.slice(0, 2)}.${cnpj.slice(2, 5)}.${cnpj.slice(5, 8)}/${cnpj.slice(8, 12)}-${cnpj.slice(12)}`;

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
    if (!/[A-Z]/.test(base)) base = `${base.slice(0, 2)}${ALNUM[rng.int(10, 35)]}${base.slice(3)}`;
  } else {
    base = `${rng.digits(8)}0001`;
  }
  return base + cnpjCheckDigits(base);
}

function breakCheckDigit(document: string): string {
  const last = Number(document.at(-1));
  return `${document.slice(0, -1)}${(last + 1) % 10}`;
}

/** The official alphanumeric example (IN RFB 2.229/2024), so tests can pin it. */
export const OFFICIAL_ALNUM_CNPJ = "12.ABC.345/01DE-35";

export function makeDocument(rng: Random, kind: DocumentKind, useOfficialExample = false): GeneratedDocument {
  const formatted = rng.chance(0.7);
  switch (kind) {
    case "cpf": {
      const cpf = randomCpf(rng);
      return { kind, value: formatted ? formatCpf(cpf) : cpf, corporate: false };
    }
    case "cnpj": {
      const cnpj = randomCnpj(rng, false);
      return { kind, value: formatted ? formatCnpj(cnpj) : cnpj, corporate: true };
    }
    case "cnpj-alnum": {
      if (useOfficialExample) return { kind, value: OFFICIAL_ALNUM_CNPJ, corporate: true };
      const cnpj = randomCnpj(rng, true);
      return { kind, value: formatted ? formatCnpj(cnpj) : cnpj, corporate: true };
    }
    case "missing":
      return { kind, value: "", corporate: false };
    case "invalid": {
      const variant = rng.int(0, 2);
      if (variant === 0) return { kind, value: "111.111.111-11", corporate: false };
      if (variant === 1) return { kind, value: formatCpf(breakCheckDigit(randomCpf(rng))), corporate: false };
      return { kind, value: formatCnpj(breakCheckDigit(randomCnpj(rng, false))), corporate: true };
    }
  }
}

/** In blocks of 20: 12 CPF, 3 CNPJ, 2 alphanumeric CNPJ, 2 missing, 1 invalid. */
export function documentKinds(rng: Random, count: number): DocumentKind[] {
  const block: DocumentKind[] = [
    ...Array<DocumentKind>(12).fill("cpf"),
    ...Array<DocumentKind>(3).fill("cnpj"),
    ...Array<DocumentKind>(2).fill("cnpj-alnum"),
    ...Array<DocumentKind>(2).fill("missing"),
    "invalid",
  ];
  const kinds: DocumentKind[] = [];
  while (kinds.length < count) kinds.push(...rng.shuffle([...block]));
  return kinds.slice(0, count);
}
