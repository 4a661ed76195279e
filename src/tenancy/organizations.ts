// Organisations: one Ponte serves several merchants (issue 17). Each has its own stores,
// orders, customers, users and tokens; a user may belong to several (memberships).
import type { Queryable } from "../db/db.ts";

export interface Organization {
  id: number;
  name: string;
}

/** A new, empty organisation. */
export async function createOrganization(tx: Queryable, name: string): Promise<Organization> {
  const { rows } = await tx.query<Organization>(
    "insert into organizations (name) values ($1) returning id, name",
    [name.trim()],
  );
  return rows[0]!;
}
