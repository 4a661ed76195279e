// A store's orders as the platform sent them (Ponte's copy, without the raw payloads).
import type { FastifyInstance } from "fastify";
import { getStore } from "../../stores/stores.ts";
import { dbOf } from "../plugins/auth.ts";
import { flag } from "./schema-parts.ts";

const idParams = { type: "object", properties: { id: { type: "integer" } }, required: ["id"] } as const;

export async function storeOrderRoutes(app: FastifyInstance) {
  app.get<{ Params: { id: number }; Querystring: { limit?: number; afterId?: number } }>(
    "/api/v1/stores/:id/orders",
    {
      schema: {
        tags: ["stores"],
        summary: "The store's orders as received (raw payloads are not included)",
        params: idParams,
        querystring: {
          type: "object",
          properties: { limit: { type: "integer", minimum: 1, maximum: 500 }, afterId: { type: "integer" } },
        },
        response: {
          200: {
            type: "array",
            items: {
              type: "object",
              properties: {
                id: { type: "integer" },
                externalId: { type: "string" },
                number: { type: ["string", "null"] },
                platformStatus: { type: ["string", "null"] },
                customerName: { type: ["string", "null"] },
                totalCents: { type: ["integer", "null"] },
                cancelled: { type: "boolean" },
                flags: { type: "array", items: flag },
                normalizeError: { type: ["string", "null"] },
                platformUpdatedAt: { type: ["string", "null"] },
              },
            },
          },
        },
      },
    },
    async (request) => {
      await getStore(dbOf(request), request.params.id);
      const { rows } = await dbOf(request).query<Record<string, unknown>>(
        `select id, external_id as "externalId", number, platform_status as "platformStatus",
                customer_name as "customerName", total_cents as "totalCents", cancelled, unknown_values as flags,
                normalize_error as "normalizeError", platform_updated_at as "platformUpdatedAt"
           from store_orders where store_id = $1 and id > $2 order by id limit $3`,
        [request.params.id, request.query.afterId ?? 0, request.query.limit ?? 100],
      );
      return rows;
    },
  );
}
