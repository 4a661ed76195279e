// Stores: connect (token or OAuth), read, change import settings, run an import now.
import type { FastifyInstance } from "fastify";
import {
  auditStoreConnected,
  auditStoreDisconnected,
  auditStoreSettings,
} from "../../audit/store-changes.ts";
import { NEGATIVE_STOCK_POLICIES, type NegativeStockPolicy } from "../../backoffice/negative-stock-policy.ts";
import type { AppContext } from "../../context.ts";
import { enqueue } from "../../jobs/queue.ts";
import { importJob } from "../../jobs/specs.ts";
import { type PushChannelInput, preparePushChannel } from "../../push/channel.ts";
import { acceptApiBase } from "../../stores/api-base-policy.ts";
import { disconnectStore } from "../../stores/disconnect.ts";
import type { HealthState } from "../../stores/health-rules.ts";
import { storesOverview } from "../../stores/overview.ts";
import { checkBeforeImport, storeAccessRefused } from "../../stores/panel-platform.ts";
import {
  type CustomerEmailSender,
  connectStore,
  getStore,
  listStores,
  updateStore,
} from "../../stores/stores.ts";
import { testConnection } from "../../stores/test-connection.ts";
import { importOff, lockImportSwitch, resumeStoreWork } from "../../sync/import-switch.ts";
import { ctxOf, dbOf, orgOf } from "../plugins/auth.ts";
import { problem } from "./integration.ts";
import { apiBaseUrlSchema, publicStore, storeSchema } from "./store-schemas.ts";

/** Each store's health (Lojas shows what Visão geral shows). */
async function healthById(
  ctx: AppContext,
  orgId: number,
  storeId?: number,
): Promise<Map<number, HealthState>> {
  const { stores } = await storesOverview(ctx.db, orgId, { storeId });
  return new Map(stores.map((s) => [s.id, s.health]));
}

const idParams = { type: "object", properties: { id: { type: "integer" } }, required: ["id"] } as const;

