// Receivables (contas a receber) created by an invoice, one per installment (R7.2), reversed by
// its estorno. The unique (invoice, installment) key makes a second set impossible.
import type { Queryable } from "../db/db.ts";
import { decodeCursor, encodeCursor, isDate } from "../db/keyset-cursor.ts";
import type { PlannedReceivable } from "./receivable-plan.ts";

export interface Receivable {
  id: number;
  salesOrderId: number;
  salesOrderNumber: number;
  invoiceId: number;
  installment: number;
  amountCents: number;
  /** YYYY-MM-DD. */
  dueDate: string;
  paymentType: string | null;
  status: "open" | "paid" | "reversed";
  createdAt: string;
  reversedAt: string | null;
}

const COLUMNS = `r.id, r.sales_order_id as "salesOrderId", s.number as "salesOrderNumber", r.invoice_id as "invoiceId",
  r.installment, r.amount_cents as "amountCents", to_char(r.due_date, 'YYYY-MM-DD') as "dueDate",
  r.payment_type as "paymentType", r.status, r.created_at as "createdAt", r.reversed_at as "reversedAt"`;

export async function insertReceivables(
  tx: Queryable,
  ref: { orgId: number; salesOrderId: number; invoiceId: number; paymentType: string | null },
  plan: PlannedReceivable[],
): Promise<Receivable[]> {
  if (plan.length === 0) return [];
  const { rows } = await tx.query<Receivable>(
    `with inserted as (
       insert into receivables (org_id, sales_order_id, invoice_id, installment, amount_cents, due_date, payment_type)
       select $1, $2, $3, installment, amount_cents, due_date, $4
         from jsonb_to_recordset($5::jsonb) as p(installment integer, amount_cents bigint, due_date date)
       returning *
     )
     select ${COLUMNS} from inserted r join sales_orders s on s.id = r.sales_order_id order by r.installment`,
    [
      ref.orgId,
      ref.salesOrderId,
      ref.invoiceId,
      ref.paymentType,
      JSON.stringify(
        plan.map((p) => ({ installment: p.installment, amount_cents: p.amountCents, due_date: p.dueDate })),
      ),
    ],
  );
  return rows;
}

/** Marks the invoice's receivables reversed; those already reversed are left alone. */
export async function reverseReceivables(tx: Queryable, invoiceId: number): Promise<Receivable[]> {
  const { rows } = await tx.query<Receivable>(
    `with reversed as (
       update receivables set status = 'reversed', reversed_at = now()
        where invoice_id = $1 and status <> 'reversed'
       returning *
     )
     select ${COLUMNS} from reversed r join sales_orders s on s.id = r.sales_order_id order by r.installment`,
    [invoiceId],
  );
  return rows;
}

export const RECEIVABLES_LIMIT_DEFAULT = 50;
export const RECEIVABLES_LIMIT_MAX = 200;

export interface ReceivablesQuery {
  salesOrderId?: number;
  status?: Receivable["status"];
  limit?: number;
  after?: string;
}

/** What is due, earliest first; filtered by order and status; keyset pages. */
export async function listReceivables(q: Queryable, orgId: number, query: ReceivablesQuery) {
  // The cursor is the last row's (due date, id).
  const cursor = query.after === undefined ? null : decodeCursor(query.after, isDate);
  const limit = Math.min(query.limit ?? RECEIVABLES_LIMIT_DEFAULT, RECEIVABLES_LIMIT_MAX);
  const { rows } = await q.query<Receivable>(
    `select ${COLUMNS} from receivables r join sales_orders s on s.id = r.sales_order_id
      where r.org_id = $1
        and ($2::bigint is null or r.sales_order_id = $2)
        and ($3::text is null or r.status = $3)
        and ($4::date is null or (r.due_date, r.id) > ($4::date, $5::bigint))
      order by r.due_date, r.id limit $6`,
    [
      orgId,
      query.salesOrderId ?? null,
      query.status ?? null,
      cursor?.[0] ?? null,
      cursor?.[1] ?? null,
      limit + 1,
    ],
  );
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    next: rows.length > limit && last ? encodeCursor(last.dueDate, last.id) : null,
  };
}
