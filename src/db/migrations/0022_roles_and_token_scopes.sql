-- Who may do what (issue 17). Every user and token made before roles existed was a full
-- administrator, so existing rows become admins; new ones are given a role explicitly.
alter table users
  add column role text not null default 'admin' check (role in ('admin', 'operator', 'reader')),
  add column disabled_at timestamptz;          -- a disabled user cannot sign in; their sessions end
create index users_live_admins on users (org_id) where role = 'admin' and disabled_at is null;

-- A token carries a role, or a scope narrower than any role (webhooks: the stores' webhook
-- registration only); it may expire; created_by says which person or token made it.
alter table api_tokens
  add column access text not null default 'admin'
    check (access in ('admin', 'operator', 'reader', 'webhooks')),
  add column expires_at timestamptz,
  add column created_by text;
