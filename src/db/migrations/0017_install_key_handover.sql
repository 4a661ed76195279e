-- An install that starts from the store's own site (a key handover, module.ts `startsFromStore`):
-- the store the merchant named, another API base where the server allows one, and the
-- credentials the platform delivered by its own POST before sending the owner back — sealed like
-- a store's (AES-256-GCM, bound to this state), kept only until the callback connects the store.
alter table oauth_install_states
  add column store_external_id text,
  add column api_base_url text,
  add column delivered bytea;
