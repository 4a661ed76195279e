// The rows of a store's mapping tables (DE-PARA, R4) and customer default fields (R3.4), and
// the checks a submitted table passes before it replaces the stored one: every problem is
// reported at once, with the field at fault, in English and pt-BR, as a 400.
import { PonteError } from "../errors.ts";
import type { StatusColumn } from "../platforms/module.ts";
import { type CustomerDefault, customerDefaultProblem } from "../sync/customer-defaults.ts";

export type { CustomerDefault } from "../sync/customer-defaults.ts";

import { CANONICAL_STATUSES, type CanonicalStatus } from "../domain/order-status.ts";

export { CANONICAL_STATUSES, type CanonicalStatus };

export interface StatusRow {
  canonicalStatus: CanonicalStatus;
  /** Status keys the platform sends (CanonicalOrder.status.key), matched exactly. */
  platformValues: string[];
  /** "Ativo". */
  active: boolean;
  /** "Processa inclusão": an order in this status creates a sales order (R2.5). */
  createsOrder: boolean;
  /** Values of the extra columns the platform's status table declares, by column key. */
  extra?: Record<string, string>;
}

export interface PaymentRow {
  platformValue: string;
  paymentType: string;
  installments: number | null;
}

export interface ShippingRow {
  platformValue: string;
  carrier: string;
  shippingType: string | null;
}

export interface StoreMappings {
  status: StatusRow[];
  payment: PaymentRow[];
  shipping: ShippingRow[];
  customerDefaults: CustomerDefault[];
}

/** One problem with one field of a submitted table, e.g. `rows[3].platformValues[0]`. */
export interface FieldProblem {
  field: string;
  problem: string;
  message: string;
  message_pt: string;
}

export const MAX_VALUE_LENGTH = 100;

/** Collects field problems while a submitted table is checked and trimmed. */
export class Problems {
  readonly list: FieldProblem[] = [];

  add(field: string, problem: string, message: string, messagePt: string) {
    this.list.push({ field, problem, message: `${field}: ${message}`, message_pt: `${field}: ${messagePt}` });
  }

  /** The trimmed text, after reporting it empty or longer than MAX_VALUE_LENGTH. */
  text(field: string, value: string): string {
    const trimmed = value.trim();
    if (trimmed === "") this.add(field, "empty", "must not be empty", "não pode ficar vazio");
    else if (trimmed.length > MAX_VALUE_LENGTH) {
      this.add(
        field,
        "too_long",
        `must be at most ${MAX_VALUE_LENGTH} characters`,
        `deve ter no máximo ${MAX_VALUE_LENGTH} caracteres`,
      );
    }
    return trimmed;
  }

  /** Reports a platform value seen before (case-sensitive: it is matched exactly). */
  unique(seen: Map<string, string>, field: string, value: string, what: string, whatPt: string) {
    const first = seen.get(value);
    if (first === undefined) seen.set(value, field);
    else if (value !== "") {
      this.add(
        field,
        `duplicate_${what.replace(/ /g, "_")}`,
        `${what} "${value}" is already used by ${first}`,
        `${whatPt} "${value}" já está em ${first}`,
      );
    }
  }

  /** Throws the 400 the panel shows next to each field, when anything was reported. */
  check(table: string) {
    if (this.list.length === 0) return;
    const more = this.list.length > 1 ? ` (and ${this.list.length - 1} more)` : "";
    throw new PonteError("validation_failed", `invalid ${table}: ${this.list[0]!.message}${more}`, {
      details: { details: this.list },
    });
  }
}

/** A status row's extra columns: declared ones only, trimmed, empty ones dropped. */
function checkExtra(
  p: Problems,
  at: string,
  given: Record<string, string>,
  columns: readonly StatusColumn[],
): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(given)) {
    const column = columns.find((c) => c.key === key);
    const trimmed = String(value).trim();
    if (!column) {
      p.add(
        `${at}.${key}`,
        "unknown_column",
        "the platform's status table has no such column",
        "a tabela de status desta plataforma não tem esta coluna",
      );
    } else if (trimmed.length > column.maxLength) {
      p.add(
        `${at}.${key}`,
        "too_long",
        `must be at most ${column.maxLength} characters`,
        `${column.label}: no máximo ${column.maxLength} caracteres`,
      );
    } else if (trimmed !== "") kept[key] = trimmed;
  }
  return kept;
}

