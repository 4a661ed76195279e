// The audit trail's words for users and API tokens (the panel's labels: user.create, user.update,
// user.delete, token.create, token.revoke). Never a password or a token's secret.
import type { TokenListing } from "../auth/tokens.ts";
import type { UserListing } from "../auth/users.ts";
import type { Queryable } from "../db/db.ts";
import { type AuditSource, recordAudit } from "./record.ts";

type UserFields = Pick<UserListing, "id" | "email" | "role"> & { disabled?: boolean };

const userFields = (u: UserFields) => ({ email: u.email, role: u.role, disabled: u.disabled ?? false });

export const recordUserCreated = (tx: Queryable, source: AuditSource, user: UserFields) =>
  recordAudit(tx, source, {
    action: "user.create",
    entityType: "user",
    entityId: user.id,
    entityLabel: user.email,
    after: userFields(user),
  });

export const recordUserChanged = (
  tx: Queryable,
  source: AuditSource,
  before: UserListing,
  after: UserListing,
) =>
  recordAudit(tx, source, {
    action: "user.update",
    entityType: "user",
    entityId: after.id,
    entityLabel: after.email,
    before: userFields(before),
    after: userFields(after),
  });

/** A new password (never its value); the user's sessions ended with it. */
export const recordPasswordSet = (tx: Queryable, source: AuditSource, user: { id: number; email: string }) =>
  recordAudit(tx, source, {
    action: "user.password",
    entityType: "user",
    entityId: user.id,
    entityLabel: user.email,
    input: { sessionsEnded: true },
  });

export const recordUserRemoved = (tx: Queryable, source: AuditSource, user: UserListing) =>
  recordAudit(tx, source, {
    action: "user.delete",
    entityType: "user",
    entityId: user.id,
    entityLabel: user.email,
    before: userFields(user),
  });

/** `name`, not `tokenName`: a field whose name says token is masked. */
const tokenFields = (t: TokenListing) => ({
  name: t.name,
  prefix: t.prefix,
  access: t.access,
  expiresAt: t.expiresAt,
});

export const recordTokenCreated = (tx: Queryable, source: AuditSource, token: TokenListing) =>
  recordAudit(tx, source, {
    action: "token.create",
    entityType: "token",
    entityId: token.id,
    entityLabel: token.name,
    after: tokenFields(token),
  });

export const recordTokenRevoked = (tx: Queryable, source: AuditSource, token: TokenListing) =>
  recordAudit(tx, source, {
    action: "token.revoke",
    entityType: "token",
    entityId: token.id,
    entityLabel: token.name,
    before: tokenFields(token),
    input: { revokedAt: token.revokedAt },
  });
