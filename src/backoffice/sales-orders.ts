// Sales orders (pedidos de venda) as the back office reads them: header, origin store, customer,
// payments, the store order it came from, items and timeline (the order page, docs/REQUIREMENTS.md#seed-003).
import type { Queryable } from "../db/db.ts";
import { PonteError } from "../errors.ts";
import { lockSalesOrder, orderNotFound } from "../orders/order-lock.ts";
import { insertOrderEvent } from "../orders/timeline.ts";
import type { PlatformId } from "../platforms/connector.ts";
import { type PaymentStoreSync, paymentStoreSync } from "./payment-store-sync.ts";
import {
  describeStoreCancellation,
  type StoreCancellation,
  type StoreCancellationKind,
} from "./store-cancellation.ts";

export interface SalesOrderDetail {
  id: number;
  number: number;
  originStoreId: number | null;
  storeOrderId: number | null;
  storeOrderNumber: string | null;
  customerId: number | null;
  status: string;
  canonicalStatus: string;
  statusVersion: number;
  paymentType: string | null;
  paymentMethod: string | null;
  installments: number;
  carrier: string | null;
  shippingType: string | null;
  /** The buyer collects it at the store (the store order's shipping.pickup): no carrier, no label. */
  pickup: boolean;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  totalCents: number;
  customerSnapshot: Record<string, unknown>;
  deliveryAddress: Record<string, unknown> | null;
  flags: unknown[];
  deletedAt: string | null;
  /** The order date: when the customer ordered on the platform (made in the back office: createdAt). */
  orderedAt: string;
  /** When Ponte created the sales order ("Importado em" for a store's order). */
  createdAt: string;
  items: {
    position: number;
    productId: number | null;
    sku: string | null;
    name: string;
    variant: string | null;
    quantity: number;
    unitPriceCents: number;
    totalCents: number;
  }[];
  events: { id: number; kind: string; message: string; data: unknown; actor: string; createdAt: string }[];
  originStore: { id: number; name: string; platform: string } | null;
  /** "store" when it came from a connected store (R2.6), "manual" when made in the back office. */
  origin: "store" | "manual";
  /** The ERP customer it is linked to by CPF/CNPJ; null when not linked (customerSnapshot still says who bought). */
  customer: {
    id: number;
    name: string;
    document: string | null;
    documentKind: string | null;
    email: string | null;
    phone: string | null;
  } | null;
  payments: Payment[];
  storeOrder: {
    externalId: string;
    number: string | null;
    platformStatus: string | null;
    platformCreatedAt: string | null;
  } | null;
  /** Cancelled on the store with a live invoice or after shipping: the flag and what to do. */
  storeCancellation: StoreCancellation | null;
}

/** One payment of the order: the back office's terms, with what the platform says about it. */
export interface Payment {
  /** ERP payment type, through the store's payment table (DE-PARA). */
  type: string | null;
  /** The platform's payment method (credit_card, pix, boleto…). */
  method: string | null;
  gateway: string | null;
  installments: number;
  amountCents: number;
  /** The platform's payment status (its own words, e.g. a payment_status field). */
  platformStatus: string | null;
  paidAt: string | null;
  confirmedAt: string | null;
  /** Who confirmed it by hand (bank deposit, R6.4); null when the platform reported it. */
  confirmedBy: string | null;
  /** A payment confirmed by hand the store does not show yet: why (the push on its way, failed, not taken). */
  storeSync: PaymentStoreSync | null;
}

type Header = Omit<
  SalesOrderDetail,
  "items" | "events" | "originStore" | "origin" | "customer" | "payments" | "storeOrder" | "storeCancellation"
> & {
  storeCancellationKind: StoreCancellationKind | null;
  storeCancelledAt: Date | null;
  paymentConfirmedAt: string | null;
  paymentConfirmedBy: string | null;
  store: { id: number; name: string; platform: string } | null;
  storeSettings: Record<string, unknown> | null;
  linkedCustomer: SalesOrderDetail["customer"];
  sourceOrder: (NonNullable<SalesOrderDetail["storeOrder"]> & { payment: StoredPayment | null }) | null;
};

/** What normalize() kept of the platform's payment (store_orders.normalized). */
interface StoredPayment {
  gateway: string | null;
  method: string | null;
  paidAt: string | null;
  status: string | null;
  /** The platform's reading says paid (CanonicalOrder status.paid). */
  paid: boolean;
}

