// A store's customer e-mail templates (R6.3): the default pt-BR one per status or the store's
// own, "Notificar cliente" per status, and a preview on a real order.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { auditSource, recordAudit } from "../../audit/record.ts";
import type { AppContext } from "../../context.ts";
import type { Queryable } from "../../db/db.ts";
import { CANONICAL_STATUSES, type CanonicalStatus } from "../../domain/order-status.ts";
import { previewTemplate } from "../../email/preview.ts";
import { OUTPUT_LIMITS } from "../../email/render.ts";
import {
  listStoreTemplates,
  resetStoreTemplate,
  type StoreTemplate,
  saveStoreTemplate,
  storeTemplate,
} from "../../email/templates.ts";
import { VARIABLE_DOCS } from "../../email/variables.ts";
import { customerEmailsBy, getStore } from "../../stores/stores.ts";
import { actorOf, dbOf } from "../plugins/auth.ts";
import { BODY_LIMITS } from "../server-limits.ts";
import { problem } from "./integration.ts";

const canonical = { type: "string", enum: [...CANONICAL_STATUSES] } as const;
const storeParams = { type: "object", properties: { id: { type: "integer" } }, required: ["id"] } as const;
const statusParams = {
  type: "object",
  properties: { id: { type: "integer" }, status: canonical },
  required: ["id", "status"],
} as const;

const MAX_SUBJECT = 300;
const MAX_BODY = 100_000;

const templateSchema = {
  type: "object",
  properties: {
    status: canonical,
    label: { type: "string", description: "pt-BR" },
    subject: { type: "string", description: "Liquid; rendered as one line" },
    html: { type: "string", description: "Liquid; every {{ output }} is HTML-escaped (`| raw` opts out)" },
    text: { type: "string", description: "Liquid; the plain-text part, nothing escaped" },
    notifyByDefault: { type: "boolean", description: "Notificar cliente starts ticked for this status" },
    custom: { type: "boolean", description: "true: the store's own; false: the built-in default" },
    updatedAt: { type: ["string", "null"], format: "date-time" },
    updatedBy: { type: ["string", "null"] },
  },
  required: [
    "status",
    "label",
    "subject",
    "html",
    "text",
    "notifyByDefault",
    "custom",
    "updatedAt",
    "updatedBy",
  ],
} as const;

const renderedSchema = {
  type: "object",
  properties: {
    subject: { type: "string" },
    html: { type: "string" },
    text: { type: "string" },
    salesOrderId: { type: ["integer", "null"], description: "null: no order yet, the sample order was used" },
    to: { type: ["string", "null"], description: "The customer's address on that order" },
  },
  required: ["subject", "html", "text", "salesOrderId", "to"],
} as const;

const VARIABLES_HELP =
  "Variables: store.name; order.number (Ponte), order.store_number, order.status (label), order.status_code, order.date, order.items (name, variant, sku, quantity, unit_price, total), order.subtotal / discount / shipping / total (formatted R$ 1.234,56; *_cents as integers); customer.name, customer.email, customer.document (masked CPF/CNPJ); shipment.carrier / tracking_code / tracking_url (latest shipment, or empty); invoice.kind / key / number / series (or empty); message (the operator's). Includes and layouts are not available.";

const templateFields = (t: StoreTemplate) => ({
  subject: t.subject,
  html: t.html,
  text: t.text,
  notifyByDefault: t.notifyByDefault,
  custom: t.custom,
});

/** Saves or resets one status's template and records its fields before and after, in `tx`. */
async function auditedTemplateChange(
  tx: Queryable,
  request: FastifyRequest<{ Params: { id: number; status: CanonicalStatus } }>,
  action: string,
  work: () => Promise<StoreTemplate>,
): Promise<StoreTemplate> {
  const { id, status } = request.params;
  const store = await getStore(tx, id);
  const before = await storeTemplate(tx, id, status);
  const after = await work();
  await recordAudit(tx, auditSource(request), {
    action,
    entityType: "email_template",
    entityId: `${id}/${status}`,
    entityLabel: `${store.name} · ${after.label}`,
    before: templateFields(before),
    after: templateFields(after),
  });
  return after;
}

