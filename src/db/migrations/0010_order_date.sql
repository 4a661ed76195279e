-- The order's date is the day the customer ordered (the platform's creation time), not the day
-- Ponte created the sales order: a store connected today imports months of history, and every
-- one of those orders belongs on its own day in Pedidos, its period filter, its sort, the
-- e-mails and the label. created_at stays what it was: when Ponte created the sales order
-- ("Importado em"). A sales order made in the back office was ordered when it was made.
-- And finding an order by its number: Ponte's (the unique (org_id, number) index), the store's,
-- and on Integração the store order's number, customer name and CPF/CNPJ.

-- The list's sort indexes change key; the old ones go first so the backfill does not maintain them.
drop index sales_orders_list_created;
drop index sales_orders_list_status;
drop index sales_orders_list_total;

alter table sales_orders add column ordered_at timestamptz;
update sales_orders s
   set ordered_at = coalesce((select so.platform_created_at from store_orders so where so.id = s.store_order_id),
                             s.created_at);
alter table sales_orders alter column ordered_at set default now(), alter column ordered_at set not null;

-- As 0004, with the order date where the creation time was: (org, sort key…, id), covering every
-- other filterable column but the document, live orders only.
create index sales_orders_list_ordered on sales_orders (org_id, ordered_at, id)
  include (status_rank, origin_store_id, total_cents, customer_search) where deleted_at is null;
create index sales_orders_list_status on sales_orders (org_id, status_rank, ordered_at, id)
  include (origin_store_id, total_cents, customer_search) where deleted_at is null;
create index sales_orders_list_total on sales_orders (org_id, total_cents, id)
  include (ordered_at, status_rank, origin_store_id, customer_search) where deleted_at is null;

-- Visão geral counts each store's sales orders created today (by Ponte): it read the old date
-- index; this one holds just what that count needs.
create index sales_orders_created_by_store on sales_orders (origin_store_id, created_at) where deleted_at is null;

-- Nº da loja in Pedidos ("160", "#160").
create index sales_orders_list_store_number on sales_orders (org_id, store_order_number)
  where deleted_at is null and store_order_number is not null;

-- Integração's search within one store: the store order's number, its customer's CPF/CNPJ (as the
-- connector normalized it) and name (folded like the sales orders' customer_search).
create index store_orders_store_number on store_orders (store_id, number);
create index store_orders_store_document on store_orders (store_id, (normalized #>> '{customer,document}'));
create index store_orders_customer_search on store_orders using gin (ponte_fold(customer_name) gin_trgm_ops);

-- Integração lists a store's orders newest first by coalesce(platform_created_at, '-infinity'),
-- which the (store_id, platform_created_at) index cannot give: each page sorted all the store's
-- orders. Indexed on that expression, a page and a search for a common name walk the store's
-- orders in order (550,000 orders: 224 → 10 ms a page).
create index store_orders_store_panel_order on store_orders (store_id, (coalesce(platform_created_at, '-infinity')) desc, id desc);
