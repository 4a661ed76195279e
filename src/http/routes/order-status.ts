// The order page's status form: the statuses the order may move to now, and the change itself
// with "Notificar cliente" (sim/não) and an optional message, recorded in the timeline.
import type { FastifyInstance } from "fastify";
import { changeOrderStatus, orderTransitions } from "../../backoffice/order-status.ts";
import type { AppContext } from "../../context.ts";
import { CANONICAL_STATUSES, type CanonicalStatus } from "../../domain/order-status.ts";
import { actorOf } from "../plugins/auth.ts";
import { problem } from "./integration.ts";

const idParams = { type: "object", properties: { id: { type: "integer" } }, required: ["id"] } as const;
const canonical = { type: "string", enum: [...CANONICAL_STATUSES] } as const;
export const MAX_CUSTOMER_MESSAGE = 1000;

export async function orderStatusRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.get<{ Params: { id: number } }>(
    "/api/v1/orders/:id/transitions",
    {
      schema: {
        tags: ["orders"],
        summary: "The statuses this sales order may move to now (the status form offers only these)",
        params: idParams,
        response: {
          200: {
            type: "object",
            properties: {
              current: canonical,
              allowed: {
                type: "array",
                items: {
                  type: "object",
                  properties: { status: canonical, label: { type: "string", description: "pt-BR" } },
                },
              },
            },
          },
          404: problem,
        },
      },
    },
    async (request) => orderTransitions(ctx.db, request.params.id),
  );

  app.post<{
    Params: { id: number };
    Body: { status: CanonicalStatus; notifyCustomer?: boolean; message?: string };
  }>(
    "/api/v1/orders/:id/status",
    {
      schema: {
        tags: ["orders"],
        summary:
          "Change the sales order's status (Histórico): forward only, Cancelado and Problemas from anywhere",
        description:
          "409 `illegal_transition` when the rules forbid it: `details.reasonCode` is `same`, `backwards` or `cancelled_is_final`, `details.reason` says it in pt-BR. `notifyCustomer` and `message` are recorded with the change for the customer e-mail.",
        params: idParams,
        body: {
          type: "object",
          required: ["status"],
          additionalProperties: false,
          properties: {
            status: canonical,
            notifyCustomer: { type: "boolean", default: false, description: "Notificar cliente" },
            message: {
              type: "string",
              maxLength: MAX_CUSTOMER_MESSAGE,
              description: "Optional message to the customer",
            },
          },
        },
        response: {
          200: {
            type: "object",
            properties: {
              id: { type: "integer" },
              canonicalStatus: canonical,
              status: { type: "string", enum: ["em_aberto", "confirmado", "cancelado", "faturado"] },
              statusVersion: { type: "integer" },
              eventId: { type: "integer", description: "The status_changed entry of the timeline" },
            },
          },
          404: problem,
          409: problem,
        },
      },
    },
    async (request) => {
      const { status, notifyCustomer = false, message } = request.body;
      const change = await ctx.db.transaction((tx) =>
        // The back-office issue attaches the change's effects here, in this transaction
        // (customer e-mail when notifyCustomer, push to the store), keyed by change.event.
        changeOrderStatus(tx, request.params.id, {
          status,
          notifyCustomer,
          message: message?.trim() ? message.trim() : null,
          actor: actorOf(request), // actor: who is signed in (session user or API token)
        }),
      );
      return { ...change.order, eventId: change.event.id };
    },
  );
}
