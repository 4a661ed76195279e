// An admin's changes to an organisation's members: role, disabled, removed. Each organisation
// always keeps one enabled admin: its admins' memberships are locked first, so two admins
// demoting each other at once cannot both succeed. Disabling or removing a member ends their
// sessions in that organisation in the same transaction; the caller's transaction, so the
// audit trail records the change with it. A user left in no organisation is deleted.
import type { Queryable } from "../db/db.ts";
import { PonteError } from "../errors.ts";
import type { Role } from "./roles.ts";
import { MEMBERS, USER_LISTING, type UserListing } from "./users.ts";

export interface UserChange {
  role?: Role;
  disabled?: boolean;
}

/** Who asks for the change: a user (who may not disable or remove themselves), a token or the CLI. */
export type Requester = { kind: "user" | "token" | "cli"; id: number };

/** The user's id by e-mail (the CLI names users so); not_found otherwise. */
export async function userIdByEmail(db: Queryable, email: string): Promise<number> {
  const { rows } = await db.query<{ id: number }>("select id from users where lower(email) = lower($1)", [
    email.trim(),
  ]);
  if (!rows[0]) throw new PonteError("not_found", `no user with e-mail ${email.trim()}`);
  return rows[0].id;
}

const lastAdmin = () =>
  new PonteError("conflict", "an organisation must keep at least one enabled admin", {
    details: { reasonCode: "last_admin" },
  });

const ownAccount = () =>
  new PonteError("conflict", "you cannot disable or remove your own account", {
    details: { reasonCode: "own_account" },
  });

interface Locked {
  /** The target as it was. */
  row: UserListing;
  /** Enabled admins, the target included when it is one. */
  admins: number;
}

/** Locks the organisation's enabled admins and the target's membership. */
async function lockForChange(tx: Queryable, orgId: number, id: number): Promise<Locked> {
  const admins = await tx.query<{ id: number }>(
    `select user_id from memberships where org_id = $1 and role = 'admin' and disabled_at is null
      order by user_id for update`,
    [orgId],
  );
  const { rows } = await tx.query<UserListing>(
    `select ${USER_LISTING} from ${MEMBERS} where m.org_id = $1 and u.id = $2 for update of m`,
    [orgId, id],
  );
  if (!rows[0]) throw new PonteError("not_found", `no user ${id}`);
  return { row: rows[0], admins: admins.rowCount };
}

function keepsAnAdmin({ row, admins }: Locked, after: UserChange): boolean {
  const wasLiveAdmin = row.role === "admin" && !row.disabled;
  if (!wasLiveAdmin) return true;
  const staysLiveAdmin = (after.role ?? row.role) === "admin" && !(after.disabled ?? row.disabled);
  return staysLiveAdmin || admins > 1;
}

const endSessionsIn = (tx: Queryable, orgId: number, id: number) =>
  tx.query("delete from sessions where user_id = $1 and org_id = $2", [id, orgId]);

/** The change, on the caller's transaction; the member before and after it. */
export async function changeUser(
  tx: Queryable,
  orgId: number,
  id: number,
  change: UserChange,
  by: Requester,
): Promise<{ before: UserListing; after: UserListing }> {
  const locked = await lockForChange(tx, orgId, id);
  if (change.disabled && by.kind === "user" && by.id === id) throw ownAccount();
  if (!keepsAnAdmin(locked, change)) throw lastAdmin();
  await tx.query(
    `update memberships set role = coalesce($3, role),
            disabled_at = case when $4::boolean is null then disabled_at
                               when $4 then coalesce(disabled_at, now()) else null end
      where org_id = $1 and user_id = $2`,
    [orgId, id, change.role ?? null, change.disabled ?? null],
  );
  if (change.disabled) await endSessionsIn(tx, orgId, id);
  const { rows } = await tx.query<UserListing>(
    `select ${USER_LISTING} from ${MEMBERS} where m.org_id = $1 and u.id = $2`,
    [orgId, id],
  );
  return { before: locked.row, after: rows[0]! };
}

/**
 * Removes the user from the organisation on the caller's transaction (their sessions there go
 * with it; the user goes too when no organisation is left); the member as they were.
 */
export async function removeUser(
  tx: Queryable,
  orgId: number,
  id: number,
  by: Requester,
): Promise<UserListing> {
  const locked = await lockForChange(tx, orgId, id);
  if (by.kind === "user" && by.id === id) throw ownAccount();
  if (!keepsAnAdmin(locked, { disabled: true })) throw lastAdmin();
  await tx.query("delete from memberships where org_id = $1 and user_id = $2", [orgId, id]);
  await endSessionsIn(tx, orgId, id);
  await tx.query(
    "delete from users where id = $1 and not exists (select 1 from memberships where user_id = $1)",
    [id],
  );
  return locked.row;
}
