-- Two guards that every API process must share, so they live here rather than in memory.
--
-- A platform app install (OAuth): the state sent to the authorize page, stored as its SHA-256 (the
-- browser holds the value), bound to the session that started it, usable once, for 10 minutes.
-- A used state stays until swept, so a replay is told apart from a state never issued.
create table oauth_install_states (
  state_hash bytea primary key,
  session_id bigint not null references sessions(id) on delete cascade,
  platform text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index oauth_install_states_expires on oauth_install_states (expires_at);

-- Sign-in throttling counters, one row per (scope, key):
--   account_address  e-mail + address: the attempts, and when the next one may come (exponential)
--   address          one address, whatever the e-mails: attempts in a 15-minute window
--   account          one e-mail, from every address: attempts in a one-hour window
--   known_address    e-mail + an address its owner signed in from (spared by the account ceiling)
-- A row whose window ended counts as zero and is swept.
create table login_throttle (
  scope text not null check (scope in ('account_address', 'address', 'account', 'known_address')),
  key text not null,
  attempts integer not null default 0,
  window_ends_at timestamptz not null,
  next_at timestamptz,
  primary key (scope, key)
);
create index login_throttle_window on login_throttle (window_ends_at);
