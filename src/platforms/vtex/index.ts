// VTEX (platforms README §4): the module the integrator lists in the registry. The API host is
// the account's own (api-base-url.ts); credentials are an app key and token; changes arrive by
// the Orders Feed v3 (feed.ts) and the order hook (hook-config.ts, webhook.ts).
import type { StoreAccess, StoreConnector } from "../connector.ts";
import type { PlatformModule } from "../module.ts";
import { ACCOUNT_NAME_PATTERN, VTEX_API_BASE_URL_TEMPLATE, vtexApiBaseUrlFor } from "./api-base-url.ts";
import { readVtexApp, type VtexApp } from "./app.ts";
import { VtexClient, type VtexClientOptions } from "./client.ts";
import { vtexDefaults, vtexStatusValues } from "./defaults.ts";
import { vtexFeed } from "./feed.ts";
import { vtexHookSubscriptions } from "./hook-config.ts";
import { listVtexOrders } from "./list-orders.ts";
import { mapVtexOrder } from "./map-order.ts";
import { vtexProbe } from "./probe.ts";
import { pushToVtex } from "./push.ts";
import { parseVtexWebhook, verifyVtexWebhook } from "./webhook.ts";

export { VTEX_API_BASE_URL_TEMPLATE, vtexApiBaseUrlFor } from "./api-base-url.ts";
export type { VtexApp } from "./app.ts";

function credential(access: StoreAccess, name: "appKey" | "appToken"): string {
  const value = access.credentials[name];
  if (typeof value !== "string" || value === "") throw new Error(`the store's credentials lack ${name}`);
  return value;
}

export const vtex: PlatformModule<VtexApp> = {
  id: "vtex",
  label: "VTEX",
  capabilities: {
    webhooks: true,
    feed: true,
    pushTracking: true,
    // Delivered: marked on the invoice's tracking.
    pushDelivery: true,
    pushInvoice: true,
    pack: true,
    cancel: true,
    // No "close" in the OMS: an invoiced order is VTEX's last state.
    close: false,
    // The payment is VTEX's gateway's.
    markPaid: false,
  },
  defaultApiBaseUrl: VTEX_API_BASE_URL_TEMPLATE,
  apiBaseUrlFor: vtexApiBaseUrlFor,
  credentials: {
    type: "object",
    required: ["appKey", "appToken"],
    additionalProperties: false,
    properties: {
      appKey: {
        type: "string",
        title: "App Key",
        description:
          "A chave de aplicação da VTEX (vtexappkey-…), com o perfil de acesso ao OMS. Guardada criptografada.",
        minLength: 8,
        maxLength: 256,
        writeOnly: true,
      },
      appToken: {
        type: "string",
        title: "App Token",
        description: "O token da chave de aplicação. Guardado criptografado; nunca é mostrado de novo.",
        minLength: 16,
        maxLength: 512,
        writeOnly: true,
      },
    },
  },
  storeId: {
    schema: {
      type: "string",
      title: "Nome da conta VTEX",
      description: "Só letras minúsculas, números e hífen, por exemplo minhaloja.",
      pattern: ACCOUNT_NAME_PATTERN,
      patternHint: "só letras minúsculas, números e hífen.",
    },
    hint: "O nome da conta VTEX tem só letras minúsculas, números e hífen, como em https://NOMEDACONTA.myvtex.com.",
  },
  app: { read: readVtexApp },
  webhook: {
    secret: (app) => app.hookSecret,
    verify: verifyVtexWebhook,
    parse: parseVtexWebhook,
  },
  identify(raw) {
    const r = raw as { orderId?: unknown; sequence?: unknown } | null;
    if (typeof r?.orderId !== "string" || r.orderId === "") return null;
    return {
      externalId: r.orderId,
      number: r.sequence === undefined || r.sequence === null ? null : String(r.sequence),
    };
  },
  normalize: mapVtexOrder,
  defaults: vtexDefaults,
  statusValues: vtexStatusValues,
  connect(access, deps): StoreConnector {
    const options: VtexClientOptions = {
      apiBaseUrl: access.apiBaseUrl,
      appKey: credential(access, "appKey"),
      appToken: credential(access, "appToken"),
      userAgent: deps.userAgent,
      logger: deps.logger,
      fetch: deps.fetch,
      deadline: deps.deadline,
      onContact: deps.onContact,
    };
    const client = new VtexClient({
      ...options,
      maxRetries: deps.retry?.maxRetries,
      baseDelayMs: deps.retry?.baseDelayMs,
      timeoutMs: deps.retry?.timeoutMs,
    });
    // Testar conexão: a person waits on it, so one quick retry and a short timeout.
    const probeClient = new VtexClient({ ...options, maxRetries: 1, baseDelayMs: 250, timeoutMs: 8_000 });
    return {
      platform: "vtex",
      feed: vtexFeed(client),
      probe: vtexProbe(probeClient, access.storeExternalId, vtexFeed(probeClient)),
      webhookSubscriptions: vtexHookSubscriptions(client, deps.webhookSecret, deps.logger),
      listOrdersChangedSince: (since, pageToken) => listVtexOrders(client, since, pageToken),
      getOrder: (externalId) => client.getOrder(externalId),
      push: (externalId, action) => pushToVtex(client, externalId, action),
    };
  },
};
