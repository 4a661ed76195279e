// The audit trail's one writer (issue 17): a change records who made it, when, from where and
// the fields it changed, on the change's own transaction, so the row commits or rolls back with
// it. Routes take the "who and from where" from the request (auditSource); secrets are masked
// here (mask.ts), so no caller can forget.
import type { FastifyRequest } from "fastify";
import type { Queryable } from "../db/db.ts";
import { PonteError } from "../errors.ts";
import { maskSecrets } from "./mask.ts";

export type ActorKind = "user" | "token" | "cli" | "system";

/** Who made a change, from where, and in which organisation. */
export interface AuditSource {
  orgId: number;
  actor: { kind: ActorKind; id: number | null; name: string };
  ip: string | null;
  userAgent: string | null;
}

export type Fields = Record<string, unknown>;

export interface AuditEntry {
  /** What was done, dotted, most general first: "store.settings.update", "order.invoice". */
  action: string;
  /** What it was done to ("order", "store", "product"…) and its id there. */
  entityType: string;
  entityId?: string | number | null;
  /** What a person calls it: the order's number, the store's name. */
  entityLabel?: string | null;
  /** The entity's fields before and after; when both are given, only the changed ones are kept. */
  before?: Fields | null;
  after?: Fields | null;
  /** The action's own input (a note, a reason), kept with `after`. */
  input?: Fields;
}

const USER_AGENT_MAX = 300;

/** Who is calling (the session's user or the API token) and from where (PONTE_TRUST_PROXY decides request.ip). */
export function auditSource(request: FastifyRequest): AuditSource {
  const principal = request.principal;
  if (!principal) throw new PonteError("unauthenticated", "no principal on this request");
  const agent = request.headers["user-agent"];
  return {
    orgId: principal.orgId,
    actor: { kind: principal.kind, id: principal.id, name: principal.name },
    ip: request.ip ?? null,
    userAgent: agent ? agent.slice(0, USER_AGENT_MAX) : null,
  };
}

/** A change made from the command line (ponte user/token) in an organisation: `name` is the OS user, when known. */
export function cliSource(orgId: number, name = "ponte"): AuditSource {
  return { orgId, actor: { kind: "cli", id: null, name }, ip: null, userAgent: null };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields that differ between two snapshots, each side with only those fields. */
export function changedFields(before: Fields, after: Fields): { before: Fields; after: Fields } {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const out = { before: {} as Fields, after: {} as Fields };
  for (const key of keys) {
    if (same(before[key], after[key])) continue;
    out.before[key] = before[key] ?? null;
    out.after[key] = after[key] ?? null;
  }
  return out;
}

/**
 * Records one change on `tx` (the change's transaction). With both snapshots, a change that
 * changed nothing and carries no input is not recorded (false).
 */
export async function recordAudit(tx: Queryable, source: AuditSource, entry: AuditEntry): Promise<boolean> {
  let before = entry.before ?? null;
  let after = entry.after ?? null;
  if (before && after) ({ before, after } = changedFields(before, after));
  const input = entry.input && Object.keys(entry.input).length > 0 ? entry.input : null;
  const empty = (f: Fields | null) => !f || Object.keys(f).length === 0;
  if (entry.before && entry.after && empty(before) && !input) return false;
  if (input) after = { ...(after ?? {}), ...input };
  await tx.query(
    `insert into audit_log (org_id, actor_kind, actor_id, actor_name, ip, user_agent, action, entity_type,
                            entity_id, entity_label, before, after)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      source.orgId,
      source.actor.kind,
      source.actor.id,
      source.actor.name,
      source.ip,
      source.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
      entry.action,
      entry.entityType,
      entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      entry.entityLabel ?? null,
      empty(before) ? null : JSON.stringify(maskSecrets(before)),
      empty(after) ? null : JSON.stringify(maskSecrets(after)),
    ],
  );
  return true;
}
