// Receivables (contas a receber) created by an invoice, one per installment (R7.2), reversed by
// its estorno. The unique (invoice, installment) key makes a second set impossible. Receipts
// (baixas) against them live in receipts.ts; the Recebíveis filters and totals here and in
// receivable-totals.ts.
import type { Queryable } from "../db/db.ts";
import { decodeCursor, encodeCursor, isDate } from "../db/keyset-cursor.ts";
import { BUSINESS_TIME_ZONE } from "../domain/business-date.ts";
import { type OrderSearch, parseCustomerFilter, searchCondition } from "./order-search.ts";
import type { PlannedReceivable } from "./receivable-plan.ts";

export const RECEIVABLE_STATUSES = ["open", "partial", "paid", "reversed"] as const;
export type ReceivableStatus = (typeof RECEIVABLE_STATUSES)[number];

export interface Receipt {
  id: number;
  /** YYYY-MM-DD: the day the money came in. */
  receivedOn: string;
  amountCents: number;
  method: string;
  note: string | null;
  createdAt: string;
  createdBy: string;
  undoneAt: string | null;
  undoneBy: string | null;
  undoReason: string | null;
}

export interface Receivable {
  id: number;
  salesOrderId: number;
  salesOrderNumber: number;
  customerName: string | null;
  invoiceId: number;
  installment: number;
  amountCents: number;
  /** The live receipts' sum. */
  receivedCents: number;
  /** YYYY-MM-DD. */
  dueDate: string;
  /** Still owed and due before today in São Paulo. */
  overdue: boolean;
  paymentType: string | null;
  status: ReceivableStatus;
  /** Reversed by an estorno that kept its receipts: what was received is owed back to the customer. */
  creditPending: boolean;
  createdAt: string;
  reversedAt: string | null;
  /** Every receipt, undone ones too (the record of who did what), oldest first. */
  receipts: Receipt[];
}

/** Today in São Paulo, in SQL: an installment due yesterday there is overdue from midnight there. */
export const BUSINESS_TODAY = `(now() at time zone '${BUSINESS_TIME_ZONE}')::date`;

const RECEIPT_JSON = `json_build_object('id', x.id, 'receivedOn', to_char(x.received_on, 'YYYY-MM-DD'),
  'amountCents', x.amount_cents, 'method', x.method, 'note', x.note, 'createdAt', x.created_at,
  'createdBy', x.created_by, 'undoneAt', x.undone_at, 'undoneBy', x.undone_by, 'undoReason', x.undo_reason)`;

