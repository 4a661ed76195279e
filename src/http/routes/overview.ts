// Visão geral: every store's health at a glance, in one cheap read the panel can poll.
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context.ts";
import { HEALTH_CODES } from "../../stores/health-rules.ts";
import { storesOverview } from "../../stores/overview.ts";
import { dbOf, orgOf } from "../plugins/auth.ts";

const nullable = (type: string) => ({ type: [type, "null"] });

/** A store's one health state (src/stores/health-rules.ts); also in GET /api/v1/stores. */
export const healthStateSchema = {
  type: "object",
  description:
    "The store's health from its access, its last platform contact, its last import attempt, its failing and retrying jobs, its last Testar conexão and its counts; the first problem that applies decides",
  properties: {
    level: { type: "string", enum: ["ok", "warn", "bad"] },
    code: {
      type: "string",
      enum: HEALTH_CODES,
    },
    connection: { type: "string", description: 'pt-BR, for a badge: "Conectada", "Sem contato"…' },
    connectionLevel: {
      type: "string",
      enum: ["ok", "warn", "bad"],
      description: "How the connection itself is (ok for Conectada, whatever else is wrong)",
    },
    message: {
      type: "string",
      description: 'pt-BR: what is wrong and what to do; "Tudo em dia." when nothing',
    },
  },
  required: ["level", "code", "connection", "connectionLevel", "message"],
} as const;

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
        "The store's Integração attention list (GET /api/v1/integration/{storeId}/orders, its attentionCount): orders not synced, held, in error, or synced but not confirmed, less those dismissed by hand (Ignorar) and those older than the store's attentionIgnoreAfterDays (errors never age out)",
    },
    ordersInError: { type: "integer" },
    jobsFailed: { type: "integer", description: "This store's jobs the queue gave up on" },
    jobsRetrying: { type: "integer", description: "This store's jobs that failed and will run again" },
    pushesFailed: {
      type: "integer",
      description: "Pushes to the store that failed (Falhas, kind=pushes; POST /api/v1/pushes/{id}/resend)",
    },
    emailsFailed: {
      type: "integer",
      description:
        "Customer e-mails that failed (GET /api/v1/emails?status=failed; POST /api/v1/emails/{id}/resend)",
    },
    storeCancellations: {
      type: "integer",
      description:
        "Orders the store cancelled while they had a live invoice (until the estorno) or a shipment: GET /api/v1/failures?kind=cancellations",
    },
    salesOrdersToday: {
      type: "integer",
      description: "Sales orders created today (America/Sao_Paulo) from this store",
    },
    lastContactAt: { ...nullable("string"), description: "The last request to the platform" },
    lastContactOk: { ...nullable("boolean"), description: "Whether the platform answered it" },
    health: healthStateSchema,
  },
} as const;

/** Every field is always sent (stores/overview.ts builds each one). */
const storeHealthRequired = Object.keys(storeHealth.properties);

export async function overviewRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.get(
    "/api/v1/overview",
    {
      schema: {
        tags: ["overview"],
        summary:
          "Visão geral: per store, its health in pt-BR, last import and webhook, import lag, orders waiting, errors",
        response: {
          200: {
            type: "object",
            required: ["stores", "generatedAt"],
            properties: {
              stores: { type: "array", items: { ...storeHealth, required: storeHealthRequired } },
              generatedAt: { type: "string" },
            },
          },
        },
      },
    },
    async (request) => storesOverview(dbOf(request), orgOf(request)),
  );
}
