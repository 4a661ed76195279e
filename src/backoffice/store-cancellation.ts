// A store-side cancellation the back office must act on (issue 11, item 9). When the sync brings a
// cancellation from the store for an order with a live invoice, the sales order becomes Cancelado
// (the store's word wins) but the invoice, the stock it took out and its receivables stay: Ponte
// does not cancel an invoice on its own. The order is flagged "cancelado na loja com nota ativa"
// until the estorno; one shipped without an invoice is flagged "cancelado na loja já enviado"
// until someone marks it handled. The flag shows on the order page, the Integração row, Falhas
// (kind=cancellations), Visão geral (a count per store) and the timeline.
import type { Queryable } from "../db/db.ts";
import { type NewestFirstOptions, newestFirstFilter, newestFirstPage } from "../db/keyset-cursor.ts";
import type { OrderStatus } from "../domain/status-change.ts";
import { PonteError } from "../errors.ts";
import { lockSalesOrder } from "../orders/order-lock.ts";
import { insertOrderEvent } from "../orders/timeline.ts";
import type { ReasonCode } from "../reason-codes.ts";
import { orderStatusOf } from "./order-status.ts";

export type StoreCancellationKind = "invoice_live" | "shipped";

/** pt-BR: the flag's name, and what to do about it. */
export const STORE_CANCELLATION_TEXTS: Record<StoreCancellationKind, { label: string; reason: string }> = {
  invoice_live: {
    label: "Cancelado na loja com nota ativa",
    reason:
      "A loja cancelou o pedido, mas a nota fiscal (ou venda simples) continua ativa: o estoque saiu e as contas a receber estão em aberto. O Ponte não cancela a nota sozinho: se a venda foi desfeita, faça o estorno (Cancelar nota).",
  },
  shipped: {
    label: "Cancelado na loja já enviado",
    reason:
      "A loja cancelou o pedido depois do envio: combine a devolução com a transportadora ou o cliente e marque como resolvido.",
  },
};

const EVENT_KIND: Record<StoreCancellationKind, string> = {
  invoice_live: "store_cancelled_with_invoice",
  shipped: "store_cancelled_after_shipment",
};

/** The flag as the order page shows it. */
export interface StoreCancellation {
  kind: StoreCancellationKind;
  label: string;
  reason: string;
  cancelledAt: string;
}

export function describeStoreCancellation(
  kind: StoreCancellationKind | null,
  cancelledAt: Date | string | null,
): StoreCancellation | null {
  if (kind === null) return null;
  const at = cancelledAt instanceof Date ? cancelledAt.toISOString() : (cancelledAt ?? "");
  return { kind, ...STORE_CANCELLATION_TEXTS[kind], cancelledAt: at };
}

/**
 * Called by the sync, in its transaction, with the sales orders it just moved to Cancelado from the
 * store: flags those with a live invoice (first) or a shipment, each with its timeline line. One
 * statement whatever the batch.
 */
export async function flagStoreCancellations(
  tx: Queryable,
  salesOrderIds: readonly number[],
): Promise<number> {
  if (salesOrderIds.length === 0) return 0;
  const { rowCount } = await tx.query(
    `with found as (
       select s.id,
              (select i.id from invoices i where i.sales_order_id = s.id and i.status = 'approved') as invoice_id,
              exists (select 1 from shipments sh where sh.sales_order_id = s.id) as shipped
         from sales_orders s where s.id = any($1::bigint[])
     ), flagged as (
       update sales_orders s
          set store_cancellation = case when f.invoice_id is not null then 'invoice_live' else 'shipped' end,
              store_cancelled_at = now()
         from found f
        where f.id = s.id and (f.invoice_id is not null or f.shipped)
       returning s.id, s.org_id, s.store_order_id, s.store_cancellation, f.invoice_id
     )
     insert into order_events (org_id, sales_order_id, store_order_id, kind, message, data)
     select org_id, id, store_order_id,
            case when store_cancellation = 'invoice_live' then $2 else $3 end,
            case when store_cancellation = 'invoice_live' then $4 else $5 end,
            jsonb_build_object('storeCancellation', store_cancellation, 'invoiceId', invoice_id)
       from flagged order by id`,
    [
      salesOrderIds,
      EVENT_KIND.invoice_live,
      EVENT_KIND.shipped,
      eventText("invoice_live"),
      eventText("shipped"),
    ],
  );
  return rowCount;
}

