// The integration panel as API (docs/REQUIREMENTS.md#seed-000, R5): the store's orders with their sync state,
// Criar / Atualizar / Mapeamento / Reprocessar, and the preview of a raw payload.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { auditStoreOrder, syncResult } from "../../audit/changes.ts";
import { parseOrderSearch } from "../../backoffice/order-search.ts";
import type { AppContext } from "../../context.ts";
import { CANONICAL_STATUSES } from "../../domain/order-status.ts";
import { getStore } from "../../stores/stores.ts";
import {
  createFromPanel,
  getPanelRow,
  listPanelOrders,
  type PanelView,
  retryFromPanel,
  unlinkFromPanel,
  updateFromPanel,
} from "../../sync/integration-panel.ts";
import { previewOrder } from "../../sync/preview.ts";
import { actorOf, ctxOf, dbOf } from "../plugins/auth.ts";
import { BODY_LIMITS } from "../server-limits.ts";
import { preview } from "./preview-schemas.ts";
import { nullableReasonCode, whole } from "./schema-parts.ts";

const nullable = (type: string) => ({ type: [type, "null"] });

const dateTime = (description: string) => ({ type: ["string", "null"], format: "date-time", description });

export const panelRow = whole({
  type: "object",
  properties: {
    storeOrderId: { type: "integer" },
    externalId: { type: "string" },
    number: nullable("string"),
    storeStatus: { ...nullable("string"), description: "The platform status key the status table reads" },
    statusFields: { type: "object", additionalProperties: nullable("string") },
    customerName: nullable("string"),
    createdAt: dateTime("When the customer ordered on the platform"),
    totalCents: nullable("integer"),
    synced: { type: "boolean", description: "Sync: a live sales order is linked" },
    cancelledOnPlatform: { type: "boolean" },
    customerSynced: { type: "boolean" },
    customerFoundByDocument: { type: "boolean", description: "Cliente encontrado no ERP pelo CPF/CNPJ" },
    customerProblem: nullable("string"),
    salesOrderId: nullable("integer"),
    salesOrderNumber: nullable("integer"),
    salesOrderStatus: nullable("string"),
    canonicalStatus: { type: ["string", "null"], enum: [...CANONICAL_STATUSES, null] },
    salesOrderDeleted: { type: "boolean" },
    statusValid: { type: "boolean" },
    syncState: { type: "string", enum: ["not_synced", "pending", "synced", "held", "error"] },
    reasonCode: nullableReasonCode,
    reason: { ...nullable("string"), description: "pt-BR, shown in the panel row" },
    attempts: { type: "integer" },
    syncUpdatedAt: dateTime("When a sync last wrote the link; null when never synced"),
    canUnlink: { type: "boolean" },
    unlinkRefusal: { ...nullable("string"), description: "pt-BR: why Mapeamento cannot be deleted now" },
    storeCancellation: {
      type: ["string", "null"],
      enum: ["invoice_live", "shipped", null],
      description:
        "Cancelled on the store while its sales order had a live invoice (`invoice_live`: the estorno is the operator's) or a shipment (`shipped`); null otherwise. See GET /api/v1/failures?kind=cancellations",
    },
    goneAt: dateTime(
      "When the platform answered that the order no longer exists (404); null while it exists",
    ),
    textCleaned: {
      ...nullable("string"),
      description: "pt-BR: where U+0000 or lone surrogates were removed from the order's text to store it",
    },
    dismissedAt: dateTime("Taken off the attention list by hand (Ignorar); null when not"),
    dismissedBy: nullable("string"),
  },
});

const orderParams = {
  type: "object",
  properties: { storeId: { type: "integer" }, externalId: { type: "string", maxLength: 64 } },
  required: ["storeId", "externalId"],
} as const;

export const problem = {
  type: "object",
  properties: {
    error: {
      type: "object",
      properties: { code: { type: "string" }, message: { type: "string" }, reason: { type: "string" } },
      additionalProperties: true,
    },
  },
} as const;

/** The search box of Pedidos and Integração (src/backoffice/order-search.ts). */
export const searchParam = {
  type: "string",
  maxLength: 200,
  description:
    "The search box. Digits only (`160`): Ponte's number, or the store's order number, or (11 or 14 digits) the customer's CPF/CNPJ, any of them. `#160`: the store's order number only. A masked CPF/CNPJ, or an alphanumeric CNPJ with valid check digits: that document. Anything else: part of the customer's name, ignoring case and accents (at least 2 characters; 2 characters match the start of a word), and, with a digit in it, the store's order number as typed (`PED-00002`). 400 `validation_failed` naming `/q` otherwise",
  examples: ["160", "#160", "1042", "529.982.247-25", "conceicao"],
} as const;

