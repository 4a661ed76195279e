// Auditoria (issue 17): the audit trail read newest first, narrowed by the screen's filters, a
// keyset page at a time, and the same rows as a CSV file.
import type { Readable } from "node:stream";
import { csvDateTime } from "../backoffice/csv-write.ts";
import { csvStream } from "../backoffice/exports.ts";
import { fieldError } from "../backoffice/field-error.ts";
import { cursorBatches } from "../db/cursor-stream.ts";
import type { Db, Queryable } from "../db/db.ts";
import { decodeCursor, encodeCursor, isDate, isTimestamp } from "../db/keyset-cursor.ts";
import { BUSINESS_TIME_ZONE } from "../domain/business-date.ts";
import { ACTOR_KINDS, ENTITY_LABELS } from "./labels.ts";

export const AUDIT_LIMIT_DEFAULT = 50;
export const AUDIT_LIMIT_MAX = 200;

export interface AuditFilter {
  /** Days (YYYY-MM-DD) in São Paulo time, both whole days included. */
  from?: string;
  to?: string;
  /** Part of who: the user's e-mail or the token's name. */
  actor?: string;
  /** The start of the action: "order" finds order.invoice, order.status… */
  action?: string;
  entityType?: string;
  entityId?: string;
  /** Anywhere: the action, who, from where, the entity, the values before and after. */
  q?: string;
}

export interface AuditListQuery extends AuditFilter {
  limit?: number;
  after?: string;
}

export interface AuditItem {
  id: number;
  at: string;
  actorKind: string;
  actorName: string;
  ip: string | null;
  userAgent: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  entityLabel: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The where clause of the filters; `params` receives their values. */
function auditWhere(orgId: number, filter: AuditFilter, params: unknown[]): string {
  for (const field of ["from", "to"] as const) {
    const day = filter[field];
    // The schema checks the form; PostgreSQL also refuses year 0.
    if (day && !isDate(day)) throw fieldError(field, "bad_date", "is not a day", "Data inválida");
  }
  const p = (value: unknown) => `$${params.push(value)}`;
  const where = [`a.org_id = ${p(orgId)}`];
  const zone = `'${BUSINESS_TIME_ZONE}'`; // a constant: a parameter left unused would have no type
  if (filter.from) where.push(`a.at >= (${p(filter.from)}::date)::timestamp at time zone ${zone}`);
  if (filter.to) where.push(`a.at < (${p(filter.to)}::date + 1)::timestamp at time zone ${zone}`);
  const actor = filter.actor?.trim();
  if (actor) where.push(`a.actor_name ilike ${p(`%${escapeLike(actor)}%`)}`);
  const action = filter.action?.trim();
  if (action) where.push(`a.action like ${p(`${escapeLike(action)}%`)}`);
  if (filter.entityType) where.push(`a.entity_type = ${p(filter.entityType)}`);
  if (filter.entityId) where.push(`a.entity_id = ${p(filter.entityId)}`);
  const q = filter.q?.trim();
  if (q) {
    const like = p(`%${escapeLike(q)}%`);
    where.push(`concat_ws(' ', a.action, a.actor_name, a.ip, a.entity_type, a.entity_id, a.entity_label,
                          a.before::text, a.after::text) ilike ${like}`);
  }
  return where.join(" and ");
}

const COLUMNS = `a.id, a.at, to_json(a.at) #>> '{}' as cursor_at, a.actor_kind as "actorKind",
  a.actor_name as "actorName", a.ip, a.user_agent as "userAgent", a.action, a.entity_type as "entityType",
  a.entity_id as "entityId", a.entity_label as "entityLabel", a.before, a.after`;

type Row = Omit<AuditItem, "at"> & { at: Date; cursor_at: string };

export async function listAudit(
  q: Queryable,
  orgId: number,
  query: AuditListQuery,
): Promise<{ items: AuditItem[]; next: string | null }> {
  const limit = Math.min(query.limit ?? AUDIT_LIMIT_DEFAULT, AUDIT_LIMIT_MAX);
  const params: unknown[] = [];
  let where = auditWhere(orgId, query, params);
  if (query.after) {
    const [at, id] = decodeCursor(query.after, isTimestamp);
    params.push(at, id);
    where += ` and (a.at, a.id) < ($${params.length - 1}::timestamptz, $${params.length}::bigint)`;
  }
  params.push(limit + 1);
  const { rows } = await q.query<Row>(
    `select ${COLUMNS} from audit_log a where ${where} order by a.at desc, a.id desc limit $${params.length}`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(({ cursor_at: _, at, ...item }) => ({
      ...item,
      id: Number(item.id),
      at: at.toISOString(),
    })),
    next: rows.length > limit && last ? encodeCursor(last.cursor_at, Number(last.id)) : null,
  };
}

export const AUDIT_COLUMNS = ["Quando", "Quem", "Tipo", "De onde", "Ação", "Entidade", "Antes", "Depois"];

const json = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value));

/** The rows GET /audit lists under the same filters, newest first, as pt-BR CSV. */
export function auditCsv(db: Db, orgId: number, filter: AuditFilter): Readable {
  const params: unknown[] = [];
  const sql = `select ${COLUMNS} from audit_log a where ${auditWhere(orgId, filter, params)}
    order by a.at desc, a.id desc`;
  return csvStream<Row>(AUDIT_COLUMNS, cursorBatches(db, sql, params), (r) => [
    csvDateTime(r.at),
    r.actorName,
    ACTOR_KINDS[r.actorKind] ?? r.actorKind,
    r.ip,
    r.action,
    [ENTITY_LABELS[r.entityType] ?? r.entityType, r.entityLabel ?? r.entityId].filter(Boolean).join(" "),
    json(r.before),
    json(r.after),
  ]);
}
