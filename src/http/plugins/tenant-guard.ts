// The first of tenancy's two locks (row-level security is the second, db/tenant-db.ts): before a
// route runs, every id in its path must name something of the principal's organisation, checked
// with an explicit org_id filter on the owner's connection, so it holds even where a query below
// forgot its own. Another organisation's id is a 404, exactly like an id that does not exist.
// Each path parameter has a rule here; a route whose parameter has none fails at start-up. Ids a
// list takes as filters in its query string (a store, a sales order) are checked the same way.
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { AppContext } from "../../context.ts";
import type { Queryable } from "../../db/db.ts";
import { PonteError } from "../../errors.ts";

/** Where the value of a path parameter is found with its org_id: a table and the column holding it. */
interface Owner {
  table: string;
  column: string;
  /** The value is an id (a positive whole number). */
  numeric: boolean;
}

const byId = (table: string): Owner => ({ table, column: "id", numeric: true });

/** `:id` after these path segments, and named parameters wherever they are. */
const ID_AFTER: Record<string, Owner> = {
  stores: byId("stores"),
  orders: byId("sales_orders"),
  customers: byId("customers"),
  receivables: byId("receivables"),
  emails: byId("email_outbox"),
  pushes: byId("outbox"),
  tokens: byId("api_tokens"),
  "privacy-requests": byId("privacy_requests"),
  users: { table: "memberships", column: "user_id", numeric: true },
};
const NAMED: Record<string, Owner> = {
  storeId: byId("stores"),
  receiptId: byId("receivable_receipts"),
  sku: { table: "products", column: "sku", numeric: false },
};
/** Query-string filters that name an id (a whole number, or a list of them). */
const QUERY: Record<string, Owner> = {
  storeId: byId("stores"),
  salesOrderId: byId("sales_orders"),
};
/** Parameters that name no organisation's data: a platform, a canonical status; an order of a checked store. */
const SHARED = new Set(["platform", "status", "externalId"]);

/** The owner rule of each parameter of a route pattern; throws for a parameter without one. */
export function ownersOf(pattern: string): { param: string; owner: Owner }[] {
  const segments = pattern.split("/");
  const out: { param: string; owner: Owner }[] = [];
  segments.forEach((segment, i) => {
    if (!segment.startsWith(":")) return;
    const param = segment.slice(1);
    if (SHARED.has(param)) return;
    const owner = param === "id" ? ID_AFTER[segments[i - 1] ?? ""] : NAMED[param];
    if (!owner) throw new Error(`${pattern}: no tenant rule for :${param} (http/plugins/tenant-guard.ts)`);
    out.push({ param, owner });
  });
  return out;
}

// biome-ignore lint/suspicious/noExplicitAny: a route's JSON schema, read generically
type JsonSchema = Record<string, any>;
const isIdSchema = (schema: JsonSchema | undefined): boolean =>
  schema !== undefined &&
  ([schema.type].flat().includes("integer") || (schema.type === "array" && isIdSchema(schema.items)));

/** The query-string filters of a route's schema that name an id, with their owner rule. */
export function queryOwnersOf(querystring: JsonSchema | undefined): { param: string; owner: Owner }[] {
  const properties = (querystring?.properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(QUERY)
    .filter(([param]) => isIdSchema(properties[param]))
    .map(([param, owner]) => ({ param, owner }));
}

const notFound = (pattern: string, param: string, value: unknown) =>
  new PonteError("not_found", `${pattern}: no ${param} ${String(value).slice(0, 64)} in this organisation`, {
    details: { reason: "Não encontrado: o endereço aponta para algo que não existe nesta organização." },
  });

/**
 * The ids of a table (`stores`, `outbox`…) among `ids` that are the organisation's: for ids a
 * request names in its body, checked like those in its path (on the owner's connection).
 */
export async function ownedIds(
  db: Queryable,
  orgId: number,
  table: string,
  ids: readonly number[],
): Promise<number[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<{ id: number }>(
    `select id from ${table} where id = any($1::bigint[]) and org_id = $2`,
    [ids, orgId],
  );
  return rows.map((r) => r.id);
}

export const tenantGuard = fp(async (app: FastifyInstance, { ctx }: { ctx: AppContext }) => {
  const rules = new Map<string, { param: string; owner: Owner }[]>();
  const queryRules = new Map<string, { param: string; owner: Owner }[]>();
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/v1/") || route.config?.public) return;
    rules.set(route.url, ownersOf(route.url));
    const inQuery = queryOwnersOf(route.schema?.querystring as JsonSchema | undefined);
    if (inQuery.length === 0) return;
    for (const method of [route.method].flat()) queryRules.set(`${method} ${route.url}`, inQuery);
  });

  app.addHook("preHandler", async (request: FastifyRequest) => {
    const pattern = request.routeOptions.url;
    const principal = request.principal;
    if (!pattern || !principal) return;
    const params = request.params as Record<string, unknown>;
    for (const { param, owner } of rules.get(pattern) ?? []) {
      const raw = params[param];
      // A route without a params schema hands its ids over as text.
      const value = owner.numeric && typeof raw === "string" && /^[0-9]{1,15}$/.test(raw) ? Number(raw) : raw;
      if (owner.numeric && !(typeof value === "number" && Number.isSafeInteger(value) && value > 0)) {
        throw notFound(pattern, param, raw);
      }
      const { rowCount } = await ctx.db.query(
        `select 1 from ${owner.table} where ${owner.column} = $1 and org_id = $2 limit 1`,
        [value, principal.orgId],
      );
      if (rowCount === 0) throw notFound(pattern, param, value);
    }
    const query = request.query as Record<string, unknown>;
    for (const { param, owner } of queryRules.get(`${request.method} ${pattern}`) ?? []) {
      // Validated by the route's schema already: a whole number or a list of them, when given.
      const ids = [query[param]].flat().filter((v): v is number => typeof v === "number");
      const distinct = [...new Set(ids)];
      const owned = new Set((await ownedIds(ctx.db, principal.orgId, owner.table, distinct)).map(Number));
      const foreign = distinct.find((id) => !owned.has(id));
      if (foreign !== undefined) throw notFound(pattern, param, foreign);
    }
  });
});