/** A receivable's columns, for `r` (receivables) joined with `s` (its sales order). */
export const RECEIVABLE_COLUMNS = `r.id, r.sales_order_id as "salesOrderId", s.number as "salesOrderNumber",
  s.customer_name as "customerName", r.invoice_id as "invoiceId", r.installment, r.amount_cents as "amountCents",
  r.received_cents as "receivedCents", to_char(r.due_date, 'YYYY-MM-DD') as "dueDate",
  (r.status in ('open', 'partial') and r.due_date < ${BUSINESS_TODAY}) as overdue,
  r.payment_type as "paymentType", r.status, r.credit_pending as "creditPending", r.created_at as "createdAt",
  r.reversed_at as "reversedAt",
  coalesce((select json_agg(${RECEIPT_JSON} order by x.id) from receivable_receipts x
             where x.receivable_id = r.id), '[]') as receipts`;

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
     select ${RECEIVABLE_COLUMNS} from inserted r join sales_orders s on s.id = r.sales_order_id order by r.installment`,
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

/**
 * Marks the invoice's receivables reversed; those already reversed are left alone. Receipts still
 * live on them (the estorno chose to keep them) make the received amount the customer's credit.
 */
export async function reverseReceivables(tx: Queryable, invoiceId: number): Promise<Receivable[]> {
  const { rows } = await tx.query<Receivable>(
    `with reversed as (
       update receivables set status = 'reversed', reversed_at = now(), credit_pending = received_cents > 0
        where invoice_id = $1 and status <> 'reversed'
       returning *
     )
     select ${RECEIVABLE_COLUMNS} from reversed r join sales_orders s on s.id = r.sales_order_id order by r.installment`,
    [invoiceId],
  );
  return rows;
}

export const RECEIVABLES_LIMIT_DEFAULT = 50;
export const RECEIVABLES_LIMIT_MAX = 200;

/** The Recebíveis filters, shared by the list and the totals. */
export interface ReceivablesFilter {
  salesOrderId?: number;
  status?: ReceivableStatus;
  /** Only those still owed and past due. */
  overdue?: boolean;
  /** YYYY-MM-DD, inclusive. */
  dueFrom?: string;
  dueTo?: string;
  /** The customer's name (part of it) or CPF/CNPJ. */
  customer?: string;
}

export interface ReceivablesQuery extends ReceivablesFilter {
  limit?: number;
  after?: string;
}

/** Ponte's number, the store's, the document, the folded name: the Pedidos search's columns. */
const SEARCH_COLUMNS = {
  salesOrderNumber: (n: string) => `s.number = ${n}`,
  storeOrderNumber: "s.store_order_number",
  document: "s.customer_document",
  foldedName: "s.customer_search",
};

/** The filter's conditions on `r` and `s`, with their parameters appended to `params`. */
export function receivablesWhere(orgId: number, f: ReceivablesFilter, params: unknown[]): string {
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = [`r.org_id = ${p(orgId)}`];
  if (f.salesOrderId !== undefined) where.push(`r.sales_order_id = ${p(f.salesOrderId)}`);
  if (f.status !== undefined) where.push(`r.status = ${p(f.status)}`);
  if (f.overdue === true) where.push(`r.status in ('open', 'partial') and r.due_date < ${BUSINESS_TODAY}`);
  if (f.overdue === false)
    where.push(`not (r.status in ('open', 'partial') and r.due_date < ${BUSINESS_TODAY})`);
  if (f.dueFrom !== undefined) where.push(`r.due_date >= ${p(f.dueFrom)}::date`);
  if (f.dueTo !== undefined) where.push(`r.due_date <= ${p(f.dueTo)}::date`);
  const customer: OrderSearch | null = parseCustomerFilter(f.customer);
  if (customer) where.push(searchCondition(customer, SEARCH_COLUMNS, p));
  return where.join(" and ");
}

/** What is due, earliest first; filtered; keyset pages. */
export async function listReceivables(q: Queryable, orgId: number, query: ReceivablesQuery) {
  // The cursor is the last row's (due date, id).
  const cursor = query.after === undefined ? null : decodeCursor(query.after, isDate);
  const limit = Math.min(query.limit ?? RECEIVABLES_LIMIT_DEFAULT, RECEIVABLES_LIMIT_MAX);
  const params: unknown[] = [];
  const where = [receivablesWhere(orgId, query, params)];
  if (cursor) {
    params.push(cursor[0], cursor[1]);
    where.push(`(r.due_date, r.id) > ($${params.length - 1}::date, $${params.length}::bigint)`);
  }
  params.push(limit + 1);
  const { rows } = await q.query<Receivable>(
    `select ${RECEIVABLE_COLUMNS} from receivables r join sales_orders s on s.id = r.sales_order_id
      where ${where.join(" and ")}
      order by r.due_date, r.id limit $${params.length}`,
    params,
  );
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    next: rows.length > limit && last ? encodeCursor(last.dueDate, last.id) : null,
  };
}

export async function getReceivable(q: Queryable, orgId: number, id: number): Promise<Receivable | null> {
  const { rows } = await q.query<Receivable>(
    `select ${RECEIVABLE_COLUMNS} from receivables r join sales_orders s on s.id = r.sales_order_id
      where r.org_id = $1 and r.id = $2`,
    [orgId, id],
  );
  return rows[0] ?? null;
}
