// The order a back-office action works on, read once. Every action on a sales order starts
// here: lock it the way the sync does (store order first, then the sales order), so actions on
// one order run one after the other and a concurrent sync cannot overwrite them with a stale
// read; then read, in one statement, everything the action and its effects need — the sales
// order, its store order, its origin store, the customer, the items, the latest shipment and
// the live invoice. The action keeps it current as it writes (changeOrderStatus and the actions), and the
// pushes and the e-mail take what they need from it instead of reading the order again.
import type { Queryable } from "../db/db.ts";
import type { OrderFacts } from "../domain/lifecycle.ts";
import type { SalesOrder, StoreOrder } from "../domain/order-records.ts";
import type { CanonicalStatus, SalesOrderStatus } from "../domain/order-status.ts";
import type { InvoiceRef, ShipmentRef } from "../domain/status-change.ts";
import { PonteError } from "../errors.ts";
import type { PlatformId } from "../platforms/connector.ts";

export interface OrderItem {
  position: number;
  /** Null for an unknown SKU kept as text (it moves no stock). */
  productId: number | null;
  name: string;
  variant: string | null;
  sku: string | null;
  quantity: number;
  unitPriceCents: number;
  totalCents: number;
}

export type OrderShipment = ShipmentRef;

export type OrderInvoice = InvoiceRef & { issuedAt: string | null };

/** A sales order with what its actions and their effects read. */
export interface LockedOrder extends SalesOrder {
  storeOrder: StoreOrder | null;
  /** The store it came from; null for an order made in the back office. */
  store: { id: number; name: string; platform: PlatformId; settings: Record<string, unknown> } | null;
  orgName: string;
  /** The ERP customer linked by CPF/CNPJ, when there is one. */
  customer: { name: string | null; email: string | null; document: string | null } | null;
  items: OrderItem[];
  /** The latest shipment, if any. */
  shipment: OrderShipment | null;
  /** The live (approved) invoice, if any. */
  invoice: OrderInvoice | null;
  readonly facts: OrderFacts;
}

export const orderNotFound = (id: number) => new PonteError("not_found", `sales order ${id} not found`);

const deleted = (id: number) =>
  new PonteError("conflict", `sales order ${id} was deleted: the back office cannot change it`, {
    details: {
      reason: "Pedido de venda excluído: o status não pode mais mudar",
      reasonCode: "sales_order_deleted",
    },
  });

interface OrderRow {
  org_id: number;
  manual_pickup: boolean;
  number: number;
  origin_store_id: number | null;
  store_order_id: number | null;
  store_order_number: string | null;
  customer_id: number | null;
  canonical_status: CanonicalStatus;
  status: SalesOrderStatus;
  status_version: number;
  payment_type: string | null;
  installments: number;
  subtotal_cents: number;
  discount_cents: number;
  shipping_cents: number;
  total_cents: number;
  ordered_at: Date;
  customer_snapshot: Record<string, unknown> | null;
  payment_confirmed_at: Date | null;
  payment_confirmed_by: string | null;
  deleted: boolean;
  org_name: string;
  store: LockedOrder["store"];
  store_order: StoreOrder | null;
  customer: LockedOrder["customer"];
  items: OrderItem[];
  shipment_id: number | null;
  shipment_carrier: string | null;
  tracking_code: string | null;
  tracking_url: string | null;
  invoice_id: number | null;
  invoice_kind: "nfe" | "simple" | null;
  access_key: string | null;
  invoice_number: string | null;
  invoice_series: string | null;
  issued_at: Date | null;
  xml_url: string | null;
}

// `for no key update of s` only when locking: the store order is locked before, on its own. No key
// update, not update: actions still wait for each other, but a worker inserting a timeline event
// or an outbox row that references the order (a foreign-key share lock) does not, so the two
// cannot deadlock.
const orderSelect = (lock: boolean) =>
  `select s.org_id, s.number, s.origin_store_id, s.store_order_id, s.store_order_number, s.customer_id,
          s.canonical_status, s.status, s.status_version, s.payment_type, s.installments,
          s.subtotal_cents, s.discount_cents, s.shipping_cents, s.total_cents, s.ordered_at,
          s.customer_snapshot, s.payment_confirmed_at, s.payment_confirmed_by, s.deleted_at is not null as deleted,
          s.pickup as manual_pickup,
          o.name as org_name,
          case when st.id is not null then json_build_object('id', st.id, 'name', st.name,
            'platform', st.platform, 'settings', st.settings) end as store,
          case when so.id is not null then json_build_object('id', so.id, 'externalId', so.external_id,
            'pickup', coalesce((so.normalized->'shipping'->>'pickup')::boolean, false)) end as store_order,
          case when c.id is not null then json_build_object('name', c.name, 'email', c.email,
            'document', c.document) end as customer,
          coalesce((select json_agg(json_build_object('position', i.position, 'productId', i.product_id,
                      'name', i.name, 'variant', i.variant, 'sku', i.sku,
                      'quantity', i.quantity, 'unitPriceCents', i.unit_price_cents, 'totalCents', i.total_cents)
                      order by i.position)
                      from sales_order_items i where i.sales_order_id = s.id), '[]') as items,
          sh.id as shipment_id, sh.carrier as shipment_carrier, sh.tracking_code, sh.tracking_url,
          inv.id as invoice_id, inv.kind as invoice_kind, inv.access_key, inv.number as invoice_number,
          inv.series as invoice_series, inv.issued_at, inv.xml_url
     from sales_orders s
     join organizations o on o.id = s.org_id
     left join stores st on st.id = s.origin_store_id
     left join store_orders so on so.id = s.store_order_id
     left join customers c on c.id = s.customer_id
     left join lateral (select id, carrier, tracking_code, tracking_url from shipments
                         where sales_order_id = s.id order by shipped_at desc, id desc limit 1) sh on true
     left join lateral (select id, kind, access_key, number, series, issued_at, xml_url from invoices
                         where sales_order_id = s.id and status = 'approved' order by id desc limit 1) inv on true
    where s.id = $1${lock ? " for no key update of s" : ""}`;

