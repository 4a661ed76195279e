// The HTTP app factory. It never listens: `ponte api`/`ponte start` do, tests use inject().
import crypto from "node:crypto";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from "fastify";
import type { AppContext } from "../context.ts";
import { fastifyTrustProxy, type TrustProxy } from "../net/trusted-proxies.ts";
import { reasonCodeSchema } from "../reason-codes.ts";
import { authPlugin } from "./plugins/auth.ts";
import { documentMasking } from "./plugins/document-masking.ts";
import { errorHandler } from "./plugins/errors.ts";
import { inputGuards } from "./plugins/input-guards.ts";
import { metricsPlugin } from "./plugins/metrics.ts";
import { panelPlugin } from "./plugins/panel.ts";
import { securityHeaders } from "./plugins/security-headers.ts";
import { tenantGuard } from "./plugins/tenant-guard.ts";
import { accessRoutes } from "./routes/access.ts";
import { attentionRoutes } from "./routes/attention.ts";
import { auditRoutes } from "./routes/audit.ts";
import { authRoutes } from "./routes/auth.ts";
import { backOfficeRoutes } from "./routes/back-office.ts";
import { customerRoutes } from "./routes/customers.ts";
import { emailTemplateRoutes } from "./routes/email-templates.ts";
import { emailRoutes } from "./routes/emails.ts";
import { exportRoutes } from "./routes/exports.ts";
import { failureRoutes } from "./routes/failures.ts";
import { healthRoutes } from "./routes/health.ts";
import { integrationRoutes } from "./routes/integration.ts";
import { manualOrderRoutes } from "./routes/manual-orders.ts";
import { mappingTableRoutes } from "./routes/mapping-tables.ts";
import { orderStatusRoutes } from "./routes/order-status.ts";
import { orderRoutes } from "./routes/orders.ts";
import { organizationRoutes } from "./routes/organizations.ts";
import { overviewRoutes } from "./routes/overview.ts";
import { platformInstallRoutes } from "./routes/platform-install.ts";
import { platformRoutes } from "./routes/platforms.ts";
import { privacyRoutes } from "./routes/privacy.ts";
import { productRoutes } from "./routes/products.ts";
import { pushRoutes } from "./routes/pushes.ts";
import { receivableRoutes } from "./routes/receivables.ts";
import { storeOrderRoutes } from "./routes/store-orders.ts";
import { storePreviewRoutes } from "./routes/store-preview.ts";
import { storeRoutes } from "./routes/stores.ts";
import { webhookRoutes } from "./routes/webhooks.ts";
import { BODY_LIMITS, serverTimeouts } from "./server-limits.ts";

