// Brazilian documents for seeded customers: CPF, numeric and alphanumeric CNPJ (check digits per
// the domain README), deliberately invalid ones, and Correios (UPU S10) tracking codes.
import {
  breakCheckDigit,
  cnpjCheckDigits,
  cpfCheckDigits,
  formatCnpj,
  formatCpf,
  OFFICIAL_ALNUM_CNPJ,
  randomCnpj,
  randomCpf,
} from "../shared/brazil-documents.ts";
import type { Random } from "../shared/random.ts";

/** Most companies buy as the head office; some from a branch. */
const nuvemshopBranch = (rng: Random) =>
  rng.weighted([
    ["0001", 8],
    ["0002", 1],
    [`00${rng.digits(2)}`, 1],
  ]);

export { cnpjCheckDigits, cpfCheckDigits, formatCnpj, formatCpf, randomCpf };

export type DocumentKind = "cpf" | "cnpj" | "cnpj-alnum" | "missing" | "invalid";

export interface GeneratedDocument {
  kind: DocumentKind;
  /** What the order carries in `identification`: formatted, bare, empty or null. */
  value: string | null;
  /** A company (CNPJ) buyer. */
  business: boolean;
}

export function makeDocument(rng: Random, kind: DocumentKind, useOfficialExample = false): GeneratedDocument {
  const formatted = rng.chance(0.5);
  switch (kind) {
    case "cpf": {
      const cpf = randomCpf(rng);
      return { kind, value: formatted ? formatCpf(cpf) : cpf, business: false };
    }
    case "cnpj": {
      const cnpj = randomCnpj(rng, false, nuvemshopBranch);
      return { kind, value: formatted ? formatCnpj(cnpj) : cnpj, business: true };
    }
    case "cnpj-alnum": {
      if (useOfficialExample) return { kind, value: OFFICIAL_ALNUM_CNPJ, business: true };
      const cnpj = randomCnpj(rng, true, nuvemshopBranch);
      return { kind, value: formatted ? formatCnpj(cnpj) : cnpj, business: true };
    }
    case "missing":
      return { kind, value: rng.chance(0.5) ? null : "", business: false };
    case "invalid": {
      const variant = rng.int(0, 3);
      if (variant === 0) return { kind, value: "111.111.111-11", business: false };
      if (variant === 1) return { kind, value: formatCpf(breakCheckDigit(randomCpf(rng))), business: false };
      if (variant === 2) return { kind, value: breakCheckDigit(randomCpf(rng)), business: false };
      return {
        kind,
        value: formatCnpj(breakCheckDigit(randomCnpj(rng, false, nuvemshopBranch))),
        business: true,
      };
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
