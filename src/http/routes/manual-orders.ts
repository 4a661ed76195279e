// A sales order made in the back office (balcão or phone, issue 16 item 4): POST /api/v1/sales-orders.
// It then runs the same actions as a store's order (confirm payment, invoice, ship).
import type { FastifyInstance } from "fastify";
import {
  createManualOrder,
  MANUAL_ITEMS_MAX,
  MANUAL_PAYMENT_TYPES,
  type ManualOrderInput,
} from "../../backoffice/manual-order.ts";
import { getSalesOrder } from "../../backoffice/sales-orders.ts";
import type { AppContext } from "../../context.ts";
import { actorOf } from "../plugins/auth.ts";
import { problem } from "./integration.ts";
import { salesOrder } from "./order-schemas.ts";

/** No accounts per organization yet: everything is the default organization's. */
const ORG_ID = 1;
const cents = { type: "integer", minimum: 0, maximum: 100_000_000_00 } as const;

const body = {
  type: "object",
  additionalProperties: false,
  required: ["customerId", "items", "paymentType"],
  properties: {
    customerId: { type: "integer", description: "The customer (Clientes)" },
    items: {
      type: "array",
      minItems: 1,
      maxItems: MANUAL_ITEMS_MAX,
      items: {
        type: "object",
        additionalProperties: false,
        required: ["sku", "quantity", "unitPriceCents"],
        properties: {
          sku: { type: "string", minLength: 1, maxLength: 100, description: "A registered product's SKU" },
          quantity: { type: "integer", minimum: 1, maximum: 100_000 },
          unitPriceCents: { ...cents, description: "The price agreed, in cents" },
        },
      },
    },
    shippingCents: { ...cents, default: 0 },
    discountCents: { ...cents, default: 0 },
    paymentType: { type: "string", enum: MANUAL_PAYMENT_TYPES },
    installments: { type: "integer", minimum: 1, maximum: 24, default: 1 },
    carrier: { type: "string", maxLength: 100 },
    shippingType: { type: "string", maxLength: 100, description: "e.g. PAC, SEDEX, Retirada na loja" },
    notes: { type: "string", maxLength: 2000 },
  },
} as const;

export async function manualOrderRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.post<{ Body: ManualOrderInput }>(
    "/api/v1/sales-orders",
    {
      schema: {
        tags: ["orders"],
        summary:
          "Make a sales order in the back office (balcão or phone): customer, items by SKU, shipping, payment",
        description:
          "It starts Aguardando pagamento (em aberto), with no store, and runs the same lifecycle as a store's order: confirm the payment, invoice (stock out, receivables by payment type), ship, deliver. The delivery address is the customer's last one. 400 `validation_failed` names the field (`details.field`: `customerId`, `items/<i>/sku` with reasonCode `unknown_sku`, `discountCents`) with a pt-BR `details.reason`.",
        body,
        response: { 201: salesOrder, 400: problem },
      },
    },
    async (request, reply) => {
      const { id } = await ctx.db.transaction((tx) =>
        createManualOrder(tx, ORG_ID, request.body, actorOf(request)),
      );
      return reply.status(201).send(await getSalesOrder(ctx.db, id));
    },
  );
}
