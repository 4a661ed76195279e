// Finding an order from one search box (Pedidos and Integração): what the operator typed is
// read as a number, a CPF/CNPJ or a customer's name, and each list turns that into conditions on
// its own columns. Also the older `customer` filter (a name or a document), kept for scripts.
import { checkDocument, normalizeDocument } from "../domain/document.ts";
import { PonteError } from "../errors.ts";

/** What a search matches; the set fields are alternatives (any of them finds the order). */
export interface OrderSearch {
  /** Ponte's own sales-order number. */
  salesOrderNumber: number | null;
  /** The store's order number, in the spellings a platform may store it ("160", "#160"). */
  storeOrderNumbers: string[] | null;
  /** CPF/CNPJ, normalized (digits and upper-case letters). */
  document: string | null;
  /** Part of the customer's name, NFC. */
  name: string | null;
}

const NONE: OrderSearch = { salesOrderNumber: null, storeOrderNumbers: null, document: null, name: null };

export const invalidField = (field: string, message: string) =>
  new PonteError("validation_failed", `${field}: ${message}`, {
    details: { fields: [{ path: `/${field}`, message }] },
  });

// CPF: 11 digits; CNPJ: 12 digits or letters then 2 check digits (document.ts). A name never has
// that shape, so whatever does is searched as a document.
const DOCUMENT_SHAPE = /^(?:[0-9]{11}|[0-9A-Z]{12}[0-9]{2})$/;

function nameTerm(field: string, text: string): string {
  if ([...text].length < 2) throw invalidField(field, "type at least 2 characters of the name");
  return text.normalize("NFC");
}

/** The `customer` filter: a CPF/CNPJ (masked or not) matches exactly; anything else, the name. */
export function parseCustomerFilter(raw: string | undefined): OrderSearch | null {
  const text = (raw ?? "").trim();
  if (text === "") return null;
  const compact = normalizeDocument(text);
  if (DOCUMENT_SHAPE.test(compact)) return { ...NONE, document: compact };
  return { ...NONE, name: nameTerm("customer", text) };
}

/**
 * The search box (`q`):
 * - digits only ("160"): Ponte's number, or the store's, or (11 or 14 digits) a CPF/CNPJ;
 * - "#160": the store's order number only;
 * - a masked CPF/CNPJ, or an alphanumeric CNPJ with valid check digits: that document;
 * - anything else: part of the customer's name, and with a digit in it the store's order number too.
 */
export function parseOrderSearch(raw: string | undefined): OrderSearch | null {
  const text = (raw ?? "").trim();
  if (text === "") return null;
  if (text.startsWith("#")) {
    const number = text.slice(1).trim();
    if (number === "") throw invalidField("q", "type the store's order number after #");
    return { ...NONE, storeOrderNumbers: storeNumbers(number) };
  }
  const compact = normalizeDocument(text);
  if (/^[0-9]+$/.test(text)) {
    const n = Number(text);
    return {
      ...NONE,
      salesOrderNumber: Number.isSafeInteger(n) ? n : null,
      storeOrderNumbers: storeNumbers(text),
      document: DOCUMENT_SHAPE.test(text) ? text : null,
    };
  }
  // Letters make a word look like a CNPJ only by chance: those must have valid check digits.
  if (DOCUMENT_SHAPE.test(compact) && (/^[0-9]+$/.test(compact) || checkDocument(compact).ok)) {
    return { ...NONE, document: compact };
  }
  // Store order numbers are not always digits (PED-00002, 1001-A): a word with a digit in it may
  // be one, as typed.
  const number = /[0-9]/.test(text) ? storeNumbers(text) : null;
  return { ...NONE, storeOrderNumbers: number, name: nameTerm("q", text) };
}

const storeNumbers = (number: string) => [number, `#${number}`];

/** Adds a value to the statement's parameters and returns its placeholder. */
export type Param = (value: unknown) => string;

/**
 * The name condition on a folded column (ponte_fold, migration 0004). Two characters make no
 * trigram, so "%lu%" could only be answered by reading every name: they match the start of a
 * word instead (Luís, Lúcia), which the trigram index can find.
 */
export function nameCondition(folded: string, name: string, p: Param): string {
  const term = `ponte_fold(${p(name.replace(/[\\%_]/g, (c) => `\\${c}`))})`;
  return [...name].length < 3
    ? `(${folded} like ${term} || '%' or ${folded} like '% ' || ${term} || '%')`
    : `${folded} like '%' || ${term} || '%'`;
}

/** The columns (SQL expressions) a list matches a search against. */
export interface SearchColumns {
  /** The condition for Ponte's number, given its placeholder (a bigint). */
  salesOrderNumber: (placeholder: string) => string;
  storeOrderNumber: string;
  document: string;
  /** Already folded with ponte_fold. */
  foldedName: string;
}

/** One condition: any of the search's alternatives, each on its own indexed column. */
export function searchCondition(s: OrderSearch, columns: SearchColumns, p: Param): string {
  const any: string[] = [];
  if (s.salesOrderNumber !== null) any.push(columns.salesOrderNumber(`${p(s.salesOrderNumber)}::bigint`));
  if (s.storeOrderNumbers !== null) {
    any.push(`${columns.storeOrderNumber} = any(${p(s.storeOrderNumbers)}::text[])`);
  }
  if (s.document !== null) any.push(`${columns.document} = ${p(s.document)}`);
  if (s.name !== null) any.push(nameCondition(columns.foldedName, s.name, p));
  return any.length === 1 ? any[0]! : `(${any.join(" or ")})`;
}