const eventText = (kind: StoreCancellationKind) =>
  `${STORE_CANCELLATION_TEXTS[kind].label}. ${STORE_CANCELLATION_TEXTS[kind].reason}`;

/** The estorno clears the flag (in its transaction); true when there was one. */
export async function clearStoreCancellation(tx: Queryable, salesOrderId: number): Promise<boolean> {
  const { rowCount } = await tx.query(
    `update sales_orders set store_cancellation = null, store_cancelled_at = null
      where id = $1 and store_cancellation is not null`,
    [salesOrderId],
  );
  return rowCount > 0;
}

const refuse = (reasonCode: ReasonCode, message: string, reason: string) =>
  new PonteError("conflict", message, { details: { reason, reasonCode } });

/**
 * "Marcar como resolvido": an order cancelled on the store after it shipped, once the operator
 * dealt with the return. An order with a live invoice is resolved only by its estorno.
 */
export async function resolveStoreCancellation(
  tx: Queryable,
  salesOrderId: number,
  note: string | null,
  actor: string,
): Promise<{ order: OrderStatus; storeCancellation: null; eventId: number }> {
  const order = await lockSalesOrder(tx, salesOrderId);
  if (order.facts.invoiced) {
    throw refuse(
      "invoice_live",
      `sales order ${salesOrderId} has a live invoice: only its estorno resolves the store's cancellation`,
      "O pedido tem nota fiscal ativa: o alerta só se resolve com o estorno (Cancelar nota)",
    );
  }
  if (!(await clearStoreCancellation(tx, salesOrderId))) {
    throw refuse(
      "no_store_cancellation",
      `sales order ${salesOrderId} has no store cancellation to resolve`,
      "Não há cancelamento na loja a resolver neste pedido",
    );
  }
  const { id: eventId } = await insertOrderEvent(
    tx,
    order,
    "store_cancellation_resolved",
    note
      ? `Cancelamento na loja marcado como resolvido: ${note}`
      : "Cancelamento na loja marcado como resolvido",
    { note },
    actor,
  );
  return { order: orderStatusOf(order), storeCancellation: null, eventId };
}

/** One flagged order in Falhas (kind=cancellations). */
export interface StoreCancellationItem extends StoreCancellation {
  salesOrderId: number;
  orderNumber: number;
  storeId: number;
  storeName: string;
  storeOrderNumber: string | null;
  /** The live invoice to reverse (Cancelar nota on the order page); null for a shipment without one. */
  invoiceId: number | null;
}

interface Row {
  id: number;
  number: number;
  store_id: number;
  store_name: string;
  store_order_number: string | null;
  store_cancellation: StoreCancellationKind;
  store_cancelled_at: Date;
  cursor_at: string;
  invoice_id: number | null;
}

/** Flagged orders, the latest cancellation first, keyset-paginated on (cancelled at, id). */
export async function listStoreCancellations(
  q: Queryable,
  options: NewestFirstOptions,
): Promise<{ items: StoreCancellationItem[]; next: string | null }> {
  const { params, where } = newestFirstFilter(
    options,
    { store: "s.origin_store_id", at: "s.store_cancelled_at", id: "s.id" },
    ["s.store_cancellation is not null", "s.deleted_at is null"],
  );
  const { rows } = await q.query<Row>(
    `select s.id, s.number, s.origin_store_id as store_id, st.name as store_name, s.store_order_number,
            s.store_cancellation, s.store_cancelled_at, to_json(s.store_cancelled_at) #>> '{}' as cursor_at,
            (select i.id from invoices i where i.sales_order_id = s.id and i.status = 'approved') as invoice_id
       from sales_orders s join stores st on st.id = s.origin_store_id
      where ${where}
      order by s.store_cancelled_at desc, s.id desc limit $1`,
    params,
  );
  return newestFirstPage(rows, options.limit, (r) => ({
    ...describeStoreCancellation(r.store_cancellation, r.store_cancelled_at)!,
    salesOrderId: Number(r.id),
    orderNumber: Number(r.number),
    storeId: Number(r.store_id),
    storeName: r.store_name,
    storeOrderNumber: r.store_order_number,
    invoiceId: r.invoice_id === null ? null : Number(r.invoice_id),
  }));
}