export async function storeRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.get(
    "/api/v1/stores",
    {
      schema: {
        tags: ["stores"],
        summary: "Connected stores",
        response: { 200: { type: "array", items: storeSchema } },
      },
    },
    async (request) => {
      const health = await healthById(ctxOf(request, ctx), orgOf(request));
      return (await listStores(dbOf(request), orgOf(request))).map((s) => ({
        ...publicStore(s),
        health: health.get(s.id),
      }));
    },
  );

  app.post<{
    Body: {
      platform: string;
      name: string;
      externalId: string;
      credentials?: Record<string, unknown>;
      accessToken?: string;
      apiBaseUrl?: string;
      reconnect?: boolean;
    };
  }>(
    "/api/v1/stores",
    {
      schema: {
        tags: ["stores"],
        summary: "Connect a store with its store id and credentials (private app)",
        description:
          "201: the store is connected. `externalId` and `credentials` are checked against the platform's schemas (GET /api/v1/platforms): 400 `validation_failed` with a pt-BR `reason` and `fields` naming each field at fault. `accessToken` is a shorthand for `credentials: {accessToken}`. A platform store Ponte already has (connected, refused or disconnected) is never taken over: 409 `conflict` with reasonCode `store_exists`, `storeId` and a pt-BR `reason`, unless `reconnect` is true — then its credentials are replaced (its API address too, when given), a disconnected or uninstalled store comes back, and the answer is 200 (404 when there is no such store to reconnect). `apiBaseUrl` other than the platform's API answers 400 with reasonCode `api_base_refused` unless the server allows it (PONTE_ALLOW_API_OVERRIDE: simulators and tests only).",
        body: {
          type: "object",
          required: ["platform", "name", "externalId"],
          additionalProperties: false,
          properties: {
            platform: {
              type: "string",
              description: "A platform id from GET /api/v1/platforms (400 for another)",
            },
            name: { type: "string", minLength: 1, maxLength: 120 },
            externalId: { type: "string", minLength: 1, maxLength: 200 },
            credentials: {
              type: "object",
              description: "The platform's credential fields (its `credentials` schema)",
              additionalProperties: { type: "string", maxLength: 2000 },
            },
            accessToken: {
              type: "string",
              maxLength: 2000,
              description:
                "Shorthand for credentials {accessToken} (platforms whose credentials are one token)",
            },
            apiBaseUrl: { ...apiBaseUrlSchema, type: "string" },
            reconnect: {
              type: "boolean",
              description:
                "true: replace the credentials of the store Ponte already has for this platform store id (Trocar o token de acesso, Conectar a loja de novo)",
            },
          },
        },
        response: { 200: storeSchema, 201: storeSchema, 400: problem, 404: problem, 409: problem },
      },
    },
    async (request, reply) => {
      const { reconnect, apiBaseUrl, accessToken, credentials, ...input } = request.body;
      const accepted = acceptApiBase(ctxOf(request, ctx), input, apiBaseUrl);
      const given = credentials ?? (accessToken !== undefined ? { accessToken } : {});
      const store = await dbOf(request).transaction(async (tx) => {
        const connected = await connectStore(
          ctxOf(request, ctx),
          tx,
          { ...input, credentials: given, apiBaseUrl: accepted, mode: reconnect ? "reconnect" : "new" },
          orgOf(request),
        );
        await auditStoreConnected(
          tx,
          request,
          connected,
          given,
          reconnect ? "store.reconnect" : "store.connect",
        );
        return connected;
      });
      return reply.status(reconnect ? 200 : 201).send(publicStore(store));
    },
  );

  app.get<{ Params: { id: number } }>(
    "/api/v1/stores/:id",
    {
      schema: {
        tags: ["stores"],
        summary: "One store (never its credentials)",
        params: idParams,
        response: { 200: storeSchema },
      },
    },
    async (request) => {
      const store = publicStore(await getStore(dbOf(request), request.params.id));
      return {
        ...store,
        health: (await healthById(ctxOf(request, ctx), orgOf(request), store.id)).get(store.id),
      };
    },
  );

  app.patch<{
    Params: { id: number };
    Body: {
      name?: string;
      importEnabled?: boolean;
      importIntervalMinutes?: number;
      apiBaseUrl?: string | null;
      unknownSkuPolicy?: "create" | "hold";
      negativeStockPolicy?: NegativeStockPolicy;
      customerEmails?: CustomerEmailSender;
      pushChannel?: PushChannelInput;
      attentionIgnoreAfterDays?: number | null;
    };
  }>(
    "/api/v1/stores/:id",
    {
      schema: {
        tags: ["stores"],
        summary:
          "Change a store's name, import on/off, import interval (minutes), API base URL, unknown-SKU policy or who e-mails the customer",
        description:
          'importEnabled (Importar pedidos) switches the store\'s whole process: off, webhook notices are still stored but nothing syncs, imports, status refreshes and pushes to the store wait, and Importar agora, Criar, Atualizar and Reprocessar answer 409 `import_disabled`; on again, the waiting notices, syncs and pushes go through and an import runs. unknownSkuPolicy: `create` (default) registers an item\'s unknown SKU as a product flagged "criado pela integração", its stock not counted yet; `hold` keeps the order out until the product exists. negativeStockPolicy: what an invoice that would leave a counted product below zero does: `allow` (quietly), `warn` (default: flagged in the invoice\'s `negativeStock` and its timeline entry) or `block` (409 `conflict` reasonCode `negative_stock_blocked`, the SKUs in details.skus and in the pt-BR reason). customerEmails: `ponte` (default) sends the status e-mails itself (templates in /email-templates); `platform` leaves them to the store platform (pushes set its notify flags) and Ponte sends none. pushChannel: `{kind:"platform"}` (default), `{kind:"xml", url}` or `{kind:"webhook", url, secret?, rotateSecret?}`; the URL must be https and reach only public addresses (400 `unsafe_url` with details.reason otherwise). A webhook secret Ponte generates comes back once, in `webhookSecret`; changing the URL keeps the secret.',
        params: idParams,
        body: {
          type: "object",
          additionalProperties: false,
          properties: {
            name: { type: "string", minLength: 1, maxLength: 120 },
            importEnabled: { type: "boolean" },
            importIntervalMinutes: { type: "integer", minimum: 1, maximum: 1440 },
            apiBaseUrl: { ...apiBaseUrlSchema, type: ["string", "null"] },
            unknownSkuPolicy: { type: "string", enum: ["create", "hold"] },
            negativeStockPolicy: { type: "string", enum: [...NEGATIVE_STOCK_POLICIES] },
            customerEmails: { type: "string", enum: ["ponte", "platform"] },
            attentionIgnoreAfterDays: {
              type: ["integer", "null"],
              minimum: 1,
              maximum: 3650,
              description:
                "Ignorar após N dias: orders older than this leave Integração's attention list and Visão geral's count (errors never do); null: they stay",
            },
            pushChannel: {
              type: "object",
              required: ["kind"],
              additionalProperties: false,
              properties: {
                kind: { type: "string", enum: ["platform", "xml", "webhook"] },
                url: {
                  type: "string",
                  minLength: 1,
                  maxLength: 2000,
                  description: "xml and webhook: https only",
                },
                secret: {
                  type: "string",
                  minLength: 16,
                  maxLength: 200,
                  description: "webhook: your own signing secret (else one is generated and shown once)",
                },
                rotateSecret: { type: "boolean", description: "webhook: generate a new secret (shown once)" },
              },
            },
          },
        },
        response: { 200: storeSchema },
      },
    },
    async (request) => {
      const {
        unknownSkuPolicy,
        negativeStockPolicy,
        customerEmails,
        pushChannel,
        attentionIgnoreAfterDays,
        ...patch
      } = request.body;
      const settings =
        unknownSkuPolicy || customerEmails || negativeStockPolicy || attentionIgnoreAfterDays !== undefined
          ? {
              ...(unknownSkuPolicy ? { unknownSku: unknownSkuPolicy } : {}),
              ...(negativeStockPolicy ? { negativeStock: negativeStockPolicy } : {}),
              ...(customerEmails ? { customerEmails } : {}),
              ...(attentionIgnoreAfterDays !== undefined ? { attentionIgnoreAfterDays } : {}),
            }
          : undefined;
      const current =
        pushChannel || patch.apiBaseUrl !== undefined
          ? await getStore(dbOf(request), request.params.id)
          : null;
      // The push channel is checked (URL reachable only on public addresses) before anything is saved.
      const channel =
        pushChannel && current ? await preparePushChannel(ctxOf(request, ctx), current, pushChannel) : null;
      const withChannel = channel ? { ...settings, pushChannel: channel.stored } : settings;
      if (patch.apiBaseUrl !== undefined && current) {
        patch.apiBaseUrl = acceptApiBase(ctxOf(request, ctx), current, patch.apiBaseUrl);
      }
      const store = await dbOf(request).transaction(async (tx) => {
        // Flipping "Importar pedidos" waits for the syncs in flight; on again, what waited goes.
        const wasOn =
          patch.importEnabled === undefined ? null : await lockImportSwitch(tx, request.params.id);
        const before = await getStore(tx, request.params.id);
        const updated = await updateStore(tx, request.params.id, { ...patch, settings: withChannel });
        await auditStoreSettings(tx, request, before, updated);
        if (wasOn === false && updated.importEnabled)
          await resumeStoreWork(tx, updated.id, ctx.importMaxAttempts);
        return updated;
      });
      return {
        ...publicStore(store),
        ...(channel?.revealedSecret ? { webhookSecret: channel.revealedSecret } : {}),
      };
    },
  );

  app.post<{ Params: { id: number } }>(
    "/api/v1/stores/:id/import",
    {
      schema: {
        tags: ["stores"],
        summary: "Run an import now (orders changed since the store's cursor)",
        description:
          "202: the import is queued (it runs in the worker; the store's health on /overview tells how it went). Answered at once, not queued, when it cannot work: 409 `conflict` with reasonCode `import_disabled` while the store's import (Importar pedidos) is off; 409 `platform_refused` while the platform refuses the store's access (credentials, suspension, uninstall); when the store's last request to its platform failed, the platform is asked once more within the panel's deadline (8 s) and a failure answers 502/503 `platform_unavailable`. `error.reason` says why in pt-BR, naming the store.",
        params: idParams,
        response: {
          202: {
            type: "object",
            properties: { status: { type: "string", enum: ["queued"] } },
            required: ["status"],
          },
          409: problem,
          502: problem,
          503: problem,
        },
      },
    },
    async (request, reply) => {
      const store = await getStore(dbOf(request), request.params.id);
      // Disconnected says so first: its import is off because the store is.
      if (store.connectionState === "disconnected") throw storeAccessRefused(ctxOf(request, ctx), store);
      if (!store.importEnabled) throw importOff(store.id);
      await checkBeforeImport(ctxOf(request, ctx), store);
      await dbOf(request).transaction((tx) => enqueue(tx, importJob(store.id, ctx.importMaxAttempts)));
      return reply.status(202).send({ status: "queued" });
    },
  );

  app.post<{ Params: { id: number } }>(
    "/api/v1/stores/:id/test-connection",
    {
      schema: {
        tags: ["stores"],
        summary:
          "Testar conexão: call the platform and say what works (credentials, orders, webhooks registered again)",
        description:
          "A platform that answers and refuses (401 token, 402 suspended, 403 scope, 404 store id) is a check with `ok: false` and a pt-BR message; `ok` is true when every required check passed. A platform that does not answer a required check within the panel's deadline (8 s for the whole test: down, too slow, connection refused, 5xx, rate limited) answers 502/503 `platform_unavailable` with a pt-BR `reason` naming the store, and the `checks` so far. A refused token marks the store `invalid_credentials`; a token accepted again clears that mark. The feed check (platforms with an order feed; required) makes sure the feed exists as Ponte needs it — created or repaired — without reading it. The webhooks check (not required) makes the platform's webhook list match what Ponte needs, as on connect, and records the outcome in the store's `webhooks`. The outcome is kept for the store's health.",
        params: idParams,
        response: {
          200: {
            type: "object",
            properties: {
              ok: { type: "boolean" },
              checks: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    key: {
                      type: "string",
                      enum: ["credentials", "permissions", "orders", "customers", "feed", "webhooks"],
                    },
                    ok: { type: "boolean" },
                    message: { type: "string", description: "pt-BR" },
                    required: { type: "boolean", description: "false: the store imports without it" },
                  },
                  required: ["key", "ok", "message", "required"],
                },
              },
              connectionState: storeSchema.properties.connectionState,
            },
            required: ["ok", "checks", "connectionState"],
          },
          502: problem,
          503: problem,
        },
      },
    },
    async (request) => testConnection(ctxOf(request, ctx), request.params.id),
  );

  app.post<{ Params: { id: number } }>(
    "/api/v1/stores/:id/disconnect",
    {
      schema: {
        tags: ["stores"],
        summary:
          "Desconectar loja: remove Ponte's webhooks from the platform, turn the import off and forget the credentials",
        description:
          "The store's orders and sales orders are kept. Removing the webhooks is best effort: when the platform cannot be reached the store is disconnected anyway and `webhooks.message` says so in pt-BR (deliveries that still arrive are ignored). Connecting the same platform store again, with a token or OAuth, brings it back. Disconnecting a disconnected store changes nothing.",
        params: idParams,
        response: { 200: storeSchema },
      },
    },
    async (request) =>
      publicStore(
        await disconnectStore(ctxOf(request, ctx), request.params.id, (tx, before) =>
          auditStoreDisconnected(tx, request, before),
        ),
      ),
  );
}
