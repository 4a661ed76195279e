// Platform webhooks. The signature is checked on the raw bytes, in constant time, before
// anything is parsed or touches the database. Then one transaction stores the inbox row
// and its job; only after the commit does the platform get its 200. Database down → 503,
// so the platform retries.
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context.ts";
import type { Queryable } from "../../db/db.ts";
import { enqueue } from "../../jobs/queue.ts";
import type { WebhookNotice } from "../../platforms/connector.ts";
import { nuvemshop } from "../../platforms/nuvemshop/index.ts";
import { WebhookPayloadError } from "../../platforms/nuvemshop/webhook.ts";

const ack = {
  type: "object",
  properties: { status: { type: "string", enum: ["accepted", "duplicate", "ignored"] } },
} as const;
const error = {
  type: "object",
  properties: {
    error: { type: "object", properties: { code: { type: "string" }, message: { type: "string" } } },
  },
} as const;

async function applyAppEvent(tx: Queryable, storeId: number, event: string) {
  if (event === "app/suspended") {
    await tx.query(
      "update stores set connection_state = 'suspended', connection_message = $2, updated_at = now() where id = $1",
      [storeId, "aplicativo suspenso na Nuvemshop: importação pausada"],
    );
  } else if (event === "app/resumed") {
    // Webhooks stopped while suspended: resync everything changed meanwhile, now.
    await tx.query(
      "update stores set connection_state = 'ok', connection_message = null, next_import_at = now(), updated_at = now() where id = $1",
      [storeId],
    );
  } else if (event === "app/uninstalled") {
    await tx.query(
      "update stores set connection_state = 'uninstalled', import_enabled = false, connection_message = $2, updated_at = now() where id = $1",
      [storeId, "aplicativo desinstalado da loja"],
    );
  }
}

export async function webhookRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  // Keep the exact bytes: the signature is over them, not over re-serialized JSON.
  app.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: 2 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser(
    "application/json",
    { parseAs: "buffer", bodyLimit: 2 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );

  app.post(
    "/webhooks/nuvemshop",
    {
      schema: {
        tags: ["webhooks"],
        summary: "Nuvemshop webhook (signed with x-linkedstore-hmac-sha256)",
        description:
          "Order events become a durable sync job for that order; app/* events update the store; LGPD events are recorded for the operator.",
        response: { 200: ack, 400: error, 401: error, 503: error },
      },
    },
    async (request, reply) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      if (!nuvemshop.verifyWebhook(raw, request.headers, ctx.nuvemshop.clientSecret)) {
        return reply
          .status(401)
          .send({ error: { code: "invalid_signature", message: "webhook signature is missing or wrong" } });
      }
      let notice: WebhookNotice;
      try {
        notice = nuvemshop.parseWebhook(raw);
      } catch (e) {
        if (e instanceof WebhookPayloadError) {
          return reply.status(400).send({ error: { code: "invalid_payload", message: e.message } });
        }
        throw e;
      }
      const status = await ctx.db.transaction(async (tx) => {
        const { rows } = await tx.query<{ id: number; org_id: number }>(
          "select id, org_id from stores where platform = 'nuvemshop' and external_id = $1",
          [notice.storeExternalId],
        );
        const store = rows[0];
        const inserted = await tx.query(
          `insert into inbox (org_id, store_id, platform, event, external_id, dedupe_key, headers, body)
           values ($1, $2, 'nuvemshop', $3, $4, $5, $6, $7)
           on conflict (platform, dedupe_key) where processed_at is null do nothing`,
          [
            store?.org_id ?? 1,
            store?.id ?? null,
            notice.event,
            notice.externalOrderId,
            notice.dedupeKey,
            JSON.stringify({ "user-agent": request.headers["user-agent"] ?? null }),
            raw.toString("utf8"),
          ],
        );
        if (!store) return "ignored" as const;
        // Every webhook of a store would otherwise queue on this one row's lock: refresh it
        // at most every 10 s, which is all the "last webhook" figure needs.
        await tx.query(
          `update stores set last_webhook_at = now()
            where id = $1 and (last_webhook_at is null or last_webhook_at < now() - interval '10 seconds')`,
          [store.id],
        );
        if (inserted.rowCount === 0) return "duplicate" as const;
        if (notice.kind === "order") {
          // No job key: every delivery has its own job (a keyed job being locked at that instant
          // would drop the new one), and whichever runs first claims the store's pending rows.
          await enqueue(tx, "sync-orders", { storeId: store.id });
        } else if (notice.kind === "app") {
          await applyAppEvent(tx, store.id, notice.event);
        }
        return "accepted" as const;
      });
      if (status === "ignored")
        request.log.info({ store: notice.storeExternalId }, "webhook for a store not connected here");
      return { status };
    },
  );
}
