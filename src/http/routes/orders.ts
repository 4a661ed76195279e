// Sales orders (pedidos de venda): the Pedidos list (filters, sorts, keyset pages), one order
// with everything its page shows, and deleting one in the back office (which is what lets the
// panel delete its Mapeamento, R5.3).
import type { FastifyInstance } from "fastify";
import { auditedOrderChange } from "../../audit/changes.ts";
import { auditSource } from "../../audit/record.ts";
import { type ListQuery, listSalesOrders, parseListQuery } from "../../backoffice/list-sales-orders.ts";
import { deleteSalesOrder, getSalesOrder } from "../../backoffice/sales-orders.ts";
import type { AppContext } from "../../context.ts";
import { actorOf, dbOf, orgOf } from "../plugins/auth.ts";
import { problem } from "./integration.ts";
import { idParams, listQuery, nullable, orderListItem, salesOrder } from "./order-schemas.ts";

export async function orderRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.get<{ Querystring: ListQuery }>(
    "/api/v1/orders",
    {
      schema: {
        tags: ["orders"],
        summary: "Pedidos: sales orders searched, filtered and sorted, a keyset page at a time",
        description:
          "Deleted sales orders are not listed. Pass `next` back as `after` for the following page; it is null on the last one.",
        querystring: listQuery,
        response: {
          200: {
            type: "object",
            properties: { items: { type: "array", items: orderListItem }, next: nullable("string") },
            required: ["items", "next"],
          },
          400: problem,
        },
      },
    },
    async (request) => listSalesOrders(dbOf(request), orgOf(request), parseListQuery(request.query)),
  );

  app.get<{ Params: { id: number } }>(
    "/api/v1/orders/:id",
    {
      schema: {
        tags: ["orders"],
        summary: "A sales order's page: customer, delivery, items, payments, store data and timeline",
        params: idParams,
        response: { 200: salesOrder, 404: problem },
      },
    },
    async (request) => getSalesOrder(dbOf(request), request.params.id),
  );

  app.delete<{ Params: { id: number } }>(
    "/api/v1/orders/:id",
    {
      schema: {
        tags: ["orders"],
        summary:
          "Delete a sales order in the back office (kept with its history; the store order may be re-synced)",
        description:
          "409 `conflict` with reasonCode `invoice_live` while the order has a live invoice or simple sale: cancel it first (estorno, POST /api/v1/orders/{id}/invoice/cancel), so a re-created sales order is never invoiced twice.",
        params: idParams,
        response: { 204: { type: "null" }, 404: problem, 409: problem },
      },
    },
    async (request, reply) => {
      await dbOf(request).transaction((tx) =>
        auditedOrderChange(tx, auditSource(request), request.params.id, "order.delete", () =>
          deleteSalesOrder(tx, orgOf(request), request.params.id, actorOf(request)),
        ),
      );
      return reply.status(204).send();
    },
  );
}
