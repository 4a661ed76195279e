// API tokens for scripts: `ponte_<43 base64url chars>` (256 random bits), stored as SHA-256,
// shown once. The prefix (the first characters) tells tokens apart in a list.
import type { Db, Queryable } from "../db/db.ts";
import { PonteError } from "../errors.ts";
import { digest, randomSecret } from "./secrets.ts";

const TOKEN_PREFIX = "ponte_";
const DISPLAY_LENGTH = TOKEN_PREFIX.length + 6;
const DEFAULT_ORG = 1;
/** last_used_at is written at most this often: not one write per request. */
const TOUCH_EVERY_SECONDS = 60;

export interface TokenListing {
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export function normalizeTokenName(raw: string): string {
  const name = raw.trim();
  if (name.length === 0 || name.length > 100 || /[\p{Cc}]/u.test(name)) {
    throw new PonteError("validation_failed", "a token name has 1 to 100 printable characters");
  }
  return name;
}

/** Creates a token; the returned secret is the only copy there will ever be. */
export async function createToken(db: Db, rawName: string): Promise<{ token: string; prefix: string }> {
  const name = normalizeTokenName(rawName);
  const token = `${TOKEN_PREFIX}${randomSecret()}`;
  const prefix = token.slice(0, DISPLAY_LENGTH);
  const { rowCount } = await db.query(
    `insert into api_tokens (org_id, name, token_hash, prefix) values ($1, $2, $3, $4)
     on conflict (org_id, name) where revoked_at is null do nothing`,
    [DEFAULT_ORG, name, digest(token), prefix],
  );
  if (rowCount === 0) {
    throw new PonteError("conflict", `a token named "${name}" already exists (revoke it first)`);
  }
  return { token, prefix };
}

/** The live token's id and name, or undefined; refreshes last_used_at at most once a minute. */
export async function tokenPrincipal(
  db: Queryable,
  token: string,
): Promise<{ id: number; name: string } | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const { rows } = await db.query<{ id: number; name: string; stale: boolean }>(
    `select id, name,
            last_used_at is null or last_used_at < now() - make_interval(secs => $2) as stale
       from api_tokens where token_hash = $1 and revoked_at is null`,
    [digest(token), TOUCH_EVERY_SECONDS],
  );
  const row = rows[0];
  if (!row) return undefined;
  if (row.stale) await db.query("update api_tokens set last_used_at = now() where id = $1", [row.id]);
  return { id: row.id, name: row.name };
}

/** Revokes the live token of that name; false when there is none. */
export async function revokeToken(db: Queryable, name: string): Promise<boolean> {
  const { rowCount } = await db.query(
    "update api_tokens set revoked_at = now() where org_id = $1 and name = $2 and revoked_at is null",
    [DEFAULT_ORG, name.trim()],
  );
  return rowCount > 0;
}

export async function listTokens(db: Queryable): Promise<TokenListing[]> {
  const { rows } = await db.query<TokenListing>(
    `select name, prefix, created_at as "createdAt", last_used_at as "lastUsedAt", revoked_at as "revokedAt"
       from api_tokens order by revoked_at is not null, created_at`,
  );
  return rows;
}
