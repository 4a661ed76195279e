// Usuários and API tokens (issue 17): an admin adds users with a role, changes their role,
// disables and removes them (their sessions end; the last enabled admin stays), and makes, lists
// and revokes API tokens with a role or scope and an optional expiry. The table in
// auth/route-permissions.ts keeps these routes to the `access` permission.
import type { FastifyInstance } from "fastify";
import {
  recordTokenCreated,
  recordTokenRevoked,
  recordUserChanged,
  recordUserCreated,
  recordUserRemoved,
} from "../../audit/access-changes.ts";
import { auditSource } from "../../audit/record.ts";
import { ROLES, type Role, TOKEN_ACCESS, type TokenAccess } from "../../auth/roles.ts";
import { createToken, listTokens, MAX_TOKEN_DAYS, revokeTokenById } from "../../auth/tokens.ts";
import { changeUser, removeUser, type UserChange } from "../../auth/user-admin.ts";
import { createUser, listUsers } from "../../auth/users.ts";
import type { AppContext } from "../../context.ts";
import { PonteError } from "../../errors.ts";
import { actorOf, dbOf, orgOf } from "../plugins/auth.ts";
import { problem } from "./integration.ts";
import { idParams } from "./order-schemas.ts";

const TAGS = ["access"];
const when = { type: "string", format: "date-time" } as const;
const maybeWhen = { type: ["string", "null"], format: "date-time" } as const;

const user = {
  type: "object",
  required: ["id", "email", "role", "disabled", "createdAt", "lastLoginAt"],
  properties: {
    id: { type: "integer" },
    email: { type: "string" },
    role: { type: "string", enum: ROLES },
    disabled: { type: "boolean", description: "Cannot sign in; their sessions were ended" },
    createdAt: when,
    lastLoginAt: {
      ...maybeWhen,
      description: "When they last signed in to, or switched to, this organisation",
    },
  },
} as const;

const token = {
  type: "object",
  required: [
    "id",
    "name",
    "prefix",
    "access",
    "createdAt",
    "createdBy",
    "expiresAt",
    "lastUsedAt",
    "revokedAt",
  ],
  properties: {
    id: { type: "integer" },
    name: { type: "string" },
    prefix: { type: "string", description: "The token's first characters, to tell it apart" },
    access: {
      type: "string",
      enum: TOKEN_ACCESS,
      description:
        "A role, or `webhooks`: only the stores' list and Testar conexão (which re-registers webhooks)",
    },
    createdAt: when,
    createdBy: { type: ["string", "null"], description: "user:<e-mail>, token:<name> or cli" },
    expiresAt: maybeWhen,
    lastUsedAt: maybeWhen,
    revokedAt: maybeWhen,
  },
} as const;

type NewUserBody = { email: string; password: string; role: Role };
type NewTokenBody = { name: string; access: TokenAccess; expiresInDays?: number };

