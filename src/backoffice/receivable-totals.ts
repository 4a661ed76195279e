// The Recebíveis totals: per month of the due date and overall, what was due, what came in, what
// is still open and how much of that is overdue. Reversed installments owe nothing; what was
// received on them and kept by the estorno is the customers' credit (refund pending).
import type { Queryable } from "../db/db.ts";
import { BUSINESS_TODAY, type ReceivablesFilter, receivablesWhere } from "./receivables.ts";

export interface ReceivableTotals {
  dueCents: number;
  receivedCents: number;
  openCents: number;
  overdueCents: number;
  creditPendingCents: number;
}

export interface PeriodTotals extends ReceivableTotals {
  /** YYYY-MM: the month the installments fall due. */
  period: string;
}

const SUMS = `
  coalesce(sum(r.amount_cents) filter (where r.status <> 'reversed'), 0)::bigint as "dueCents",
  coalesce(sum(r.received_cents) filter (where r.status <> 'reversed'), 0)::bigint as "receivedCents",
  coalesce(sum(r.amount_cents - r.received_cents) filter (where r.status in ('open', 'partial')), 0)::bigint as "openCents",
  coalesce(sum(r.amount_cents - r.received_cents)
    filter (where r.status in ('open', 'partial') and r.due_date < ${BUSINESS_TODAY}), 0)::bigint as "overdueCents",
  coalesce(sum(r.received_cents) filter (where r.credit_pending), 0)::bigint as "creditPendingCents"`;

const asNumbers = <T extends ReceivableTotals>(row: T): T => ({
  ...row,
  dueCents: Number(row.dueCents),
  receivedCents: Number(row.receivedCents),
  openCents: Number(row.openCents),
  overdueCents: Number(row.overdueCents),
  creditPendingCents: Number(row.creditPendingCents),
});

export async function receivableTotals(
  q: Queryable,
  orgId: number,
  filter: ReceivablesFilter,
): Promise<{ periods: PeriodTotals[]; total: ReceivableTotals }> {
  const params: unknown[] = [];
  const where = receivablesWhere(orgId, filter, params);
  const { rows } = await q.query<PeriodTotals>(
    `select to_char(r.due_date, 'YYYY-MM') as period, ${SUMS}
       from receivables r join sales_orders s on s.id = r.sales_order_id
      where ${where}
      group by 1 order by 1`,
    params,
  );
  const periods = rows.map(asNumbers);
  const total: ReceivableTotals = {
    dueCents: 0,
    receivedCents: 0,
    openCents: 0,
    overdueCents: 0,
    creditPendingCents: 0,
  };
  for (const p of periods) {
    for (const key of Object.keys(total) as (keyof ReceivableTotals)[]) total[key] += p[key];
  }
  return { periods, total };
}
