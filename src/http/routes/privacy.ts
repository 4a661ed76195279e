// Privacidade (LGPD): requests made by hand on a customer record (export the data, anonymise the
// customer), the customer's requests and all of them, and a data request's export as a download.
// Requests the platforms relay arrive through the webhook route (webhooks.ts).
import type { FastifyInstance } from "fastify";
import { auditSource, recordAudit } from "../../audit/record.ts";
import type { AppContext } from "../../context.ts";
import { PonteError } from "../../errors.ts";
import { createManualRequest, listRequests, readRequest, requestData } from "../../privacy/requests.ts";
import { actorOf, dbOf, orgOf } from "../plugins/auth.ts";
import { problem } from "./integration.ts";
import { idParams } from "./order-schemas.ts";
import * as s from "./privacy-schemas.ts";

const TAGS = ["privacy"];

export async function privacyRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.post<{ Params: { id: number }; Body: { kind: "data_request" | "customer_redact" } }>(
    "/api/v1/customers/:id/privacy-requests",
    {
      schema: {
        tags: TAGS,
        summary: "Export a customer's data (LGPD) or anonymise the customer, by hand",
        description:
          "Queued and carried out by a job (the answer is the pending request). The data request's JSON is then at GET /api/v1/privacy-requests/{id}/data.json. Anonymising keeps fiscal records (invoice numbers, NF-e keys, amounts, dates, items): see docs/PRIVACY.md. 409 `conflict` reasonCode `customer_redacted` when the customer was anonymised already.",
        params: idParams,
        body: s.createBody,
        response: { 201: s.request, 400: problem, 404: problem, 409: problem },
      },
    },
    async (request, reply) => {
      const made = await dbOf(request).transaction(async (tx) => {
        const made = await createManualRequest(
          tx,
          orgOf(request),
          request.params.id,
          request.body.kind,
          actorOf(request),
        );
        // The record says which customer by id only: their name would outlive an anonymisation.
        await recordAudit(tx, auditSource(request), {
          action: `customer.privacy.${request.body.kind}`,
          entityType: "customer",
          entityId: request.params.id,
          input: { privacyRequest: made.id },
        });
        return made;
      });
      return reply.status(201).send(made);
    },
  );

  app.get<{ Params: { id: number } }>(
    "/api/v1/customers/:id/privacy-requests",
    {
      schema: {
        tags: TAGS,
        summary: "A customer's privacy requests, newest first",
        params: idParams,
        response: { 200: s.list, 404: problem },
      },
    },
    async (request) => {
      const db = dbOf(request);
      const { rowCount } = await db.query("select 1 from customers where id = $1 and org_id = $2", [
        request.params.id,
        orgOf(request),
      ]);
      if (rowCount === 0) throw new PonteError("not_found", `customer ${request.params.id} not found`);
      return { items: await listRequests(db, orgOf(request), { customerId: request.params.id }) };
    },
  );

  app.get(
    "/api/v1/privacy-requests",
    {
      schema: {
        tags: TAGS,
        summary:
          "Privacidade: every privacy request, the platforms' and the users', newest first (the latest 200)",
        response: { 200: s.list },
      },
    },
    async (request) => ({ items: await listRequests(dbOf(request), orgOf(request)) }),
  );

  app.get<{ Params: { id: number } }>(
    "/api/v1/privacy-requests/:id",
    {
      schema: {
        tags: TAGS,
        summary: "One privacy request and its state",
        params: idParams,
        response: { 200: s.request, 404: problem },
      },
    },
    async (request) => readRequest(dbOf(request), orgOf(request), request.params.id),
  );

  app.get<{ Params: { id: number } }>(
    "/api/v1/privacy-requests/:id/data.json",
    {
      schema: {
        tags: TAGS,
        summary:
          "A data request's export: the customer's record and orders as JSON, for the merchant to deliver",
        description:
          "404 until the request is done, and after the customer is anonymised (the export is erased with the rest).",
        params: idParams,
        response: { 200: { type: "object", additionalProperties: true }, 404: problem },
      },
    },
    async (request, reply) => {
      const data = await requestData(dbOf(request), orgOf(request), request.params.id);
      return reply
        .header("content-disposition", `attachment; filename="lgpd-solicitacao-${request.params.id}.json"`)
        .send(data);
    },
  );
}
