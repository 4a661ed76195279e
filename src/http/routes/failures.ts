// Falhas: orders and jobs in error, with the message and the payload, and Reprocessar for
// one, many, or every order of a store in error.
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context.ts";
import { PonteError } from "../../errors.ts";
import { listFailedJobs, retryJobs } from "../../jobs/failed-jobs.ts";
import { getStoredPayload, listOrderFailures, retryOrders } from "../../sync/failures.ts";
import { problem } from "./integration.ts";

const nullable = (type: string) => ({ type: [type, "null"] });
const MAX_RETRY = 500;

// `required` tells the two item shapes apart when the response is serialized (anyOf).
const orderFailure = {
  type: "object",
  required: ["storeId", "storeOrderId", "externalId", "attempts", "updatedAt"],
  properties: {
    storeId: { type: "integer" },
    storeName: { type: "string" },
    storeOrderId: { type: "integer" },
    externalId: { type: "string" },
    number: nullable("string"),
    reason: { ...nullable("string"), description: "pt-BR, as the integration panel shows it" },
    reasonCode: nullable("string"),
    lastError: { type: ["object", "null"], additionalProperties: true },
    attempts: { type: "integer" },
    updatedAt: { type: "string" },
  },
} as const;

const failedJob = {
  type: "object",
  required: ["id", "task", "attempts", "maxAttempts", "lastError", "retrying", "payload"],
  properties: {
    id: { type: "string" },
    task: { type: "string" },
    storeId: nullable("integer"),
    queueName: nullable("string"),
    key: nullable("string"),
    attempts: { type: "integer" },
    maxAttempts: { type: "integer" },
    lastError: { type: "string" },
    retrying: { type: "boolean", description: "true: still retrying; false: the queue gave up" },
    runAt: { type: "string", description: "When it runs next (for a job that gave up: when it last ran)" },
    createdAt: { type: "string" },
    updatedAt: { type: "string" },
    payload: { type: "object", additionalProperties: true },
  },
} as const;

export async function failureRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.get<{ Querystring: { kind?: "orders" | "jobs"; storeId?: number; limit?: number; after?: string } }>(
    "/api/v1/failures",
    {
      schema: {
        tags: ["failures"],
        summary: "Falhas: orders in error (kind=orders) or jobs in error (kind=jobs), newest first",
        description:
          "`orders`: store orders whose sync is in error, with the reason (pt-BR) and the last error. `jobs`: queue jobs that gave up (`retrying: false`) or are retrying after an error (`retrying: true`). Pass `next` back as `after` for the next page.",
        querystring: {
          type: "object",
          properties: {
            kind: { type: "string", enum: ["orders", "jobs"], default: "orders" },
            storeId: { type: "integer" },
            limit: { type: "integer", minimum: 1, maximum: 500, default: 100 },
            after: { type: "string", maxLength: 200 },
          },
        },
        response: {
          200: {
            type: "object",
            properties: {
              items: { type: "array", items: { anyOf: [orderFailure, failedJob] } },
              next: nullable("string"),
            },
          },
          400: problem,
        },
      },
    },
    async (request) => {
      const { kind = "orders", storeId, limit = 100, after } = request.query;
      return kind === "jobs"
        ? listFailedJobs(ctx.db, { storeId, limit, after })
        : listOrderFailures(ctx.db, { storeId, limit, after });
    },
  );

  app.get<{ Params: { storeId: number; externalId: string } }>(
    "/api/v1/failures/orders/:storeId/:externalId/payload",
    {
      schema: {
        tags: ["failures"],
        summary: "The store order's payload as the platform sent it, and why it could not be read",
        params: {
          type: "object",
          properties: { storeId: { type: "integer" }, externalId: { type: "string", maxLength: 64 } },
          required: ["storeId", "externalId"],
        },
        response: {
          200: {
            type: "object",
            properties: {
              raw: { description: "The platform's JSON, as received; null never stored" },
              normalizeError: nullable("string"),
            },
          },
          404: problem,
        },
      },
    },
    async (request) => getStoredPayload(ctx.db, request.params.storeId, request.params.externalId),
  );

  app.post<{
    Body: { orders?: { storeId: number; externalId: string }[]; jobs?: string[]; allOrdersOfStore?: number };
  }>(
    "/api/v1/failures/retry",
    {
      schema: {
        tags: ["failures"],
        summary:
          "Reprocessar in bulk: orders (a fresh sync each), jobs (run again now), or every order of a store in error",
        description:
          "Orders not found and jobs not in error are skipped; the counts say how many were queued.",
        body: {
          type: "object",
          additionalProperties: false,
          properties: {
            orders: {
              type: "array",
              maxItems: MAX_RETRY,
              items: {
                type: "object",
                required: ["storeId", "externalId"],
                additionalProperties: false,
                properties: {
                  storeId: { type: "integer" },
                  externalId: { type: "string", minLength: 1, maxLength: 64 },
                },
              },
            },
            jobs: { type: "array", maxItems: MAX_RETRY, items: { type: "string", pattern: "^[0-9]{1,19}$" } },
            allOrdersOfStore: { type: "integer", description: "A store id: every order of it in error" },
          },
        },
        response: {
          202: {
            type: "object",
            properties: { ordersQueued: { type: "integer" }, jobsQueued: { type: "integer" } },
          },
          400: problem,
          404: problem,
        },
      },
    },
    async (request, reply) => {
      const { orders, jobs, allOrdersOfStore } = request.body;
      if (!orders?.length && !jobs?.length && allOrdersOfStore === undefined) {
        throw new PonteError("validation_failed", "name orders, jobs or allOrdersOfStore to retry", {
          status: 400,
        });
      }
      const ordersQueued =
        orders?.length || allOrdersOfStore !== undefined
          ? await retryOrders(ctx.db, { orders, allOrdersOfStore })
          : 0;
      const jobsQueued = jobs?.length ? await retryJobs(ctx.db, jobs) : 0;
      return reply.status(202).send({ ordersQueued, jobsQueued });
    },
  );
}
