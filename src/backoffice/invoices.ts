// Invoice or simple sale (R7): approving an NF-e or confirming a simple sale, and only that, takes
// the stock out and creates the receivables, in one transaction with the invoice, the sales
// status Faturado, the timeline and the status change it causes. Never twice for one order, nor
// for one store order across its sales orders: the order's lock (store order first) serializes
// requests and the unique live-invoice indexes back it up. Cancelling the invoice (estorno)
// reverses stock and receivables exactly once; a new invoice is then allowed.
import type { AppContext } from "../context.ts";
import type { Queryable } from "../db/db.ts";
import { checkInvoice, statusAfterInvoice } from "../domain/lifecycle.ts";
import { formatBRL } from "../domain/money.ts";
import { salesOrderStatusFor } from "../domain/order-status.ts";
import type { InvoiceRef, OrderStatus, StatusChange } from "../domain/status-change.ts";
import { resolveNotifyCustomer } from "../email/templates.ts";
import { PonteError } from "../errors.ts";
import { type LockedOrder, lockSalesOrder } from "../orders/order-lock.ts";
import { insertOrderEvent } from "../orders/timeline.ts";
import { enqueueInvoicePushes } from "../push/enqueue.ts";
import type { ValidInvoice } from "./invoice-input.ts";
import { negativeStockPolicyOf } from "./negative-stock-policy.ts";
import { changeOrderStatus, illegalTransition, orderStatusOf } from "./order-status.ts";
import { type EstornoReceiptChoice, settleReceiptsForEstorno } from "./receivable-estorno.ts";
import { planReceivables, saoPauloDate } from "./receivable-plan.ts";
import { insertReceivables, type Receivable, reverseReceivables } from "./receivables.ts";
import { applyStatusEffects } from "./status-effects.ts";
import { itemsWithoutProduct, putBackForInvoice, type StockMovement, takeOutForInvoice } from "./stock.ts";
import { clearStoreCancellation } from "./store-cancellation.ts";

export interface Invoice {
  id: number;
  salesOrderId: number;
  kind: "nfe" | "simple";
  accessKey: string | null;
  number: string | null;
  series: string | null;
  issuedAt: string;
  xmlUrl: string | null;
  status: "approved" | "cancelled";
  createdAt: string;
  createdBy: string | null;
  cancelledAt: string | null;
  cancelledBy: string | null;
  cancelReason: string | null;
}

const INVOICE_COLUMNS = `id, sales_order_id as "salesOrderId", kind, access_key as "accessKey", number, series,
  issued_at as "issuedAt", xml_url as "xmlUrl", status, created_at as "createdAt", created_by as "createdBy",
  cancelled_at as "cancelledAt", cancelled_by as "cancelledBy", cancel_reason as "cancelReason"`;

export interface InvoiceResult {
  invoice: Invoice;
  stockMovements: StockMovement[];
  /** Products this invoice left below zero (the sale happened; the stock count needs a look). */
  negativeStock: { productId: number; sku: string; stockAfter: number }[];
  /** Items with no product (unknown SKU kept as text): no stock moved for them. */
  itemsWithoutProduct: { position: number; sku: string | null; name: string; quantity: number }[];
  receivables: Receivable[];
  order: OrderStatus;
  /** True when invoicing moved the canonical status (→ Em preparação). */
  statusChanged: boolean;
  /** The timeline's `invoiced` entry. */
  eventId: number;
}

export interface CancelResult {
  invoice: Invoice;
  stockMovements: StockMovement[];
  receivables: Receivable[];
  order: OrderStatus;
  eventId: number;
}

interface LiveInvoice {
  id: number;
  kind: "nfe" | "simple";
  /** The sales order it is on, when another one of the same store order. */
  salesOrderId?: number;
  salesOrderNumber?: number;
}

const alreadyInvoiced = (salesOrderId: number, live?: LiveInvoice) =>
  new PonteError("already_invoiced", `sales order ${salesOrderId} already has a live invoice`, {
    details: {
      reason:
        live?.salesOrderId !== undefined && live.salesOrderId !== salesOrderId
          ? `O pedido da loja já tem nota ativa no pedido de venda Nº ${live.salesOrderNumber}: faça o estorno dela (Cancelar nota) antes de faturar este`
          : "O pedido já foi faturado: cancele a nota (estorno) para faturar de novo",
      reasonCode: "already_invoiced",
      ...(live ? { invoiceId: live.id, kind: live.kind } : {}),
      ...(live?.salesOrderId !== undefined ? { invoiceSalesOrderId: live.salesOrderId } : {}),
    },
  });

/**
 * The live invoice of the order, or of another sales order of the same store order (one excluded
 * before deleting one with a live invoice was refused): at most one per store order (migration 0010).
 */
