// The HTTP app factory. It never listens: `ponte api`/`ponte start` do, tests use inject().
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from "fastify";
import type { AppContext } from "../context.ts";
import { errorHandler } from "./plugins/errors.ts";
import { metricsPlugin } from "./plugins/metrics.ts";
import { healthRoutes } from "./routes/health.ts";
import { integrationRoutes } from "./routes/integration.ts";
import { mappingTableRoutes } from "./routes/mapping-tables.ts";
import { nuvemshopOAuthRoutes } from "./routes/nuvemshop-oauth.ts";
import { orderRoutes } from "./routes/orders.ts";
import { storeRoutes } from "./routes/stores.ts";
import { webhookRoutes } from "./routes/webhooks.ts";

export interface AppDeps {
  ctx: AppContext;
  version: string;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.ctx.logger.child({ component: "http" }) as FastifyBaseLogger,
    // Per-request lines would drown the logs at webhook rates; /metrics counts requests instead.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 4 * 1024 * 1024,
  });
  app.setErrorHandler(errorHandler);

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Ponte API",
        version: deps.version,
        description: "Order hub between store platforms and the back office. Every panel action is here.",
      },
      tags: [
        { name: "operation", description: "Health, readiness and metrics" },
        { name: "stores", description: "Connected stores (canais)" },
        { name: "mappings", description: "Per-store DE-PARA tables and customer default fields" },
        {
          name: "integration",
          description: "The integration panel: store orders, sync state, actions, preview",
        },
        { name: "orders", description: "Sales orders (pedidos de venda)" },
        { name: "webhooks", description: "Signed notifications from the store platforms" },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  await app.register(metricsPlugin);

  await app.register(healthRoutes, { db: deps.ctx.db });
  await app.register(storeRoutes, { ctx: deps.ctx });
  await app.register(mappingTableRoutes, { ctx: deps.ctx });
  await app.register(integrationRoutes, { ctx: deps.ctx });
  await app.register(orderRoutes, { ctx: deps.ctx });
  await app.register(nuvemshopOAuthRoutes, { ctx: deps.ctx });
  await app.register(webhookRoutes, { ctx: deps.ctx });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  return app;
}
