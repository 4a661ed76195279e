// Falhas: orders and jobs in error, with the message and the payload, and Reprocessar for
// one, many, or every order of a store in error.
import type { FastifyInstance } from "fastify";
import { auditJobsRetried, auditOrdersRetried, auditPushesResent } from "../../audit/retries.ts";
import { listStoreCancellations } from "../../backoffice/store-cancellation.ts";
import type { AppContext } from "../../context.ts";
import { PonteError } from "../../errors.ts";
import { listFailedJobs, retryJobs } from "../../jobs/failed-jobs.ts";
import { listPushFailures, resendPush, resendPushes } from "../../push/failures.ts";
import { getStoredPayload, listOrderFailures, retryOrders } from "../../sync/failures.ts";
import { actorOf, dbOf, orgOf } from "../plugins/auth.ts";
import { ownedIds } from "../plugins/tenant-guard.ts";
import { BODY_LIMITS } from "../server-limits.ts";
import { problem } from "./integration.ts";
import { nullableReasonCode, whole } from "./schema-parts.ts";

const nullable = (type: string) => ({ type: [type, "null"] });
const MAX_RETRY = 500;

// Every field is always sent; `required` also tells the item shapes apart when the response is
// serialized (anyOf).
const orderFailure = whole({
  type: "object",
  properties: {
    storeId: { type: "integer" },
    storeName: { type: "string" },
    storeOrderId: { type: "integer" },
    externalId: { type: "string" },
    number: nullable("string"),
    reason: { ...nullable("string"), description: "pt-BR, as the integration panel shows it" },
    reasonCode: nullableReasonCode,
    lastError: {
      type: ["object", "null"],
      description: "The technical error, as recorded when the sync failed (English)",
      properties: {
        code: { type: "string" },
        kind: nullable("string"),
        message: { type: "string" },
        normalizeError: nullable("string"),
        at: { type: "string" },
      },
      additionalProperties: true,
    },
    attempts: { type: "integer" },
    updatedAt: { type: "string", format: "date-time" },
  },
});

const failedJob = whole({
  type: "object",
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
    runAt: {
      type: "string",
      format: "date-time",
      description: "When it runs next (for a job that gave up: when it last ran)",
    },
    createdAt: { type: "string", format: "date-time" },
    updatedAt: { type: "string", format: "date-time" },
    payload: { type: "object", additionalProperties: true },
  },
});

const pushFailure = whole({
  type: "object",
  properties: {
    id: { type: "integer", description: "The push (outbox row): POST /api/v1/pushes/{id}/resend" },
    storeId: { type: "integer" },
    storeName: { type: "string" },
    salesOrderId: { type: "integer" },
    orderNumber: { type: "integer", description: "The sales order's number" },
    storeOrderNumber: nullable("string"),
    action: {
      type: "string",
      description:
        "Platform channel: pay, invoice, pack, fulfill, close or cancel; XML and webhook channels: status",
    },
    channel: { type: "string", enum: ["platform", "xml", "webhook"] },
    summary: { ...nullable("string"), description: "pt-BR: what the push does" },
    attempts: { type: "integer" },
    lastError: nullable("string"),
    createdAt: { type: "string", format: "date-time" },
    failedAt: { type: "string", format: "date-time" },
  },
});

const storeCancellation = whole({
  type: "object",
  properties: {
    salesOrderId: {
      type: "integer",
      description: "The order page offers Cancelar nota (estorno) right there",
    },
    orderNumber: { type: "integer" },
    storeId: { type: "integer" },
    storeName: { type: "string" },
    storeOrderNumber: nullable("string"),
    kind: { type: "string", enum: ["invoice_live", "shipped"] },
    label: { type: "string", description: "pt-BR: Cancelado na loja com nota ativa / já enviado" },
    reason: { type: "string", description: "pt-BR: what to do" },
    cancelledAt: { type: "string", format: "date-time" },
    invoiceId: { ...nullable("integer"), description: "The live invoice to reverse" },
  },
});

