// Platform webhooks. The signature is checked on the raw bytes, in constant time, before
// anything is parsed or touches the database. Then the inbox row is committed; only after
// that does the platform get its 200. Database down → 503, so the platform retries.
import type { FastifyInstance } from "fastify";
import { type AppContext, platformApp } from "../../context.ts";
import type { Queryable } from "../../db/db.ts";
import { PonteError } from "../../errors.ts";
import { type WebhookNotice, WebhookPayloadError } from "../../platforms/connector.ts";
import type { PlatformModule } from "../../platforms/module.ts";
import { isSupportedPlatform, platformModule } from "../../platforms/registry.ts";
import { recordPlatformRequest } from "../../privacy/requests.ts";
import { BODY_LIMITS } from "../server-limits.ts";

const ack = {
  type: "object",
  properties: { status: { type: "string", enum: ["accepted", "duplicate", "ignored"] } },
} as const;
const error = {
  type: "object",
  properties: {
    error: {
      type: "object",
      properties: { code: { type: "string" }, message: { type: "string" } },
      additionalProperties: true,
    },
  },
} as const;

/**
 * Applies an app/* notice to its store. Each notice sets a state (idempotent), so a repeated
 * delivery only sets it again. A disconnected or uninstalled store keeps its state: only a new
 * connection (token or OAuth) brings it back.
 */
async function applyAppEvent(tx: Queryable, storeId: number, notice: WebhookNotice, label: string) {
  const event = notice.lifecycle;
  if (event === "suspended") {
    await tx.query(
      `update stores set connection_state = 'suspended', connection_message = $2, updated_at = now()
        where id = $1 and connection_state not in ('uninstalled', 'disconnected')`,
      [storeId, `aplicativo suspenso na ${label}: importação pausada`],
    );
  } else if (event === "resumed") {
    // Webhooks stopped while suspended: resync everything changed meanwhile, now.
    await tx.query(
      `update stores set connection_state = 'ok', connection_message = null, next_import_at = now(), updated_at = now()
        where id = $1 and connection_state not in ('uninstalled', 'disconnected')`,
      [storeId],
    );
  } else if (event === "uninstalled") {
    // The platform drops the app's webhooks with it.
    await tx.query(
      `update stores set connection_state = 'uninstalled', import_enabled = false, connection_message = $2,
              webhooks_state = 'removed', webhooks_url = null, webhooks_events = '{}', webhooks_message = null,
              webhooks_checked_at = now(), updated_at = now()
        where id = $1 and connection_state <> 'disconnected'`,
      [storeId, "aplicativo desinstalado da loja"],
    );
  }
}

type Ack = "accepted" | "duplicate" | "ignored";

/** A store connected here (a disconnected one is not: what it still sends is ignored). */
const STORE = `select id, org_id from stores
                where platform = $7 and external_id = $1 and connection_state <> 'disconnected'`;

/**
 * Privacy notices name a store that may have been disconnected or uninstalled meanwhile (a store
 * redact comes after the uninstall): any store of ours with that id, not yet removed.
 */
const PRIVACY_STORE = `select id, org_id from stores
                where platform = $7 and external_id = $1 and removed_at is null
                order by (connection_state <> 'disconnected') desc, id desc limit 1`;

/** Order notices: one row, the store (null when not connected here) and whether the delivery was new. */
const INSERT_INBOX = {
  name: "webhook-inbox",
  text: `with s as (${STORE}),
  ins as (
    insert into inbox (org_id, store_id, platform, event, external_id, dedupe_key, headers, body)
    select coalesce((select org_id from s), 1), (select id from s), $7, $2, $3, $4, $5, $6
    on conflict (platform, dedupe_key) where processed_at is null do nothing
    returning 1)
  select (select id from s) as store_id, exists (select 1 from ins) as inserted`,
};

/**
 * App, privacy and other notices: recorded already processed (they are applied in the same
 * transaction), so the next identical notice — a second app/suspended after an app/resumed — is
 * new work, never a duplicate of a pending one. `store` selects the store the notice is for.
 */
const processedInsert = (name: string, store: string) => ({
  name,
  text: `with s as (${store}),
  ins as (
    insert into inbox (org_id, store_id, platform, event, external_id, dedupe_key, headers, body, processed_at)
    select coalesce((select org_id from s), 1), (select id from s), $7, $2, $3, $4, $5, $6, now()
    returning 1)
  select (select id from s) as store_id, (select org_id from s) as org_id, exists (select 1 from ins) as inserted`,
});

const INSERT_PROCESSED = processedInsert("webhook-inbox-processed", STORE);
const INSERT_PRIVACY = processedInsert("webhook-inbox-privacy", PRIVACY_STORE);

