// Preview on one of the store's real orders (Lojas): the DE-PARA tables and the customer
// default fields — saved, or drafts from the form — tried on a recent order, writing nothing.
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context.ts";
import { getStore } from "../../stores/stores.ts";
import { MAX_EXPRESSION_LENGTH } from "../../sync/customer-defaults.ts";
import { previewStoredOrder } from "../../sync/preview-stored.ts";
import { dbOf } from "../plugins/auth.ts";
import { BODY_LIMITS } from "../server-limits.ts";
import { problem } from "./integration.ts";
import { storedOrderPreview } from "./preview-schemas.ts";

export async function storePreviewRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.post<{
    Params: { id: number };
    Body: { externalId?: string; customerDefaults?: { field: string; expression: string }[] } | undefined;
  }>(
    "/api/v1/stores/:id/preview/recent",
    {
      bodyLimit: BODY_LIMITS.table,
      schema: {
        tags: ["integration"],
        summary: "Preview a real order of the store (the one named, or the newest), writing nothing",
        description:
          "The order as last received, through the same preview as `POST /api/v1/stores/:id/preview`, plus `order` (which one) and `customerDefaults`: the customer default fields evaluated on it — the saved ones, or `customerDefaults` from the body (unsaved drafts). List recent orders with `GET /api/v1/integration/:storeId/orders?view=all`.",
        params: { type: "object", properties: { id: { type: "integer" } }, required: ["id"] },
        body: {
          type: ["object", "null"],
          additionalProperties: false,
          properties: {
            externalId: { type: "string", minLength: 1, maxLength: 64 },
            customerDefaults: {
              type: "array",
              maxItems: 100,
              items: {
                type: "object",
                required: ["field", "expression"],
                additionalProperties: false,
                properties: {
                  field: { type: "string", maxLength: 64 },
                  expression: { type: "string", maxLength: MAX_EXPRESSION_LENGTH },
                },
              },
            },
          },
        },
        response: { 200: storedOrderPreview, 404: problem },
      },
    },
    async (request) => {
      const store = await getStore(dbOf(request), request.params.id);
      return previewStoredOrder(dbOf(request), store, {
        externalId: request.body?.externalId,
        customerDefaults: request.body?.customerDefaults,
      });
    },
  );
}
