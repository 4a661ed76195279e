-- LGPD requests (issue 17): a customer's data exported, a customer anonymised, a store's data
-- removed after its retention period. Each request is a row, whether the platform relayed it
-- (a privacy webhook, recorded with its inbox row) or a user made it on the customer record.
create table privacy_requests (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  store_id bigint references stores(id),
  customer_id bigint references customers(id),
  kind text not null check (kind in ('data_request', 'customer_redact', 'store_redact')),
  source text not null check (source in ('platform', 'manual')),
  requested_by text,                         -- the user, for a manual request
  platform_request_id text,                  -- the platform's own id for it, when given
  dedupe_key text,                           -- the notice's (a second delivery is the same request)
  -- The subject as the platform named it, kept only until the request is done (then cleared).
  subject jsonb,
  received_at timestamptz not null default now(),
  execute_after timestamptz not null default now(),   -- a store redact waits its retention
  -- cancelled: a store removal whose store was connected again before it ran.
  state text not null default 'pending' check (state in ('pending', 'done', 'failed', 'cancelled')),
  error text,
  data jsonb,                                -- the exported data, for a data request
  summary jsonb,                             -- what was anonymised or removed, counted
  done_at timestamptz
);
create index privacy_requests_list on privacy_requests (org_id, id desc);
-- A notice delivered again while its request is open is that request (a store's removal notice
-- is the same bytes every time: once done or cancelled, the next one is a new request).
create unique index privacy_requests_notice_once on privacy_requests (store_id, dedupe_key)
  where dedupe_key is not null and state in ('pending', 'failed');
create index privacy_requests_customer on privacy_requests (customer_id, id desc);

-- Anonymised: the row stays (orders keep their customer), its personal data is gone.
alter table customers add column redacted_at timestamptz;
-- A redacted store order is frozen: what the platform sends for it later is not stored again.
alter table store_orders add column redacted_at timestamptz;
alter table sales_orders add column redacted_at timestamptz;
-- A store whose data was removed (store redact): kept as a name so fiscal records still say where.
alter table stores add column removed_at timestamptz;
