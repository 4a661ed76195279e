// Browser sessions. The cookie holds a random id; the table holds its SHA-256, so reading
// the table opens no session. A session ends 7 days after sign-in whatever happens, after
// 12 idle hours, on logout, or when the user's password is reset or the user is disabled or removed.
import type { Queryable } from "../db/db.ts";
import { digest, randomSecret } from "./secrets.ts";
import type { User } from "./users.ts";

export const SESSION_LIFETIME_SECONDS = 7 * 24 * 3600;
export const SESSION_IDLE_SECONDS = 12 * 3600;
/** last_seen_at is written at most this often: not one write per request. */
const TOUCH_EVERY_SECONDS = 60;

export interface NewSession {
  /** The cookie value: shown to the browser only. */
  id: string;
  expiresAt: Date;
}

/** A session working in the organisation (one of the user's live memberships). */
export async function createSession(db: Queryable, userId: number, orgId: number): Promise<NewSession> {
  const id = randomSecret();
  // Ended sessions are swept here, where sign-ins are rare, rather than by a job.
  await db.query(
    "delete from sessions where expires_at < now() or last_seen_at < now() - make_interval(secs => $1)",
    [SESSION_IDLE_SECONDS],
  );
  const { rows } = await db.query<{ expires_at: Date }>(
    `insert into sessions (token_hash, user_id, org_id, expires_at)
     values ($1, $2, $3, now() + make_interval(secs => $4)) returning expires_at`,
    [digest(id), userId, orgId, SESSION_LIFETIME_SECONDS],
  );
  return { id, expiresAt: rows[0]!.expires_at };
}

/**
 * The user a live session belongs to, with the organisation it works in and the role there (and
 * the session's row id), or undefined; refreshes the idle clock. A disabled membership ends it.
 */
export async function sessionUser(
  db: Queryable,
  id: string,
): Promise<(User & { sessionId: number }) | undefined> {
  const { rows } = await db.query<User & { session_id: number; stale: boolean }>(
    `select s.id as session_id, u.id, u.email, m.role, m.org_id as "orgId",
            s.last_seen_at < now() - make_interval(secs => $3) as stale
       from sessions s join users u on u.id = s.user_id
       join memberships m on m.user_id = s.user_id and m.org_id = s.org_id
      where s.token_hash = $1 and s.expires_at > now() and m.disabled_at is null
        and s.last_seen_at > now() - make_interval(secs => $2)`,
    [digest(id), SESSION_IDLE_SECONDS, TOUCH_EVERY_SECONDS],
  );
  const row = rows[0];
  if (!row) return undefined;
  if (row.stale) await db.query("update sessions set last_seen_at = now() where id = $1", [row.session_id]);
  return { id: row.id, email: row.email, sessionId: row.session_id, role: row.role, orgId: row.orgId };
}

export async function endSession(db: Queryable, id: string): Promise<void> {
  await db.query("delete from sessions where token_hash = $1", [digest(id)]);
}

/** Moves the session to another organisation of the user's; false when they have no live membership there. */
export async function switchSessionOrg(db: Queryable, sessionId: number, orgId: number): Promise<boolean> {
  // The membership remembers it was used: the next sign-in lands here.
  const { rowCount } = await db.query(
    `with switched as (
       update sessions s set org_id = $2
        where s.id = $1 and exists (select 1 from memberships m
                                     where m.user_id = s.user_id and m.org_id = $2 and m.disabled_at is null)
        returning s.user_id)
     update memberships m set last_used_at = now() from switched
      where m.user_id = switched.user_id and m.org_id = $2`,
    [sessionId, orgId],
  );
  return rowCount === 1;
}
