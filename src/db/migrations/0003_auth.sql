-- Authentication: the panel's users, their sessions, and API tokens. No secret is stored as
-- given: passwords as argon2id hashes, session ids and tokens as SHA-256 digests (both are
-- 256 random bits, so a fast hash is enough; a stolen table opens no session).

create table users (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  email text not null,                       -- as typed; compared case-insensitively
  password_hash text not null,               -- PHC string: $argon2id$v=19$m=…,t=…,p=…$salt$hash
  created_at timestamptz not null default now(),
  last_login_at timestamptz
);
create unique index users_email_key on users (lower(email));

-- A signed-in browser. Ends at expires_at (absolute) or after an idle spell measured from
-- last_seen_at, which is refreshed at most once a minute.
create table sessions (
  id bigint generated always as identity primary key,
  token_hash bytea not null unique,          -- SHA-256 of the cookie value
  user_id bigint not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now()
);
create index sessions_user on sessions (user_id);
create index sessions_expires on sessions (expires_at);

-- `Authorization: Bearer ponte_…` for scripts. The token is shown once; prefix is its first
-- characters, enough to tell tokens apart in a list and useless to an attacker.
create table api_tokens (
  id bigint generated always as identity primary key,
  org_id bigint not null references organizations(id),
  name text not null,
  token_hash bytea not null unique,          -- SHA-256 of the token
  prefix text not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,                  -- refreshed at most once a minute
  revoked_at timestamptz
);
create unique index api_tokens_live_name on api_tokens (org_id, name) where revoked_at is null;
