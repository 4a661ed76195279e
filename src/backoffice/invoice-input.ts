// What POST /orders/:id/invoice accepts (R7.1): an NF-e issued by the fiscal emitter (its access
// key validated: 44 positions, layout, mod-11 check digit, alphanumeric CNPJ in positions 7–18),
// or a simple sale. Number and series of an NF-e come from its key when not given, and must agree
// with it when given: a typo in either is caught here rather than in the fiscal books.
import { checkNfeKey, type NfeKeyCheck } from "../domain/nfe-key.ts";
import { checkHttpUrl, fieldError } from "./field-error.ts";

export interface InvoiceInput {
  kind: "nfe" | "simple";
  accessKey?: string;
  number?: string;
  series?: string;
  issuedAt?: string;
  xmlUrl?: string;
}

export interface ValidInvoice {
  kind: "nfe" | "simple";
  accessKey: string | null;
  number: string | null;
  series: string | null;
  issuedAt: Date;
  xmlUrl: string | null;
}

type KeyRefusal = Extract<NfeKeyCheck, { ok: false }>["reason"];

const KEY_PT: Record<KeyRefusal, string> = {
  missing: "Informe a chave de acesso da NF-e",
  bad_length: "A chave de acesso tem 44 posições",
  bad_characters: "A chave de acesso só tem dígitos (letras apenas nas posições 7 a 18, CNPJ alfanumérico)",
  bad_uf: "Código de UF inválido nas posições 1 e 2 da chave",
  bad_month: "Mês de emissão inválido nas posições 5 e 6 da chave",
  bad_model: "Modelo inválido na chave: 55 (NF-e) ou 65 (NFC-e)",
  bad_emission_type: "Tipo de emissão inválido na posição 35 da chave",
  bad_check_digit: "O dígito verificador da chave de acesso não confere",
};

/** Issue dates a little ahead of our clock are the emitter's clock; more is a typo. */
const FUTURE_TOLERANCE_MS = 10 * 60_000;

/** Numbers are compared without leading zeros ("000012345" in the key is number 12345). */
const numeric = (digits: string) => String(Number(digits));

function keyField(
  field: "number" | "series",
  given: string | undefined,
  fromKey: string,
  maxDigits: number,
): string {
  const value = given?.trim();
  if (!value) return numeric(fromKey);
  // With its article: "O número", "A série".
  const label = field === "number" ? "O número" : "A série";
  if (!new RegExp(`^[0-9]{1,${maxDigits}}$`).test(value)) {
    throw fieldError(
      field,
      "bad_format",
      `must be 1 to ${maxDigits} digits`,
      `${label} tem de 1 a ${maxDigits} dígitos`,
    );
  }
  if (numeric(value) !== numeric(fromKey)) {
    throw fieldError(
      field,
      "key_mismatch",
      `${value} does not match the access key (${numeric(fromKey)})`,
      `${label} ${value} não confere com a chave de acesso (${numeric(fromKey)})`,
    );
  }
  return numeric(value);
}

export function validateInvoiceInput(input: InvoiceInput, now = new Date()): ValidInvoice {
  let issuedAt = now;
  if (input.issuedAt !== undefined) {
    issuedAt = new Date(input.issuedAt);
    if (Number.isNaN(issuedAt.getTime())) {
      throw fieldError("issuedAt", "bad_date", "is not a date-time", "Data de emissão inválida");
    }
    if (issuedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      throw fieldError(
        "issuedAt",
        "future",
        "is in the future",
        "A data de emissão não pode estar no futuro",
      );
    }
  }
  if (input.kind === "simple") {
    for (const field of ["accessKey", "series", "xmlUrl"] as const) {
      if (input[field]?.trim()) {
        throw fieldError(
          field,
          "not_allowed",
          "a simple sale has no fiscal document",
          "Venda simples não tem chave, série nem XML de nota fiscal",
        );
      }
    }
    return {
      kind: "simple",
      accessKey: null,
      number: input.number?.trim() || null,
      series: null,
      issuedAt,
      xmlUrl: null,
    };
  }
  const key = checkNfeKey(input.accessKey);
  if (!key.ok)
    throw fieldError("accessKey", key.reason, `invalid NF-e access key (${key.reason})`, KEY_PT[key.reason]);
  return {
    kind: "nfe",
    accessKey: key.key,
    number: keyField("number", input.number, key.parts.number, 9),
    series: keyField("series", input.series, key.parts.series, 3),
    issuedAt,
    xmlUrl: checkHttpUrl("xmlUrl", input.xmlUrl),
  };
}
