import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/db.ts";
import { oneLine } from "../../errors.ts";

const readyBody = {
  type: "object",
  properties: {
    status: { type: "string", enum: ["ready", "unavailable"] },
    database: { type: "string" },
    queue: { type: "string" },
    reason: { type: "string" },
  },
  required: ["status"],
} as const;

export async function healthRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.get(
    "/health",
    {
      schema: {
        tags: ["operation"],
        summary: "The process is up",
        response: { 200: { type: "object", properties: { status: { type: "string" } } } },
      },
    },
    async () => ({ status: "ok" }),
  );

  app.get(
    "/ready",
    {
      schema: {
        tags: ["operation"],
        summary: "The database and the job queue are reachable",
        response: { 200: readyBody, 503: readyBody },
      },
    },
    async (_request, reply) => {
      try {
        await db.query("select 1");
      } catch (error) {
        return reply.status(503).send({ status: "unavailable", database: "down", reason: oneLine(error) });
      }
      try {
        const { rows } = await db.query<{ ok: boolean }>(
          "select to_regclass('graphile_worker._private_jobs') is not null as ok",
        );
        if (!rows[0]?.ok) throw new Error("job queue schema missing: run `ponte migrate`");
      } catch (error) {
        return reply
          .status(503)
          .send({ status: "unavailable", database: "up", queue: "down", reason: oneLine(error) });
      }
      return { status: "ready", database: "up", queue: "up" };
    },
  );
}
