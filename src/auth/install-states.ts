// The state of an app install (OAuth): random, kept as its SHA-256 in PostgreSQL so any API
// process can finish an install another started, bound to the browser session that started
// it, usable once and for 10 minutes. Whoever comes back with a state that is not theirs
// (another browser, another user, nobody signed in) connects nothing.
import type { Queryable } from "../db/db.ts";
import { digest, randomSecret } from "./secrets.ts";

const INSTALL_STATE_TTL_SECONDS = 10 * 60;

/** Why a state was refused, as the log says it. */
export type StateRefusal =
  | "was never issued"
  | "came back to a browser with no signed-in session"
  | "was started in another session"
  | "was already used"
  | "expired";

/** A new state for one install of `platform`, bound to the session; the value goes in the authorize URL. */
export async function issueInstallState(db: Queryable, sessionId: number, platform: string): Promise<string> {
  // Old states are swept here, where installs start, rather than by a job.
  await db.query("delete from oauth_install_states where expires_at < now() - interval '1 day'");
  const state = randomSecret();
  await db.query(
    `insert into oauth_install_states (state_hash, session_id, platform, expires_at)
     values ($1, $2, $3, now() + make_interval(secs => $4))`,
    [digest(state), sessionId, platform, INSTALL_STATE_TTL_SECONDS],
  );
  return state;
}

/**
 * Marks the state used when it is this session's, unused and live: null then. Otherwise says
 * why not, and leaves it as it was (a stranger presenting it does not burn the owner's install).
 */
export async function consumeInstallState(
  db: Queryable,
  input: { state: string | undefined; sessionId: number | undefined; platform: string },
): Promise<StateRefusal | null> {
  if (!input.state) return "was never issued";
  const hash = digest(input.state);
  if (input.sessionId !== undefined) {
    const { rowCount } = await db.query(
      `update oauth_install_states set used_at = now()
        where state_hash = $1 and platform = $2 and session_id = $3 and used_at is null and expires_at > now()`,
      [hash, input.platform, input.sessionId],
    );
    if (rowCount === 1) return null;
  }
  const { rows } = await db.query<{ same: boolean; used: boolean; expired: boolean }>(
    `select session_id = $3 as same, used_at is not null as used, expires_at <= now() as expired
       from oauth_install_states where state_hash = $1 and platform = $2`,
    [hash, input.platform, input.sessionId ?? null],
  );
  const row = rows[0];
  if (!row) return "was never issued";
  if (input.sessionId === undefined) return "came back to a browser with no signed-in session";
  if (!row.same) return "was started in another session";
  return row.used ? "was already used" : "expired";
}
