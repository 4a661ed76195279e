-- Organisations (issue 17): one Ponte serves several merchants. A user belongs to one or more
-- organisations through memberships, each with its own role and its own disabled switch; a
-- browser session works in one organisation at a time (the one switched to).
create table memberships (
  user_id bigint not null references users(id) on delete cascade,
  org_id bigint not null references organizations(id) on delete cascade,
  role text not null check (role in ('admin', 'operator', 'reader')),
  disabled_at timestamptz,                     -- cannot work in this organisation; its sessions there end
  created_at timestamptz not null default now(),
  primary key (user_id, org_id)
);
create index memberships_org on memberships (org_id, user_id);
insert into memberships (user_id, org_id, role, disabled_at, created_at)
  select id, org_id, role, disabled_at, created_at from users;
drop index users_live_admins;
alter table users drop column role, drop column disabled_at;
comment on column users.org_id is 'The organisation the user was first added to; memberships say where they work';

alter table sessions add column org_id bigint references organizations(id) on delete cascade;
update sessions s set org_id = u.org_id from users u where u.id = s.user_id;
alter table sessions alter column org_id set not null;
create index sessions_user_org on sessions (user_id, org_id);

-- audit rows always name their organisation now.
alter table audit_log alter column org_id drop default;

-- Row-level security: a request made for a person or a token runs as the role ponte_tenant with
-- the setting ponte.org_id set for its transaction (db/tenant-db.ts). Every tenant table has a
-- policy that shows and accepts only that organisation's rows, so a query that forgot its
-- org_id filter finds nothing rather than another merchant's data. Webhooks, the workers and
-- the CLI run as the owner, whom these policies do not bind (RLS is enabled, not forced:
-- forcing it would bind the owner to the same policies, which are written for ponte_tenant only).
do $$
begin
  if not exists (select from pg_roles where rolname = 'ponte_tenant') then
    begin
      create role ponte_tenant nologin;
    exception when duplicate_object or unique_violation then
      null; -- another database of this server created it at the same moment
    end;
  end if;
  if not pg_has_role(current_user, 'ponte_tenant', 'member') then
    execute format('grant ponte_tenant to %I', current_user);
  end if;
end
$$;

do $$
declare
  t text;
begin
  for t in
    select c.table_name from information_schema.columns c
      join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
     where c.table_schema = 'public' and c.column_name = 'org_id' and tb.table_type = 'BASE TABLE'
       and c.table_name <> 'users'
  loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant on %I to ponte_tenant
         using (org_id = current_setting(''ponte.org_id'')::bigint)
         with check (org_id = current_setting(''ponte.org_id'')::bigint)', t);
  end loop;
end
$$;

-- Tables whose organisation is reached through another table.
alter table organizations enable row level security;
create policy tenant on organizations to ponte_tenant
  using (id = current_setting('ponte.org_id')::bigint)
  with check (id = current_setting('ponte.org_id')::bigint);

alter table sales_order_items enable row level security;
create policy tenant on sales_order_items to ponte_tenant
  using (exists (select 1 from sales_orders o where o.id = sales_order_id))
  with check (exists (select 1 from sales_orders o where o.id = sales_order_id));

-- A user is seen by the organisations they are a member of (memberships is filtered itself).
alter table users enable row level security;
create policy tenant on users to ponte_tenant
  using (exists (select 1 from memberships m where m.user_id = users.id))
  with check (true);
