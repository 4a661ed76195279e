// CSV exports (issue 16, item 5): the Pedidos list under its current filter, the receivables and
// the stock, in the pt-BR form of csv-write.ts. Streamed: rows come from a cursor a batch at a
// time and each batch is written to the reply before the next is read, so a million orders
// export in constant memory.

import { Readable } from "node:stream";
import { cursorBatches } from "../db/cursor-stream.ts";
import type { Db } from "../db/db.ts";
import {
  CANONICAL_LABELS,
  type CanonicalStatus,
  SALES_ORDER_LABELS,
  type SalesOrderStatus,
} from "../domain/order-status.ts";
import { paymentTypeLabel } from "../domain/pt-br-labels.ts";
import { CSV_BOM, type CsvValue, csvCents, csvDate, csvLine } from "./csv-write.ts";
import { type ListFilter, salesOrderConditions, sortKeysOf } from "./list-sales-orders.ts";
import { type ReceivablesFilter, receivablesWhere } from "./receivables.ts";

/** The header, then one line per row, a batch per chunk. */
export function csvStream<T>(
  header: string[],
  batches: AsyncGenerator<T[]>,
  line: (row: T) => CsvValue[],
): Readable {
  async function* chunks() {
    yield CSV_BOM + csvLine(header);
    for await (const rows of batches) {
      let chunk = "";
      for (const row of rows) chunk += csvLine(line(row));
      yield chunk;
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

interface OrderRow {
  number: number;
  store_order_number: string | null;
  store_name: string | null;
  ordered_at: Date;
  customer_name: string | null;
  customer_document: string | null;
  canonical_status: CanonicalStatus;
  status: SalesOrderStatus;
  payment_type: string | null;
  installments: number;
  total_cents: number;
}

export const ORDER_COLUMNS = [
  "Pedido",
  "Pedido na loja",
  "Loja",
  "Data do pedido",
  "Cliente",
  "CPF/CNPJ",
  "Status",
  "Situação",
  "Pagamento",
  "Total (R$)",
];

/** The orders the Pedidos list shows under `filter` (page and cursor aside), in its order. */
/** How a CSV shows a CPF/CNPJ: formatted, or masked for someone who may only read. */
export type DocumentShown = (document: string) => string;

export function ordersCsv(db: Db, orgId: number, filter: ListFilter, shown: DocumentShown): Readable {
  const params: unknown[] = [orgId];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = salesOrderConditions(filter, p);
  const dir = filter.order === "desc" ? "desc" : "asc";
  const orderBy = sortKeysOf(filter.sort)
    .map((k) => `s.${k} ${dir}`)
    .join(", ");
  const sql = `select s.number, s.store_order_number, st.name as store_name, s.ordered_at, s.customer_name,
      s.customer_document, s.canonical_status, s.status, s.payment_type, s.installments, s.total_cents
    from sales_orders s left join stores st on st.id = s.origin_store_id
   where ${where.join(" and ")} order by ${orderBy}`;
  return csvStream<OrderRow>(ORDER_COLUMNS, cursorBatches(db, sql, params), (r) => [
    r.number,
    r.store_order_number,
    r.store_name ?? "Pedido manual",
    csvDate(r.ordered_at),
    r.customer_name,
    r.customer_document ? shown(r.customer_document) : "",
    CANONICAL_LABELS[r.canonical_status] ?? r.canonical_status,
    SALES_ORDER_LABELS[r.status] ?? r.status,
    r.payment_type ? paymentTypeLabel(r.payment_type, r.installments) : "",
    csvCents(r.total_cents),
  ]);
}

const RECEIVABLE_STATUS: Record<string, string> = {
  open: "Em aberto",
  partial: "Recebida em parte",
  paid: "Recebida",
  reversed: "Estornada",
};

interface ReceivableRow {
  number: number;
  installment: number;
  due_date: string;
  amount_cents: number;
  received_cents: number;
  payment_type: string | null;
  status: string;
  customer_name: string | null;
  customer_document: string | null;
}

export const RECEIVABLE_COLUMNS = [
  "Pedido",
  "Parcela",
  "Vencimento",
  "Valor (R$)",
  "Recebido (R$)",
  "Pagamento",
  "Status",
  "Cliente",
  "CPF/CNPJ",
];

/** What GET /receivables lists under the same filters, by due date. */
export function receivablesCsv(
  db: Db,
  orgId: number,
  filter: ReceivablesFilter,
  shown: DocumentShown,
): Readable {
  const params: unknown[] = [];
  const where = receivablesWhere(orgId, filter, params);
  const sql = `select s.number, r.installment, to_char(r.due_date, 'YYYY-MM-DD') as due_date, r.amount_cents,
      r.received_cents, r.payment_type, r.status, s.customer_name, s.customer_document
    from receivables r join sales_orders s on s.id = r.sales_order_id
   where ${where}
   order by r.due_date, r.id`;
  return csvStream<ReceivableRow>(RECEIVABLE_COLUMNS, cursorBatches(db, sql, params), (r) => [
    r.number,
    r.installment,
    csvDate(r.due_date),
    csvCents(r.amount_cents),
    csvCents(r.received_cents),
    r.payment_type ? paymentTypeLabel(r.payment_type) : "",
    RECEIVABLE_STATUS[r.status] ?? r.status,
    r.customer_name,
    r.customer_document ? shown(r.customer_document) : "",
  ]);
}

interface StockRow {
  sku: string;
  name: string;
  stock_quantity: number;
  counted_at: Date | null;
}

/** SKU and stock first: the file goes back in through the CSV import (extra columns are ignored). */
export const STOCK_COLUMNS = ["SKU", "Estoque", "Produto", "Situação", "Contado em"];

/** Every product by SKU; a product never counted has no number, it says "Estoque não contado". */
export function stockCsv(db: Db, orgId: number, query: { q?: string; uncounted?: boolean }): Readable {
  const search = query.q?.trim() ? `%${query.q.trim().replace(/[\\%_]/g, "\\$&")}%` : null;
  const sql = `select p.sku, p.name, p.stock_quantity, p.stock_counted_at as counted_at from products p
   where p.org_id = $1 and ($2::text is null or p.sku ilike $2 or p.name ilike $2)
     and (not $3 or p.stock_counted_at is null)
   order by p.sku, p.id`;
  const params = [orgId, search, query.uncounted === true];
  return csvStream<StockRow>(STOCK_COLUMNS, cursorBatches(db, sql, params), (r) => [
    r.sku,
    r.counted_at ? r.stock_quantity : "",
    r.name,
    r.counted_at ? "Contado" : "Estoque não contado",
    csvDate(r.counted_at),
  ]);
}
