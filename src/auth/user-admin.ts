// An admin's changes to other users: role, disabled, removed. Ponte always keeps one enabled
// admin: the admins' rows are locked first, so two admins demoting each other at once cannot
// both succeed. Disabling or removing a user ends their sessions in the same transaction; the
// caller's transaction, so the audit trail records the change with it.
import type { Queryable } from "../db/db.ts";
import { PonteError } from "../errors.ts";
import type { Role } from "./roles.ts";
import { USER_LISTING, type UserListing } from "./users.ts";

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
  new PonteError("conflict", "Ponte must keep at least one enabled admin", {
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

/** Locks every enabled admin and the target. */
async function lockForChange(tx: Queryable, id: number): Promise<Locked> {
  const admins = await tx.query<{ id: number }>(
    "select id from users where role = 'admin' and disabled_at is null order by id for update",
  );
  const { rows } = await tx.query<UserListing>(`select ${USER_LISTING} from users where id = $1 for update`, [
    id,
  ]);
  if (!rows[0]) throw new PonteError("not_found", `no user ${id}`);
  return { row: rows[0], admins: admins.rowCount };
}

function keepsAnAdmin({ row, admins }: Locked, after: UserChange): boolean {
  const wasLiveAdmin = row.role === "admin" && !row.disabled;
  if (!wasLiveAdmin) return true;
  const staysLiveAdmin = (after.role ?? row.role) === "admin" && !(after.disabled ?? row.disabled);
  return staysLiveAdmin || admins > 1;
}

/** The change, on the caller's transaction; the user before and after it. */
export async function changeUser(
  tx: Queryable,
  id: number,
  change: UserChange,
  by: Requester,
): Promise<{ before: UserListing; after: UserListing }> {
  const locked = await lockForChange(tx, id);
  if (change.disabled && by.kind === "user" && by.id === id) throw ownAccount();
  if (!keepsAnAdmin(locked, change)) throw lastAdmin();
  const { rows } = await tx.query<UserListing>(
    `update users set role = coalesce($2, role),
            disabled_at = case when $3::boolean is null then disabled_at
                               when $3 then coalesce(disabled_at, now()) else null end
      where id = $1 returning ${USER_LISTING}`,
    [id, change.role ?? null, change.disabled ?? null],
  );
  if (change.disabled) await tx.query("delete from sessions where user_id = $1", [id]);
  return { before: locked.row, after: rows[0]! };
}

/** Removes the user on the caller's transaction (their sessions go with them); the user as they were. */
export async function removeUser(tx: Queryable, id: number, by: Requester): Promise<UserListing> {
  const locked = await lockForChange(tx, id);
  if (by.kind === "user" && by.id === id) throw ownAccount();
  if (!keepsAnAdmin(locked, { disabled: true })) throw lastAdmin();
  await tx.query("delete from users where id = $1", [id]);
  return locked.row;
}