export async function failureRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.get<{
    Querystring: {
      kind?: "orders" | "jobs" | "pushes" | "cancellations";
      storeId?: number;
      limit?: number;
      after?: string;
    };
  }>(
    "/api/v1/failures",
    {
      schema: {
        tags: ["failures"],
        summary:
          "Falhas: orders in error (kind=orders), jobs in error (kind=jobs), failed pushes to the stores (kind=pushes) or orders cancelled on the store with a live invoice or a shipment (kind=cancellations), newest first",
        description:
          "`orders`: store orders whose sync is in error, with the reason (pt-BR) and the last error. `jobs`: queue jobs that gave up (`retrying: false`) or are retrying after an error (`retrying: true`). `pushes`: status pushes to the stores that failed after their last attempt (or on an error retrying cannot fix), with the last error; Reenviar with POST /api/v1/pushes/{id}/resend. `cancellations`: sales orders the store cancelled while they had a live invoice (`invoice_live`, until the estorno) or a shipment (`shipped`, until POST /api/v1/orders/{id}/store-cancellation/resolve). Pass `next` back as `after` for the next page.",
        querystring: {
          type: "object",
          properties: {
            kind: { type: "string", enum: ["orders", "jobs", "pushes", "cancellations"], default: "orders" },
            storeId: { type: "integer" },
            limit: { type: "integer", minimum: 1, maximum: 500, default: 100 },
            after: { type: "string", maxLength: 200 },
          },
        },
        response: {
          200: whole({
            type: "object",
            properties: {
              items: {
                type: "array",
                items: { anyOf: [orderFailure, failedJob, pushFailure, storeCancellation] },
              },
              next: nullable("string"),
            },
          }),
          400: problem,
        },
      },
    },
    async (request) => {
      const { kind = "orders", storeId, limit = 100, after } = request.query;
      if (kind === "pushes") return listPushFailures(dbOf(request), { storeId, limit, after });
      if (kind === "cancellations") return listStoreCancellations(dbOf(request), { storeId, limit, after });
      return kind === "jobs"
        ? listFailedJobs(dbOf(request), { storeId, limit, after })
        : listOrderFailures(dbOf(request), { storeId, limit, after });
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
          200: whole({
            type: "object",
            properties: {
              raw: { description: "The platform's JSON, as received; null never stored" },
              normalizeError: nullable("string"),
            },
          }),
          404: problem,
        },
      },
    },
    async (request) => getStoredPayload(dbOf(request), request.params.storeId, request.params.externalId),
  );

  app.post<{
    Body: {
      orders?: { storeId: number; externalId: string }[];
      jobs?: string[];
      pushes?: number[];
      allOrdersOfStore?: number;
    };
  }>(
    "/api/v1/failures/retry",
    {
      bodyLimit: BODY_LIMITS.table,
      schema: {
        tags: ["failures"],
        summary:
          "Reprocessar in bulk: orders (a fresh sync each), jobs (run again now), pushes (Reenviar), or every order of a store in error",
        description:
          "Orders not found, jobs not in error and pushes unknown or already sent are skipped; the counts say how many were queued.",
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
            pushes: { type: "array", maxItems: MAX_RETRY, items: { type: "integer", minimum: 1 } },
            allOrdersOfStore: { type: "integer", description: "A store id: every order of it in error" },
          },
        },
        response: {
          202: {
            type: "object",
            properties: {
              ordersQueued: { type: "integer" },
              jobsQueued: { type: "integer" },
              pushesQueued: { type: "integer", description: "Present when pushes were named" },
            },
            required: ["ordersQueued", "jobsQueued"],
          },
          400: problem,
          404: problem,
        },
      },
    },
    async (request, reply) => {
      const { jobs, allOrdersOfStore } = request.body;
      if (
        !request.body.orders?.length &&
        !jobs?.length &&
        !request.body.pushes?.length &&
        allOrdersOfStore === undefined
      ) {
        throw new PonteError("validation_failed", "name orders, jobs, pushes or allOrdersOfStore to retry");
      }
      // Stores and pushes named in the body must be the organisation's, as ids in a path are.
      const named = [
        ...(request.body.orders ?? []).map((o) => o.storeId),
        ...(allOrdersOfStore === undefined ? [] : [allOrdersOfStore]),
      ];
      const stores = new Set(await ownedIds(ctx.db, orgOf(request), "stores", named));
      if (allOrdersOfStore !== undefined && !stores.has(allOrdersOfStore)) {
        throw new PonteError("not_found", `store ${allOrdersOfStore} not found`);
      }
      const orders = request.body.orders?.filter((o) => stores.has(o.storeId));
      const pushes =
        request.body.pushes && (await ownedIds(ctx.db, orgOf(request), "outbox", request.body.pushes));
      const ordersQueued =
        orders?.length || allOrdersOfStore !== undefined
          ? await retryOrders(dbOf(request), { orders, allOrdersOfStore }, (tx, queued) =>
              auditOrdersRetried(tx, request, queued, allOrdersOfStore),
            )
          : 0;
      const jobsQueued = jobs?.length
        ? await dbOf(request).transaction(async (tx) => {
            const queued = await retryJobs(tx, jobs);
            await auditJobsRetried(tx, request, jobs, queued);
            return queued;
          })
        : 0;
      const pushesQueued = pushes?.length
        ? (
            await resendPushes(dbOf(request), pushes, actorOf(request), (tx, sent) =>
              auditPushesResent(tx, request, sent),
            )
          ).length
        : 0;
      // pushesQueued only when pushes were named: the answer to orders and jobs keeps its shape.
      return reply
        .status(202)
        .send({ ordersQueued, jobsQueued, ...(request.body.pushes ? { pushesQueued } : {}) });
    },
  );

  app.post<{ Params: { id: number } }>(
    "/api/v1/pushes/:id/resend",
    {
      schema: {
        tags: ["failures"],
        summary: "Reenviar: send a failed push to the store again (attempts start over)",
        description:
          "The push goes back to pending with its attempts at zero and is queued now; the order's timeline records who asked. 404 for an unknown push, 409 `conflict` (details.reasonCode `push_already_sent`) for one already sent.",
        params: { type: "object", properties: { id: { type: "integer" } }, required: ["id"] },
        response: {
          202: whole({
            type: "object",
            properties: { id: { type: "integer" }, status: { type: "string", enum: ["pending"] } },
          }),
          404: problem,
          409: problem,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(
          await resendPush(dbOf(request), request.params.id, actorOf(request), (tx, sent) =>
            auditPushesResent(tx, request, sent),
          ),
        ),
  );
}
