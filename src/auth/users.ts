// The panel's users. A user is one e-mail and password for the whole Ponte; what they may do is
// per organisation: a membership gives them a role there (roles.ts) and can be disabled on its
// own. The first user is an admin of the first organisation.
import type { Db, Queryable } from "../db/db.ts";
import { PonteError } from "../errors.ts";
import { FIRST_ORG } from "../tenancy/organizations.ts";
import { normalizeEmail } from "./email.ts";
import { checkPasswordRules, hashPassword, verifyDecoy, verifyPassword } from "./password.ts";
import type { Role } from "./roles.ts";

export interface User {
  id: number;
  email: string;
  /** The role in `orgId`, the organisation the user works in now. */
  role: Role;
  orgId: number;
}

export interface UserListing {
  id: number;
  email: string;
  role: Role;
  disabled: boolean;
  /** When they were added to this organisation. */
  createdAt: Date;
  /** When they last signed in to, or switched to, this organisation. */
  lastLoginAt: Date | null;
}

/** A member's row as lists and answers show it (`u` users, `m` their membership). */
export const USER_LISTING = `u.id, u.email, m.role, m.disabled_at is not null as disabled, m.created_at as "createdAt",
                 m.last_used_at as "lastLoginAt"`;
export const MEMBERS = "users u join memberships m on m.user_id = u.id";
// Serializes first-run setups: two at once create one user.
const SETUP_LOCK = 7_301_955_003;

export async function hasUsers(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ any: boolean }>("select exists (select 1 from users) as any");
  return rows[0]?.any === true;
}

/** The organisation's member, as listed; undefined when they are not one. */
export async function memberListing(
  tx: Queryable,
  orgId: number,
  userId: number,
): Promise<UserListing | undefined> {
  const { rows } = await tx.query<UserListing>(
    `select ${USER_LISTING} from ${MEMBERS} where m.org_id = $1 and u.id = $2`,
    [orgId, userId],
  );
  return rows[0];
}

/**
 * Adds the e-mail to the organisation with the role. A person who already works in another
 * organisation keeps their password (the one given is not used: only they may change it); a
 * user left in no organisation gets the new one.
 */
async function addMember(
  tx: Queryable,
  orgId: number,
  email: string,
  passwordHash: string,
  role: Role,
): Promise<UserListing> {
  const { rows: found } = await tx.query<{ id: number; here: boolean; elsewhere: boolean }>(
    `select u.id,
            exists (select 1 from memberships m where m.user_id = u.id and m.org_id = $2) as here,
            exists (select 1 from memberships m where m.user_id = u.id and m.org_id <> $2) as elsewhere
       from users u where lower(u.email) = lower($1) for update`,
    [email, orgId],
  );
  let userId = found[0]?.id;
  if (found[0]?.here) {
    throw new PonteError("conflict", `a user with e-mail ${email} already exists`, {
      details: { reasonCode: "email_in_use", field: "email" },
    });
  }
  if (userId === undefined) {
    const { rows } = await tx.query<{ id: number }>(
      `insert into users (org_id, email, password_hash) values ($1, $2, $3)
       on conflict (lower(email)) do nothing returning id`,
      [orgId, email, passwordHash],
    );
    userId = rows[0]?.id;
    if (userId === undefined) return addMember(tx, orgId, email, passwordHash, role); // made meanwhile
  } else if (!found[0]!.elsewhere) {
    await tx.query("update users set password_hash = $2 where id = $1", [userId, passwordHash]);
  }
  await tx.query("insert into memberships (user_id, org_id, role) values ($1, $2, $3)", [
    userId,
    orgId,
    role,
  ]);
  return (await memberListing(tx, orgId, userId))!;
}

/**
 * Adds a user to the organisation (the CLI or an admin); `record` runs on the same transaction
 * (the audit trail). Throws weak_password, validation_failed, conflict.
 */
