// Desconectar loja: Ponte removes its webhooks from the platform (best effort: a failure is said
// in pt-BR, and the store is disconnected anyway), turns the import off, forgets the sealed
// credentials and drops the store's queued sync work. Orders and sales orders stay. Connecting
// the same platform store again (token or OAuth) brings it back (stores.ts, connectStore).
import type { AppContext } from "../context.ts";
import type { Queryable } from "../db/db.ts";
import { platformModule } from "../platforms/registry.ts";
import { panelCall } from "./panel-platform.ts";
import { getStore, openStore, type Store, type WebhooksState } from "./stores.ts";
import { callFailure } from "./webhook-registration.ts";
import { webhookPath } from "./webhook-target.ts";

/** Work that needs the store's credentials; pushes stay (they fail visibly, and Reenviar works after reconnecting). */
const STORE_TASKS = ["import-orders", "sync-order", "sync-orders", "refresh-statuses", "register-webhooks"];

async function removeWebhooks(
  ctx: AppContext,
  store: Store,
): Promise<{ state: WebhooksState; message: string | null }> {
  const label = platformModule(store.platform).label;
  // An uninstalled app's webhooks went with it; there is no token left to call with anyway.
  if (store.connectionState === "uninstalled") return { state: "removed", message: null };
  const failed = (reason: string) => ({
    state: "failed" as const,
    message: `Não foi possível remover os webhooks do Ponte: ${reason}. A loja foi desconectada mesmo assim e o Ponte ignora o que ela ainda enviar; se quiser, remova os webhooks do Ponte no painel da ${label}.`,
  });
  let opened: Awaited<ReturnType<typeof openStore>>;
  try {
    const call = panelCall(ctx); // a person waits
    opened = await openStore(ctx, store.id, call.retry, call.deadline);
  } catch (error) {
    ctx.logger.warn({ store: store.id, err: error }, "store credentials cannot be opened to remove webhooks");
    return failed("as credenciais da loja não puderam ser abertas neste servidor");
  }
  const subscriptions = opened.connector.webhookSubscriptions;
  if (!subscriptions) return { state: "removed", message: null };
  try {
    const summary = await subscriptions.unregister(webhookPath(store.platform));
    ctx.logger.info({ store: store.id, ...summary }, "store webhooks removed");
    return { state: "removed", message: null };
  } catch (error) {
    ctx.logger.warn({ store: store.id, err: error }, "store webhooks could not be removed");
    return failed(callFailure(error, label, "ao listar ou remover os webhooks").problem);
  }
}

/** `onCommit` runs last in the disconnection's transaction (the audit row), with the store as it was. */
export async function disconnectStore(
  ctx: AppContext,
  storeId: number,
  onCommit?: (tx: Queryable, before: Store) => Promise<unknown>,
): Promise<Store> {
  const store = await getStore(ctx.db, storeId);
  if (store.connectionState === "disconnected") return store;
  const webhooks = await removeWebhooks(ctx, store);
  await ctx.db.transaction(async (tx) => {
    await tx.query(
      `update stores set connection_state = 'disconnected', connection_message = null, import_enabled = false,
              credentials = null, credentials_key_version = null,
              webhooks_state = $2, webhooks_url = null, webhooks_events = '{}', webhooks_message = $3,
              webhooks_checked_at = now(), updated_at = now()
        where id = $1`,
      [storeId, webhooks.state, webhooks.message],
    );
    // Queued work that would only fail without credentials (a running job finishes or fails once).
    await tx.query(
      `select count(*) from graphile_worker.complete_jobs(array(
         select j.id from graphile_worker._private_jobs j
           join graphile_worker._private_tasks t on t.id = j.task_id
          where t.identifier = any($2) and (j.payload->>'storeId')::bigint = $1 and j.locked_at is null))`,
      [storeId, STORE_TASKS],
    );
    await onCommit?.(tx, store);
  });
  ctx.logger.info({ store: storeId, webhooks: webhooks.state }, "store disconnected");
  return getStore(ctx.db, storeId);
}
