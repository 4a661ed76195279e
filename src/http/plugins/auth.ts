// Who is calling: every /api/v1 route needs a principal, from the session cookie (the
// panel) or `Authorization: Bearer` (scripts). Public: everything outside /api/ (webhooks
// carry signatures, the panel's static files, health and metrics), the docs, and the routes
// that say so in their options (`config: { public: … }`): the sign-in routes and the platform
// install callback (its state must belong to the browser's session).
// Requests that a cookie authenticates and that change something must come from our own
// pages on a Host Ponte serves (CSRF, DNS rebinding).
// Then the principal's role or scope must hold the permission the route's entry in
// auth/route-permissions.ts names (403 `forbidden` otherwise; a route without one is refused).
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { readCookie, SESSION_COOKIE } from "../../auth/cookie.ts";
import { checkOrigin, hostName } from "../../auth/request-origin.ts";
import { ACCESS_LABELS, type Permission, permissionsOf, type TokenAccess } from "../../auth/roles.ts";
import { routeNeeds } from "../../auth/route-permissions.ts";
import { sessionUser } from "../../auth/sessions.ts";
import { tokenPrincipal } from "../../auth/tokens.ts";
import type { AppContext } from "../../context.ts";
import type { Db } from "../../db/db.ts";
import { tenantDb } from "../../db/tenant-db.ts";
import { PonteError } from "../../errors.ts";

export interface Principal {
  kind: "user" | "token";
  id: number;
  /** The user's e-mail or the token's name. */
  name: string;
  /** The user's role, or the token's role or scope. */
  access: TokenAccess;
  permissions: ReadonlySet<Permission>;
  /** The organisation the request works in: the session's (switched to) or the token's. */
  orgId: number;
  /** The browser session's row id (users only): what an OAuth install is bound to. */
  sessionId?: number;
}

/** True when the request's principal holds the permission (false without one). */
export function can(request: FastifyRequest, permission: Permission): boolean {
  return request.principal?.permissions.has(permission) === true;
}

export interface AuthOptions {
  ctx: AppContext;
  /** PONTE_PUBLIC_URL: the origin browsers use, when it differs from the Host header. */
  publicUrl?: string;
}

/**
 * How a public API route is open (route option `config.public`); each guards itself:
 * - true: no principal is looked up at all;
 * - "session": the browser's session is read when there is one (the session probe, and the
 *   install callback, whose state must match the session that started it);
 * - "sign-in": as "session", and origin-checked even without one: a foreign page must not sign a
 *   browser in or out.
 */
export type PublicAccess = true | "session" | "sign-in";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The swagger UI's routes (a plugin's, not ours to mark). */
const isDocs = (url: string) => url === "/api/docs" || url.startsWith("/api/docs/");

/** True for a route (its pattern) that needs no principal: outside /api/, the docs, or marked public. */
export function isPublicRoute(app: FastifyInstance, url: string): boolean {
  return !url.startsWith("/api/") || isDocs(url) || app.publicRoutes.has(url);
}

/** The principal's organisation (every route with a principal works in one). */
export function orgOf(request: FastifyRequest): number {
  const principal = request.principal;
  if (!principal) throw new PonteError("unauthenticated", "no principal on this request");
  return principal.orgId;
}

/**
 * The database as the principal's organisation sees it (db/tenant-db.ts): row-level security
 * hides every other organisation's rows, whatever a query forgets to filter.
 */
export function dbOf(request: FastifyRequest): Db {
  if (!request.tenantDb) throw new PonteError("unauthenticated", "no principal on this request");
  return request.tenantDb;
}

/** The app's context with the database as the principal's organisation sees it (dbOf). */
export function ctxOf(request: FastifyRequest, ctx: AppContext): AppContext {
  return { ...ctx, db: dbOf(request) };
}

/** "user:<email>" or "token:<name>": who an action is recorded as done by. */
export function actorOf(request: FastifyRequest): string {
  const principal = request.principal;
  if (!principal) throw new PonteError("unauthenticated", "no principal on this request");
  return `${principal.kind}:${principal.name}`;
}

/** True when the request came over HTTPS (X-Forwarded-Proto counts only with PONTE_TRUST_PROXY). */
export function isHttps(request: FastifyRequest): boolean {
  return request.protocol === "https";
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? "";
}

async function principalOf(ctx: AppContext, request: FastifyRequest): Promise<Principal | null> {
  const token = bearerToken(request);
  // A Bearer header decides alone: a bad token is not rescued by a cookie.
  if (token !== undefined) {
    const found = token ? await tokenPrincipal(ctx.db, token) : undefined;
    return found
      ? {
          kind: "token",
          id: found.id,
          name: found.name,
          access: found.access,
          permissions: permissionsOf(found.access),
          orgId: found.orgId,
        }
      : null;
  }
  const sessionId = readCookie(request.headers.cookie, SESSION_COOKIE);
  if (!sessionId) return null;
  const user = await sessionUser(ctx.db, sessionId);
  return user
    ? {
        kind: "user",
        id: user.id,
        name: user.email,
        access: user.role,
        permissions: permissionsOf(user.role),
        orgId: user.orgId,
        sessionId: user.sessionId,
      }
    : null;
}

