// What the tenant role (tenant-db.ts) may touch, checked on every start under the migration
// lock and granted when a table lacks it: tables added by a later migration or by the job
// queue's own upgrades are covered without each migration remembering to. Row-level security then narrows the tenant
// tables to one organisation; the tables below hold no organisation's data and are Ponte's own.
import type { PoolClient } from "pg";
import { TENANT_ROLE } from "./tenant-db.ts";

/** Ponte's own tables: sign-in throttling, install states, self-tests, the migrations. */
const SYSTEM_TABLES = ["login_throttle", "oauth_install_states", "selftest_runs", "schema_migrations"];

/** True when every other table already has the grants (nothing to do on an ordinary start). */
async function upToDate(client: PoolClient): Promise<boolean> {
  const { rows } = await client.query<{ missing: number }>(
    `select count(*)::int as missing from pg_tables t
      where t.schemaname in ('public', 'graphile_worker') and not (t.tablename = any($2::text[]))
        and not has_table_privilege($1, format('%I.%I', t.schemaname, t.tablename), 'select')`,
    [TENANT_ROLE, SYSTEM_TABLES],
  );
  return rows[0]!.missing === 0;
}

export async function grantTenantAccess(client: PoolClient): Promise<void> {
  // Made by migration 0025: a database migrated by a test's own folder may have none.
  const role = await client.query("select 1 from pg_roles where rolname = $1", [TENANT_ROLE]);
  if (role.rowCount === 0) return;
  if (!(await upToDate(client))) await grantAll(client);
  await openQueueTables(client);
}

async function grantAll(client: PoolClient): Promise<void> {
  await client.query(`
    grant usage on schema public, graphile_worker to ${TENANT_ROLE};
    grant select, insert, update, delete on all tables in schema public to ${TENANT_ROLE};
    grant usage, select on all sequences in schema public to ${TENANT_ROLE};
    grant select, insert, update, delete on all tables in schema graphile_worker to ${TENANT_ROLE};
    grant usage, select on all sequences in schema graphile_worker to ${TENANT_ROLE};
    grant execute on all functions in schema graphile_worker to ${TENANT_ROLE};
    revoke insert, update, delete on worker_heartbeats from ${TENANT_ROLE};`);
  const { rows } = await client.query<{ name: string }>(
    "select t as name from unnest($1::text[]) t where to_regclass('public.' || t) is not null",
    [SYSTEM_TABLES],
  );
  if (rows.length > 0) {
    await client.query(`revoke all on ${rows.map((r) => `"${r.name}"`).join(", ")} from ${TENANT_ROLE}`);
  }
}

/**
 * The job queue keeps row-level security on its private tables with no policy (only its owner
 * may touch them). A request enqueues, reschedules and lists jobs on its own transaction, so the
 * tenant role gets a policy that lets it: the queue is Ponte's machinery, not an organisation's
 * data, and what a request shows of it is narrowed to its organisation's stores, e-mails and
 * privacy requests (jobs/failed-jobs.ts).
 */
async function openQueueTables(client: PoolClient): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'graphile_worker' and c.relkind = 'r' and c.relrowsecurity
        and not exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polname = 'ponte_tenant_queue')`,
  );
  for (const { name } of rows) {
    await client.query(
      `create policy ponte_tenant_queue on graphile_worker."${name}" to ${TENANT_ROLE} using (true) with check (true)`,
    );
  }
}