async function liveInvoiceOf(tx: Queryable, order: LockedOrder): Promise<LiveInvoice | null> {
  const { rows } = await tx.query<{ id: number; kind: "nfe" | "simple"; so_id: number; so_number: number }>(
    `select i.id, i.kind, s.id as so_id, s.number as so_number
       from invoices i join sales_orders s on s.id = i.sales_order_id
      where i.status = 'approved' and (i.sales_order_id = $1 or ($2::bigint is not null and i.store_order_id = $2))
      order by (i.sales_order_id = $1) desc limit 1`,
    [order.id, order.storeOrderId],
  );
  const row = rows[0];
  return row
    ? { id: row.id, kind: row.kind, salesOrderId: row.so_id, salesOrderNumber: row.so_number }
    : null;
}

const keyInUse = (key: string) =>
  new PonteError("conflict", `access key ${key} is already recorded on another invoice`, {
    details: {
      reason: "Esta chave de acesso já foi usada em outra nota fiscal",
      reasonCode: "access_key_in_use",
      field: "accessKey",
    },
  });

type InvoiceRow = Omit<Invoice, "issuedAt" | "createdAt" | "cancelledAt"> & {
  issuedAt: Date;
  createdAt: Date;
  cancelledAt: Date | null;
};

/** Timestamps as ISO strings: the invoice also travels in event data and to the push hooks. */
function toInvoice(row: InvoiceRow): Invoice {
  return {
    ...row,
    issuedAt: row.issuedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
  };
}

function uniqueViolation(error: unknown): string | null {
  const e = error as { code?: string; constraint?: string };
  return e?.code === "23505" ? (e.constraint ?? "") : null;
}

function ref(invoice: Invoice): InvoiceRef {
  const { id, kind, accessKey, number, series, xmlUrl } = invoice;
  return { id, kind, accessKey, number, series, xmlUrl };
}

function describe(invoice: Invoice): string {
  if (invoice.kind === "simple")
    return invoice.number ? `Venda simples nº ${invoice.number}` : "Venda simples";
  return `NF-e nº ${invoice.number} série ${invoice.series}`;
}

async function insertInvoice(tx: Queryable, order: LockedOrder, input: ValidInvoice, actor: string) {
  try {
    const { rows } = await tx.query<InvoiceRow>(
      `insert into invoices (org_id, sales_order_id, kind, access_key, number, series, issued_at, xml_url, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning ${INVOICE_COLUMNS}`,
      [
        order.orgId,
        order.id,
        input.kind,
        input.accessKey,
        input.number,
        input.series,
        input.issuedAt,
        input.xmlUrl,
        actor,
      ],
    );
    return toInvoice(rows[0]!);
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint === "invoices_access_key") throw keyInUse(input.accessKey ?? "");
    if (constraint === "invoices_one_live_per_order" || constraint === "invoices_one_live_per_store_order") {
      throw alreadyInvoiced(order.id);
    }
    throw error;
  }
}

/** "Notificar cliente" and the message for the status change an action causes. */
export interface Notify {
  /** Absent: the status's default for the order's store (its e-mail templates). */
  notifyCustomer?: boolean;
  message: string | null;
}

/** Approves an NF-e or confirms a simple sale, with all its effects, in the caller's transaction. */
export async function createInvoice(
  tx: Queryable,
  ctx: AppContext,
  salesOrderId: number,
  input: ValidInvoice,
  actor: string,
  notify: Notify,
): Promise<InvoiceResult> {
  const order = await lockSalesOrder(tx, salesOrderId);
  const check = checkInvoice(order.canonicalStatus, order.facts);
  if (!check.ok) throw illegalTransition(salesOrderId, order.canonicalStatus, null, check);
  // Under the store order's lock (lockSalesOrder), so two sales orders of one store order take turns.
  const live = await liveInvoiceOf(tx, order);
  if (live) throw alreadyInvoiced(salesOrderId, live);

  const invoice = await insertInvoice(tx, order, input, actor);
  const moved = { orgId: order.orgId, salesOrderId, invoiceId: invoice.id, actor };
  const policy = negativeStockPolicyOf(order.store?.settings);
  const stockMovements = await takeOutForInvoice(tx, moved, order.items, policy);
  const receivables = await insertReceivables(
    tx,
    { ...moved, paymentType: order.paymentType },
    planReceivables(order.totalCents, order.installments, order.paymentType, saoPauloDate(input.issuedAt)),
  );
  await tx.query("update sales_orders set status = 'faturado', updated_at = now() where id = $1", [
    salesOrderId,
  ]);
  // The order now holds this invoice: the status change, its push and its e-mail read it here.
  order.status = "faturado";
  order.invoice = { ...ref(invoice), issuedAt: invoice.issuedAt };

  // `allow`: the store does not want to hear about it (the movements still say so).
  const negativeStock = stockMovements
    .filter((m) => m.wentNegative && policy !== "allow")
    .map((m) => ({ productId: m.productId, sku: m.sku, stockAfter: m.stockAfter ?? 0 }));
  const unstocked = itemsWithoutProduct(order.items);
  const total = receivables.reduce((sum, r) => sum + r.amountCents, 0);
  const parts = [
    `${describe(invoice)} ${invoice.kind === "nfe" ? "aprovada" : "confirmada"}`,
    `estoque baixado de ${stockMovements.length} produto(s)`,
    `${receivables.length} parcela(s) a receber, ${formatBRL(total)}`,
  ];
  if (negativeStock.length > 0) parts.push(`estoque negativo: ${negativeStock.map((n) => n.sku).join(", ")}`);
  if (unstocked.length > 0) parts.push(`${unstocked.length} item(ns) sem produto, sem baixa`);
  const { id: eventId } = await insertOrderEvent(
    tx,
    order,
    "invoiced",
    parts.join("; "),
    {
      invoice: order.invoice,
      stockMovements: stockMovements.length,
      negativeStock: negativeStock.map((n) => n.sku),
      itemsWithoutProduct: unstocked.length,
      receivables: receivables.length,
      receivablesTotalCents: total,
    },
    actor,
  );

  // docs/REQUIREMENTS.md#seed-004: the status moves on invoicing (→ Em preparação) when the order had not got there yet.
  let statusChange: StatusChange | null = null;
  const next = statusAfterInvoice(order.canonicalStatus);
  if (next) {
    statusChange = await changeOrderStatus(tx, order, {
      status: next,
      via: "invoice",
      invoice: ref(invoice),
      actor,
      message: notify.message,
      notifyCustomer: await resolveNotifyCustomer(tx, order, next, notify.notifyCustomer),
    });
    await applyStatusEffects(tx, ctx, order, statusChange);
  }
  // When invoicing moved the status, its effects carried the invoice; otherwise (an order already
  // past Em preparação) the store still gets its invoice push.
  if (!statusChange)
    await enqueueInvoicePushes(tx, ctx, order, { notifyCustomer: notify.notifyCustomer ?? false });
  return {
    invoice,
    stockMovements,
    negativeStock,
    itemsWithoutProduct: unstocked,
    receivables,
    order: orderStatusOf(order),
    statusChanged: statusChange !== null,
    eventId,
  };
}

