// The state of an app install (OAuth): random, kept as its SHA-256 in PostgreSQL so any API
// process can finish an install another started, bound to the browser session that started
// it, usable once and for 10 minutes. Whoever comes back with a state that is not theirs
// (another browser, another user, nobody signed in) connects nothing. For a key handover the
// state also holds the store the merchant named and, sealed, the keys the platform delivered.
import { decryptCredentials, encryptCredentials } from "../crypto/credentials.ts";
import type { Queryable } from "../db/db.ts";
import type { InstallStoreAddress } from "../platforms/module.ts";
import { digest, randomSecret } from "./secrets.ts";

const INSTALL_STATE_TTL_SECONDS = 10 * 60;

/** Why a state was refused, as the log says it. */
export type StateRefusal =
  | "was never issued"
  | "came back to a browser with no signed-in session"
  | "was started in another session"
  | "was already used"
  | "expired";

/**
 * A new state for one install of `platform`, bound to the session, with the store the merchant
 * named when the install starts from the store's site; the value goes in the authorize URL.
 */
export async function issueInstallState(
  db: Queryable,
  sessionId: number,
  platform: string,
  store: InstallStoreAddress | null = null,
): Promise<string> {
  // Old states are swept here, where installs start, rather than by a job.
  await db.query("delete from oauth_install_states where expires_at < now() - interval '1 day'");
  const state = randomSecret();
  await db.query(
    `insert into oauth_install_states (state_hash, session_id, platform, expires_at, store_external_id, api_base_url)
     values ($1, $2, $3, now() + make_interval(secs => $4), $5, $6)`,
    [
      digest(state),
      sessionId,
      platform,
      INSTALL_STATE_TTL_SECONDS,
      store?.externalId ?? null,
      store?.apiBaseUrl ?? null,
    ],
  );
  return state;
}

/** AAD for delivered credentials: they decrypt only for the install state they were delivered to. */
const deliveryContext = (platform: string, stateHash: Buffer) =>
  `ponte:install-delivery:${platform}:${stateHash.toString("hex")}`;

/**
 * Keeps the credentials a platform delivered for a live, unused install (sealed), once: true then.
 * False for a state never issued, used, expired or already delivered to: the platform is answered
 * 400 and drops what it made.
 */
export async function recordDelivery(
  db: Queryable,
  secretKey: Buffer,
  input: { platform: string; state: string; credentials: Record<string, unknown> },
): Promise<boolean> {
  const hash = digest(input.state);
  const sealed = encryptCredentials(secretKey, deliveryContext(input.platform, hash), input.credentials);
  const { rowCount } = await db.query(
    `update oauth_install_states set delivered = $3
      where state_hash = $1 and platform = $2 and used_at is null and expires_at > now() and delivered is null`,
    [hash, input.platform, sealed],
  );
  return rowCount === 1;
}

/** A state this session may finish: the store it started with and what was delivered for it. */
export interface ConsumedInstall {
  store: InstallStoreAddress | null;
  delivered: Record<string, unknown> | null;
}

/**
 * Marks the state used when it is this session's, unused and live, and hands back what it holds
 * (the delivered credentials leave the table). Otherwise says why not, and leaves it as it was (a
 * stranger presenting it does not burn the owner's install).
 */
export async function consumeInstallState(
  db: Queryable,
  secretKey: Buffer,
  input: { state: string | undefined; sessionId: number | undefined; platform: string },
): Promise<{ refusal: StateRefusal } | ConsumedInstall> {
  if (!input.state) return { refusal: "was never issued" };
  const hash = digest(input.state);
  if (input.sessionId !== undefined) {
    const { rows } = await db.query<{
      store_external_id: string | null;
      api_base_url: string | null;
      delivered: Buffer | null;
    }>(
      `update oauth_install_states s set used_at = now(), delivered = null
         from oauth_install_states old
        where s.state_hash = $1 and s.platform = $2 and s.session_id = $3 and s.used_at is null
          and s.expires_at > now() and old.state_hash = s.state_hash
       returning old.store_external_id, old.api_base_url, old.delivered`,
      [hash, input.platform, input.sessionId],
    );
    const row = rows[0];
    if (row) {
      return {
        store:
          row.store_external_id === null
            ? null
            : { externalId: row.store_external_id, apiBaseUrl: row.api_base_url },
        delivered:
          row.delivered &&
          decryptCredentials(secretKey, deliveryContext(input.platform, hash), row.delivered),
      };
    }
  }
  const { rows } = await db.query<{ same: boolean; used: boolean; expired: boolean }>(
    `select session_id = $3 as same, used_at is not null as used, expires_at <= now() as expired
       from oauth_install_states where state_hash = $1 and platform = $2`,
    [hash, input.platform, input.sessionId ?? null],
  );
  const row = rows[0];
  if (!row) return { refusal: "was never issued" };
  if (input.sessionId === undefined) return { refusal: "came back to a browser with no signed-in session" };
  if (!row.same) return { refusal: "was started in another session" };
  return { refusal: row.used ? "was already used" : "expired" };
}
