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
  const { rows } = await client.query<{ name: string }>(
    "select t as name from unnest($1::text[]) t where to_regclass('public.' || t) is not null",
    [SYSTEM_TABLES],
  );
  if (rows.length > 0) {
    await client.query(`revoke all on ${rows.map((r) => `"${r.name}"`).join(", ")} from ${TENANT_ROLE}`);
  }
}
