// Organisations (issue 17): where the signed-in person works and the switch between them, and
// a new organisation for another merchant, made by an admin who becomes its first admin. The
// table in auth/route-permissions.ts keeps creation to the `access` permission.
import type { FastifyInstance } from "fastify";
import { auditSource } from "../../audit/record.ts";
import { isRole, ROLES } from "../../auth/roles.ts";
import { switchSessionOrg } from "../../auth/sessions.ts";
import type { AppContext } from "../../context.ts";
import { PonteError } from "../../errors.ts";
import {
  type Membership,
  openOrganization,
  organizationById,
  organizationsOf,
} from "../../tenancy/organizations.ts";
import { orgOf, type Principal } from "../plugins/auth.ts";
import { problem } from "./integration.ts";

const TAGS = ["access"];

const organization = {
  type: "object",
  required: ["id", "name", "role"],
  properties: {
    id: { type: "integer" },
    name: { type: "string" },
    role: { type: "string", enum: ROLES, description: "The caller's role there" },
  },
} as const;

const listing = {
  type: "object",
  required: ["current", "organizations"],
  properties: {
    current: { type: "integer", description: "The organisation this session or token works in" },
    organizations: { type: "array", items: organization },
  },
} as const;

const userOnly = () =>
  new PonteError("forbidden", "only a signed-in person works in several organisations; a token has one", {
    details: { reason: "Um token de API pertence a uma só organização." },
  });

export async function organizationRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  /** The caller's organisations: a person's live memberships, a token's one organisation. */
  const listFor = async (principal: Principal): Promise<Membership[]> => {
    if (principal.kind === "user") return organizationsOf(ctx.db, principal.id);
    const own = await organizationById(ctx.db, principal.orgId);
    // A token's access is a role or the narrower webhooks scope: shown as the reader it is at most.
    const role = isRole(principal.access) ? principal.access : "reader";
    return own ? [{ ...own, role }] : [];
  };

  app.get(
    "/api/v1/organizations",
    {
      schema: {
        tags: TAGS,
        summary: "The organisations the caller works in, and the current one",
        response: { 200: listing },
      },
    },
    async (request) => ({ current: orgOf(request), organizations: await listFor(request.principal!) }),
  );

  app.post<{ Body: { name: string } }>(
    "/api/v1/organizations",
    {
      schema: {
        tags: TAGS,
        summary: "Create an organisation for another merchant; the caller becomes its admin",
        description:
          "Its stores, orders, customers, users and tokens are its own. The caller switches to it with PUT /api/v1/auth/organization. 403 for an API token.",
        body: {
          type: "object",
          required: ["name"],
          additionalProperties: false,
          properties: { name: { type: "string", maxLength: 200 } },
        },
        response: { 201: organization, 400: problem, 403: problem },
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      if (principal.kind !== "user") throw userOnly();
      const created = await ctx.db.transaction((tx) =>
        openOrganization(
          tx,
          request.body.name,
          principal.id,
          (orgId) => ({ ...auditSource(request), orgId }),
          {
            createdFrom: orgOf(request),
          },
        ),
      );
      request.log.info({ orgId: created.id, by: principal.name }, "organisation created");
      return reply.status(201).send({ ...created, role: "admin" });
    },
  );

  app.put<{ Body: { orgId: number } }>(
    "/api/v1/auth/organization",
    {
      schema: {
        tags: ["auth"],
        summary: "Switch this browser session to another organisation of the signed-in person",
        description: "404 when the person has no live membership there. 403 for an API token.",
        body: {
          type: "object",
          required: ["orgId"],
          additionalProperties: false,
          properties: { orgId: { type: "integer", minimum: 1 } },
        },
        response: { 200: listing, 403: problem, 404: problem },
      },
    },
    async (request) => {
      const principal = request.principal!;
      if (principal.kind !== "user" || principal.sessionId === undefined) throw userOnly();
      if (!(await switchSessionOrg(ctx.db, principal.sessionId, request.body.orgId))) {
        throw new PonteError("not_found", `no organisation ${request.body.orgId} for this user`);
      }
      request.log.info({ orgId: request.body.orgId, userId: principal.id }, "session switched organisation");
      return { current: request.body.orgId, organizations: await organizationsOf(ctx.db, principal.id) };
    },
  );
}