export interface AppDeps {
  ctx: AppContext;
  version: string;
  /** PONTE_TRUST_PROXY and PONTE_PUBLIC_URL: how HTTPS and the browser's origin are recognised. */
  auth?: { trustProxy?: TrustProxy; publicUrl?: string };
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.ctx.logger.child({ component: "http" }) as FastifyBaseLogger,
    // Per-request lines would drown the logs at webhook rates; /metrics counts requests instead.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMITS.api,
    ...serverTimeouts(deps.ctx.http),
    // Unique across API processes: a 5xx answer's requestId finds its log line. Never the client's.
    genReqId: () => crypto.randomUUID(),
    // Only behind a proxy we were told about do X-Forwarded-Proto/-For/-Host count, and only its hops.
    trustProxy: fastifyTrustProxy(deps.auth?.trustProxy),
  });
  app.setErrorHandler(errorHandler);
  // First, so its headers reach every route registered below, the panel's files and 404s.
  await app.register(securityHeaders);

  await app.register(swagger, {
    // A shared schema is named by its $id in the document's components (ReasonCode, not def-0).
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Ponte API",
        version: deps.version,
        description:
          "Order hub between store platforms and the back office. Every panel action is here.\n\nEvery input, whatever its schema says: no text (value or key) contains U+0000, numbers are finite and integers lie within ±9007199254740991, JSON nests at most 32 levels; otherwise 400 `validation_failed` naming the field in `fields`. A request body larger than its route takes is 413 `payload_too_large` (`limit` in bytes, a pt-BR `reason`). A 5xx from an unexpected failure answers only `internal` and a `requestId`: the cause is in the log under that id.",
      },
      tags: [
        { name: "operation", description: "Health, readiness and metrics" },
        { name: "overview", description: "Visão geral: each store's health at a glance" },
        { name: "failures", description: "Falhas: orders and jobs in error, their payloads, Reprocessar" },
        { name: "auth", description: "Sign-in: first-run setup, login, logout, the session" },
        {
          name: "access",
          description:
            "Usuários and API tokens: roles (Administrador, Operador, Leitura) and token scopes; admins only",
        },
        { name: "stores", description: "Connected stores (canais)" },
        { name: "mappings", description: "Per-store DE-PARA tables and customer default fields" },
        {
          name: "integration",
          description: "The integration panel: store orders, sync state, actions, preview",
        },
        { name: "orders", description: "Sales orders (pedidos de venda)" },
        {
          name: "customers",
          description: "Clientes: search, the record with its orders, edit, link an order by hand, merge",
        },
        {
          name: "backoffice",
          description:
            "Back office: payment confirmation, invoice or simple sale (stock, receivables), estorno, shipments, shipping label",
        },
        {
          name: "products",
          description: "Produtos: stock on hand, counts and adjustments, the stock CSV import",
        },
        {
          name: "exports",
          description: "CSV exports (pt-BR, for spreadsheets): Pedidos, contas a receber, estoque, auditoria",
        },
        {
          name: "audit",
          description:
            "Auditoria: every change made by a person or an API token, with who, when, from where and the changed fields (secrets masked)",
        },
        { name: "webhooks", description: "Signed notifications from the store platforms" },
        {
          name: "privacy",
          description:
            "LGPD requests: a customer's data exported, a customer anonymised, a store's data removed",
        },
        {
          name: "pushes",
          description:
            "Status pushes to the stores: what each change pushes, per order (Reenviar is in failures)",
        },
        {
          name: "emails",
          description: "Customer e-mails: per-store templates per status, preview, and the Caixa de saída",
        },
      ],
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer", description: "An API token from `ponte token create`" },
          session: {
            type: "apiKey",
            in: "cookie",
            name: "ponte_session",
            description: "The panel's sign-in",
          },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  // Shared schemas: in the document's components, so clients (the panel's generated types) name them.
  app.addSchema(reasonCodeSchema);
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  await app.register(metricsPlugin);
  await app.register(inputGuards);
  await app.register(authPlugin, { ctx: deps.ctx, publicUrl: deps.auth?.publicUrl });
  await app.register(documentMasking);
  await app.register(tenantGuard, { ctx: deps.ctx });

  await app.register(healthRoutes, { db: deps.ctx.db });
  await app.register(authRoutes, { ctx: deps.ctx, publicUrl: deps.auth?.publicUrl });
  await app.register(accessRoutes, { ctx: deps.ctx });
  await app.register(organizationRoutes, { ctx: deps.ctx });
  await app.register(storeRoutes, { ctx: deps.ctx });
  await app.register(storeOrderRoutes);
  await app.register(mappingTableRoutes, { ctx: deps.ctx });
  await app.register(integrationRoutes, { ctx: deps.ctx });
  await app.register(attentionRoutes, { ctx: deps.ctx });
  await app.register(orderRoutes, { ctx: deps.ctx });
  await app.register(manualOrderRoutes, { ctx: deps.ctx });
  await app.register(orderStatusRoutes, { ctx: deps.ctx });
  await app.register(backOfficeRoutes, { ctx: deps.ctx });
  await app.register(customerRoutes, { ctx: deps.ctx });
  await app.register(privacyRoutes, { ctx: deps.ctx });
  await app.register(productRoutes, { ctx: deps.ctx });
  await app.register(exportRoutes, { ctx: deps.ctx });
  await app.register(auditRoutes, { ctx: deps.ctx });
  await app.register(receivableRoutes, { ctx: deps.ctx });
  await app.register(emailTemplateRoutes, { ctx: deps.ctx });
  await app.register(emailRoutes, { ctx: deps.ctx });
  await app.register(overviewRoutes, { ctx: deps.ctx });
  await app.register(failureRoutes, { ctx: deps.ctx });
  await app.register(pushRoutes, { ctx: deps.ctx });
  await app.register(storePreviewRoutes, { ctx: deps.ctx });
  await app.register(platformRoutes, { ctx: deps.ctx });
  await app.register(platformInstallRoutes, { ctx: deps.ctx });
  await app.register(webhookRoutes, { ctx: deps.ctx });
  app.get("/api/openapi.json", { schema: { hide: true }, config: { public: true } }, async () =>
    app.swagger(),
  );
  await app.register(panelPlugin);
  return app;
}
