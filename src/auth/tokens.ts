// API tokens for scripts: `ponte_<43 base64url chars>` (256 random bits), stored as SHA-256,
// shown once. The prefix (the first characters) tells tokens apart in a list. Each carries a
// role or a narrower scope (roles.ts) and may expire.
import type { Queryable } from "../db/db.ts";
import { PonteError } from "../errors.ts";
import type { TokenAccess } from "./roles.ts";
import { digest, randomSecret } from "./secrets.ts";

const TOKEN_PREFIX = "ponte_";
const DISPLAY_LENGTH = TOKEN_PREFIX.length + 6;
/** last_used_at is written at most this often: not one write per request. */
const TOUCH_EVERY_SECONDS = 60;
/** The furthest expiry accepted: a token meant to last longer should simply not expire. */
export const MAX_TOKEN_DAYS = 3650;

export interface TokenListing {
  id: number;
  name: string;
  prefix: string;
  access: TokenAccess;
  createdAt: Date;
  createdBy: string | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface NewToken {
  name: string;
  access: TokenAccess;
  /** Days until it stops working; none: it works until revoked. */
  expiresInDays?: number;
  /** "user:<email>", "token:<name>" or "cli": who made it. */
  createdBy: string;
}

export function normalizeTokenName(raw: string): string {
  const name = raw.trim();
  if (name.length === 0 || name.length > 100 || /[\p{Cc}]/u.test(name)) {
    throw new PonteError("validation_failed", "a token name has 1 to 100 printable characters", {
      details: { field: "name" },
    });
  }
  return name;
}

function checkDays(days: number | undefined): void {
  if (days === undefined) return;
  if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) {
    throw new PonteError("validation_failed", `a token expires in 1 to ${MAX_TOKEN_DAYS} whole days`, {
      details: { field: "expiresInDays" },
    });
  }
}

const LISTING = `id, name, prefix, access, created_at as "createdAt", created_by as "createdBy",
                 expires_at as "expiresAt", last_used_at as "lastUsedAt", revoked_at as "revokedAt"`;

/** Creates a token of the organisation; the returned secret is the only copy there will ever be. */
export async function createToken(
  db: Queryable,
  orgId: number,
  input: NewToken,
): Promise<{ token: string; listing: TokenListing }> {
  const name = normalizeTokenName(input.name);
  checkDays(input.expiresInDays);
  const token = `${TOKEN_PREFIX}${randomSecret()}`;
  const { rows } = await db.query<TokenListing>(
    `insert into api_tokens (org_id, name, token_hash, prefix, access, expires_at, created_by)
     values ($1, $2, $3, $4, $5, now() + make_interval(days => $6::int), $7)
     on conflict (org_id, name) where revoked_at is null do nothing
     returning ${LISTING}`,
    [
      orgId,
      name,
      digest(token),
      token.slice(0, DISPLAY_LENGTH),
      input.access,
      input.expiresInDays ?? null,
      input.createdBy,
    ],
  );
  if (!rows[0]) {
    throw new PonteError("conflict", `a token named "${name}" already exists (revoke it first)`, {
      details: { field: "name" },
    });
  }
  return { token, listing: rows[0] };
}

/**
 * The live, unexpired token's id, name, access and organisation, or undefined; refreshes
 * last_used_at at most once a minute.
 */
export async function tokenPrincipal(
  db: Queryable,
  token: string,
): Promise<{ id: number; name: string; access: TokenAccess; orgId: number } | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const { rows } = await db.query<{
    id: number;
    name: string;
    access: TokenAccess;
    orgId: number;
    stale: boolean;
  }>(
    `select id, name, access, org_id as "orgId",
            last_used_at is null or last_used_at < now() - make_interval(secs => $2) as stale
       from api_tokens
      where token_hash = $1 and revoked_at is null and (expires_at is null or expires_at > now())`,
    [digest(token), TOUCH_EVERY_SECONDS],
  );
  const row = rows[0];
  if (!row) return undefined;
  if (row.stale) await db.query("update api_tokens set last_used_at = now() where id = $1", [row.id]);
  return { id: row.id, name: row.name, access: row.access, orgId: row.orgId };
}

/** Revokes the live token of that name: the token as it now is, undefined when there is none. */
export async function revokeToken(
  db: Queryable,
  orgId: number,
  name: string,
): Promise<TokenListing | undefined> {
  const { rows } = await db.query<TokenListing>(
    `update api_tokens set revoked_at = now() where org_id = $1 and name = $2 and revoked_at is null
     returning ${LISTING}`,
    [orgId, name.trim()],
  );
  return rows[0];
}

/**
 * Revokes a token by id (the panel): the token as it now is and whether this call revoked it
 * (false: it already was); undefined when there is none.
 */
export async function revokeTokenById(
  db: Queryable,
  orgId: number,
  id: number,
): Promise<{ token: TokenListing; revoked: boolean } | undefined> {
  const { rows } = await db.query<TokenListing>(
    `update api_tokens set revoked_at = now() where org_id = $1 and id = $2 and revoked_at is null
     returning ${LISTING}`,
    [orgId, id],
  );
  if (rows[0]) return { token: rows[0], revoked: true };
  const { rows: found } = await db.query<TokenListing>(
    `select ${LISTING} from api_tokens where org_id = $1 and id = $2`,
    [orgId, id],
  );
  return found[0] ? { token: found[0], revoked: false } : undefined;
}

/** The organisation's tokens: live ones first, then revoked and expired ones, oldest first within each. */
export async function listTokens(db: Queryable, orgId: number): Promise<TokenListing[]> {
  const { rows } = await db.query<TokenListing>(
    `select ${LISTING} from api_tokens where org_id = $1
      order by revoked_at is not null or coalesce(expires_at < now(), false), created_at`,
    [orgId],
  );
  return rows;
}
