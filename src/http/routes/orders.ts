// Sales orders (pedidos de venda): read one with its items and timeline; delete one in the
// back office (which is what lets the panel delete its Mapeamento, R5.3).
import type { FastifyInstance } from "fastify";
import { deleteSalesOrder, getSalesOrder } from "../../backoffice/sales-orders.ts";
import type { AppContext } from "../../context.ts";
import { problem } from "./integration.ts";

const idParams = { type: "object", properties: { id: { type: "integer" } }, required: ["id"] } as const;
const nullable = (type: string) => ({ type: [type, "null"] });

const salesOrder = {
  type: "object",
  properties: {
    id: { type: "integer" },
    number: { type: "integer" },
    originStoreId: nullable("integer"),
    storeOrderId: nullable("integer"),
    storeOrderNumber: nullable("string"),
    customerId: nullable("integer"),
    status: { type: "string", enum: ["em_aberto", "confirmado", "cancelado", "faturado"] },
    canonicalStatus: { type: "string" },
    statusVersion: { type: "integer" },
    paymentType: nullable("string"),
    paymentMethod: nullable("string"),
    installments: { type: "integer" },
    carrier: nullable("string"),
    shippingType: nullable("string"),
    subtotalCents: { type: "integer" },
    discountCents: { type: "integer" },
    shippingCents: { type: "integer" },
    totalCents: { type: "integer" },
    customerSnapshot: { type: "object", additionalProperties: true },
    deliveryAddress: { type: ["object", "null"], additionalProperties: true },
    flags: { type: "array", items: { type: "object", additionalProperties: true } },
    deletedAt: nullable("string"),
    createdAt: { type: "string" },
    items: {
      type: "array",
      items: {
        type: "object",
        properties: {
          position: { type: "integer" },
          productId: nullable("integer"),
          sku: nullable("string"),
          name: { type: "string" },
          variant: nullable("string"),
          quantity: { type: "integer" },
          unitPriceCents: { type: "integer" },
          totalCents: { type: "integer" },
        },
      },
    },
    events: {
      type: "array",
      description: "Histórico: status changes, syncs, pushes and e-mails in time order",
      items: {
        type: "object",
        properties: {
          id: { type: "integer" },
          kind: { type: "string" },
          message: { type: "string" },
          data: { type: "object", additionalProperties: true },
          actor: { type: "string" },
          createdAt: { type: "string" },
        },
      },
    },
  },
} as const;

export async function orderRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.get<{ Params: { id: number } }>(
    "/api/v1/orders/:id",
    {
      schema: {
        tags: ["orders"],
        summary: "A sales order with its items and timeline",
        params: idParams,
        response: { 200: salesOrder, 404: problem },
      },
    },
    async (request) => getSalesOrder(ctx.db, request.params.id),
  );

  app.delete<{ Params: { id: number } }>(
    "/api/v1/orders/:id",
    {
      schema: {
        tags: ["orders"],
        summary:
          "Delete a sales order in the back office (kept with its history; the store order may be re-synced)",
        params: idParams,
        response: { 204: { type: "null" }, 404: problem },
      },
    },
    async (request, reply) => {
      await ctx.db.transaction((tx) => deleteSalesOrder(tx, 1, request.params.id, "api"));
      return reply.status(204).send();
    },
  );
}
