// A sales order made in the back office (balcão, telefone): POST /api/v1/orders. Everything after
// its creation is the same API as a store's order (confirm-payment, invoice, shipments, status).
import type { FastifyInstance } from "fastify";
import { auditSource, recordAudit } from "../../audit/record.ts";
import { orderSnapshot } from "../../audit/snapshots.ts";
import { createManualOrder, type ManualOrderInput } from "../../backoffice/manual-order.ts";
import type { AppContext } from "../../context.ts";
import { actorOf, dbOf, orgOf } from "../plugins/auth.ts";
import { problem } from "./integration.ts";

const text = (maxLength: number) => ({ type: "string", maxLength }) as const;
const cents = { type: "integer", minimum: 0, maximum: 100_000_000_00 } as const;

const address = {
  type: "object",
  additionalProperties: false,
  properties: {
    name: text(200),
    street: text(200),
    number: text(30),
    complement: text(200),
    neighborhood: text(120),
    city: text(120),
    state: text(60),
    zipcode: text(20),
    country: text(2),
    phone: text(40),
  },
} as const;

const manualOrderBody = {
  type: "object",
  additionalProperties: false,
  required: ["customer", "items", "payment"],
  properties: {
    customer: {
      type: "object",
      additionalProperties: false,
      description:
        "`id` of a customer record, or who bought: `name` (required then) and optionally `document` (CPF/CNPJ, alphanumeric too: the record with it, or a new one), `email`, `phone`",
      properties: {
        id: { type: "integer", minimum: 1 },
        name: text(200),
        document: text(30),
        email: text(254),
        phone: text(40),
      },
    },
    items: {
      type: "array",
      minItems: 1,
      maxItems: 200,
      items: {
        type: "object",
        additionalProperties: false,
        required: ["sku", "quantity", "unitPriceCents"],
        properties: {
          sku: { type: "string", minLength: 1, maxLength: 100 },
          quantity: { type: "integer", minimum: 1, maximum: 100_000 },
          unitPriceCents: cents,
          discountCents: cents,
        },
      },
    },
    pickup: { type: "boolean", description: "Retirada na loja: no carrier, delivery address nor shipping" },
    carrier: text(100),
    shippingType: { ...text(100), description: "The carrier's service (PAC, SEDEX…)" },
    shippingCents: cents,
    discountCents: cents,
    deliveryAddress: address,
    payment: {
      type: "object",
      additionalProperties: false,
      required: ["type"],
      properties: {
        type: {
          type: "string",
          minLength: 1,
          maxLength: 40,
          description: "pix, boleto, cartao_credito, dinheiro…",
        },
        installments: { type: "integer", minimum: 1, maximum: 48 },
      },
    },
    notes: text(2000),
  },
} as const;

export async function manualOrderRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.post<{ Body: ManualOrderInput }>(
    "/api/v1/orders",
    {
      schema: {
        tags: ["orders"],
        summary: "Make a sales order in the back office (balcão, telefone)",
        description:
          "Items by SKU from Produtos (400 `validation_failed`, reasonCode `unknown_sku`, names the item); a shipped order needs `carrier` and a delivery CEP, a store pickup (`pickup`) neither. The order starts Aguardando pagamento, without a store, and runs the same lifecycle as a store's: confirm-payment, invoice (stock and receivables), shipments, status. 409 `conflict` reasonCode `customer_redacted` for an anonymised customer (LGPD). Money in integer cents: total = Σ(quantity × unitPriceCents − item discount) − discountCents + shippingCents.",
        body: manualOrderBody,
        response: {
          201: {
            type: "object",
            properties: { id: { type: "integer" }, number: { type: "integer" } },
            required: ["id", "number"],
          },
          400: problem,
          409: problem,
        },
      },
    },
    async (request, reply) => {
      const order = await dbOf(request).transaction(async (tx) => {
        const made = await createManualOrder(tx, orgOf(request), request.body, actorOf(request));
        const { number: _, ...after } = await orderSnapshot(tx, made.id);
        await recordAudit(tx, auditSource(request), {
          action: "order.create",
          entityType: "order",
          entityId: made.id,
          entityLabel: String(made.number),
          after: { ...after, items: request.body.items.length, payment: request.body.payment.type },
        });
        return made;
      });
      return reply.status(201).send(order);
    },
  );
}
