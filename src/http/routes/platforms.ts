// The platforms this server connects stores of, as their modules declare them: the panel draws
// its connect form, its DE-PARA suggestions and its platform and status labels from here.
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context.ts";
import { platformModules } from "../../platforms/registry.ts";

const textField = {
  type: "object",
  description: "A JSON schema of one text field; title and description are pt-BR (label and hint)",
  properties: {
    type: { type: "string", enum: ["string"] },
    title: { type: "string" },
    description: { type: "string" },
    minLength: { type: "integer" },
    maxLength: { type: "integer" },
    pattern: { type: "string" },
    patternHint: { type: "string", description: "pt-BR: what the pattern asks for" },
    writeOnly: { type: "boolean", description: "A secret: sealed, never shown again" },
  },
  required: ["type", "title"],
} as const;

const labelled = {
  type: "object",
  properties: { value: { type: "string" }, label: { type: "string" } },
  required: ["value", "label"],
} as const;

export const platformSchema = {
  type: "object",
  properties: {
    id: { type: "string", description: "The id stores carry (`platform`) and the webhook path's last part" },
    label: { type: "string" },
    capabilities: {
      type: "object",
      description: "What the engine may ask of the platform",
      additionalProperties: { type: "boolean" },
    },
    credentials: {
      type: "object",
      description: "JSON schema of `credentials` in POST /api/v1/stores",
      properties: {
        type: { type: "string", enum: ["object"] },
        required: { type: "array", items: { type: "string" } },
        additionalProperties: { type: "boolean" },
        properties: { type: "object", additionalProperties: textField },
      },
      required: ["type", "required", "properties"],
    },
    storeId: {
      type: "object",
      description: "The store's id on the platform (`externalId`): its schema and a pt-BR hint",
      properties: { schema: textField, hint: { type: "string" } },
      required: ["schema", "hint"],
    },
    installAvailable: {
      type: "boolean",
      description: "The platform's app install can start here (GET /api/v1/platforms/{id}/install)",
    },
    customerEmailNote: {
      type: ["string", "null"],
      description:
        "pt-BR: what the platform e-mails the customer on its own, which Ponte cannot switch off (the store's e-mail choice shows it)",
    },
    installStartsFromStore: {
      type: "boolean",
      description:
        "The install starts from the store's own site: the merchant names the store first (`storeId` of GET /api/v1/platforms/{id}/install)",
    },
    installSettings: {
      type: "array",
      items: { type: "string" },
      description:
        "The server variables the app install needs (set them to make it available); empty when the platform has no app install",
    },
    statusValues: {
      type: "array",
      description: "The platform's status vocabulary with pt-BR labels (status table suggestions)",
      items: labelled,
    },
    statusColumns: {
      type: "array",
      description: "Extra columns of the platform's status table, kept per row in `extra`",
      items: {
        type: "object",
        properties: { key: { type: "string" }, label: { type: "string" }, maxLength: { type: "integer" } },
        required: ["key", "label", "maxLength"],
      },
    },
  },
  required: [
    "id",
    "label",
    "capabilities",
    "credentials",
    "storeId",
    "installAvailable",
    "installSettings",
    "statusValues",
    "statusColumns",
  ],
} as const;

export async function platformRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  app.get(
    "/api/v1/platforms",
    {
      schema: {
        tags: ["stores"],
        summary: "The platforms stores can be connected from, with what their connect form asks",
        response: { 200: { type: "array", items: platformSchema } },
      },
    },
    async () =>
      platformModules().map((m) => ({
        id: m.id,
        label: m.label,
        capabilities: m.capabilities,
        credentials: m.credentials,
        storeId: m.storeId,
        installAvailable: ctx.platforms[m.id]?.installAvailable ?? false,
        installStartsFromStore: m.install?.startsFromStore ?? false,
        customerEmailNote: m.customerEmailNote ?? null,
        installSettings: m.install?.settings ?? [],
        statusValues: m.statusValues,
        statusColumns: m.statusColumns ?? [],
      })),
  );
}
