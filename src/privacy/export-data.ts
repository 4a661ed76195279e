// A data request's answer: everything Ponte holds about the person, as JSON the merchant hands
// over — the customer record, and each order with its items, amounts, statuses, shipments,
// invoices and the e-mails sent about it.
import type { Queryable } from "../db/db.ts";
import type { Scope } from "./scope.ts";

export async function exportCustomerData(q: Queryable, scope: Scope): Promise<Record<string, unknown>> {
  const customer = await q.query(
    `select c.id, c.name, c.kind, c.document, c.document_kind as "documentKind", c.email, c.phone,
            c.addresses, c.extra_fields as "extraFields", c.created_at as "createdAt", c.updated_at as "updatedAt"
       from customers c where c.id = $1`,
    [scope.customerId],
  );
  const orders = await q.query(
    `select o.id, o.number, t.name as store, o.store_order_number as "storeOrderNumber",
            o.ordered_at as "orderedAt", o.status, o.canonical_status as "canonicalStatus",
            o.customer_snapshot as customer, o.delivery_address as "deliveryAddress", o.notes,
            o.payment_type as "paymentType", o.payment_method as "paymentMethod", o.installments,
            o.subtotal_cents as "subtotalCents", o.discount_cents as "discountCents",
            o.shipping_cents as "shippingCents", o.total_cents as "totalCents",
            coalesce((select json_agg(json_build_object('sku', i.sku, 'name', i.name, 'variant', i.variant,
                        'quantity', i.quantity, 'unitPriceCents', i.unit_price_cents, 'totalCents', i.total_cents)
                        order by i.position) from sales_order_items i where i.sales_order_id = o.id), '[]') as items,
            coalesce((select json_agg(json_build_object('carrier', h.carrier, 'trackingCode', h.tracking_code,
                        'trackingUrl', h.tracking_url, 'shippedAt', h.shipped_at, 'deliveredAt', h.delivered_at)
                        order by h.id) from shipments h where h.sales_order_id = o.id), '[]') as shipments,
            coalesce((select json_agg(json_build_object('kind', v.kind, 'number', v.number, 'series', v.series,
                        'accessKey', v.access_key, 'issuedAt', v.issued_at, 'status', v.status)
                        order by v.id) from invoices v where v.sales_order_id = o.id), '[]') as invoices,
            coalesce((select json_agg(json_build_object('to', e.to_address, 'subject', e.subject, 'text', e.text,
                        'status', e.status, 'createdAt', e.created_at, 'sentAt', e.sent_at)
                        order by e.id) from email_outbox e where e.sales_order_id = o.id), '[]') as emails
       from sales_orders o left join stores t on t.id = o.origin_store_id
      where o.id = any($1::bigint[])
      order by o.ordered_at, o.id`,
    [scope.salesOrderIds],
  );
  // Store orders received but not made into sales orders (held, in error) still hold their data.
  const received = await q.query(
    `select t.name as store, s.external_id as "externalId", s.number, s.normalized as "order",
            s.first_seen_at as "receivedAt"
       from store_orders s join stores t on t.id = s.store_id
      where s.id = any($1::bigint[])
        and not exists (select 1 from sales_orders o where o.store_order_id = s.id and o.id = any($2::bigint[]))
      order by s.id`,
    [scope.storeOrderIds, scope.salesOrderIds],
  );
  return {
    generatedAt: new Date().toISOString(),
    customer: customer.rows[0] ?? null,
    orders: orders.rows,
    receivedOrders: received.rows,
  };
}
