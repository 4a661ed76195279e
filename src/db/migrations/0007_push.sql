-- Status pushes to the store (R8, seed 004). The outbox (0001) holds one row per push, written
-- with the back-office change that owes it; a job per row sends it (platform API, XML post or
-- signed webhook), retries with backoff and ends `sent` or `failed` (Falhas, Reenviar).

-- Which platform actions each trigger pushes ("Envio à loja"), per store. A trigger is a
-- canonical status the order moves to, or 'faturado' (an invoice approved). Only overrides are
-- stored: a trigger without a row uses its platform's default (src/push/actions.ts: Nuvemshop
-- em_preparacao → pack, despachado/embarcado → fulfill with tracking, entregue → close,
-- cancelado → cancel, faturado → NF-e metafield). A status whose status_maps row is not Ativo
-- pushes nothing, whatever this table says.
create table push_maps (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  store_id bigint not null references stores(id) on delete cascade,
  trigger text not null
    check (trigger in ('aguardando_pagamento', 'pagamento_confirmado', 'em_preparacao', 'despachado',
                       'embarcado', 'entregue', 'cancelado', 'problemas', 'faturado')),
  actions text[] not null default '{}'
    check (actions <@ array['invoice', 'pack', 'fulfill', 'close', 'cancel']),
  unique (store_id, trigger)
);

-- When the next attempt is due (null: now, or never again once sent/failed), when the row last
-- changed (Falhas sorts by it), and the status change it came from.
alter table outbox add column next_attempt_at timestamptz;
alter table outbox add column updated_at timestamptz not null default now();
alter table outbox add column status_version integer;
alter table outbox add column event_id bigint references order_events(id);

-- Falhas (kind=pushes): failed pushes, newest failure first.
create index outbox_failed_pushes on outbox (updated_at desc, id desc)
  where status = 'failed' and channel <> 'email';
-- A push waits for the earlier pending pushes of its order (per-order order).
create index outbox_pending_by_order on outbox (sales_order_id, id)
  where status = 'pending' and channel <> 'email';