export function checkStatusMap(rows: StatusRow[], columns: readonly StatusColumn[] = []): StatusRow[] {
  const p = new Problems();
  const statuses = new Map<string, string>();
  const values = new Map<string, string>();
  const out = rows.map((row, i) => {
    const at = `rows[${i}]`;
    if (!(CANONICAL_STATUSES as readonly string[]).includes(row.canonicalStatus)) {
      p.add(
        `${at}.canonicalStatus`,
        "unknown_canonical_status",
        `unknown canonical status "${row.canonicalStatus}" (one of ${CANONICAL_STATUSES.join(", ")})`,
        `status canônico desconhecido "${row.canonicalStatus}"`,
      );
    } else {
      p.unique(
        statuses,
        `${at}.canonicalStatus`,
        row.canonicalStatus,
        "canonical status",
        "o status canônico",
      );
    }
    const platformValues = row.platformValues.map((value, j) => {
      const field = `${at}.platformValues[${j}]`;
      const trimmed = p.text(field, value);
      // One platform value maps to one status, or an order's status would be ambiguous.
      p.unique(values, field, trimmed, "platform value", "o valor da plataforma");
      return trimmed;
    });
    const extra = checkExtra(p, `${at}.extra`, row.extra ?? {}, columns);
    const { extra: _given, ...rest } = row;
    return { ...rest, platformValues, ...(Object.keys(extra).length > 0 ? { extra } : {}) };
  });
  for (const status of CANONICAL_STATUSES) {
    if (!statuses.has(status)) {
      p.add(
        "rows",
        "missing_canonical_status",
        `the table must have a row for "${status}"`,
        `a tabela precisa de uma linha para "${status}"`,
      );
    }
  }
  p.check("status map");
  return out;
}

export function checkPaymentMap(rows: PaymentRow[]): PaymentRow[] {
  const p = new Problems();
  const seen = new Map<string, string>();
  const out = rows.map((row, i) => {
    const platformValue = p.text(`rows[${i}].platformValue`, row.platformValue);
    p.unique(seen, `rows[${i}].platformValue`, platformValue, "platform value", "o valor da plataforma");
    const installments = row.installments ?? null;
    if (
      installments !== null &&
      !(Number.isInteger(installments) && installments >= 1 && installments <= 48)
    ) {
      p.add(
        `rows[${i}].installments`,
        "out_of_range",
        "must be a whole number from 1 to 48, or null",
        "deve ser um número inteiro de 1 a 48, ou vazio",
      );
    }
    return { platformValue, paymentType: p.text(`rows[${i}].paymentType`, row.paymentType), installments };
  });
  p.check("payment map");
  return out;
}

export function checkShippingMap(rows: ShippingRow[]): ShippingRow[] {
  const p = new Problems();
  const seen = new Map<string, string>();
  const out = rows.map((row, i) => {
    const platformValue = p.text(`rows[${i}].platformValue`, row.platformValue);
    p.unique(seen, `rows[${i}].platformValue`, platformValue, "platform value", "o valor da plataforma");
    const carrier = p.text(`rows[${i}].carrier`, row.carrier);
    // An empty shipping type means "none", like null.
    const type = row.shippingType?.trim() ? p.text(`rows[${i}].shippingType`, row.shippingType) : null;
    return { platformValue, carrier, shippingType: type };
  });
  p.check("shipping map");
  return out;
}

export function checkCustomerDefaults(rows: CustomerDefault[]): CustomerDefault[] {
  const p = new Problems();
  const seen = new Map<string, string>();
  const out = rows.map((row, i) => {
    const field = row.field.trim();
    const expression = row.expression.trim();
    const problem = customerDefaultProblem(field, expression);
    if (problem) p.add(`rows[${i}].${problem.target}`, problem.problem, problem.message, problem.messagePt);
    else p.unique(seen, `rows[${i}].field`, field, "field", "o campo");
    return { field, expression };
  });
  p.check("customer default fields");
  return out;
}
