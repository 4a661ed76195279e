-- Invoice and payment invariants on orders that came from a store (issue 11, items 8, 9, 11).

-- 1. At most one live invoice per store order, across all its sales orders: excluding a sales
-- order and re-creating it (Mapeamento, Criar) must not allow a second invoice while the first
-- is live. The invoice carries its store order (set from its sales order on insert, whoever
-- inserts it), and a partial unique index holds the line.
alter table invoices add column store_order_id bigint references store_orders(id);

create function invoices_set_store_order() returns trigger language plpgsql as $$
begin
  new.store_order_id := (select store_order_id from sales_orders where id = new.sales_order_id);
  return new;
end $$;
create trigger invoices_set_store_order before insert on invoices
  for each row execute function invoices_set_store_order();

-- Existing rows: every cancelled invoice, and per store order the one live invoice to keep
-- (on a sales order still in the back office first, then the newest). A store order that
-- already has two live invoices (the defect this closes) keeps the others outside the index,
-- and their orders' timelines say so: the estorno is the operator's call, never a migration's.
update invoices i set store_order_id = s.store_order_id
  from sales_orders s
 where s.id = i.sales_order_id and s.store_order_id is not null and i.status <> 'approved';

create temporary table live_invoice_rank on commit drop as
  select i.id, i.org_id, i.sales_order_id, s.store_order_id,
         row_number() over (partition by s.store_order_id
                            order by (s.deleted_at is null) desc, i.id desc) as n
    from invoices i join sales_orders s on s.id = i.sales_order_id
   where i.status = 'approved' and s.store_order_id is not null;

update invoices i set store_order_id = r.store_order_id
  from live_invoice_rank r where r.id = i.id and r.n = 1;

insert into order_events (org_id, sales_order_id, store_order_id, kind, message, data)
select org_id, sales_order_id, store_order_id, 'duplicate_live_invoice',
       'Outra nota ativa existe para o mesmo pedido da loja: faça o estorno da nota que não vale (Cancelar nota)',
       jsonb_build_object('invoiceId', id)
  from live_invoice_rank where n > 1;

create unique index invoices_one_live_per_store_order on invoices (store_order_id)
  where status = 'approved';

-- 2. A store-side cancellation of an order with a live invoice or a shipment is flagged on the
-- sales order until the estorno (or, for a shipment without invoice, until someone marks it
-- handled): 'invoice_live' or 'shipped', and when the store cancelled it.
alter table sales_orders add column store_cancellation text
  check (store_cancellation in ('invoice_live', 'shipped'));
alter table sales_orders add column store_cancelled_at timestamptz;
-- Falhas (newest first) and Visão geral (a count per store) read only the flagged rows.
create index sales_orders_store_cancellations on sales_orders (origin_store_id, store_cancelled_at desc, id desc)
  where store_cancellation is not null;
-- A cancelled order with a live invoice can only come from the store (the back office refuses
-- to cancel one): those cancelled before this flag existed get it now.
update sales_orders s set store_cancellation = 'invoice_live', store_cancelled_at = s.updated_at
 where s.canonical_status = 'cancelado' and s.deleted_at is null
   and exists (select 1 from invoices i where i.sales_order_id = s.id and i.status = 'approved');

-- 3. "Envio à loja" may push a payment confirmed by hand to the store ('pay': Nuvemshop
-- PUT /orders/{id} {"status": "paid"}).
alter table push_maps drop constraint push_maps_actions_check;
alter table push_maps add constraint push_maps_actions_check
  check (actions <@ array['pay', 'invoice', 'pack', 'fulfill', 'close', 'cancel']);
