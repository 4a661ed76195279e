// The Caixa de saída: every customer e-mail Ponte queued, sent, failed or kept locally (no SMTP
// server configured), and one message in full as the customer gets it.
import type { FastifyInstance } from "fastify";
import { auditEmailResent } from "../../audit/retries.ts";
import type { AppContext } from "../../context.ts";
import { EMAIL_STATUSES, type EmailStatus, getEmail, listEmails } from "../../email/outbox.ts";
import { resendEmail } from "../../email/resend.ts";
import { actorOf, dbOf, orgOf } from "../plugins/auth.ts";
import { problem } from "./integration.ts";

const summaryProperties = {
  id: { type: "integer" },
  salesOrderId: { type: "integer" },
  salesOrderNumber: { type: "integer" },
  storeId: { type: ["integer", "null"] },
  canonicalStatus: { type: "string", description: "The status change the e-mail tells about" },
  statusVersion: { type: "integer" },
  to: { type: "string" },
  subject: { type: "string" },
  status: {
    type: "string",
    enum: [...EMAIL_STATUSES],
    description:
      "pending (queued), sending (an attempt is on the wire), sent, failed (see error), local (no SMTP server configured: kept here only)",
  },
  attempts: { type: "integer" },
  error: { type: ["string", "null"], description: "The last SMTP error" },
  createdAt: { type: "string", format: "date-time" },
  sentAt: { type: ["string", "null"], format: "date-time" },
} as const;

const summarySchema = {
  type: "object",
  properties: summaryProperties,
  required: Object.keys(summaryProperties),
} as const;

export async function emailRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.get<{
    Querystring: {
      salesOrderId?: number;
      storeId?: number;
      status?: EmailStatus;
      limit: number;
      after?: string;
    };
  }>(
    "/api/v1/emails",
    {
      schema: {
        tags: ["emails"],
        summary: "Caixa de saída: customer e-mails, newest first",
        description: "Pass `next` back as `after` for the following page; it is null on the last one.",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            salesOrderId: { type: "integer" },
            storeId: { type: "integer" },
            status: { type: "string", enum: [...EMAIL_STATUSES] },
            limit: { type: "integer", minimum: 1, maximum: 200, default: 50 },
            after: { type: "string", maxLength: 20 },
          },
        },
        response: {
          200: {
            type: "object",
            properties: {
              items: { type: "array", items: summarySchema },
              next: { type: ["string", "null"] },
            },
            required: ["items", "next"],
          },
          400: problem,
        },
      },
    },
    async (request) => listEmails(dbOf(request), orgOf(request), request.query),
  );

  app.get<{ Params: { id: number } }>(
    "/api/v1/emails/:id",
    {
      schema: {
        tags: ["emails"],
        summary:
          "One customer e-mail as rendered: HTML and text parts, sender, Message-ID, the server's reply",
        params: { type: "object", properties: { id: { type: "integer" } }, required: ["id"] },
        response: {
          200: {
            type: "object",
            properties: {
              ...summaryProperties,
              from: { type: ["string", "null"], description: "Set when an attempt was made" },
              messageId: { type: "string" },
              smtpResponse: { type: ["string", "null"] },
              html: { type: "string" },
              text: { type: "string" },
            },
            required: [
              ...Object.keys(summaryProperties),
              "from",
              "messageId",
              "smtpResponse",
              "html",
              "text",
            ],
          },
          404: problem,
        },
      },
    },
    async (request) => getEmail(dbOf(request), request.params.id),
  );

  app.post<{ Params: { id: number } }>(
    "/api/v1/emails/:id/resend",
    {
      schema: {
        tags: ["emails"],
        summary: "Reenviar: send a failed customer e-mail again (attempts start over)",
        description:
          "Only an e-mail in `failed`: it goes back to pending with its attempts at zero and is queued now (same Message-ID); the order's timeline records who asked (`email_resend`). 404 for an unknown e-mail, 409 `conflict` (details.reasonCode `email_not_failed`, details.reason in pt-BR) for one pending, sending, sent or local.",
        params: { type: "object", properties: { id: { type: "integer" } }, required: ["id"] },
        response: {
          202: {
            type: "object",
            properties: { id: { type: "integer" }, status: { type: "string", enum: ["pending"] } },
            required: ["id", "status"],
          },
          404: problem,
          409: problem,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(
          await resendEmail(dbOf(request), request.params.id, actorOf(request), (tx, email) =>
            auditEmailResent(tx, request, request.params.id, email),
          ),
        ),
  );
}