type InboxRow = { store_id: number | null; org_id?: number; inserted: boolean };

function ackOf(row: InboxRow): Ack {
  if (row.store_id === null) return "ignored";
  return row.inserted ? "accepted" : "duplicate";
}

function inboxParams(platform: string, notice: WebhookNotice, raw: Buffer, userAgent: string | undefined) {
  return [
    notice.storeExternalId,
    notice.event,
    notice.externalOrderId,
    notice.dedupeKey,
    JSON.stringify({ "user-agent": userAgent ?? null }),
    raw.toString("utf8"),
    platform,
  ];
}

/**
 * An order event is one statement: the inbox row is the durable work item (the workers'
 * dispatcher turns pending rows into sync jobs), so the 200 costs a single commit.
 */
async function storeOrderNotice(
  ctx: AppContext,
  platform: string,
  notice: WebhookNotice,
  raw: Buffer,
  userAgent?: string,
): Promise<Ack> {
  const { rows } = await ctx.db.query<InboxRow>(INSERT_INBOX, inboxParams(platform, notice, raw, userAgent));
  return ackOf(rows[0]!);
}

/**
 * App and privacy events: recorded, and applied in the same transaction, every time: app/* to the
 * store; a privacy request recorded with the job that carries it out (src/privacy/).
 */
async function applyStoreNotice(
  ctx: AppContext,
  module: PlatformModule,
  notice: WebhookNotice,
  raw: Buffer,
  userAgent?: string,
): Promise<Ack> {
  return ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query<InboxRow>(
      notice.privacy ? INSERT_PRIVACY : INSERT_PROCESSED,
      inboxParams(module.id, notice, raw, userAgent),
    );
    let ack = ackOf(rows[0]!);
    if (ack === "accepted" && notice.kind === "app")
      await applyAppEvent(tx, rows[0]!.store_id!, notice, module.label);
    if (ack === "accepted" && notice.privacy) {
      const store = { id: Number(rows[0]!.store_id), orgId: Number(rows[0]!.org_id) };
      const days = ctx.storeRedactAfterDays;
      if ((await recordPlatformRequest(tx, store, notice.privacy, notice.dedupeKey, days)) === null)
        ack = "duplicate";
    }
    return ack;
  });
}

export async function webhookRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  // Keep the exact bytes: the signature is over them, not over re-serialized JSON. The route's
  // bodyLimit bounds what is read.
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_req, body, done) => done(null, body));
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (_req, body, done) => done(null, body));

  app.post<{ Params: { platform: string } }>(
    "/webhooks/:platform",
    {
      bodyLimit: BODY_LIMITS.webhook,
      schema: {
        tags: ["webhooks"],
        summary: "A platform's webhook, signed as the platform signs it",
        description: `Answers 200 only once the delivery is stored in the inbox (503 when the database is down; 413 past 64 KiB; 404 for a platform Ponte does not know). The signature is checked on the raw bytes, in the platform's own signature header, before anything else. Order events are then read from the platform and synced in batches per store by the workers; app lifecycle events update the store; privacy (LGPD) events are recorded as privacy requests and carried out by a job (a store's removal after PONTE_STORE_REDACT_AFTER_DAYS).`,
        params: {
          type: "object",
          required: ["platform"],
          properties: {
            platform: { type: "string", description: "The platform's id (GET /api/v1/platforms)" },
          },
        },
        response: { 200: ack, 400: error, 401: error, 404: error, 413: error, 503: error },
      },
    },
    async (request) => {
      const { platform } = request.params;
      if (!isSupportedPlatform(platform))
        throw new PonteError("not_found", `no webhooks for platform "${platform}"`);
      const module = platformModule(platform);
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      // Thrown, not sent: the error handler logs each refusal in one line like any other 4xx.
      if (!module.webhook.verify(raw, request.headers, platformApp(ctx, platform).webhookSecret)) {
        throw new PonteError("invalid_signature", "webhook signature is missing or wrong");
      }
      let notice: WebhookNotice;
      try {
        notice = module.webhook.parse(raw, request.headers);
      } catch (e) {
        if (e instanceof WebhookPayloadError) throw new PonteError("invalid_payload", e.message);
        throw e;
      }
      const userAgent = request.headers["user-agent"];
      const status =
        notice.kind === "order"
          ? await storeOrderNotice(ctx, platform, notice, raw, userAgent)
          : await applyStoreNotice(ctx, module, notice, raw, userAgent);
      if (status === "ignored")
        request.log.info({ store: notice.storeExternalId }, "webhook for a store not connected here");
      return { status };
    },
  );
}
