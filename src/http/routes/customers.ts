// Clientes (issue 16): customers searched by name, CPF/CNPJ or e-mail; a record with its orders
// and stores; made and edited by hand with validation; an order without a usable CPF/CNPJ linked
// to one by hand; two records of the same person merged. Each change is one transaction.
import type { FastifyInstance } from "fastify";
import { auditedOrderChange } from "../../audit/changes.ts";
import { auditSource, recordAudit } from "../../audit/record.ts";
import { customerSnapshot } from "../../audit/snapshots.ts";
import {
  createCustomer,
  linkOrderToCustomer,
  mergeCustomers,
  updateCustomer,
} from "../../backoffice/customer-changes.ts";
import { type CustomerInput, validateCustomerInput } from "../../backoffice/customer-input.ts";
import { type CustomerListQuery, listCustomers } from "../../backoffice/customer-list.ts";
import { readCustomer } from "../../backoffice/customer-record.ts";
import { fieldError } from "../../backoffice/field-error.ts";
import type { AppContext } from "../../context.ts";
import { actorOf, dbOf, orgOf } from "../plugins/auth.ts";
import * as s from "./customer-schemas.ts";
import { problem } from "./integration.ts";
import { idParams } from "./order-schemas.ts";

const TAGS = ["customers"];

export async function customerRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.get<{ Querystring: CustomerListQuery }>(
    "/api/v1/customers",
    {
      schema: {
        tags: TAGS,
        summary: "Clientes: customers found by name, CPF/CNPJ or e-mail, by name, a keyset page at a time",
        description: "Pass `next` back as `after` for the following page; it is null on the last one.",
        querystring: s.listQuery,
        response: { 200: s.listPage, 400: problem },
      },
    },
    async (request) => listCustomers(dbOf(request), orgOf(request), request.query),
  );

  app.get<{ Params: { id: number } }>(
    "/api/v1/customers/:id",
    {
      schema: {
        tags: TAGS,
        summary: "A customer's record: documents, contacts, addresses, default fields, orders and stores",
        params: idParams,
        response: { 200: s.record, 404: problem },
      },
    },
    async (request) => readCustomer(dbOf(request), orgOf(request), request.params.id),
  );

  app.post<{ Body: CustomerInput & { name: string } }>(
    "/api/v1/customers",
    {
      schema: {
        tags: TAGS,
        summary: "Make a customer by hand (e.g. to link an order that came without CPF/CNPJ)",
        description:
          "400 `validation_failed` names the field (`details.field`, `details.reasonCode`, pt-BR `details.reason`): a CPF/CNPJ whose check digits do not match, an e-mail or a phone that is not one. 409 `conflict` reasonCode `document_in_use` (the other record's id in `details.customerId`).",
        body: s.createBody,
        response: { 201: s.record, 400: problem, 409: problem },
      },
    },
    async (request, reply) => {
      const valid = validateCustomerInput(request.body);
      if (valid.name === undefined)
        throw fieldError("name", "missing", "is required", "Informe o nome do cliente");
      const name = valid.name;
      const record = await dbOf(request).transaction(async (tx) => {
        const id = await createCustomer(tx, orgOf(request), { ...valid, name });
        const after = await customerSnapshot(tx, id);
        await recordAudit(tx, auditSource(request), {
          action: "customer.create",
          entityType: "customer",
          entityId: id,
          entityLabel: name,
          after,
        });
        return readCustomer(tx, orgOf(request), id);
      });
      return reply.status(201).send(record);
    },
  );

  app.patch<{ Params: { id: number }; Body: CustomerInput }>(
    "/api/v1/customers/:id",
    {
      schema: {
        tags: TAGS,
        summary: "Edit a customer: name, CPF/CNPJ, e-mail, phone",
        description:
          "Only the fields sent change. 400 `validation_failed` names the field (`details.field`, `details.reasonCode`, pt-BR `details.reason`); the document can be corrected but not removed. 409 `conflict` reasonCode `document_in_use` when the CPF/CNPJ belongs to another customer (its id in `details.customerId`: merge the two instead), or `customer_redacted` when the customer was anonymised (LGPD).",
        params: idParams,
        body: s.updateBody,
        response: { 200: s.record, 400: problem, 404: problem, 409: problem },
      },
    },
    async (request) => {
      const valid = validateCustomerInput(request.body);
      return dbOf(request).transaction(async (tx) => {
        const before = await customerSnapshot(tx, request.params.id);
        await updateCustomer(tx, orgOf(request), request.params.id, valid);
        const after = await customerSnapshot(tx, request.params.id);
        await recordAudit(tx, auditSource(request), {
          action: "customer.update",
          entityType: "customer",
          entityId: request.params.id,
          entityLabel: String(after.name ?? ""),
          before,
          after,
        });
        return readCustomer(tx, orgOf(request), request.params.id);
      });
    },
  );

  app.post<{ Params: { id: number }; Body: { otherId: number } }>(
    "/api/v1/customers/:id/merge",
    {
      schema: {
        tags: TAGS,
        summary: "Merge another record of the same person into this one: its orders move here, it is removed",
        description:
          "One transaction: the other record's orders move to this one (a `customer_merged` entry on each order's timeline, with who did it), this record's empty document, e-mail and phone are filled from the other, addresses and default fields are joined, and the other record is removed. 409 `conflict` reasonCode `documents_differ` when both have a CPF/CNPJ (two people), or `customer_redacted` when either was anonymised (LGPD); 400 reasonCode `same_customer`; 404 when either does not exist.",
        params: idParams,
        body: s.mergeBody,
        response: { 200: s.mergeResult, 400: problem, 404: problem, 409: problem },
      },
    },
    async (request) =>
      dbOf(request).transaction(async (tx) => {
        const before = await customerSnapshot(tx, request.params.id);
        const other = await customerSnapshot(tx, request.body.otherId);
        const { movedOrders } = await mergeCustomers(
          tx,
          orgOf(request),
          request.params.id,
          request.body.otherId,
          actorOf(request),
        );
        const after = await customerSnapshot(tx, request.params.id);
        await recordAudit(tx, auditSource(request), {
          action: "customer.merge",
          entityType: "customer",
          entityId: request.params.id,
          entityLabel: String(after.name ?? ""),
          before,
          after,
          input: { mergedCustomerId: request.body.otherId, mergedName: other.name, movedOrders },
        });
        return { customer: await readCustomer(tx, orgOf(request), request.params.id), movedOrders };
      }),
  );

  app.post<{ Params: { id: number }; Body: { customerId: number } }>(
    "/api/v1/orders/:id/customer",
    {
      schema: {
        tags: TAGS,
        summary: "Link an order that has no customer (no usable CPF/CNPJ came with it) to one, by hand",
        description:
          "Recorded in the order's timeline (`customer_linked_manually`, with who did it). The order's customer data as the store sent it (customerSnapshot) is kept. 409 `conflict` reasonCode `customer_already_linked` (the linked id in `details.customerId`) or `sales_order_deleted`, or `customer_redacted` when the customer was anonymised (LGPD); 404 when the order or the customer does not exist.",
        params: idParams,
        body: s.linkBody,
        response: { 200: s.linkResult, 404: problem, 409: problem },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { customerId } = request.body;
      const { eventId } = await dbOf(request).transaction((tx) =>
        auditedOrderChange(tx, auditSource(request), id, "order.customer.link", () =>
          linkOrderToCustomer(tx, orgOf(request), id, customerId, actorOf(request)),
        ),
      );
      return { salesOrderId: id, customerId, eventId };
    },
  );
}
