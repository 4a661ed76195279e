// NF-e / NFC-e access key (chave de acesso, 44 positions). Since NT 2026.004 the issuer CNPJ inside it
// may be alphanumeric, so the key is a string and only positions 7–18 may hold letters.

export type NfeKeyParts = {
  /** IBGE code of the issuer's state, positions 1–2. */
  cUF: string;
  /** AAMM of issue, positions 3–6. */
  yearMonth: string;
  /** CNPJ (or zero-padded CPF) of the issuer, positions 7–20. */
  issuer: string;
  /** "55" NF-e or "65" NFC-e, positions 21–22. */
  model: "55" | "65";
  series: string;
  number: string;
  /** tpEmis, position 35. */
  emissionType: string;
  /** cNF, the random code, positions 36–43. */
  code: string;
  checkDigit: string;
};

export type NfeKeyCheck =
  | { ok: true; key: string; parts: NfeKeyParts }
  | {
      ok: false;
      reason:
        | "missing"
        | "bad_length"
        | "bad_characters"
        | "bad_uf"
        | "bad_month"
        | "bad_model"
        | "bad_emission_type"
        | "bad_check_digit";
      key: string;
    };

const KEY_SHAPE = /^[0-9]{6}[0-9A-Z]{12}[0-9]{26}$/;
// IBGE state codes (27 units); 34 is not SP (35 is), despite what some sources say.
const UF_CODES = new Set(
  "11 12 13 14 15 16 17 21 22 23 24 25 26 27 28 29 31 32 33 35 41 42 43 50 51 52 53".split(" "),
);
const EMISSION_TYPES = new Set(["1", "2", "3", "4", "5", "6", "7", "9"]);

/** Removes whitespace and dots (keys are often printed in groups of four) and upper-cases. */
export function normalizeNfeKey(raw: string | null | undefined): string {
  if (raw == null) return "";
  return raw.replace(/[\s.]/g, "").toUpperCase();
}

/**
 * Mod-11 check digit over the first 43 characters: weights 2…9 cycling from the rightmost,
 * character value ASCII − 48 (so numeric keys are unchanged); remainder 0 or 1 gives 0.
 */
export function nfeKeyCheckDigit(first43: string): string {
  let sum = 0;
  for (let i = first43.length - 1, weight = 2; i >= 0; i--) {
    sum += (first43.charCodeAt(i) - 48) * weight;
    weight = weight === 9 ? 2 : weight + 1;
  }
  const r = sum % 11;
  return String(r < 2 ? 0 : 11 - r);
}

export function checkNfeKey(raw: string | null | undefined): NfeKeyCheck {
  const key = normalizeNfeKey(raw);
  if (key === "") return { ok: false, reason: "missing", key };
  if (key.length !== 44) return { ok: false, reason: "bad_length", key };
  if (!KEY_SHAPE.test(key)) return { ok: false, reason: "bad_characters", key };

  const cUF = key.slice(0, 2);
  const yearMonth = key.slice(2, 6);
  const model = key.slice(20, 22);
  const emissionType = key.slice(34, 35);
  if (!UF_CODES.has(cUF)) return { ok: false, reason: "bad_uf", key };
  const month = Number(yearMonth.slice(2));
  if (month < 1 || month > 12) return { ok: false, reason: "bad_month", key };
  if (model !== "55" && model !== "65") return { ok: false, reason: "bad_model", key };
  if (!EMISSION_TYPES.has(emissionType)) return { ok: false, reason: "bad_emission_type", key };
  if (nfeKeyCheckDigit(key.slice(0, 43)) !== key.slice(43)) {
    return { ok: false, reason: "bad_check_digit", key };
  }

  return {
    ok: true,
    key,
    parts: {
      cUF,
      yearMonth,
      issuer: key.slice(6, 20),
      model,
      series: key.slice(22, 25),
      number: key.slice(25, 34),
      emissionType,
      code: key.slice(35, 43),
      checkDigit: key.slice(43),
    },
  };
}

export function isValidNfeKey(raw: string | null | undefined): boolean {
  return checkNfeKey(raw).ok;
}
