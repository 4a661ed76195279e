// What the Clientes form accepts: a name, a CPF/CNPJ checked by its check digits (numeric or
// alphanumeric CNPJ), an e-mail and a Brazilian phone. Each refusal names its field with a pt-BR
// sentence, as the invoice form's do. Text is kept as typed (trimmed); the document is stored
// normalized, as the sync stores it, since it is the key orders are linked by.
import { checkDocument, type DocumentCheck, type DocumentKind } from "../domain/document.ts";
import { fieldError } from "./field-error.ts";

export interface CustomerInput {
  name?: string;
  document?: string | null;
  email?: string | null;
  phone?: string | null;
}

/** The fields to write; a field absent from the input is left as it is. */
export interface ValidCustomer {
  name?: string;
  document?: { value: string; kind: DocumentKind } | null;
  email?: string | null;
  phone?: string | null;
}

type DocumentRefusal = Extract<DocumentCheck, { ok: false }>["reason"];

const DOCUMENT_PT: Record<DocumentRefusal, string> = {
  missing: "Informe o CPF ou CNPJ",
  masked: "O documento está mascarado: digite o CPF/CNPJ completo",
  bad_length: "O CPF tem 11 dígitos e o CNPJ 14 posições",
  bad_characters: "O CPF só tem dígitos; o CNPJ tem letras só nas 12 primeiras posições",
  repeated_digits: "O documento não pode ter todos os dígitos iguais",
  bad_check_digits: "Os dígitos verificadores do CPF/CNPJ não conferem",
};

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/** Digits of a Brazilian phone without the country code: DDD (11–99) and 8 or 9 digits. */
export function phoneDigits(raw: string): string | null {
  if (!/^[0-9+()\-.\s]+$/.test(raw)) return null;
  let digits = raw.replace(/\D/g, "");
  if ((digits.length === 12 || digits.length === 13) && digits.startsWith("55")) digits = digits.slice(2);
  if (digits.length === 11 && digits.startsWith("0")) digits = digits.slice(1);
  if (digits.length !== 10 && digits.length !== 11) return null;
  if (Number(digits.slice(0, 2)) < 11) return null;
  // Mobile numbers have 9 digits and start with 9.
  if (digits.length === 11 && digits[2] !== "9") return null;
  return digits;
}

const optionalText = (raw: string | null | undefined) => {
  if (raw === undefined) return undefined;
  const value = raw?.trim() ?? "";
  return value === "" ? null : value;
};

export function validateCustomerInput(input: CustomerInput): ValidCustomer {
  const valid: ValidCustomer = {};
  if (input.name !== undefined) {
    const name = input.name.trim();
    if (name === "") throw fieldError("name", "missing", "is required", "Informe o nome do cliente");
    valid.name = name;
  }
  if (input.document !== undefined) {
    const raw = optionalText(input.document);
    if (raw === null) {
      valid.document = null;
    } else {
      const check = checkDocument(raw);
      if (!check.ok) {
        throw fieldError(
          "document",
          check.reason,
          `not a valid CPF/CNPJ (${check.reason})`,
          DOCUMENT_PT[check.reason],
        );
      }
      valid.document = { value: check.value, kind: check.kind };
    }
  }
  const email = optionalText(input.email);
  if (email !== undefined) {
    if (email !== null && (email.length > 254 || !EMAIL.test(email))) {
      throw fieldError(
        "email",
        "bad_format",
        "is not an e-mail address",
        "E-mail inválido (ex.: nome@exemplo.com.br)",
      );
    }
    valid.email = email;
  }
  const phone = optionalText(input.phone);
  if (phone !== undefined) {
    if (phone !== null && phoneDigits(phone) === null) {
      throw fieldError(
        "phone",
        "bad_format",
        "is not a Brazilian phone number (area code and 8 or 9 digits)",
        "Telefone inválido: informe DDD e número, ex.: (11) 91234-5678",
      );
    }
    valid.phone = phone;
  }
  return valid;
}
