// Brazilian documents for seeded VTEX buyers: CPF, numeric and alphanumeric CNPJ (check digits per
// the shared domain notes: each character is worth its ASCII code − 48), invalid ones, and the
// masked forms an app key without PII rights sees.
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

export { cnpjCheckDigits, cpfCheckDigits, formatCnpj, formatCpf, randomCpf };

export type DocumentKind = "cpf" | "cnpj" | "cnpj-alnum" | "missing" | "invalid" | "masked";

export interface GeneratedDocument {
  kind: DocumentKind;
  /** What the order carries (formatted, bare, masked, empty or null). */
  value: string | null;
  /** A company buyer: VTEX puts the CNPJ in corporateDocument with isCorporate true. */
  corporate: boolean;
}

// [U] The mask VTEX applies for app keys without PII rights is not documented for the document
// field (the Get order example masks only names, e.g. "U**"); the simulator masks every digit and
// keeps the punctuation: "***.***.***-**" for a CPF, "**.***.***/****-**" for a CNPJ.
export const MASKED_CPF = "***.***.***-**";
export const MASKED_CNPJ = "**.***.***/****-**";

export function makeDocument(rng: Random, kind: DocumentKind, useOfficialExample = false): GeneratedDocument {
  const formatted = rng.chance(0.5);
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
      return { kind, value: rng.chance(0.5) ? null : "", corporate: false };
    case "masked":
      return rng.chance(0.75)
        ? { kind, value: MASKED_CPF, corporate: false }
        : { kind, value: MASKED_CNPJ, corporate: true };
    case "invalid": {
      const variant = rng.int(0, 2);
      if (variant === 0) return { kind, value: "111.111.111-11", corporate: false };
      if (variant === 1) return { kind, value: formatCpf(breakCheckDigit(randomCpf(rng))), corporate: false };
      return { kind, value: formatCnpj(breakCheckDigit(randomCnpj(rng, false))), corporate: true };
    }
  }
}

/** In blocks of 20: 10 CPF, 3 CNPJ, 2 alphanumeric CNPJ, 2 missing, 1 invalid, 2 masked. */
export function documentKinds(rng: Random, count: number): DocumentKind[] {
  const block: DocumentKind[] = [
    ...Array<DocumentKind>(10).fill("cpf"),
    ...Array<DocumentKind>(3).fill("cnpj"),
    ...Array<DocumentKind>(2).fill("cnpj-alnum"),
    ...Array<DocumentKind>(2).fill("missing"),
    "invalid",
    ...Array<DocumentKind>(2).fill("masked"),
  ];
  const kinds: DocumentKind[] = [];
  while (kinds.length < count) kinds.push(...rng.shuffle([...block]));
  return kinds.slice(0, count);
}

/** A Correios S10 tracking code with a valid check digit, e.g. "JT194690698BR". */
export function correiosCode(rng: Random): string {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const serial = rng.digits(8);
  const r = [...serial].reduce((sum, c, i) => sum + Number(c) * weights[i]!, 0) % 11;
  const dv = r === 0 ? 5 : r === 1 ? 0 : 11 - r;
  return `${rng.pick(["JT", "SX", "QB", "OV"])}${serial}${dv}BR`;
}
