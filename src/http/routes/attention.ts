// Integração's attention list worked down: Ignorar takes a row that needs no action off the list
// (recorded, with who), and its undo puts it back. The answer carries the list's new count, the
// same number Visão geral shows as "Pedidos aguardando".
import type { FastifyInstance } from "fastify";
import { auditStoreOrder } from "../../audit/changes.ts";
import type { AppContext } from "../../context.ts";
import { getStore } from "../../stores/stores.ts";
import { countAttention } from "../../sync/attention.ts";
import { dismissFromAttention, restoreToAttention } from "../../sync/attention-dismissal.ts";
import { actorOf, dbOf } from "../plugins/auth.ts";
import { panelRow, problem } from "./integration.ts";
import { whole } from "./schema-parts.ts";

const params = {
  type: "object",
  properties: { storeId: { type: "integer" }, externalId: { type: "string", maxLength: 64 } },
  required: ["storeId", "externalId"],
} as const;

const result = whole({
  type: "object",
  properties: {
    order: panelRow,
    attentionCount: { type: "integer", description: "The store's attention list after the change" },
  },
});

export async function attentionRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const route = (path: string, summary: string, description: string, dismiss: boolean) =>
    app.post<{ Params: { storeId: number; externalId: string } }>(
      `/api/v1/integration/:storeId/orders/:externalId/${path}`,
      {
        schema: {
          tags: ["integration"],
          summary,
          description,
          params,
          response: { 200: result, 404: problem, 409: problem },
        },
      },
      async (request) => {
        const store = await getStore(dbOf(request), request.params.storeId);
        return dbOf(request).transaction(async (tx) => {
          const run = dismiss ? dismissFromAttention : restoreToAttention;
          const order = await run(tx, store, request.params.externalId, actorOf(request));
          const action = dismiss ? "integration.dismiss" : "integration.restore";
          await auditStoreOrder(tx, request, store, request.params.externalId, action);
          return { order, attentionCount: (await countAttention(tx, store.id)).get(store.id) ?? 0 };
        });
      },
    );

  route(
    "dismiss",
    "Ignorar: take an order that needs no action off the attention list (recorded with who; undoable)",
    "Nothing about the order changes (a later sync still runs); it leaves the attention list and Visão geral's count, and is listed with view=dismissed. 409 `conflict` reasonCode `already_dismissed`.",
    true,
  );
  route(
    "restore",
    "Undo Ignorar: the order goes back on the attention list (when it still needs attention)",
    "Recorded in the order's timeline. 409 `conflict` reasonCode `not_dismissed`.",
    false,
  );
}
