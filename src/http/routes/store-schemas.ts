// The store as the API shows it: its response schema, the API-address field rule, and the
// projection that keeps settings inside. Shared by the store routes and the app install routes.
import { negativeStockPolicyOf } from "../../backoffice/negative-stock-policy.ts";
import { publicPushChannel } from "../../push/channel.ts";
import { customerEmailsBy, type Store } from "../../stores/stores.ts";
import { describeWebhooks } from "../../stores/webhook-registration.ts";
import { healthStateSchema } from "./overview.ts";

export const storeSchema = {
  type: "object",
  properties: {
    id: { type: "integer" },
    platform: { type: "string" },
    name: { type: "string" },
    externalId: { type: "string" },
    apiBaseUrl: {
      type: "string",
      description:
        "Where the store's platform API is called (its token goes nowhere else): the platform's own, or an address PONTE_ALLOW_API_OVERRIDE allows",
    },
    importEnabled: { type: "boolean" },
    importIntervalMinutes: { type: "integer" },
    importCursor: { type: ["string", "null"] },
    lastImportAt: { type: ["string", "null"], format: "date-time" },
    lastWebhookAt: { type: ["string", "null"], format: "date-time" },
    connectionState: {
      type: "string",
      enum: ["ok", "invalid_credentials", "suspended", "uninstalled", "disconnected"],
    },
    connectionMessage: { type: ["string", "null"] },
    webhooks: {
      type: "object",
      description:
        "The store's webhooks on its platform, registered by Ponte at PONTE_PUBLIC_URL + /webhooks/<platform> (https only) when the store connects and on Testar conexão",
      properties: {
        state: {
          type: "string",
          enum: ["pending", "registered", "not_configured", "failed", "removed"],
          description:
            "pending: not registered yet; registered: `events` arrive at `url`; not_configured: no public https address, only the scheduled import brings orders; failed: see `message`; removed: the store was disconnected",
        },
        url: { type: ["string", "null"] },
        events: { type: "array", items: { type: "string" } },
        message: { type: "string", description: "pt-BR: what it means and what to do" },
        checkedAt: { type: ["string", "null"], format: "date-time" },
      },
      required: ["state", "url", "events", "message", "checkedAt"],
    },
    unknownSkuPolicy: { type: "string", enum: ["create", "hold"] },
    negativeStockPolicy: {
      type: "string",
      enum: ["allow", "warn", "block"],
      description:
        "An invoice that would leave a counted product below zero: allow, warn (default; flagged in `negativeStock`) or block (409)",
    },
    customerEmails: {
      type: "string",
      enum: ["ponte", "platform"],
      description: "Who e-mails the customer about status changes: Ponte (default) or the platform",
    },
    attentionIgnoreAfterDays: {
      type: ["integer", "null"],
      description:
        "Ignorar após N dias: older orders leave Integração's attention list and Visão geral's count (errors never do); null: they stay",
    },
    pushChannel: {
      type: "object",
      description:
        "Where status pushes go (docs/PUSH.md): the platform's API (default), an XML POST or a signed JSON webhook. Never the secret.",
      properties: {
        kind: { type: "string", enum: ["platform", "xml", "webhook"] },
        url: { type: "string", description: "xml and webhook only" },
        hasSecret: { type: "boolean", description: "webhook only: always true" },
      },
      required: ["kind"],
    },
    webhookSecret: {
      type: "string",
      description:
        "Only in the answer of the PATCH that generated the webhook's signing secret: shown this once, never again",
    },
    createdAt: { type: "string", format: "date-time" },
    health: { ...healthStateSchema, description: "GET only: the store's health, as on /api/v1/overview" },
  },
  // Every field but the GET-only health and the PATCH-only webhookSecret.
  required: [
    "id",
    "platform",
    "name",
    "externalId",
    "apiBaseUrl",
    "importEnabled",
    "importIntervalMinutes",
    "importCursor",
    "lastImportAt",
    "lastWebhookAt",
    "connectionState",
    "connectionMessage",
    "webhooks",
    "unknownSkuPolicy",
    "negativeStockPolicy",
    "customerEmails",
    "attentionIgnoreAfterDays",
    "pushChannel",
    "createdAt",
  ],
} as const;

/** A store's API address: the platform's unless the server allows another (PONTE_ALLOW_API_OVERRIDE). */
export const apiBaseUrlSchema = {
  format: "uri",
  pattern: "^https?://",
  maxLength: 2000,
  description:
    "The platform's API base URL. Empty (or the platform's own) means the platform's API, the only host the store's token is sent to; another address answers 400 `api_base_refused` unless PONTE_ALLOW_API_OVERRIDE allows it (`loopback`: this machine's addresses; `any`), for simulators and tests only. PATCH null: back to the platform's API.",
} as const;

/** A store as the API shows it: settings (which may hold secrets later) stay inside. */
export const publicStore = (s: Store) => {
  const { settings, webhooks, ...rest } = s;
  return {
    ...rest,
    webhooks: { ...webhooks, state: webhooks.state ?? "pending", message: describeWebhooks(s) },
    unknownSkuPolicy: settings.unknownSku === "hold" ? "hold" : "create",
    negativeStockPolicy: negativeStockPolicyOf(settings),
    customerEmails: customerEmailsBy(settings),
    attentionIgnoreAfterDays:
      typeof settings.attentionIgnoreAfterDays === "number" ? settings.attentionIgnoreAfterDays : null,
    pushChannel: publicPushChannel(settings),
  };
};
