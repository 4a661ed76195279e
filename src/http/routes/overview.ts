// Visão geral: every store's health at a glance, in one cheap read the panel can poll.
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context.ts";
import { storesOverview } from "../../stores/overview.ts";

const nullable = (type: string) => ({ type: [type, "null"] });

const storeHealth = {
  type: "object",
  properties: {
    id: { type: "integer" },
    name: { type: "string" },
    platform: { type: "string" },
    connectionState: {
      type: "string",
      enum: ["ok", "invalid_credentials", "suspended", "uninstalled", "disconnected"],
    },
    connectionMessage: nullable("string"),
    importEnabled: { type: "boolean" },
    importIntervalMinutes: { type: "integer" },
    lastImportAt: nullable("string"),
    lastWebhookAt: nullable("string"),
    importLagSeconds: {
      ...nullable("integer"),
      description:
        "Seconds since the import last caught up with the platform (its last complete run); null when never imported",
    },
    importInProgress: { type: "boolean", description: "An import is part-way through its pages" },
    nextImportAt: nullable("string"),
    pendingWebhooks: { type: "integer", description: "Webhook deliveries not yet taken by a sync job" },
    ordersWaiting: {
      type: "integer",
      description:
        "Orders pending, or held for a reason to fix (status not in the table, unknown SKU…); orders held because their status does not create a sales order (cancelled, by default) are not waiting",
    },
    ordersInError: { type: "integer" },
    jobsFailed: { type: "integer", description: "This store's jobs the queue gave up on" },
    pushesFailed: {
      type: "integer",
      description: "Pushes to the store that failed (Falhas, kind=pushes; POST /api/v1/pushes/{id}/resend)",
    },
    emailsFailed: {
      type: "integer",
      description:
        "Customer e-mails that failed (GET /api/v1/emails?status=failed; POST /api/v1/emails/{id}/resend)",
    },
    salesOrdersToday: {
      type: "integer",
      description: "Sales orders created today (America/Sao_Paulo) from this store",
    },
  },
} as const;

export async function overviewRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.get(
    "/api/v1/overview",
    {
      schema: {
        tags: ["overview"],
        summary: "Visão geral: per store, last import and webhook, import lag, orders waiting, errors",
        response: {
          200: {
            type: "object",
            properties: { stores: { type: "array", items: storeHealth }, generatedAt: { type: "string" } },
          },
        },
      },
    },
    async () => storesOverview(ctx.db),
  );
}
