// Auditoria (issue 17): who changed what, when and from where — the audit trail listed newest
// first under the screen's filters, and the same rows as a CSV file.
import type { FastifyInstance } from "fastify";
import {
  AUDIT_LIMIT_DEFAULT,
  AUDIT_LIMIT_MAX,
  type AuditListQuery,
  auditCsv,
  listAudit,
} from "../../audit/list.ts";
import { CSV_CONTENT_TYPE, csvFileName } from "../../backoffice/csv-write.ts";
import type { AppContext } from "../../context.ts";
import { dbOf, orgOf } from "../plugins/auth.ts";
import { problem } from "./integration.ts";
import { nullable } from "./order-schemas.ts";
import { whole } from "./schema-parts.ts";

const TAGS = ["audit"];

const day = { type: "string", format: "date" } as const;

const filterProperties = {
  from: { ...day, description: "From this day on (YYYY-MM-DD, São Paulo time)" },
  to: { ...day, description: "Up to this day, the whole day included (YYYY-MM-DD, São Paulo time)" },
  actor: { type: "string", maxLength: 200, description: "Part of who: a user's e-mail or a token's name" },
  action: {
    type: "string",
    maxLength: 100,
    description: "The start of the action: `order` finds order.invoice, order.status…",
  },
  entityType: {
    type: "string",
    maxLength: 40,
    description: "order, store, store_order, email_template, product, customer, settings, user, token",
  },
  entityId: { type: "string", maxLength: 200 },
  q: {
    type: "string",
    maxLength: 200,
    description: "Text anywhere: action, who, IP, entity, values before and after",
  },
} as const;

const changes = { type: ["object", "null"], additionalProperties: true } as const;

const item = whole({
  type: "object",
  properties: {
    id: { type: "integer" },
    at: { type: "string", format: "date-time" },
    actorKind: { type: "string", enum: ["user", "token", "cli", "system"] },
    actorName: { type: "string", description: "The user's e-mail or the token's name, as it was then" },
    ip: { ...nullable("string"), description: "Where the request came from (PONTE_TRUST_PROXY decides)" },
    userAgent: nullable("string"),
    action: {
      type: "string",
      description: "Dotted, most general first: store.settings.update, order.invoice…",
    },
    entityType: { type: "string" },
    entityId: nullable("string"),
    entityLabel: { ...nullable("string"), description: "The order's number, the store's name…" },
    before: { ...changes, description: "The changed fields before (secrets as ••••); null on a creation" },
    after: { ...changes, description: "The changed fields after, and the action's input (secrets as ••••)" },
  },
});

export async function auditRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.get<{ Querystring: AuditListQuery }>(
    "/api/v1/audit",
    {
      schema: {
        tags: TAGS,
        summary:
          "Auditoria: every change made by a person or an API token, newest first, a keyset page at a time",
        description:
          "Each change is recorded in its own transaction: who (user or token), when, from where (IP, user agent), the action, the entity and the changed fields before and after, secrets masked. Pass `next` back as `after` for the following page; it is null on the last one.",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            ...filterProperties,
            limit: { type: "integer", minimum: 1, maximum: AUDIT_LIMIT_MAX, default: AUDIT_LIMIT_DEFAULT },
            after: { type: "string", maxLength: 1000, description: "The `next` of the previous page" },
          },
        },
        response: {
          200: whole({
            type: "object",
            properties: { items: { type: "array", items: item }, next: nullable("string") },
          }),
          400: problem,
        },
      },
    },
    async (request) => listAudit(dbOf(request), orgOf(request), request.query),
  );

  app.get<{ Querystring: AuditListQuery }>(
    "/api/v1/exports/audit",
    {
      schema: {
        tags: ["exports"],
        summary: "Export the audit trail (its current filters) as CSV, newest first",
        description:
          "The filters of GET /api/v1/audit (no page: every row they find). Columns: Quando (dd/mm/aaaa HH:MM, São Paulo); Quem; Tipo (Usuário, Token de API, Linha de comando); De onde (IP); Ação; Entidade; Antes; Depois (the changed fields as JSON, secrets as ••••).",
        querystring: { type: "object", additionalProperties: false, properties: filterProperties },
        response: {
          200: {
            description: "auditoria-AAAA-MM-DD.csv",
            content: { "text/csv": { schema: { type: "string" } } },
          },
          400: problem,
        },
      },
    },
    async (request, reply) =>
      reply
        .type(CSV_CONTENT_TYPE)
        .header("content-disposition", `attachment; filename="${csvFileName("auditoria")}"`)
        .header("cache-control", "no-store")
        .send(auditCsv(dbOf(request), orgOf(request), request.query)),
  );
}
