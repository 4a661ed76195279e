// Organisations: one Ponte serves several merchants (issue 17). Each has its own stores,
// orders, customers, users and tokens; a user may belong to several (memberships).
import { type AuditSource, type Fields, recordAudit } from "../audit/record.ts";
import type { Role } from "../auth/roles.ts";
import type { Queryable } from "../db/db.ts";
import { PonteError } from "../errors.ts";

/** The organisation migration 0001 made: the first user's, and a platform-begun install's. */
export const FIRST_ORG = 1;

export interface Organization {
  id: number;
  name: string;
}

/** A new, empty organisation. */
export async function createOrganization(tx: Queryable, name: string): Promise<Organization> {
  const { rows } = await tx.query<Organization>(
    "insert into organizations (name) values ($1) returning id, name",
    [checkOrganizationName(name)],
  );
  return rows[0]!;
}

export interface Membership extends Organization {
  role: Role;
}

/** Where the user works: their live memberships, by name. */
export async function organizationsOf(db: Queryable, userId: number): Promise<Membership[]> {
  const { rows } = await db.query<Membership>(
    `select o.id, o.name, m.role from memberships m join organizations o on o.id = m.org_id
      where m.user_id = $1 and m.disabled_at is null order by o.name, o.id`,
    [userId],
  );
  return rows;
}

export async function organizationById(db: Queryable, id: number): Promise<Organization | undefined> {
  const { rows } = await db.query<Organization>("select id, name from organizations where id = $1", [id]);
  return rows[0];
}

/** 1 to 100 printable characters. */
export function checkOrganizationName(raw: string): string {
  const name = raw.trim();
  if (name.length === 0 || name.length > 100 || /\p{Cc}/u.test(name)) {
    throw new PonteError("validation_failed", "an organisation's name has 1 to 100 printable characters", {
      details: { field: "name", reason: "O nome da organização tem de 1 a 100 caracteres." },
    });
  }
  return name;
}

/**
 * A new organisation with its first admin (when one is named), recorded in its own audit trail
 * by whoever made it (`by` is given the new organisation's id), on the caller's transaction.
 */
export async function openOrganization(
  tx: Queryable,
  name: string,
  adminUserId: number | null,
  by: (orgId: number) => AuditSource,
  note: Fields = {},
): Promise<Organization> {
  const org = await createOrganization(tx, name);
  if (adminUserId !== null) {
    await tx.query("insert into memberships (user_id, org_id, role) values ($1, $2, 'admin')", [
      adminUserId,
      org.id,
    ]);
  }
  await recordAudit(tx, by(org.id), {
    action: "organization.create",
    entityType: "organization",
    entityId: org.id,
    entityLabel: org.name,
    after: { name: org.name, ...note },
  });
  return org;
}
