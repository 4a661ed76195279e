// Brazilian documents for seeded WooCommerce buyers, as the shopper typed them at checkout (the
// "Brazilian Market on WooCommerce" plugin stores the field as typed in _billing_cpf / _billing_cnpj
// and masks the input, so most carry punctuation). CPF, numeric and alphanumeric CNPJ (check digits
// per the shared domain notes: each character is worth its ASCII code − 48), missing and invalid ones.
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

export type DocumentKind = "cpf" | "cnpj" | "cnpj-alnum" | "missing" | "invalid";

export interface GeneratedDocument {
  kind: DocumentKind;
  /** What _billing_cpf or _billing_cnpj holds ("" when missing). */
  value: string;
  /** A company buyer: persontype 2 (J), the document in _billing_cnpj. */
  corporate: boolean;
}

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
