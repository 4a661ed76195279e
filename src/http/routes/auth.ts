// Sign-in for the panel: first-run setup (from this machine only), login, logout and the
// session probe. Scripts use API tokens instead (`ponte token create`).
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { clearedSessionCookie, readCookie, SESSION_COOKIE, sessionCookie } from "../../auth/cookie.ts";
import { isLoopback, isServedHost } from "../../auth/request-origin.ts";
import { PERMISSIONS, permissionsOf, ROLES, type Role } from "../../auth/roles.ts";
import { createSession, endSession, SESSION_LIFETIME_SECONDS } from "../../auth/sessions.ts";
import { reserveSignIn, signInSucceeded, sweepSignInCounters } from "../../auth/throttle.ts";
import { authenticate, createFirstUser, hasUsers, type User } from "../../auth/users.ts";
import type { AppContext } from "../../context.ts";
import type { Queryable } from "../../db/db.ts";
import { PonteError } from "../../errors.ts";
import { organizationById } from "../../tenancy/organizations.ts";
import { isHttps } from "../plugins/auth.ts";
import { problem } from "./integration.ts";

const userSchema = {
  type: "object",
  required: ["id", "email", "role", "permissions", "organization"],
  properties: {
    id: { type: "integer" },
    email: { type: "string" },
    organization: {
      type: "object",
      required: ["id", "name"],
      properties: { id: { type: "integer" }, name: { type: "string" } },
      description: "The organisation this session works in (GET /api/v1/organizations lists the others)",
    },
    role: { type: "string", enum: ROLES, description: "Administrador, Operador or Leitura" },
    permissions: {
      type: "array",
      items: { type: "string", enum: PERMISSIONS },
      description: "What the role there may do: the panel hides what is not here",
    },
  },
} as const;

/** The signed-in user as the panel needs it: who, where they work now, and what they may do there. */
const userView = async (db: Queryable, user: { id: number; email: string; role: Role; orgId: number }) => ({
  id: user.id,
  email: user.email,
  organization: (await organizationById(db, user.orgId)) ?? { id: user.orgId, name: "" },
  role: user.role,
  permissions: [...permissionsOf(user.role)],
});
const userReply = { type: "object", required: ["user"], properties: { user: userSchema } } as const;
const credentials = {
  type: "object",
  required: ["email", "password"],
  additionalProperties: false,
  properties: {
    email: { type: "string", minLength: 3, maxLength: 254 },
    password: { type: "string", maxLength: 1024 },
  },
} as const;

type Credentials = { Body: { email: string; password: string } };

/**
 * First-run setup is for the person at the machine Ponte runs on: the socket's own address
 * must be loopback (X-Forwarded-For is never believed), and a request that names a client
 * behind a proxy came through one, so it is refused even when the proxy is local. The Host
 * must be one Ponte serves: a DNS-rebinding page also arrives from the loopback socket.
 */
function setupAllowed(request: FastifyRequest, publicUrl: string | undefined): boolean {
  const proxied = ["x-forwarded-for", "forwarded", "x-real-ip"].some((h) => request.headers[h] !== undefined);
  return (
    !proxied && isLoopback(request.raw.socket.remoteAddress) && isServedHost(request.headers.host, publicUrl)
  );
}

