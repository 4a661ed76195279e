// Where a store's platform should send its webhooks: PONTE_PUBLIC_URL's origin + the webhook
// path, and only over https (platforms refuse anything else, and a plain-http address would
// carry the notices in the clear). Without one Ponte registers nothing and says so: only the
// scheduled import brings orders. The demo store alone may carry its own base (written by
// demo.ts, never through the API): its simulator lives in a simulated internet.
import type { AppContext } from "../context.ts";
import type { Queryable } from "../db/db.ts";
import { enqueue } from "../jobs/queue.ts";
import { registerWebhooksJob } from "../jobs/specs.ts";
import { httpsOrigin } from "../net/https-origin.ts";
import { platformModule } from "../platforms/registry.ts";
import type { Store } from "./stores.ts";

/** The demo store's setting holding its webhook base (see demo.ts). */
export const DEMO_WEBHOOK_BASE = "demoWebhookBase";

/** The path of the webhook route for a platform (http/routes/webhooks.ts). */
export const webhookPath = (platform: string) => `/webhooks/${platform}`;

/** The URL to register for the store, or null when Ponte has no public https address. */
export function webhookTarget(ctx: Pick<AppContext, "publicUrl">, store: Store): string | null {
  const base =
    httpsOrigin(ctx.publicUrl) ??
    (store.settings.demo === true ? httpsOrigin(store.settings[DEMO_WEBHOOK_BASE]) : null);
  return base ? `${base}${webhookPath(store.platform)}` : null;
}

/**
 * On connect, in the connection's transaction: queue the registration (a crash cannot lose it),
 * or record at once that there is no address to register. Returns the store as it now is.
 */
export async function queueWebhookRegistration(ctx: AppContext, tx: Queryable, store: Store): Promise<Store> {
  if (!platformModule(store.platform).capabilities.webhooks) return store;
  const target = webhookTarget(ctx, store);
  const state = target ? null : "not_configured";
  await tx.query(
    `update stores set webhooks_state = $2, webhooks_url = null, webhooks_events = '{}', webhooks_message = null,
            webhooks_checked_at = case when $2::text is null then webhooks_checked_at else now() end
      where id = $1`,
    [store.id, state],
  );
  if (target) await enqueue(tx, registerWebhooksJob(store.id));
  return {
    ...store,
    webhooks: {
      state,
      url: null,
      events: [],
      message: null,
      checkedAt: state ? new Date().toISOString() : store.webhooks.checkedAt,
    },
  };
}
