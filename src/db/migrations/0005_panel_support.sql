-- Visão geral counts, per store, the orders waiting: pending, or held for a reason someone can
-- fix (status missing from the table, unknown SKU…). Orders held because their status does
-- not create a sales order (a cancelled order, by default) wait for nothing and can be most of
-- the held rows, so they stay out of this small partial index and the count never reads them.
create index order_links_waiting on order_links (store_id)
  where sync_state = 'pending' or (sync_state = 'held' and reason_code is distinct from 'status_not_creating');
