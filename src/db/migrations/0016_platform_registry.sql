-- A platform is one folder and one line in the registry (src/platforms/registry.ts): the list of
-- platforms lives there, not in a check constraint that every new platform would have to change.
-- A store of a platform this server does not know is refused where it is read, by the registry.
alter table stores drop constraint if exists stores_platform_check;

-- Extra columns a platform's status table declares (its module's `statusColumns`, e.g. codes its
-- consultants give at set-up beside each status): kept per row as {column key: value}.
alter table status_maps add column extra jsonb not null default '{}'
  check (jsonb_typeof(extra) = 'object');
