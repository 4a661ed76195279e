// Status pushes to the store (R8): a store's "Envio à loja" table (which platform actions each
// back-office change pushes) and an order's pushes with their state. Reenviar and the failed
// pushes are with Falhas (routes/failures.ts).
import type { FastifyInstance } from "fastify";
import { auditTable } from "../../audit/changes.ts";
import type { AppContext } from "../../context.ts";
import { orderNotFound } from "../../orders/order-lock.ts";
import { PUSH_ACTIONS, PUSH_TRIGGERS } from "../../push/actions.ts";
import { getPushMap, replacePushMap } from "../../push/push-map.ts";
import { dbOf } from "../plugins/auth.ts";
import { problem } from "./integration.ts";
import { whole } from "./schema-parts.ts";

const idParams = { type: "object", properties: { id: { type: "integer" } }, required: ["id"] } as const;

const pushMapRow = whole({
  type: "object",
  properties: {
    trigger: { type: "string", enum: [...PUSH_TRIGGERS] },
    label: { type: "string", description: "pt-BR" },
    actions: { type: "array", items: { type: "string", enum: [...PUSH_ACTIONS] } },
    custom: { type: "boolean", description: "false: the platform's default" },
    statusActive: {
      type: ["boolean", "null"],
      description: "The status row's Ativo (an inactive status pushes nothing); null for faturado",
    },
  },
});

const pushMapAnswer = whole({
  type: "object",
  properties: { rows: { type: "array", items: pushMapRow } },
});

const orderPush = whole({
  type: "object",
  properties: {
    id: { type: "integer" },
    storeId: { type: "integer" },
    channel: { type: "string", enum: ["platform", "xml", "webhook"] },
    action: { type: "string" },
    summary: { type: ["string", "null"], description: "pt-BR" },
    status: { type: "string", enum: ["pending", "sent", "failed", "skipped"] },
    attempts: { type: "integer" },
    lastError: { type: ["string", "null"] },
    nextAttemptAt: { type: ["string", "null"], format: "date-time" },
    statusVersion: { type: ["integer", "null"] },
    createdAt: { type: "string", format: "date-time" },
    sentAt: { type: ["string", "null"], format: "date-time" },
  },
});

export async function pushRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.get<{ Params: { id: number } }>(
    "/api/v1/stores/:id/push-map",
    {
      schema: {
        tags: ["pushes"],
        summary: "Envio à loja: the platform actions each back-office change pushes to this store",
        description:
          "One row per trigger: each canonical status the order moves to, and `faturado` (an invoice approved). Actions: `pay` (a payment confirmed by hand, listed under pagamento_confirmado), `invoice` (the NF-e), `pack`, `fulfill` (with the tracking), `close`, `cancel`. Rows not customized show the platform's default. Only the platform channel uses this table; a status whose row in the status table is not Ativo pushes nothing.",
        params: idParams,
        response: { 200: pushMapAnswer, 404: problem },
      },
    },
    async (request) => ({ rows: await getPushMap(dbOf(request), request.params.id) }),
  );

  app.put<{ Params: { id: number }; Body: { rows: { trigger: string; actions: string[] }[] } }>(
    "/api/v1/stores/:id/push-map",
    {
      schema: {
        tags: ["pushes"],
        summary:
          "Replace the Envio à loja table: rows sent are kept as given, triggers left out go back to the default",
        description:
          "400 `validation_failed` lists every problem (`details.details[]`, with the field at fault).",
        params: idParams,
        body: {
          type: "object",
          required: ["rows"],
          additionalProperties: false,
          properties: {
            rows: {
              type: "array",
              maxItems: PUSH_TRIGGERS.length,
              items: {
                type: "object",
                required: ["trigger", "actions"],
                additionalProperties: false,
                properties: {
                  trigger: { type: "string", maxLength: 40 },
                  actions: { type: "array", maxItems: 10, items: { type: "string", maxLength: 40 } },
                },
              },
            },
          },
        },
        response: { 200: pushMapAnswer, 400: problem, 404: problem },
      },
    },
    async (request) => ({
      rows: await replacePushMap(dbOf(request), request.params.id, request.body.rows, (tx, before, after) =>
        auditTable(tx, request, "push_map.update", "push-map", before, after),
      ),
    }),
  );

  app.get<{ Params: { id: number } }>(
    "/api/v1/orders/:id/pushes",
    {
      schema: {
        tags: ["pushes"],
        summary: "The pushes this sales order owes or made to its store, oldest first, with their state",
        params: idParams,
        response: { 200: { type: "array", items: orderPush }, 404: problem },
      },
    },
    async (request) => {
      const { rows } = await dbOf(request).query<Record<string, unknown>>(
        `select o.id, o.store_id as "storeId", o.channel, o.action, o.payload->>'summary' as summary, o.status,
                o.attempts, o.last_error as "lastError", o.next_attempt_at as "nextAttemptAt",
                o.status_version as "statusVersion", o.created_at as "createdAt", o.sent_at as "sentAt"
           from sales_orders so left join outbox o on o.sales_order_id = so.id and o.channel <> 'email'
          where so.id = $1 order by o.id`,
        [request.params.id],
      );
      if (rows.length === 0) throw orderNotFound(request.params.id);
      return rows.filter((r) => r.id !== null);
    },
  );
}