/**
 * Estorno: the live invoice is cancelled, its stock put back and its receivables reversed, once.
 * The canonical status does not move (cancelling the invoice is not cancelling the order); the
 * sales status leaves Faturado.
 */
export async function cancelInvoice(
  tx: Queryable,
  salesOrderId: number,
  reason: string | null,
  actor: string,
  receiptChoice?: EstornoReceiptChoice,
): Promise<CancelResult> {
  // Also on an excluded sales order: an invoice left live there (before excluding one was refused) must be reversible.
  const order = await lockSalesOrder(tx, salesOrderId, { allowDeleted: true });
  const { rows } = await tx.query<InvoiceRow>(
    `update invoices set status = 'cancelled', cancelled_at = now(), cancelled_by = $2, cancel_reason = $3
      where sales_order_id = $1 and status = 'approved'
      returning ${INVOICE_COLUMNS}`,
    [salesOrderId, actor, reason],
  );
  const invoice = rows[0] && toInvoice(rows[0]);
  if (!invoice) {
    throw new PonteError("not_invoiced", `sales order ${salesOrderId} has no live invoice to cancel`, {
      details: { reason: "O pedido não tem nota fiscal ativa para cancelar", reasonCode: "not_invoiced" },
    });
  }
  const stockMovements = await putBackForInvoice(tx, {
    orgId: order.orgId,
    salesOrderId,
    invoiceId: invoice.id,
    actor,
  });
  // Refused (and rolled back) when money already came in and no choice says what becomes of it.
  const receipts = await settleReceiptsForEstorno(tx, invoice.id, receiptChoice, actor);
  const receivables = await reverseReceivables(tx, invoice.id);
  // The store cancelled it with this invoice live: the estorno is what the flag asked for.
  const storeCancellationCleared = await clearStoreCancellation(tx, salesOrderId);
  order.invoice = null;
  if (order.status === "faturado") {
    order.status = salesOrderStatusFor(order.canonicalStatus);
    await tx.query("update sales_orders set status = $2, updated_at = now() where id = $1", [
      salesOrderId,
      order.status,
    ]);
  }
  const message = [
    `${describe(invoice)} cancelada (estorno)`,
    `estoque devolvido de ${stockMovements.length} produto(s)`,
    `${receivables.length} parcela(s) estornada(s)`,
    ...(receipts.sentence ? [receipts.sentence] : []),
    ...(reason ? [`motivo: ${reason}`] : []),
    ...(storeCancellationCleared ? ["alerta de cancelamento na loja resolvido"] : []),
  ].join("; ");
  const { id: eventId } = await insertOrderEvent(
    tx,
    order,
    "invoice_cancelled",
    message,
    {
      invoice: { ...ref(invoice), issuedAt: invoice.issuedAt },
      reason,
      stockMovements: stockMovements.length,
      receivables: receivables.length,
      receipts: { choice: receipts.choice, count: receipts.receipts, receivedCents: receipts.receivedCents },
    },
    actor,
  );
  return { invoice, stockMovements, receivables, order: orderStatusOf(order), eventId };
}

export async function listInvoices(q: Queryable, salesOrderId: number): Promise<Invoice[]> {
  const { rows } = await q.query<InvoiceRow>(
    `select ${INVOICE_COLUMNS} from invoices where sales_order_id = $1 order by id`,
    [salesOrderId],
  );
  return rows.map(toInvoice);
}
