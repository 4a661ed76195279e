-- What waits is decided again, orders gone from the platform, text PostgreSQL cannot hold.

-- When the store's status, payment or shipping table last changed: a held order decided before
-- that is decided again (sync/redecide.ts).
alter table stores add column mappings_changed_at timestamptz;
-- The platform answered 404 for this order (status refresh, webhook, Atualizar); cleared when it
-- shows up again. Such an order leaves the status refresh.
alter table store_orders add column gone_at timestamptz;
-- Mapeamento deleted its link: the next import or status refresh decides it again.
alter table store_orders add column unlinked_at timestamptz;
-- What was removed from the payload's text (U+0000, lone surrogates) to store it, for the panel.
alter table store_orders add column text_cleaned text;

create index store_orders_unlinked on store_orders (store_id, unlinked_at) where unlinked_at is not null;
-- Held orders by when they were decided: the ones decided before a table change, oldest first
-- (an ordered scan that stops at the pass's limit); and those held for an unknown SKU.
create index order_links_held on order_links (store_id, updated_at) where sync_state = 'held';
create index order_links_held_sku on order_links (store_id, updated_at)
  where sync_state = 'held' and reason_code = 'unknown_sku';

-- Orders held or freed before this version are decided once more after it.
update stores set mappings_changed_at = now();
update store_orders so set unlinked_at = now()
 where not exists (select 1 from order_links l where l.store_order_id = so.id);
