-- Ponte registers each store's webhooks with its platform (on connect and on Testar conexão) and
-- records the outcome on the store, so the panel can say whether orders arrive in real time:
-- registered (events and URL), not_configured (no public https address: only the scheduled
-- import runs), failed (the pt-BR reason), removed (the store was disconnected); null = not yet.
alter table stores
  add column webhooks_state text
    check (webhooks_state in ('registered', 'not_configured', 'failed', 'removed')),
  add column webhooks_url text,
  add column webhooks_events text[] not null default '{}',
  add column webhooks_message text,
  add column webhooks_checked_at timestamptz;

-- A store can be disconnected: its webhooks removed, its credentials forgotten, its import off,
-- its data kept. Connecting it again (token or OAuth) brings it back.
alter table stores drop constraint stores_connection_state_check;
alter table stores add constraint stores_connection_state_check
  check (connection_state in ('ok', 'invalid_credentials', 'suspended', 'uninstalled', 'disconnected'));
