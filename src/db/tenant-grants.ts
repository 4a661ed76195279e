// What the tenant role (tenant-db.ts) may touch, granted again on every start under the
// migration lock: tables added by a later migration or by the job queue's own upgrades are
// covered without each migration remembering to. Row-level security then narrows the tenant
// tables to one organisation; the tables below hold no organisation's data and are Ponte's own.
import type { PoolClient } from "pg";
import { TENANT_ROLE } from "./tenant-db.ts";

/** Ponte's own tables: sign-in throttling, install states, worker liveness, the migrations. */
const SYSTEM_TABLES = [
  "login_throttle",
  "oauth_install_states",
  "worker_heartbeats",
  "selftest_runs",
  "schema_migrations",
];

export async function grantTenantAccess(client: PoolClient): Promise<void> {
  // Made by migration 0025: a database migrated by a test's own folder may have none.
  const role = await client.query("select 1 from pg_roles where rolname = $1", [TENANT_ROLE]);
  if (role.rowCount === 0) return;
  await client.query(`
    grant usage on schema public, graphile_worker to ${TENANT_ROLE};
    grant select, insert, update, delete on all tables in schema public to ${TENANT_ROLE};
    grant usage, select on all sequences in schema public to ${TENANT_ROLE};
    grant select, insert, update, delete on all tables in schema graphile_worker to ${TENANT_ROLE};
    grant usage, select on all sequences in schema graphile_worker to ${TENANT_ROLE};
    grant execute on all functions in schema graphile_worker to ${TENANT_ROLE};
    revoke insert, update, delete on worker_heartbeats from ${TENANT_ROLE};`);
  await openQueueTables(client);
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
