-- Ponte's data model. Money is bigint cents; CPF/CNPJ and CEP are text (alphanumeric CNPJ,
-- leading zeros). Every business table carries org_id so tenant isolation can be enforced.
-- Never edit this file once landed: add 0002_… instead.

create table organizations (
  id bigint generated always as identity primary key,
  name text not null,
  created_at timestamptz not null default now()
);
insert into organizations (name) overriding system value values ('Padrão');

-- One connected store (canal). Credentials are AES-256-GCM ciphertext (see crypto/),
-- never plaintext; key_version says which PONTE_SECRET_KEY encrypted them.
create table stores (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  platform text not null check (platform in ('nuvemshop', 'woocommerce', 'shopify', 'vtex')),
  name text not null,
  external_id text,                          -- the platform's store id (Nuvemshop user_id)
  api_base_url text,
  credentials bytea,
  credentials_key_version integer,
  import_enabled boolean not null default true,          -- "Importar Pedidos"
  import_interval_minutes integer not null default 15 check (import_interval_minutes between 1 and 1440),
  import_cursor timestamptz,                 -- platform updated_at reached by the last full import
  import_progress jsonb,                     -- the page an interrupted import resumes from
  next_import_at timestamptz,
  next_refresh_at timestamptz,
  last_import_at timestamptz,
  last_webhook_at timestamptz,
  connection_state text not null default 'ok'
    check (connection_state in ('ok', 'invalid_credentials', 'suspended', 'uninstalled')),
  connection_message text,
  settings jsonb not null default '{}',      -- unknown-SKU policy, push channel, who e-mails…
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index stores_platform_external_key on stores (platform, external_id) where external_id is not null;
create index stores_org on stores (org_id);

-- The platform's own record, as received, plus our normalized reading of it.
create table store_orders (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  store_id bigint not null references stores(id),
  external_id text not null,
  number text,                               -- buyer-facing number (not the key)
  raw jsonb not null,
  normalized jsonb,
  payload_digest text not null,
  platform_status text,                      -- the status key the DE-PARA table reads
  status_fields jsonb not null default '{}', -- e.g. {status, payment_status, shipping_status}
  unknown_values jsonb not null default '[]', -- enum values Ponte does not know, flagged
  normalize_error text,                      -- why the payload could not be read (raw kept)
  customer_name text,
  total_cents bigint,
  cancelled boolean not null default false,
  platform_created_at timestamptz,
  platform_updated_at timestamptz,
  first_seen_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (store_id, external_id)
);
create index store_orders_org on store_orders (org_id);

create table customers (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  document text,                             -- normalized: digits and upper-case letters only
  document_kind text check (document_kind in ('cpf', 'cnpj')),
  kind text not null default 'PF' check (kind in ('PF', 'PJ')),
  name text not null,
  email text,
  phone text,
  addresses jsonb not null default '[]',
  extra_fields jsonb not null default '{}',  -- filled by the store's customer default fields
  origin_store_id bigint references stores(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index customers_org_document on customers (org_id, document) where document is not null;

create table products (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  sku text not null,
  name text not null,
  stock_quantity bigint not null default 0,
  created_by_integration boolean not null default false,  -- "criado pela integração"
  created_at timestamptz not null default now(),
  unique (org_id, sku)
);

create sequence sales_order_number_seq start 1000;

-- Ours: own numbering, separate from the store's.
create table sales_orders (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  number bigint not null default nextval('sales_order_number_seq'),
  origin_store_id bigint references stores(id),
  store_order_number text,
  customer_id bigint references customers(id),
  status text not null default 'em_aberto'
    check (status in ('em_aberto', 'confirmado', 'cancelado', 'faturado')),
  canonical_status text not null default 'aguardando_pagamento'
    check (canonical_status in ('aguardando_pagamento', 'pagamento_confirmado', 'em_preparacao', 'despachado',
                                'embarcado', 'entregue', 'cancelado', 'problemas')),
  status_version integer not null default 1,
  payment_type text,
  payment_method text,
  installments integer not null default 1 check (installments >= 1),
  payment_confirmed_at timestamptz,
  payment_confirmed_by text,
  carrier text,
  shipping_type text,
  subtotal_cents bigint not null default 0,
  discount_cents bigint not null default 0,
  shipping_cents bigint not null default 0,
  total_cents bigint not null default 0,
  customer_snapshot jsonb not null default '{}',
  delivery_address jsonb,
  notes text,
  deleted_at timestamptz,                    -- deleted in the back office (R5.3)
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (org_id, number)
);
create index sales_orders_list on sales_orders (org_id, created_at desc, id desc);
create index sales_orders_customer on sales_orders (customer_id);

create table sales_order_items (
  id bigint generated always as identity primary key,
  sales_order_id bigint not null references sales_orders(id) on delete cascade,
  position integer not null,
  product_id bigint references products(id),
  sku text,
  name text not null,
  variant text,
  quantity integer not null check (quantity > 0),
  unit_price_cents bigint not null,
  discount_cents bigint not null default 0,
  total_cents bigint not null,
  unique (sales_order_id, position)
);

-- The link (mapeamento) between a store order and its sales order, and the sync state.
create table order_links (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  store_order_id bigint not null unique references store_orders(id),
  sales_order_id bigint unique references sales_orders(id),
  sync_state text not null default 'pending' check (sync_state in ('pending', 'synced', 'held', 'error')),
  sync_reason text,                          -- why held / the error, shown in the panel
  synced_digest text,
  synced_at timestamptz,
  customer_synced boolean not null default false,
  customer_found_by_document boolean not null default false,
  attempts integer not null default 0,
  last_error jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index order_links_state on order_links (org_id, sync_state);

create table invoices (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  sales_order_id bigint not null references sales_orders(id),
  kind text not null check (kind in ('nfe', 'simple')),
  access_key text,
  number text,
  series text,
  issued_at timestamptz,
  xml_url text,
  status text not null default 'approved' check (status in ('approved', 'cancelled')),
  created_at timestamptz not null default now(),
  cancelled_at timestamptz
);
-- One live invoice per order: a second one is impossible, whatever races.
create unique index invoices_one_live_per_order on invoices (sales_order_id) where status = 'approved';
create unique index invoices_access_key on invoices (access_key) where access_key is not null;

create table stock_movements (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  product_id bigint not null references products(id),
  sales_order_id bigint references sales_orders(id),
  invoice_id bigint references invoices(id),
  quantity bigint not null,                  -- negative = out of stock
  reason text not null check (reason in ('invoice', 'invoice_reversal', 'adjustment')),
  went_negative boolean not null default false,
  created_at timestamptz not null default now()
);
create unique index stock_movements_once on stock_movements (invoice_id, product_id, reason) where invoice_id is not null;

create table receivables (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  sales_order_id bigint not null references sales_orders(id),
  invoice_id bigint not null references invoices(id),
  installment integer not null,
  amount_cents bigint not null,
  due_date date not null,
  payment_type text,
  status text not null default 'open' check (status in ('open', 'paid', 'reversed')),
  created_at timestamptz not null default now(),
  unique (invoice_id, installment)
);

create table shipments (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  sales_order_id bigint not null references sales_orders(id),
  carrier text not null,
  tracking_code text,
  tracking_url text,
  shipped_at timestamptz not null default now(),
  delivered_at timestamptz,
  created_at timestamptz not null default now()
);

-- The per-order timeline (Histórico / Notificações).
create table order_events (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  sales_order_id bigint references sales_orders(id),
  store_order_id bigint references store_orders(id),
  kind text not null,                        -- status_changed, synced, push_sent, email_sent…
  message text not null,
  data jsonb not null default '{}',
  actor text not null default 'system',
  created_at timestamptz not null default now()
);
create index order_events_sales_order on order_events (sales_order_id, id);
create index order_events_store_order on order_events (store_order_id, id);

-- DE-PARA tables, per store.
create table status_maps (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  store_id bigint not null references stores(id) on delete cascade,
  canonical_status text not null
    check (canonical_status in ('aguardando_pagamento', 'pagamento_confirmado', 'em_preparacao', 'despachado',
                                'embarcado', 'entregue', 'cancelado', 'problemas')),
  platform_values text[] not null default '{}',
  active boolean not null default true,      -- "Ativo"
  creates_order boolean not null default true, -- "Processa inclusão"
  unique (store_id, canonical_status)
);

create table payment_maps (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  store_id bigint not null references stores(id) on delete cascade,
  platform_value text not null,
  payment_type text not null,
  installments integer,
  unique (store_id, platform_value)
);

create table shipping_maps (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  store_id bigint not null references stores(id) on delete cascade,
  platform_value text not null,
  carrier text not null,
  shipping_type text,
  unique (store_id, platform_value)
);

-- "Campos Padrões de Cliente": field = safe expression over the normalized order.
create table customer_default_fields (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  store_id bigint not null references stores(id) on delete cascade,
  field text not null,
  expression text not null,
  position integer not null default 0,
  unique (store_id, field)
);

-- What came in: written, with its job, before the webhook gets its 2xx.
create table inbox (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  store_id bigint references stores(id),
  platform text not null,
  event text not null,
  external_id text,
  dedupe_key text not null,
  headers jsonb not null default '{}',
  body text not null,
  received_at timestamptz not null default now(),
  processed_at timestamptz
);
-- Pending work for one key is coalesced; once processed, the same key may come again.
create unique index inbox_pending_once on inbox (platform, dedupe_key) where processed_at is null;
create index inbox_received on inbox (received_at);

-- What goes out (pushes to stores, e-mails): written with the state change that causes it.
create table outbox (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  store_id bigint references stores(id),
  sales_order_id bigint references sales_orders(id),
  channel text not null check (channel in ('platform', 'xml', 'webhook', 'email')),
  action text not null,
  dedupe_key text not null unique,           -- e.g. order:status:version
  payload jsonb not null default '{}',
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed', 'skipped')),
  attempts integer not null default 0,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index outbox_pending on outbox (status, created_at) where status in ('pending', 'failed');

-- Live worker processes, so jobs locked by a process that died (kill -9) are released fast.
create table worker_heartbeats (
  worker_id text primary key,
  process text not null,
  seen_at timestamptz not null default now()
);

-- `ponte selftest`: proves the workers pick up every job exactly once.
create table selftest_runs (
  run_id uuid not null,
  seq integer not null,
  worker text not null,
  ran_at timestamptz not null default now()
);
create index selftest_runs_run on selftest_runs (run_id);
