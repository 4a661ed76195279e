-- What each store's health (Visão geral, Lojas) is computed from, besides its jobs and orders:
-- the last contact with its platform (any request: answered, or why not), the last import
-- attempt (not only the last success) and the last Testar conexão. The error columns hold a
-- platform error kind (src/platforms/platform-errors.ts: timeout, unreachable, server_error…) or
-- 'internal' for an import that failed inside Ponte; null when it went well.
alter table stores
  add column last_contact_at timestamptz,
  add column last_contact_ok boolean,
  add column last_contact_error text,
  -- when the current run of failed contacts began; null while the platform answers
  add column contact_failing_since timestamptz,
  add column last_import_attempt_at timestamptz,
  add column last_import_error text,
  add column last_test_at timestamptz,
  add column last_test_ok boolean,
  add column last_test_error text;
