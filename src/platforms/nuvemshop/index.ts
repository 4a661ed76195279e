// Nuvemshop (platforms README §1): the module the registry lists.
import type { StoreAccess, StoreConnector } from "../connector.ts";
import type { PlatformModule } from "../module.ts";
import { NUVEMSHOP_API_BASE_URL } from "./api-base-url.ts";
import { type NuvemshopApp, readNuvemshopApp } from "./app.ts";
import { type ClientOptions, NuvemshopClient } from "./client.ts";
import { nuvemshopDefaults, nuvemshopStatusValues } from "./defaults.ts";
import { nuvemshopInstall } from "./install.ts";
import { listOrders } from "./list-orders.ts";
import { mapNuvemshopOrder } from "./map-order.ts";
import { nuvemshopProbe } from "./probe.ts";
import { pushToNuvemshop } from "./push.ts";
import { parseNuvemshopWebhook, verifyNuvemshopWebhook } from "./webhook.ts";
import { nuvemshopWebhookSubscriptions } from "./webhook-subscriptions.ts";

export { NO_CURSOR_UPDATED_AT_MIN, PER_PAGE } from "./list-orders.ts";

/** Next and Evolution plans get ten times the rate limits (store setting `planMultiplier`). */
const planMultiplier = (settings: Record<string, unknown> | undefined): 1 | 10 =>
  settings?.planMultiplier === 10 ? 10 : 1;

function accessToken(access: StoreAccess): string {
  const token = access.credentials.accessToken;
  if (typeof token !== "string" || token === "") throw new Error("the store's credentials lack accessToken");
  return token;
}

export const nuvemshop: PlatformModule<NuvemshopApp> = {
  id: "nuvemshop",
  label: "Nuvemshop",
  capabilities: {
    webhooks: true,
    feed: false,
    pushTracking: true,
    pushInvoice: true,
    pack: true,
    cancel: true,
    close: true,
    markPaid: true,
  },
  defaultApiBaseUrl: NUVEMSHOP_API_BASE_URL,
  credentials: {
    type: "object",
    required: ["accessToken"],
    additionalProperties: false,
    properties: {
      accessToken: {
        type: "string",
        title: "Token de acesso",
        description: "Guardado criptografado; nunca é mostrado de novo.",
        minLength: 8,
        maxLength: 512,
        writeOnly: true,
      },
    },
  },
  storeId: {
    schema: {
      type: "string",
      title: "ID da loja na Nuvemshop",
      description: "Só números, por exemplo 1234567.",
      pattern: "^[0-9]{1,20}$",
      patternHint: "só números.",
    },
    hint: "O ID da loja na Nuvemshop tem só números (aparece no painel da Nuvemshop e na URL da API).",
  },
  app: { read: readNuvemshopApp },
  install: nuvemshopInstall,
  webhook: {
    secret: (app) => app.clientSecret,
    verify: verifyNuvemshopWebhook,
    parse: parseNuvemshopWebhook,
  },
  identify(raw) {
    const r = raw as { id?: unknown; number?: unknown } | null;
    if (r?.id === undefined || r.id === null) return null;
    return { externalId: String(r.id), number: r.number === undefined ? null : String(r.number) };
  },
  normalize: mapNuvemshopOrder,
  defaults: nuvemshopDefaults,
  statusValues: nuvemshopStatusValues,
  connect(access, deps): StoreConnector & { client: NuvemshopClient } {
    const options: ClientOptions = {
      apiBaseUrl: access.apiBaseUrl,
      storeId: access.storeExternalId,
      accessToken: accessToken(access),
      userAgent: deps.userAgent,
      planMultiplier: planMultiplier(access.settings),
      logger: deps.logger,
      fetch: deps.fetch,
      deadline: deps.deadline,
      onContact: deps.onContact,
    };
    const client = new NuvemshopClient({
      ...options,
      maxRetries: deps.retry?.maxRetries,
      baseDelayMs: deps.retry?.baseDelayMs,
      timeoutMs: deps.retry?.timeoutMs,
    });
    // Testar conexão: a person waits on it, so one quick retry and a short timeout.
    const probeClient = new NuvemshopClient({
      ...options,
      maxRetries: 1,
      baseDelayMs: 250,
      timeoutMs: 8_000,
    });
    return {
      platform: "nuvemshop",
      client,
      probe: nuvemshopProbe(probeClient),
      webhookSubscriptions: nuvemshopWebhookSubscriptions(client),
      listOrdersChangedSince: (since, pageToken) => listOrders(client, since, pageToken),
      getOrder: (externalId) => client.getOrder(externalId),
      push: (externalId, action) => pushToNuvemshop(client, externalId, action),
    };
  },
};
