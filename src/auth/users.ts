// The panel's users: one organization for now, so every user belongs to org 1 (as stores do).
import type { Db, Queryable } from "../db/db.ts";
import { PonteError } from "../errors.ts";
import { normalizeEmail } from "./email.ts";
import { checkPasswordRules, hashPassword, verifyDecoy, verifyPassword } from "./password.ts";

export interface User {
  id: number;
  email: string;
}

export interface UserListing extends User {
  createdAt: Date;
  lastLoginAt: Date | null;
}

const DEFAULT_ORG = 1;
// Serializes first-run setups: two at once create one user.
const SETUP_LOCK = 7_301_955_003;

export async function hasUsers(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ any: boolean }>("select exists (select 1 from users) as any");
  return rows[0]?.any === true;
}

async function insertUser(tx: Queryable, email: string, passwordHash: string): Promise<User> {
  const { rows } = await tx.query<User>(
    `insert into users (org_id, email, password_hash) values ($1, $2, $3)
     on conflict (lower(email)) do nothing
     returning id, email`,
    [DEFAULT_ORG, email, passwordHash],
  );
  if (!rows[0]) {
    throw new PonteError("conflict", `a user with e-mail ${email} already exists`);
  }
  return rows[0];
}

/** Creates a user (the CLI may add any number). Throws weak_password, validation_failed, conflict. */
export async function createUser(db: Db, input: { email: string; password: string }): Promise<User> {
  const email = normalizeEmail(input.email);
  checkPasswordRules(input.password);
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => insertUser(tx, email, passwordHash));
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
    return insertUser(tx, email, passwordHash);
  });
}

/** The user whose e-mail and password match, or null; an unknown e-mail costs a verify too. */
export async function authenticate(db: Queryable, email: string, password: string): Promise<User | null> {
  const { rows } = await db.query<User & { password_hash: string }>(
    "select id, email, password_hash from users where lower(email) = lower($1)",
    [email.trim()],
  );
  const row = rows[0];
  if (!row) return verifyDecoy(password).then(() => null);
  if (!(await verifyPassword(row.password_hash, password))) return null;
  await db.query("update users set last_login_at = now() where id = $1", [row.id]);
  return { id: row.id, email: row.email };
}

/** Sets a new password and ends every session of the user. */
export async function setPassword(db: Db, email: string, password: string): Promise<User> {
  checkPasswordRules(password);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<User>(
      "update users set password_hash = $2 where lower(email) = lower($1) returning id, email",
      [email.trim(), passwordHash],
    );
    const user = rows[0];
    if (!user) throw new PonteError("not_found", `no user with e-mail ${email}`);
    await tx.query("delete from sessions where user_id = $1", [user.id]);
    return user;
  });
}

export async function listUsers(db: Queryable): Promise<UserListing[]> {
  const { rows } = await db.query<UserListing>(
    `select id, email, created_at as "createdAt", last_login_at as "lastLoginAt" from users order by id`,
  );
  return rows;
}
