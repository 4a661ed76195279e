// The panel's users: one organization for now, so every user belongs to org 1 (as stores do).
// Each has a role (roles.ts); the first user is an admin.
import type { Db, Queryable } from "../db/db.ts";
import { PonteError } from "../errors.ts";
import { normalizeEmail } from "./email.ts";
import { checkPasswordRules, hashPassword, verifyDecoy, verifyPassword } from "./password.ts";
import type { Role } from "./roles.ts";

export interface User {
  id: number;
  email: string;
  role: Role;
}

export interface UserListing extends User {
  disabled: boolean;
  createdAt: Date;
  lastLoginAt: Date | null;
}

const DEFAULT_ORG = 1;

/** A user's row as lists and answers show it. */
export const USER_LISTING = `id, email, role, disabled_at is not null as disabled, created_at as "createdAt",
                 last_login_at as "lastLoginAt"`;
// Serializes first-run setups: two at once create one user.
const SETUP_LOCK = 7_301_955_003;

export async function hasUsers(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ any: boolean }>("select exists (select 1 from users) as any");
  return rows[0]?.any === true;
}

async function insertUser(
  tx: Queryable,
  email: string,
  passwordHash: string,
  role: Role,
): Promise<UserListing> {
  const { rows } = await tx.query<UserListing>(
    `insert into users (org_id, email, password_hash, role) values ($1, $2, $3, $4)
     on conflict (lower(email)) do nothing
     returning ${USER_LISTING}`,
    [DEFAULT_ORG, email, passwordHash, role],
  );
  if (!rows[0]) {
    throw new PonteError("conflict", `a user with e-mail ${email} already exists`, {
      details: { reasonCode: "email_in_use", field: "email" },
    });
  }
  return rows[0];
}

/**
 * Creates a user (the CLI or an admin); `record` runs on the same transaction (the audit trail).
 * Throws weak_password, validation_failed, conflict.
 */
export async function createUser(
  db: Db,
  input: { email: string; password: string; role: Role },
  record?: (tx: Queryable, user: UserListing) => Promise<unknown>,
): Promise<UserListing> {
  const email = normalizeEmail(input.email);
  checkPasswordRules(input.password);
  const passwordHash = await hashPassword(input.password); // outside the transaction: it takes a while
  return db.transaction(async (tx) => {
    const user = await insertUser(tx, email, passwordHash, input.role);
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
    return insertUser(tx, email, passwordHash, "admin");
  });
}

/**
 * The user whose e-mail and password match, or null; an unknown e-mail costs a verify too. A
 * disabled user with the right password is told so (user_disabled): they know the password.
 */
export async function authenticate(db: Queryable, email: string, password: string): Promise<User | null> {
  const { rows } = await db.query<User & { password_hash: string; disabled: boolean }>(
    "select id, email, role, password_hash, disabled_at is not null as disabled from users where lower(email) = lower($1)",
    [email.trim()],
  );
  const row = rows[0];
  if (!row) return verifyDecoy(password).then(() => null);
  if (!(await verifyPassword(row.password_hash, password))) return null;
  if (row.disabled) throw new PonteError("user_disabled", `the user ${row.email} is disabled`);
  await db.query("update users set last_login_at = now() where id = $1", [row.id]);
  return { id: row.id, email: row.email, role: row.role };
}

/** Sets a new password and ends every session of the user; `record` runs on the same transaction. */
export async function setPassword(
  db: Db,
  email: string,
  password: string,
  record?: (tx: Queryable, user: User) => Promise<unknown>,
): Promise<User> {
  checkPasswordRules(password);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<User>(
      "update users set password_hash = $2 where lower(email) = lower($1) returning id, email, role",
      [email.trim(), passwordHash],
    );
    const user = rows[0];
    if (!user) throw new PonteError("not_found", `no user with e-mail ${email}`);
    await tx.query("delete from sessions where user_id = $1", [user.id]);
    await record?.(tx, user);
    return user;
  });
}

export async function listUsers(db: Queryable): Promise<UserListing[]> {
  const { rows } = await db.query<UserListing>(`select ${USER_LISTING} from users order by id`);
  return rows;
}