export async function getSalesOrder(q: Queryable, id: number): Promise<SalesOrderDetail> {
  const { rows } = await q.query<Header>(
    `select s.id, s.number, s.origin_store_id as "originStoreId", s.store_order_id as "storeOrderId",
            s.store_order_number as "storeOrderNumber", s.customer_id as "customerId", s.status,
            s.canonical_status as "canonicalStatus", s.status_version as "statusVersion",
            s.payment_type as "paymentType", s.payment_method as "paymentMethod", s.installments, s.carrier,
            s.shipping_type as "shippingType", s.subtotal_cents as "subtotalCents",
            s.pickup or coalesce((so.normalized->'shipping'->>'pickup')::boolean, false) as pickup,
            s.discount_cents as "discountCents", s.shipping_cents as "shippingCents", s.total_cents as "totalCents",
            s.customer_snapshot as "customerSnapshot", s.delivery_address as "deliveryAddress", s.flags,
            s.deleted_at as "deletedAt", s.ordered_at as "orderedAt", s.created_at as "createdAt",
            s.payment_confirmed_at as "paymentConfirmedAt", s.payment_confirmed_by as "paymentConfirmedBy",
            s.store_cancellation as "storeCancellationKind", s.store_cancelled_at as "storeCancelledAt",
            case when st.id is not null then json_build_object('id', st.id, 'name', st.name, 'platform', st.platform)
            end as store, st.settings as "storeSettings",
            case when c.id is not null then json_build_object('id', c.id, 'name', c.name, 'document', c.document,
              'documentKind', c.document_kind, 'email', c.email, 'phone', c.phone)
            end as "linkedCustomer",
            case when so.id is not null then json_build_object('externalId', so.external_id, 'number', so.number,
              'platformStatus', so.platform_status, 'platformCreatedAt', so.platform_created_at,
              'payment', case when jsonb_typeof(so.normalized->'payment') = 'object' then
                jsonb_build_object('gateway', so.normalized->'payment'->>'gateway',
                  'method', so.normalized->'payment'->>'method',
                  'paidAt', so.normalized->'payment'->>'paidAt',
                  'status', so.status_fields->>'payment_status',
                  'paid', coalesce((so.normalized->'status'->>'paid')::boolean, false)) end)
            end as "sourceOrder"
       from sales_orders s
       left join stores st on st.id = s.origin_store_id
       left join customers c on c.id = s.customer_id
       left join store_orders so on so.id = s.store_order_id
      where s.id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) throw orderNotFound(id);
  const {
    paymentConfirmedAt,
    paymentConfirmedBy,
    store,
    storeSettings,
    linkedCustomer,
    sourceOrder,
    storeCancellationKind,
    storeCancelledAt,
    ...header
  } = row;
  const items = await q.query<SalesOrderDetail["items"][number]>(
    `select position, product_id as "productId", sku, name, variant, quantity, unit_price_cents as "unitPriceCents",
            total_cents as "totalCents"
       from sales_order_items where sales_order_id = $1 order by position`,
    [id],
  );
  // The timeline, oldest first: this sales order's events and those of its store order before it existed.
  const events = await q.query<SalesOrderDetail["events"][number]>(
    `select id, kind, message, data, actor, created_at as "createdAt" from order_events
      where sales_order_id = $1 or (sales_order_id is null and store_order_id = $2)
      order by created_at, id`,
    [id, header.storeOrderId],
  );
  const { payment: stored = null, ...storeOrder } = sourceOrder ?? {};
  const storeSync = await paymentStoreSync(q, {
    salesOrderId: id,
    confirmedBy: paymentConfirmedBy,
    storePaid: stored?.paid === true,
    store: store
      ? { id: store.id, platform: store.platform as PlatformId, settings: storeSettings ?? {} }
      : null,
  });
  return {
    ...header,
    items: items.rows,
    events: events.rows,
    originStore: store,
    origin: header.originStoreId === null ? "manual" : "store",
    customer: linkedCustomer,
    payments: payments(row, stored, storeSync),
    storeOrder: sourceOrder ? (storeOrder as NonNullable<SalesOrderDetail["storeOrder"]>) : null,
    storeCancellation: describeStoreCancellation(storeCancellationKind, storeCancelledAt),
  };
}

/** The order's payment as the back office has it, completed by the platform's reading. */
function payments(row: Header, stored: StoredPayment | null, storeSync: PaymentStoreSync | null): Payment[] {
  const payment: Payment = {
    type: row.paymentType,
    method: row.paymentMethod ?? stored?.method ?? null,
    gateway: stored?.gateway ?? null,
    installments: row.installments,
    amountCents: row.totalCents,
    platformStatus: stored?.status ?? null,
    paidAt: stored?.paidAt ?? null,
    confirmedAt: row.paymentConfirmedAt,
    confirmedBy: row.paymentConfirmedBy,
    storeSync,
  };
  const known = Object.entries(payment).some(
    ([k, v]) => v !== null && k !== "installments" && k !== "amountCents",
  );
  return known ? [payment] : [];
}

/**
 * Excluded in the back office: kept (soft delete) so its history stays, and the panel may unlink
 * it. Refused while an invoice is live: the stock it took out and the receivables it created
 * stay with it, and a re-created sales order must never be invoiced a second time (estorno first).
 */
export async function deleteSalesOrder(
  q: Queryable,
  orgId: number,
  id: number,
  actor: string,
): Promise<void> {
  // The lock every back-office action takes: an invoice cannot slip in between the check and the delete.
  const order = await lockSalesOrder(q, id, { allowDeleted: true });
  if (order.orgId !== orgId || order.deleted) throw orderNotFound(id);
  if (order.facts.invoiced) {
    throw new PonteError("conflict", `sales order ${id} has a live invoice: cancel it (estorno) first`, {
      details: {
        reason:
          "O pedido de venda tem nota fiscal ou venda simples ativa: faça o estorno (Cancelar nota) antes de excluir",
        reasonCode: "invoice_live",
      },
    });
  }
  await q.query("update sales_orders set deleted_at = now(), updated_at = now() where id = $1", [id]);
  await insertOrderEvent(
    q,
    order,
    "sales_order_deleted",
    `Pedido de venda ${order.number} excluído`,
    {},
    actor,
  );
}