export async function emailTemplateRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.get<{ Params: { id: number } }>(
    "/api/v1/stores/:id/email-templates",
    {
      schema: {
        tags: ["emails"],
        summary: "The store's customer e-mail template for every status (its own or the default)",
        description: `customerEmails says who e-mails the customer (PATCH /api/v1/stores/:id changes it): with \`platform\` these templates are not used. ${VARIABLES_HELP}`,
        params: storeParams,
        response: {
          200: {
            type: "object",
            properties: {
              customerEmails: { type: "string", enum: ["ponte", "platform"] },
              variables: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    name: { type: "string" },
                    description: { type: "string", description: "pt-BR" },
                  },
                  required: ["name", "description"],
                },
              },
              templates: { type: "array", items: templateSchema },
            },
            required: ["customerEmails", "variables", "templates"],
          },
          404: problem,
        },
      },
    },
    async (request) => {
      const store = await getStore(dbOf(request), request.params.id);
      return {
        customerEmails: customerEmailsBy(store.settings),
        variables: VARIABLE_DOCS,
        templates: await listStoreTemplates(dbOf(request), store.id),
      };
    },
  );

  app.put<{
    Params: { id: number; status: CanonicalStatus };
    Body: { subject: string; html: string; text: string; notifyByDefault: boolean };
  }>(
    "/api/v1/stores/:id/email-templates/:status",
    {
      bodyLimit: BODY_LIMITS.document,
      schema: {
        tags: ["emails"],
        summary: "Save the store's own e-mail template and Notificar cliente default for one status",
        description: `Validated before it is saved: each part must parse and render on a sample order within its output limit (subject ${OUTPUT_LIMITS.subject} characters, html and text ${OUTPUT_LIMITS.html}), else 400 \`template_invalid\` with \`field\` (subject, html or text), \`fields\` and a pt-BR \`reason\` (\`reasonCode: output_too_large\` and \`limit\` past the limit). A status change whose template renders past the limit on its order sends the default template instead. The next e-mail for this status uses it. 413 past 1 MiB of body. ${VARIABLES_HELP}`,
        params: statusParams,
        body: {
          type: "object",
          required: ["subject", "html", "text", "notifyByDefault"],
          additionalProperties: false,
          properties: {
            subject: { type: "string", minLength: 1, maxLength: MAX_SUBJECT },
            html: { type: "string", minLength: 1, maxLength: MAX_BODY },
            text: { type: "string", minLength: 1, maxLength: MAX_BODY },
            notifyByDefault: { type: "boolean" },
          },
        },
        response: { 200: templateSchema, 400: problem, 404: problem },
      },
    },
    async (request) =>
      dbOf(request).transaction((tx) =>
        auditedTemplateChange(tx, request, "email_template.update", () =>
          saveStoreTemplate(tx, request.params.id, request.params.status, request.body, actorOf(request)),
        ),
      ),
  );

  app.delete<{ Params: { id: number; status: CanonicalStatus } }>(
    "/api/v1/stores/:id/email-templates/:status",
    {
      schema: {
        tags: ["emails"],
        summary: "Drop the store's own template for one status: the default applies again",
        params: statusParams,
        response: { 200: templateSchema, 404: problem },
      },
    },
    async (request) =>
      dbOf(request).transaction((tx) =>
        auditedTemplateChange(tx, request, "email_template.reset", () =>
          resetStoreTemplate(tx, request.params.id, request.params.status),
        ),
      ),
  );

  app.post<{
    Params: { id: number; status: CanonicalStatus };
    Body: { salesOrderId?: number; subject?: string; html?: string; text?: string; message?: string };
  }>(
    "/api/v1/stores/:id/email-templates/:status/preview",
    {
      bodyLimit: BODY_LIMITS.document,
      schema: {
        tags: ["emails"],
        summary: "Render the template (saved, or the draft sent) on a real order; nothing is saved or sent",
        description:
          "The order is `salesOrderId`, else the store's latest; a store with no order yet renders on a sample order. Parts left out of the body come from the saved template. 400 `template_invalid` as in PUT, also when a part renders past its output limit on this order.",
        params: statusParams,
        body: {
          type: "object",
          additionalProperties: false,
          properties: {
            salesOrderId: { type: "integer" },
            subject: { type: "string", maxLength: MAX_SUBJECT },
            html: { type: "string", maxLength: MAX_BODY },
            text: { type: "string", maxLength: MAX_BODY },
            message: { type: "string", maxLength: 1000, description: "A sample operator message" },
          },
        },
        response: { 200: renderedSchema, 400: problem, 404: problem },
      },
    },
    async (request) =>
      previewTemplate(dbOf(request), request.params.id, request.params.status, request.body ?? {}),
  );
}
