-- An order made in the back office (balcão, telefone) says itself whether the buyer collects it
-- at the store; a store's order says so in its store order (normalized shipping.pickup).
alter table sales_orders add column pickup boolean not null default false;
