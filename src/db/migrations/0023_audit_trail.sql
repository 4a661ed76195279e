-- The audit trail (issue 17): every change a person or an API token makes — settings, DE-PARA
-- tables, e-mail templates, push channels, users, tokens, order actions — one row written in the
-- change's own transaction: who, when, from where, what, and the changed fields before and after
-- (secrets already masked by the writer, src/audit/mask.ts). Rows are only ever added.
create table audit_log (
  id bigint generated always as identity primary key,
  org_id bigint not null default 1 references organizations(id),
  at timestamptz not null default now(),
  actor_kind text not null check (actor_kind in ('user', 'token', 'cli', 'system')),
  actor_id bigint,
  -- The user's e-mail or the token's name, as it was then.
  actor_name text not null,
  ip text,
  user_agent text check (char_length(user_agent) <= 300),
  action text not null,
  entity_type text not null,
  entity_id text,
  -- What a person recognises the entity by (order number, store name), for the screen and CSV.
  entity_label text,
  before jsonb,
  after jsonb
);

-- Auditoria: newest first, narrowed by who, by action prefix or by entity.
create index audit_log_recent on audit_log (org_id, at desc, id desc);
create index audit_log_actor on audit_log (org_id, actor_name, at desc, id desc);
create index audit_log_action on audit_log (org_id, action text_pattern_ops);
create index audit_log_entity on audit_log (org_id, entity_type, entity_id, at desc, id desc);