/** 403 unless the principal holds one of the permissions the route's table entry names. */
function checkPermission(request: FastifyRequest, pattern: string): void {
  const principal = request.principal!;
  const needs = routeNeeds(request.method, pattern);
  if (needs?.some((p) => principal.permissions.has(p))) return;
  const role = ACCESS_LABELS[principal.access];
  throw new PonteError(
    "forbidden",
    needs
      ? `${principal.kind} "${principal.name}" (${principal.access}) may not ${request.method} ${pattern}: it needs ${needs.join(" or ")}`
      : `${request.method} ${pattern} has no permission entry: refused to everyone`,
    {
      details: { reason: `Seu perfil (${role}) não permite esta ação. Fale com um administrador do Ponte.` },
    },
  );
}

/**
 * A panel tab says which organisation it shows (X-Ponte-Org). The session may have been switched
 * in another tab since: refuse, so nothing is read or done in an organisation the person does not
 * see on that screen. Requests without the header (scripts) and the sign-in routes are not checked.
 */
function checkTabOrganization(request: FastifyRequest, orgId: number): void {
  const shown = request.headers["x-ponte-org"];
  if (shown === undefined || shown === String(orgId)) return;
  throw new PonteError(
    "conflict",
    `this tab shows organisation ${String(shown).slice(0, 20)}, but its session works in ${orgId} now`,
    {
      details: {
        reasonCode: "organization_changed",
        reason:
          "A organização foi trocada em outra aba. Esta aba foi atualizada para a organização atual: confira e refaça a ação.",
      },
    },
  );
}

/** A Host that is not Ponte's: a DNS-rebinding page, or a name PONTE_PUBLIC_URL should give. */
function foreignHost(host: string | undefined): PonteError {
  const name = hostName(host) ?? "";
  return new PonteError(
    "csrf_rejected",
    `the Host "${name}" is not one Ponte serves: use localhost, an IP address or PONTE_PUBLIC_URL's host`,
    {
      details: {
        reason: `O Ponte não atende pelo endereço "${name}". Abra o painel por localhost ou pelo endereço definido em PONTE_PUBLIC_URL.`,
      },
    },
  );
}

export const authPlugin = fp(async (app: FastifyInstance, { ctx, publicUrl }: AuthOptions) => {
  app.decorateRequest("principal", null);
  app.decorateRequest("tenantDb", null);
  app.decorate("publicRoutes", new Set<string>());

  // Public routes say so in the OpenAPI document; the rest inherit its global security.
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/") || !route.config?.public) return;
    app.publicRoutes.add(route.url);
    if (route.schema) route.schema = { ...route.schema, security: [] } as typeof route.schema;
  });

  app.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
    const url = request.routeOptions.url ?? request.url.split("?", 1)[0]!;
    if (!url.startsWith("/api/")) return; // webhooks and the panel's files: no lookup at all
    const access: PublicAccess | undefined = isDocs(url) ? true : request.routeOptions.config?.public;
    const signIn = access === "sign-in";
    if (access === true) return;

    const isPublic = access !== undefined;

    request.principal = await principalOf(ctx, request);
    if (request.principal) request.tenantDb = tenantDb(ctx.db, request.principal.orgId);
    if (!isPublic && !request.principal) {
      reply.header("www-authenticate", 'Bearer realm="ponte"');
      throw new PonteError("unauthenticated", "sign in, or send Authorization: Bearer <API token>");
    }

    // Bearer requests are exempt: another site's page cannot set that header.
    const browserRequest =
      request.principal?.kind === "user" || (signIn && request.principal?.kind !== "token");
    if (browserRequest && !SAFE_METHODS.has(request.method)) {
      const verdict = checkOrigin({
        origin: request.headers.origin,
        referer: request.headers.referer,
        host: request.host,
        protocol: request.protocol,
        publicUrl,
      });
      if (verdict === "foreign_host") throw foreignHost(request.host);
      if (verdict !== "ok") {
        throw new PonteError(
          "csrf_rejected",
          "this request must come from Ponte's own pages (Origin header missing or foreign)",
        );
      }
    }
    if (request.principal?.kind === "user" && !url.startsWith("/api/v1/auth/"))
      checkTabOrganization(request, request.principal.orgId);
    // An unknown path has no route pattern: the 404 handler answers it.
    if (!isPublic && request.routeOptions.url) checkPermission(request, url);
  });
});

declare module "fastify" {
  interface FastifyRequest {
    principal: Principal | null;
    /** The principal's organisation's view of the database (dbOf). */
    tenantDb: Db | null;
  }
  interface FastifyInstance {
    /** The /api/ route patterns marked `config.public`. */
    publicRoutes: Set<string>;
  }
  interface FastifyContextConfig {
    /** This route needs no principal (see PublicAccess). */
    public?: PublicAccess;
  }
}
