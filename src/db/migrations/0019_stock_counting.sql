-- Stock a merchant can run a day on (issue 16, item 2): a product's stock is "counted" once a
-- person set it (initial stock, contagem, CSV import). Products the integration created start
-- uncounted: invoices still move them and the movements are recorded, but their number is not a
-- count, so the panel says "Estoque não contado" and no negative-stock policy applies to them.
-- Products made any other way are counted from the start (the default).
alter table products add column stock_counted_at timestamptz default now();
update products set stock_counted_at = null where created_by_integration;

-- Movements a person makes: the first count (initial), a count, damage (avaria), a return
-- (devolução); each says why in its note (free text, optional).
alter table stock_movements drop constraint stock_movements_reason_check;
alter table stock_movements add constraint stock_movements_reason_check
  check (reason in ('invoice', 'invoice_reversal', 'adjustment', 'initial', 'count', 'damage', 'return'));
alter table stock_movements add column note text;

