// CPF and CNPJ for the simulators' seeded buyers, numeric and alphanumeric (check digits per the
// shared domain notes: each character is worth its ASCII code − 48), and a deliberately broken
// check digit. Written apart from src/domain/document.ts on purpose: a simulator that shared the
// engine's arithmetic could not catch a mistake in it.
import type { Random } from "./random.ts";

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

export const formatCpf = (cpf: string) =>
  `${cpf.slice(0, 3)}.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-${cpf.slice(9)}`;

export const formatCnpj = (cnpj: string) =>
  `${cnpj.slice(0, 2)}.${cnpj.slice(2, 5)}.${cnpj.slice(5, 8)}/${cnpj.slice(8, 12)}-${cnpj.slice(12)}`;

export function randomCpf(rng: Random): string {
  let base = rng.digits(9);
  if (/^(\d)\1{8}$/.test(base)) base = `${(Number(base[0]) + 1) % 10}${base.slice(1)}`;
  return base + cpfCheckDigits(base);
}

/** A CNPJ; a numeric one's branch ("ordem", 4 digits) is the head office's unless `branch` says. */
export function randomCnpj(
  rng: Random,
  alphanumeric: boolean,
  branch: (rng: Random) => string = () => "0001",
): string {
  let base: string;
  if (alphanumeric) {
    base = "";
    for (let i = 0; i < 12; i++) base += ALNUM[rng.int(0, ALNUM.length - 1)];
    // Make sure it really has a letter, or it is just a numeric CNPJ.
    if (!/[A-Z]/.test(base)) base = `${base.slice(0, 2)}${ALNUM[rng.int(10, 35)]}${base.slice(3)}`;
  } else {
    const root = rng.digits(8);
    base = `${root}${branch(rng)}`;
  }
  return base + cnpjCheckDigits(base);
}

/** Flips the last check digit, so the shape is right but the arithmetic is not. */
export function breakCheckDigit(document: string): string {
  const last = Number(document.at(-1));
  return `${document.slice(0, -1)}${(last + 1) % 10}`;
}

/** The official alphanumeric example (IN RFB 2.229/2024), so tests can pin it. */
export const OFFICIAL_ALNUM_CNPJ = "12.ABC.345/01DE-35";