export async function accessRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.get(
    "/api/v1/users",
    {
      schema: {
        tags: TAGS,
        summary: "Usuários: every user with role, whether disabled, and last sign-in",
        response: {
          200: { type: "object", required: ["users"], properties: { users: { type: "array", items: user } } },
        },
      },
    },
    async (request) => ({ users: await listUsers(ctx.db, orgOf(request)) }),
  );

  app.post<{ Body: NewUserBody }>(
    "/api/v1/users",
    {
      schema: {
        tags: TAGS,
        summary: "Add a user with an initial password and a role",
        description:
          "The admin tells the person their password; they sign in with it. 400 weak_password (10 to 256 characters) or validation_failed (e-mail); 409 conflict reasonCode `email_in_use`.",
        body: {
          type: "object",
          required: ["email", "password", "role"],
          additionalProperties: false,
          properties: {
            email: { type: "string", minLength: 3, maxLength: 254 },
            password: { type: "string", maxLength: 1024 },
            role: { type: "string", enum: ROLES },
          },
        },
        response: { 201: user, 400: problem, 409: problem },
      },
    },
    async (request, reply) => {
      const created = await createUser(ctx.db, orgOf(request), request.body, (tx, user) =>
        recordUserCreated(tx, auditSource(request), user),
      );
      request.log.info({ userId: created.id, role: request.body.role, by: actorOf(request) }, "user created");
      return reply.status(201).send(created);
    },
  );

  app.patch<{ Params: { id: number }; Body: UserChange }>(
    "/api/v1/users/:id",
    {
      schema: {
        tags: TAGS,
        summary: "Change a user's role, or disable / enable them (disabling ends their sessions)",
        description:
          "409 conflict reasonCode `last_admin` when no enabled admin would remain, `own_account` when you disable yourself; 404 when there is no such user.",
        params: idParams,
        body: {
          type: "object",
          additionalProperties: false,
          minProperties: 1,
          properties: { role: { type: "string", enum: ROLES }, disabled: { type: "boolean" } },
        },
        response: { 200: user, 400: problem, 404: problem, 409: problem },
      },
    },
    async (request) => {
      const { after } = await ctx.db.transaction(async (tx) => {
        const change = await changeUser(
          tx,
          orgOf(request),
          request.params.id,
          request.body,
          request.principal!,
        );
        await recordUserChanged(tx, auditSource(request), change.before, change.after);
        return change;
      });
      request.log.info({ userId: after.id, change: request.body, by: actorOf(request) }, "user changed");
      return after;
    },
  );

  app.delete<{ Params: { id: number } }>(
    "/api/v1/users/:id",
    {
      schema: {
        tags: TAGS,
        summary: "Remove a user: they can no longer sign in and their sessions end",
        description: "409 conflict reasonCode `last_admin` or `own_account`; 404 when there is no such user.",
        params: idParams,
        response: { 204: { type: "null" }, 404: problem, 409: problem },
      },
    },
    async (request, reply) => {
      const removed = await ctx.db.transaction(async (tx) => {
        const user = await removeUser(tx, orgOf(request), request.params.id, request.principal!);
        await recordUserRemoved(tx, auditSource(request), user);
        return user;
      });
      request.log.info({ userId: removed.id, by: actorOf(request) }, "user removed");
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/v1/tokens",
    {
      schema: {
        tags: TAGS,
        summary: "API tokens: live ones first, then revoked and expired ones (never the secret)",
        response: {
          200: {
            type: "object",
            required: ["tokens"],
            properties: { tokens: { type: "array", items: token } },
          },
        },
      },
    },
    async (request) => ({ tokens: await listTokens(dbOf(request), orgOf(request)) }),
  );

  app.post<{ Body: NewTokenBody }>(
    "/api/v1/tokens",
    {
      schema: {
        tags: TAGS,
        summary:
          "Make an API token with a role or scope and an optional expiry; the secret is in this answer only",
        description:
          "Send it as `Authorization: Bearer <token>`. 409 conflict when a live token has that name.",
        body: {
          type: "object",
          required: ["name", "access"],
          additionalProperties: false,
          properties: {
            name: { type: "string", maxLength: 200 },
            access: { type: "string", enum: TOKEN_ACCESS },
            expiresInDays: { type: "integer", minimum: 1, maximum: MAX_TOKEN_DAYS },
          },
        },
        response: {
          201: {
            type: "object",
            required: ["token", "secret"],
            properties: {
              token,
              secret: { type: "string", description: "Shown once: Ponte keeps only its hash" },
            },
          },
          400: problem,
          409: problem,
        },
      },
    },
    async (request, reply) => {
      const made = await dbOf(request).transaction(async (tx) => {
        const token = await createToken(tx, orgOf(request), { ...request.body, createdBy: actorOf(request) });
        await recordTokenCreated(tx, auditSource(request), token.listing);
        return token;
      });
      request.log.info(
        { tokenId: made.listing.id, access: made.listing.access, by: actorOf(request) },
        "API token created",
      );
      return reply.status(201).send({ token: made.listing, secret: made.token });
    },
  );

  app.delete<{ Params: { id: number } }>(
    "/api/v1/tokens/:id",
    {
      schema: {
        tags: TAGS,
        summary: "Revoke an API token: it stops working at once",
        params: idParams,
        response: { 200: token, 404: problem },
      },
    },
    async (request) => {
      const result = await dbOf(request).transaction(async (tx) => {
        const found = await revokeTokenById(tx, orgOf(request), request.params.id);
        if (found?.revoked) await recordTokenRevoked(tx, auditSource(request), found.token);
        return found;
      });
      if (!result) throw new PonteError("not_found", `no API token ${request.params.id}`);
      if (result.revoked)
        request.log.info({ tokenId: result.token.id, by: actorOf(request) }, "API token revoked");
      return result.token;
    },
  );
}
