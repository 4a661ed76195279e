-- The sync engine: a sales order remembers the store order it came from, carries the
-- values its DE-PARA tables could not map, and a link knows whether its status was valid.

alter table sales_orders add column store_order_id bigint references store_orders(id);
-- Values that passed through unmapped (payment, shipping, SKU without product): [{field, value, message}].
alter table sales_orders add column flags jsonb not null default '[]';
-- One live sales order per store order, whatever races: a second create fails and is retried.
create unique index sales_orders_one_live_per_store_order on sales_orders (store_order_id)
  where deleted_at is null;

-- False when the order was synced although its platform status is not in the status table
-- (created by hand with Criar): the case where Mapeamento may be deleted (R5.3).
alter table order_links add column status_valid boolean not null default true;
-- Machine-readable reason next to the pt-BR sync_reason, e.g. status_unmapped, unknown_sku.
alter table order_links add column reason_code text;
-- Why the customer is not linked (missing or invalid CPF/CNPJ), shown in the panel (R5.2).
alter table order_links add column customer_problem text;
alter table order_links add column store_id bigint references stores(id);
alter table order_links add column refreshed_at timestamptz;
update order_links l set store_id = s.store_id from store_orders s where s.id = l.store_order_id;
alter table order_links alter column store_id set not null;
create index order_links_store_state on order_links (store_id, sync_state);

-- The integration panel lists a store's orders newest first.
create index store_orders_store_created on store_orders (store_id, platform_created_at desc, id desc);

-- Status refresh reads linked orders that are not final, oldest refresh first.
create index sales_orders_open_by_store on sales_orders (origin_store_id)
  where canonical_status not in ('entregue', 'cancelado') and deleted_at is null;

-- Webhook work is claimed in batches per store by whichever sync job runs first; a row
-- remembers the job that claimed it, so that job's retry (same id) finds it again after a crash.
alter table inbox add column claimed_by_job bigint;
create index inbox_pending_by_store on inbox (store_id, id) where processed_at is null;
create index inbox_claimed on inbox (claimed_by_job) where claimed_by_job is not null;

-- Payloads are written far more than read, and compressing them (pglz: this PostgreSQL build
-- has no lz4) was the largest cost of an import page. Out of line, uncompressed: about twice
-- the disk for raw and normalized orders, in exchange for a third off each page's write.
alter table store_orders alter column raw set storage external;
alter table store_orders alter column normalized set storage external;

-- The inbox is the log of what came in, written once per webhook on the hot path: no
-- foreign-key checks (a delivery for a store is kept even if the store goes) and no index
-- nothing reads.
alter table inbox drop constraint inbox_org_id_fkey;
alter table inbox drop constraint inbox_store_id_fkey;
drop index inbox_received;