function toOrder(id: number, row: OrderRow): LockedOrder {
  const shipment =
    row.shipment_id === null
      ? null
      : {
          id: row.shipment_id,
          carrier: row.shipment_carrier ?? "",
          trackingCode: row.tracking_code,
          trackingUrl: row.tracking_url,
        };
  const invoice =
    row.invoice_id === null || row.invoice_kind === null
      ? null
      : {
          id: row.invoice_id,
          kind: row.invoice_kind,
          accessKey: row.access_key,
          number: row.invoice_number,
          series: row.invoice_series,
          issuedAt: row.issued_at?.toISOString() ?? null,
          xmlUrl: row.xml_url,
        };
  return {
    id,
    orgId: row.org_id,
    number: row.number,
    originStoreId: row.origin_store_id,
    storeOrderId: row.store_order_id,
    storeOrderNumber: row.store_order_number,
    customerId: row.customer_id,
    canonicalStatus: row.canonical_status,
    status: row.status,
    statusVersion: row.status_version,
    paymentType: row.payment_type,
    installments: row.installments,
    subtotalCents: row.subtotal_cents,
    discountCents: row.discount_cents,
    shippingCents: row.shipping_cents,
    totalCents: row.total_cents,
    orderedAt: row.ordered_at,
    customerSnapshot: row.customer_snapshot ?? {},
    paymentConfirmedAt: row.payment_confirmed_at,
    paymentConfirmedBy: row.payment_confirmed_by,
    deleted: row.deleted,
    manualPickup: row.manual_pickup,
    orgName: row.org_name,
    store: row.store,
    storeOrder: row.store_order,
    customer: row.customer,
    items: row.items,
    shipment,
    invoice,
    // What the lifecycle's data rules look at (Retirada na loja needs no shipment for Entregue),
    // derived so an action that adds a shipment or invoice to the held order is seen at once.
    get facts(): OrderFacts {
      return {
        paymentConfirmed: this.paymentConfirmedAt !== null,
        shipped: this.shipment !== null,
        invoiced: this.invoice !== null,
        pickup: this.manualPickup || (this.storeOrder?.pickup ?? false),
      };
    },
  };
}

/** The order as it is now, without locking it (the status form's choices, the e-mail preview). */
export async function readOrder(q: Queryable, salesOrderId: number): Promise<LockedOrder> {
  const { rows } = await q.query<OrderRow>(orderSelect(false), [salesOrderId]);
  if (!rows[0]) throw orderNotFound(salesOrderId);
  return toOrder(salesOrderId, rows[0]);
}

/**
 * Locks the sales order (and its store order) in the caller's transaction and reads it; refuses a
 * deleted one, unless `allowDeleted` (the estorno of an invoice left live on an order deleted
 * before that was refused).
 */
export async function lockSalesOrder(
  tx: Queryable,
  salesOrderId: number,
  options: { allowDeleted?: boolean } = {},
): Promise<LockedOrder> {
  const head = await tx.query<{ store_order_id: number | null }>(
    "select store_order_id from sales_orders where id = $1",
    [salesOrderId],
  );
  if (!head.rows[0]) throw orderNotFound(salesOrderId);
  const storeOrderId = head.rows[0].store_order_id;
  if (storeOrderId !== null) {
    await tx.query("select 1 from store_orders where id = $1 for no key update", [storeOrderId]);
  }
  const { rows } = await tx.query<OrderRow>(orderSelect(true), [salesOrderId]);
  const order = toOrder(salesOrderId, rows[0]!);
  if (order.deleted && !options.allowDeleted) throw deleted(salesOrderId);
  return order;
}