export async function authRoutes(
  app: FastifyInstance,
  { ctx, publicUrl }: { ctx: AppContext; publicUrl?: string },
) {
  const signIn = async (request: FastifyRequest, reply: FastifyReply, user: User) => {
    // A new id on every sign-in; the browser's previous session, if any, ends.
    const previous = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (previous) await endSession(ctx.db, previous);
    const session = await createSession(ctx.db, user.id, user.orgId);
    reply.header(
      "set-cookie",
      sessionCookie(session.id, { maxAgeSeconds: SESSION_LIFETIME_SECONDS, secure: isHttps(request) }),
    );
    return { user: await userView(ctx.db, user) };
  };

  app.get(
    "/api/v1/auth/session",
    {
      config: { public: "session" },
      schema: {
        tags: ["auth"],
        summary: "The signed-in user of this browser session (401 when none)",
        response: { 200: userReply, 401: problem },
      },
    },
    async (request) => {
      const principal = request.principal;
      if (principal?.kind !== "user") {
        throw new PonteError("unauthenticated", "not signed in");
      }
      const { id, name: email, orgId } = principal;
      return { user: await userView(ctx.db, { id, email, role: principal.access as Role, orgId }) };
    },
  );

  app.get(
    "/api/v1/auth/setup",
    {
      config: { public: "sign-in" },
      schema: {
        tags: ["auth"],
        summary: "Whether the first user still has to be created, and whether this client may do it",
        response: {
          200: {
            type: "object",
            required: ["needsSetup", "allowed"],
            properties: {
              needsSetup: { type: "boolean", description: "No user exists yet" },
              allowed: {
                type: "boolean",
                description:
                  "The request comes from the machine Ponte runs on (loopback socket, not proxied) to a Host Ponte serves",
              },
            },
          },
        },
      },
    },
    async (request) => ({ needsSetup: !(await hasUsers(ctx.db)), allowed: setupAllowed(request, publicUrl) }),
  );

  app.post<Credentials>(
    "/api/v1/auth/setup",
    {
      config: { public: "sign-in" },
      schema: {
        tags: ["auth"],
        summary: "First run: create the first user and sign in (only from this machine, only once)",
        description:
          "403 setup_forbidden when not from a loopback address or not to a Host Ponte serves (localhost, an IP address, PONTE_PUBLIC_URL's host: a DNS-rebinding page is refused); 403 csrf_rejected when the Origin is not this Host with this scheme; 409 setup_done when a user exists; 400 weak_password (10 to 256 characters).",
        body: credentials,
        response: { 201: userReply, 400: problem, 403: problem, 409: problem },
      },
    },
    async (request, reply) => {
      if (!setupAllowed(request, publicUrl)) {
        throw new PonteError(
          "setup_forbidden",
          "the first user can only be created from the machine Ponte runs on (or with `ponte user create`)",
        );
      }
      const user = await createFirstUser(ctx.db, request.body);
      request.log.info({ userId: user.id }, "first user created");
      return reply.status(201).send(await signIn(request, reply, user));
    },
  );

  app.post<Credentials>(
    "/api/v1/auth/login",
    {
      config: { public: "sign-in" },
      schema: {
        tags: ["auth"],
        summary: "Sign in with e-mail and password; sets the session cookie",
        description:
          "401 invalid_credentials (unknown e-mail and wrong password alike). 429 too_many_attempts with Retry-After, `retryAfterSeconds` and a pt-BR `reason`: after 5 tries for one e-mail from one address each further try waits 30 s, doubling up to 15 minutes (forgotten an hour after the last try or at a successful sign-in); 30 failed sign-ins from one address in 15 minutes; 50 failed sign-ins for one e-mail in an hour from all addresses, after which only addresses that e-mail signed in from in the last 30 days may try. The address is the client's as PONTE_TRUST_PROXY's proxies report it. 403 csrf_rejected when the Origin or Host is not Ponte's.",
        body: credentials,
        response: { 200: userReply, 401: problem, 403: problem, 429: problem },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const refused = await reserveSignIn(ctx.db, email, request.ip);
      if (refused) {
        reply.header("retry-after", String(refused.retryAfterSeconds));
        throw new PonteError(
          "too_many_attempts",
          `too many failed sign-ins for ${refused.why}: try again in ${refused.retryAfterSeconds} s`,
          { details: { retryAfterSeconds: refused.retryAfterSeconds, reason: refused.reason } },
        );
      }
      const user = await authenticate(ctx.db, email, password);
      if (!user) {
        // The error handler's line records it, with the address.
        await sweepSignInCounters(ctx.db);
        throw new PonteError("invalid_credentials", "wrong e-mail or password");
      }
      await signInSucceeded(ctx.db, email, request.ip);
      return signIn(request, reply, user);
    },
  );

  app.post(
    "/api/v1/auth/logout",
    {
      config: { public: "sign-in" },
      schema: {
        tags: ["auth"],
        summary: "End this browser's session (server-side) and clear its cookie",
        response: { 204: { type: "null" }, 403: problem },
      },
    },
    async (request, reply) => {
      const sessionId = readCookie(request.headers.cookie, SESSION_COOKIE);
      if (sessionId) await endSession(ctx.db, sessionId);
      reply.header("set-cookie", clearedSessionCookie(isHttps(request)));
      return reply.status(204).send();
    },
  );
}