export async function integrationRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.get<{
    Params: { storeId: number };
    Querystring: { view?: PanelView; limit?: number; after?: string; q?: string };
  }>(
    "/api/v1/integration/:storeId/orders",
    {
      schema: {
        tags: ["integration"],
        summary: "Carregar: the store's orders with their sync state, newest first",
        description:
          "`attention` (default) lists only orders not synced, or synced but not confirmed (R5.1), less those dismissed by hand (Ignorar) and those older than the store's `attentionIgnoreAfterDays` (an order in error never ages out); `dismissed` lists those dismissed by hand; `all` lists every order. `attentionCount` is the attention list's size, the same number as the store's `ordersWaiting` on GET /api/v1/overview.",
        params: { type: "object", properties: { storeId: { type: "integer" } }, required: ["storeId"] },
        querystring: {
          type: "object",
          properties: {
            view: { type: "string", enum: ["attention", "dismissed", "all"], default: "attention" },
            limit: { type: "integer", minimum: 1, maximum: 500, default: 100 },
            after: { type: "string", maxLength: 200, description: "nextCursor of the previous page" },
            q: searchParam,
          },
        },
        response: {
          200: whole({
            type: "object",
            properties: {
              orders: { type: "array", items: panelRow },
              attentionCount: {
                type: "integer",
                description: "Rows on the attention list (= Visão geral's ordersWaiting for the store)",
              },
              nextCursor: nullable("string"),
            },
          }),
          400: problem,
          404: problem,
        },
      },
    },
    async (request) => {
      const store = await getStore(dbOf(request), request.params.storeId);
      const { view = "attention", limit = 100, after, q } = request.query;
      return listPanelOrders(dbOf(request), store.id, { view, limit, after, search: parseOrderSearch(q) });
    },
  );

  app.get<{ Params: { storeId: number; externalId: string } }>(
    "/api/v1/integration/:storeId/orders/:externalId",
    {
      schema: {
        tags: ["integration"],
        summary: "One store order's panel row",
        params: orderParams,
        response: { 200: panelRow, 404: problem },
      },
    },
    async (request) => getPanelRow(dbOf(request), request.params.storeId, request.params.externalId),
  );

  const action = (
    method: "POST" | "DELETE",
    path: string,
    summary: string,
    run: (
      store: Awaited<ReturnType<typeof getStore>>,
      externalId: string,
      actor: string,
      request: FastifyRequest,
    ) => Promise<unknown>,
  ) =>
    app.route<{ Params: { storeId: number; externalId: string } }>({
      method,
      url: `/api/v1/integration/:storeId/orders/:externalId/${path}`,
      schema: {
        tags: ["integration"],
        summary,
        params: orderParams,
        response: { 200: panelRow, 404: problem, 409: problem, 502: problem, 503: problem },
      },
      handler: async (request) => {
        const store = await getStore(dbOf(request), request.params.storeId);
        return run(store, request.params.externalId, actorOf(request), request);
      },
    });

  action(
    "POST",
    "create",
    "Criar: create the sales order the integration did not create, from the order as last received (no call to the platform; 409 when synced, gone from the platform or the store's import is off)",
    (s, id, actor, request) =>
      createFromPanel(ctxOf(request, ctx), s, id, actor, (tx, outcome) =>
        auditStoreOrder(tx, request, s, id, "integration.create", syncResult(outcome)),
      ),
  );
  action(
    "POST",
    "update",
    "Atualizar: re-read the order from the platform and update its sales order (409 when it is gone there or the store's import is off; within the panel's deadline: 502/503 `platform_unavailable` when the platform does not answer, 409 `platform_refused` when it refuses the store's access; `error.reason` in pt-BR)",
    (s, id, actor, request) =>
      updateFromPanel(ctxOf(request, ctx), s, id, actor, (tx, outcome) =>
        auditStoreOrder(tx, request, s, id, "integration.update", syncResult(outcome)),
      ),
  );
  action(
    "DELETE",
    "link",
    "Mapeamento: delete the link; only when synced with an invalid status or its sales order was deleted (else 409)",
    (s, id, actor, request) =>
      unlinkFromPanel(ctxOf(request, ctx), s, id, actor, (tx) =>
        auditStoreOrder(tx, request, s, id, "integration.unlink"),
      ),
  );

  app.post<{ Params: { storeId: number; externalId: string } }>(
    "/api/v1/integration/:storeId/orders/:externalId/retry",
    {
      schema: {
        tags: ["integration"],
        summary: "Reprocessar: queue a fresh sync of the order (poll its row for the result)",
        description: "409 `import_disabled` (reason in pt-BR) while the store's import is off.",
        params: orderParams,
        response: {
          202: whole({ type: "object", properties: { status: { type: "string", enum: ["queued"] } } }),
          404: problem,
          409: problem,
        },
      },
    },
    async (request, reply) => {
      const store = await getStore(dbOf(request), request.params.storeId);
      await retryFromPanel(ctxOf(request, ctx), store, request.params.externalId, (tx) =>
        auditStoreOrder(tx, request, store, request.params.externalId, "integration.retry"),
      );
      return reply.status(202).send({ status: "queued" });
    },
  );

  app.post<{ Params: { id: number }; Body: unknown }>(
    "/api/v1/stores/:id/preview",
    {
      bodyLimit: BODY_LIMITS.document,
      schema: {
        tags: ["integration"],
        summary: "Preview: what Ponte would do with this raw platform order payload, writing nothing",
        params: { type: "object", properties: { id: { type: "integer" } }, required: ["id"] },
        body: { type: "object", description: "The order as the platform's API returns it" },
        response: { 200: preview, 404: problem },
      },
    },
    async (request) => {
      const store = await getStore(dbOf(request), request.params.id);
      return previewOrder(dbOf(request), store, request.body);
    },
  );
}
