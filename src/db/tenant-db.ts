// The database as one organisation sees it: every transaction runs as the role ponte_tenant
// with ponte.org_id set for that transaction only, so the row-level security policies of
// migration 0025 show and accept that organisation's rows alone. Requests made for a person
// or a token use this handle; what runs for Ponte itself (webhooks, workers, the CLI) uses the
// owner's handle, which the policies do not bind.
import { type Db, handleOn } from "./db.ts";

export const TENANT_ROLE = "ponte_tenant";

/** The SQL that scopes a transaction to the organisation (an integer, so it is inlined safely). */
export function tenantSetup(orgId: number): string {
  if (!Number.isSafeInteger(orgId) || orgId < 1) throw new RangeError(`not an organisation id: ${orgId}`);
  return `SET LOCAL ROLE ${TENANT_ROLE}; SELECT set_config('ponte.org_id', '${orgId}', true)`;
}

export function tenantDb(db: Db, orgId: number): Db {
  return handleOn(db.pool, tenantSetup(orgId));
}
