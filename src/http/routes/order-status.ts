// The order page's status form: the statuses the order may move to now, and the change itself
// with "Notificar cliente" (sim/não) and an optional message, recorded in the timeline.
import type { FastifyInstance } from "fastify";
import { withoutEmpty } from "../../audit/changes.ts";
import { auditSource, recordAudit } from "../../audit/record.ts";
import { orderSnapshot } from "../../audit/snapshots.ts";
import { changeOrderStatus, orderTransitions } from "../../backoffice/order-status.ts";
import { applyStatusEffects } from "../../backoffice/status-effects.ts";
import type { AppContext } from "../../context.ts";
import { CANONICAL_STATUSES, type CanonicalStatus } from "../../domain/order-status.ts";
import { notifyDefaults, resolveNotifyCustomer } from "../../email/templates.ts";
import { lockSalesOrder, readOrder } from "../../orders/order-lock.ts";
import { storeEffects } from "../../push/preview.ts";
import { customerEmailsBy } from "../../stores/stores.ts";
import { actorOf, dbOf } from "../plugins/auth.ts";
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
              customerEmailsBy: {
                type: ["string", "null"],
                enum: ["ponte", "platform", null],
                description:
                  "Who e-mails the customer when Notificar cliente is ticked: Ponte (its templates) or the store's platform; null for an order made in the back office (Ponte)",
              },
              allowed: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    status: canonical,
                    label: { type: "string", description: "pt-BR" },
                    form: {
                      type: "string",
                      enum: ["status", "shipment"],
                      description:
                        "shipment: asked for through POST /api/v1/orders/:id/shipments (carrier and tracking), not the status form",
                    },
                    blocked: {
                      type: ["string", "null"],
                      description:
                        "pt-BR: why it cannot be chosen yet (e.g. payment not confirmed, no shipment for Embarcado), or null",
                    },
                    needs: {
                      type: "array",
                      items: { type: "string", enum: ["payment", "shipment"] },
                      description:
                        "What the order still lacks for this status, in order: `payment` (POST /api/v1/orders/:id/confirm-payment, which the status form offers inline) and `shipment` (POST /api/v1/orders/:id/shipments; Entregue needs none for a store pickup)",
                    },
                    notifyByDefault: {
                      type: "boolean",
                      description:
                        "Notificar cliente starts ticked for this status (the store's e-mail templates)",
                    },
                    storeEffects: {
                      type: "array",
                      items: { type: "string" },
                      description:
                        "pt-BR: what the change would push to the store (its Envio à loja table, its platform's capabilities, its channel); empty: nothing",
                    },
                  },
                  required: [
                    "status",
                    "label",
                    "form",
                    "blocked",
                    "needs",
                    "notifyByDefault",
                    "storeEffects",
                  ],
                },
              },
            },
            required: ["current", "allowed", "customerEmailsBy"],
          },
          404: problem,
        },
      },
    },
    async (request) => {
      const order = await readOrder(dbOf(request), request.params.id);
      const transitions = orderTransitions(order);
      const notify = await notifyDefaults(dbOf(request), order.originStoreId);
      const effects = await storeEffects(
        dbOf(request),
        order,
        transitions.allowed.map((a) => a.status),
      );
      return {
        ...transitions,
        customerEmailsBy: order.store ? customerEmailsBy(order.store.settings) : null,
        allowed: transitions.allowed.map((a) => ({
          ...a,
          notifyByDefault: notify[a.status],
          storeEffects: effects.get(a.status) ?? [],
        })),
      };
    },
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
          "409 `illegal_transition` when the lifecycle forbids it: `details.reasonCode` is `same`, `backwards`, `cancelled_is_final`, `needs_shipment_form` (Despachado comes with POST /api/v1/orders/:id/shipments), `payment_not_confirmed` (Pagamento confirmado, Em preparação, Embarcado and Entregue need the payment confirmed: POST /api/v1/orders/:id/confirm-payment; no status move confirms it), `needs_shipment` (Embarcado, or Entregue of an order that is not a store pickup, before any shipment) or `invoice_live` (cancel the invoice first); `details.reason` says it in pt-BR. Entregue records the delivery date on the order and its shipments. `notifyCustomer` and `message` are recorded with the change for the customer e-mail.",
        params: idParams,
        body: {
          type: "object",
          required: ["status"],
          additionalProperties: false,
          properties: {
            status: canonical,
            notifyCustomer: {
              type: "boolean",
              description:
                "Notificar cliente. Absent: the status's default for the order's store (notifyByDefault of its e-mail templates)",
            },
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
            required: ["id", "canonicalStatus", "status", "statusVersion", "eventId"],
          },
          404: problem,
          409: problem,
        },
      },
    },
    async (request) => {
      const { status, notifyCustomer, message } = request.body;
      const change = await dbOf(request).transaction(async (tx) => {
        const order = await lockSalesOrder(tx, request.params.id);
        const before = await orderSnapshot(tx, order.id);
        const done = await changeOrderStatus(tx, order, {
          status,
          notifyCustomer: await resolveNotifyCustomer(tx, order, status, notifyCustomer),
          message: message?.trim() ? message.trim() : null,
          actor: actorOf(request), // actor: who is signed in (session user or API token)
        });
        // The pushes and the customer e-mail it owes, durable with the change itself.
        await applyStatusEffects(tx, ctx, order, done);
        await recordAudit(tx, auditSource(request), {
          action: "order.status",
          entityType: "order",
          entityId: order.id,
          entityLabel: before.number === null ? null : String(before.number),
          before,
          after: await orderSnapshot(tx, order.id),
          input: withoutEmpty({ notifyCustomer, message }),
        });
        return done;
      });
      return { ...change.order, eventId: change.event.id };
    },
  );
}
