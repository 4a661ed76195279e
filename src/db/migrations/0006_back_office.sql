-- The back office's effects (R6.4, R7, seed 003): invoices and simple sales decrement stock and
-- create receivables once; estorno reverses them once; shipments carry the tracking; delivery is
-- dated; the shipping label has a sender. The once-only guarantees are 0001's unique indexes
-- (one live invoice per order, one movement per invoice/product/reason, one receivable per
-- invoice/installment); this adds who did what, the dates, and the indexes the lists read.

-- Who issued and who reversed an invoice, and why it was reversed.
alter table invoices add column created_by text;
alter table invoices add column cancelled_by text;
alter table invoices add column cancel_reason text;
create index invoices_sales_order on invoices (sales_order_id, id);

-- The product's stock right after the movement, so the list reads as a ledger; who caused it.
alter table stock_movements add column stock_after bigint;
alter table stock_movements add column actor text;
create index stock_movements_product on stock_movements (product_id, id);

alter table receivables add column reversed_at timestamptz;
-- GET /receivables: by due date, optionally one order's or one status's.
create index receivables_due on receivables (org_id, due_date, id);
create index receivables_sales_order on receivables (sales_order_id, installment);

alter table shipments add column created_by text;
create index shipments_sales_order on shipments (sales_order_id, id);

-- Entregue records the date, also for an order handed over without a shipment (store pickup).
alter table sales_orders add column delivered_at timestamptz;

-- The shipping label's sender (remetente): {name, document, street, number, complement,
-- neighborhood, city, state, zipcode, phone}; set with PUT /api/v1/settings/sender.
alter table organizations add column sender_address jsonb;