export async function createUser(
  db: Db,
  orgId: number,
  input: { email: string; password: string; role: Role },
  record?: (tx: Queryable, user: UserListing) => Promise<unknown>,
): Promise<UserListing> {
  const email = normalizeEmail(input.email);
  checkPasswordRules(input.password);
  const passwordHash = await hashPassword(input.password); // outside the transaction: it takes a while
  return db.transaction(async (tx) => {
    const user = await addMember(tx, orgId, email, passwordHash, input.role);
    await record?.(tx, user);
    return user;
  });
}

/** The first-run setup: creates the first user only while there is none (setup_done otherwise). */
export async function createFirstUser(db: Db, input: { email: string; password: string }): Promise<User> {
  const email = normalizeEmail(input.email);
  checkPasswordRules(input.password);
  const setupDone = () => new PonteError("setup_done", "the first user already exists: sign in instead");
  if (await hasUsers(db)) throw setupDone();
  const passwordHash = await hashPassword(input.password); // outside the lock: it takes a while
  return db.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock($1)", [SETUP_LOCK]);
    if (await hasUsers(tx)) throw setupDone();
    const user = await addMember(tx, FIRST_ORG, email, passwordHash, "admin");
    return { id: user.id, email: user.email, role: user.role, orgId: FIRST_ORG };
  });
}

/**
 * The user whose e-mail and password match, in the organisation they last used among those where
 * their membership is live (the lowest id among never used ones), or null; an unknown e-mail costs
 * a verify too. A user with the right password and no live membership is told so (user_disabled):
 * they know the password.
 */
export async function authenticate(db: Queryable, email: string, password: string): Promise<User | null> {
  const { rows } = await db.query<{
    id: number;
    email: string;
    password_hash: string;
    org_id: number | null;
    role: Role | null;
  }>(
    `select u.id, u.email, u.password_hash, m.org_id, m.role
       from users u
       left join lateral (select org_id, role from memberships
                           where user_id = u.id and disabled_at is null
                           order by last_used_at desc nulls last, org_id limit 1) m on true
      where lower(u.email) = lower($1)`,
    [email.trim()],
  );
  const row = rows[0];
  if (!row) return verifyDecoy(password).then(() => null);
  if (!(await verifyPassword(row.password_hash, password))) return null;
  if (row.org_id === null || row.role === null) {
    throw new PonteError("user_disabled", `the user ${row.email} is disabled`);
  }
  await db.query(
    `with signed_in as (update users set last_login_at = now() where id = $1 returning id)
     update memberships set last_used_at = now() where user_id = $1 and org_id = $2`,
    [row.id, row.org_id],
  );
  return { id: row.id, email: row.email, role: row.role, orgId: row.org_id };
}

/** Sets a new password and ends every session of the user; `record` runs on the same transaction. */
export async function setPassword(
  db: Db,
  email: string,
  password: string,
  record?: (tx: Queryable, user: { id: number; email: string; orgIds: number[] }) => Promise<unknown>,
): Promise<{ id: number; email: string }> {
  checkPasswordRules(password);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: number; email: string; orgIds: number[] }>(
      `update users u set password_hash = $2 where lower(email) = lower($1)
       returning id, email,
                 array(select org_id::int from memberships m where m.user_id = u.id order by org_id) as "orgIds"`,
      [email.trim(), passwordHash],
    );
    const user = rows[0];
    if (!user) throw new PonteError("not_found", `no user with e-mail ${email}`);
    await tx.query("delete from sessions where user_id = $1", [user.id]);
    await record?.(tx, user);
    return { id: user.id, email: user.email };
  });
}

/** The organisation's members. */
export async function listUsers(db: Queryable, orgId: number): Promise<UserListing[]> {
  const { rows } = await db.query<UserListing>(
    `select ${USER_LISTING} from ${MEMBERS} where m.org_id = $1 order by u.id`,
    [orgId],
  );
  return rows;
}
