// The receivables an invoice creates (R7.2): one per installment of the order's payment, the
// total split in cents by largest remainder (the earlier installments carry the extra cents, so
// they always sum to the total), each due on a date set by the payment type.
import { splitInstallments } from "../domain/money.ts";

export interface PlannedReceivable {
  installment: number;
  amountCents: number;
  /** YYYY-MM-DD, a calendar date in São Paulo. */
  dueDate: string;
}

/** Days from the issue date to the first installment, and between installments. */
export interface DueRule {
  firstAfterDays: number;
  everyDays: number;
}

/**
 * By ERP payment type (the payment DE-PARA's values). Invoicing needs the payment confirmed, so
 * cash-like payments (pix, boleto, deposit, cash) are due on the issue date, further installments
 * (a boleto parcelado) every 30 days; the card acquirer pays a credit card's installment i at
 * issue + 30·i days, a debit card the next day. Unknown or missing types follow the default.
 */
export const DUE_RULES: Readonly<Record<string, DueRule>> = {
  pix: { firstAfterDays: 0, everyDays: 30 },
  boleto: { firstAfterDays: 0, everyDays: 30 },
  deposito: { firstAfterDays: 0, everyDays: 30 },
  dinheiro: { firstAfterDays: 0, everyDays: 30 },
  cartao_credito: { firstAfterDays: 30, everyDays: 30 },
  cartao_debito: { firstAfterDays: 1, everyDays: 30 },
};
export const DEFAULT_DUE_RULE: DueRule = { firstAfterDays: 0, everyDays: 30 };

export function dueRuleFor(paymentType: string | null): DueRule {
  return (paymentType !== null && DUE_RULES[paymentType]) || DEFAULT_DUE_RULE;
}

const SAO_PAULO_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: "America/Sao_Paulo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date an instant falls on in São Paulo (where the invoice is issued), YYYY-MM-DD. */
export function saoPauloDate(instant: Date): string {
  return SAO_PAULO_DAY.format(instant);
}

/** "2026-01-31" + 30 → "2026-03-02": calendar arithmetic, no time zone involved. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Nothing is owed on a zero total; a negative one is a bug upstream. */
export function planReceivables(
  totalCents: number,
  installments: number,
  paymentType: string | null,
  issueDate: string,
): PlannedReceivable[] {
  if (totalCents < 0) throw new RangeError(`cannot plan receivables for a negative total: ${totalCents}`);
  if (totalCents === 0) return [];
  const rule = dueRuleFor(paymentType);
  return splitInstallments(totalCents, Math.max(1, installments)).map((amountCents, i) => ({
    installment: i + 1,
    amountCents,
    dueDate: addDays(issueDate, rule.firstAfterDays + rule.everyDays * i),
  }));
}
