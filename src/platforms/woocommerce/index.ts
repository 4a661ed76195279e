// WooCommerce (platforms README §2): the module the integrator lists in the registry. A store is a
// WordPress site: its id is the site's address and its API is the site's own (site-url.ts); the
// credentials are a REST key pair sent as HTTP Basic (client.ts); changes arrive by signed
// webhooks (webhook.ts, webhook-subscriptions.ts) and the "changed since" listing (list-orders.ts).
// Connecting by clicking: the key handover (install.ts), or by copying a key pair into the form.
import type { StoreAccess, StoreConnector } from "../connector.ts";
import type { PlatformModule } from "../module.ts";
import { readWooApp, type WooApp } from "./app.ts";
import { WooClient, type WooClientOptions } from "./client.ts";
import { wooDefaults, wooStatusValues } from "./defaults.ts";
import { wooInstall } from "./install.ts";
import { listWooOrders } from "./list-orders.ts";
import { mapWooOrder, orderIdOf } from "./map-order.ts";
import { wooProbe } from "./probe.ts";
import { pushToWoo } from "./push.ts";
import { text } from "./read-json.ts";
import { SITE_URL_PATTERN, WOO_API_BASE_URL_TEMPLATE, wooApiBaseUrlFor } from "./site-url.ts";
import { parseWooWebhook, verifyWooWebhook } from "./webhook.ts";
import { wooWebhookSubscriptions } from "./webhook-subscriptions.ts";

export type { WooApp } from "./app.ts";
export { WOO_API_BASE_URL_TEMPLATE, wooApiBaseUrlFor } from "./site-url.ts";

function credential(access: StoreAccess, name: "consumerKey" | "consumerSecret"): string {
  const value = access.credentials[name];
  if (typeof value !== "string" || value === "") throw new Error(`the store's credentials lack ${name}`);
  return value;
}

export const woocommerce: PlatformModule<WooApp> = {
  id: "woocommerce",
  label: "WooCommerce",
  capabilities: {
    webhooks: true,
    feed: false,
    // As an order note and meta (push.ts): core has no tracking nor NF-e field.
    pushTracking: true,
    pushInvoice: true,
    // No "packed" state in core; a plugin status would be the store's own. [U]
    pack: false,
    cancel: true,
    // status completed.
    close: true,
    // set_paid, for an order still waiting for its payment (push.ts).
    markPaid: true,
  },
  defaultApiBaseUrl: WOO_API_BASE_URL_TEMPLATE,
  apiBaseUrlFor: wooApiBaseUrlFor,
  credentials: {
    type: "object",
    required: ["consumerKey", "consumerSecret"],
    additionalProperties: false,
    properties: {
      consumerKey: {
        type: "string",
        title: "Chave do consumidor",
        description:
          "Em WooCommerce › Configurações › Avançado › REST API, crie uma chave com permissão Leitura/Escrita e copie a chave do consumidor (ck_…). Guardada criptografada.",
        minLength: 8,
        maxLength: 128,
        pattern: "^ck_[A-Za-z0-9]+$",
        patternHint: "começa com ck_.",
        writeOnly: true,
      },
      consumerSecret: {
        type: "string",
        title: "Segredo do consumidor",
        description:
          "O segredo do consumidor (cs_…) da mesma chave. Guardado criptografado; nunca é mostrado de novo.",
        minLength: 8,
        maxLength: 128,
        pattern: "^cs_[A-Za-z0-9]+$",
        patternHint: "começa com cs_.",
        writeOnly: true,
      },
    },
  },
  storeId: {
    schema: {
      type: "string",
      title: "Endereço da loja",
      description:
        "O endereço do site WordPress com https, sem barra no final, por exemplo https://minhaloja.com.br",
      maxLength: 255,
      pattern: SITE_URL_PATTERN,
      patternHint: "use https://, letras minúsculas no domínio e nenhuma barra no final.",
    },
    // The panel shows the hint when the address does not match: it says the form asked for.
    hint: "Use o endereço do site com https:// e sem barra no final, como aparece em Configurações › Geral › Endereço do site (URL) no WordPress.",
  },
  app: { read: readWooApp },
  install: wooInstall,
  webhook: {
    secret: (app) => app.webhookSecret,
    verify: verifyWooWebhook,
    parse: parseWooWebhook,
  },
  identify(raw) {
    const externalId = orderIdOf(raw);
    if (externalId === null) return null;
    return { externalId, number: text((raw as { number?: unknown }).number) };
  },
  normalize: mapWooOrder,
  defaults: wooDefaults,
  statusValues: wooStatusValues,
  // Core e-mails the customer when an order becomes processing or completed, is refunded, or gets
  // a customer note (WooCommerce › Settings › Emails); the REST API has no switch for them.
  customerEmailNote:
    "A WooCommerce envia e-mails próprios ao cliente quando o pedido passa a Processando ou Concluído, quando é reembolsado e a cada nota ao cliente. O Ponte não consegue desligá-los: se o Ponte envia os e-mails, desative esses modelos em WooCommerce › Configurações › E-mails para o cliente não receber dois.",
  connect(access, deps): StoreConnector {
    const options: WooClientOptions = {
      apiBaseUrl: access.apiBaseUrl,
      consumerKey: credential(access, "consumerKey"),
      consumerSecret: credential(access, "consumerSecret"),
      userAgent: deps.userAgent,
      logger: deps.logger,
      fetch: deps.fetch,
      deadline: deps.deadline,
      onContact: deps.onContact,
    };
    const client = new WooClient({
      ...options,
      maxRetries: deps.retry?.maxRetries,
      baseDelayMs: deps.retry?.baseDelayMs,
      timeoutMs: deps.retry?.timeoutMs,
    });
    // Testar conexão: a person waits on it, so one quick retry and a short timeout.
    const probeClient = new WooClient({ ...options, maxRetries: 1, baseDelayMs: 250, timeoutMs: 8_000 });
    const pushOptions = { platformEmailsCustomers: access.settings?.customerEmails === "platform" };
    return {
      platform: "woocommerce",
      probe: wooProbe(probeClient, access.storeExternalId),
      webhookSubscriptions: wooWebhookSubscriptions(client, deps.webhookSecret, deps.logger),
      listOrdersChangedSince: (since, pageToken) => listWooOrders(client, since, pageToken),
      getOrder: (externalId) => client.getOrder(externalId),
      push: (externalId, action) => pushToWoo(client, externalId, action, pushOptions),
    };
  },
};
