-- Customer e-mails (R6.3): per-store template overrides, and the e-mail outbox that keeps
-- every rendered message (the "Caixa de saída") and sends each status change's e-mail once.

-- A store's own template for one status; without a row the built-in pt-BR default applies
-- (src/email/default-templates.ts). notify_by_default pre-fills "Notificar cliente".
create table email_templates (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  store_id bigint not null references stores(id) on delete cascade,
  canonical_status text not null
    check (canonical_status in ('aguardando_pagamento', 'pagamento_confirmado', 'em_preparacao', 'despachado',
                                'embarcado', 'entregue', 'cancelado', 'problemas')),
  subject text not null,
  html text not null,
  text text not null,
  notify_by_default boolean not null,
  updated_by text not null,
  updated_at timestamptz not null default now(),
  unique (store_id, canonical_status)
);

-- One row per e-mail owed, written with the status change that owes it and rendered then.
-- pending → sending (an attempt is on the wire) → sent | failed; local when no SMTP server
-- is configured (kept here only). The unique key is the "once": a retried request, a
-- duplicate event or a second job run finds the row and sends nothing new.
create table email_outbox (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  store_id bigint references stores(id),
  sales_order_id bigint not null references sales_orders(id),
  canonical_status text not null,
  status_version integer not null,
  event_id bigint references order_events(id),
  to_address text not null,
  from_address text,                         -- set when sent (PONTE_MAIL_FROM then)
  subject text not null,
  html text not null,
  text text not null,
  message_id text not null,                  -- deterministic: a resend after a crash repeats it
  status text not null default 'pending'
    check (status in ('pending', 'sending', 'sent', 'failed', 'local')),
  attempts integer not null default 0,
  last_error text,
  smtp_response text,
  created_at timestamptz not null default now(),
  sending_at timestamptz,
  sent_at timestamptz,
  unique (sales_order_id, canonical_status, status_version)
);
-- The Caixa de saída lists newest first (the primary key), by store, or one order's (the unique key).
create index email_outbox_store on email_outbox (store_id, id desc);
