// Registering a store's webhooks with its platform (issue 11): make the platform's subscription
// list match what Ponte needs, at the store's webhook target (webhook-target.ts), and record the
// outcome on the store for the panel — registered, not configured (no public https address: only
// the scheduled import brings orders), or failed with the reason in pt-BR. Runs as the
// `register-webhooks` job queued with every connection, and inline on Testar conexão.
import type { AppContext } from "../context.ts";
import type { StoreConnector, WebhookSyncSummary } from "../platforms/connector.ts";
import { describePlatformProblem, platformErrorKind } from "../platforms/platform-errors.ts";
import { platformModule } from "../platforms/registry.ts";
import { handleAccessError } from "../sync/access.ts";
import { getStore, openStore, type Store, type WebhooksState } from "./stores.ts";
import { webhookTarget } from "./webhook-target.ts";

export interface WebhookRegistration {
  state: WebhooksState;
  /** pt-BR: what Testar conexão and the store page say. */
  message: string;
  summary: WebhookSyncSummary | null;
  error?: unknown;
}

/**
 * Why a platform call failed, in pt-BR, by kind (platform-errors.ts), never the platform's own
 * words: what happened, lower-case without a period ("a <plataforma> não respondeu a tempo ao
 * registrar os webhooks"), and what to do.
 */
export function callFailure(
  error: unknown,
  label: string,
  what: string,
): { problem: string; advice: string } {
  const kind = platformErrorKind(error);
  if (kind === null)
    return { problem: `erro interno do Ponte ${what}`, advice: "O log do Ponte tem o detalhe." };
  const { problem, advice } = describePlatformProblem(kind, label);
  return { problem: `${problem} ${what}`, advice };
}

/** The store's webhooks in pt-BR, for the API and the panel. */
export function describeWebhooks(store: Store): string {
  const label = platformModule(store.platform).label;
  const { state, url, events, message } = store.webhooks;
  const scheduled = `a importação agendada (a cada ${store.importIntervalMinutes} min)`;
  switch (state) {
    case "registered": {
      const arriving = events.length === 1 ? "1 evento chega" : `${events.length} eventos chegam`;
      const registered = `Webhooks registrados na ${label}: ${arriving} em ${url}, e os pedidos entram na hora.`;
      // A note from the last check (webhooks re-enabled) comes first: it says what just happened.
      return message ? `${message} ${registered}` : registered;
    }
    case "not_configured":
      return `Webhooks não registrados: o Ponte não tem um endereço público https (PONTE_PUBLIC_URL). Só ${scheduled} traz os pedidos desta loja. Para recebê-los na hora, defina PONTE_PUBLIC_URL com o endereço https pelo qual a ${label} alcança o Ponte e clique em Testar conexão.`;
    case "failed":
      return message ?? `Não foi possível registrar os webhooks na ${label}; Testar conexão tenta de novo.`;
    case "removed":
      return `Webhooks do Ponte removidos da ${label}: a loja não envia mais notificações ao Ponte.`;
    default:
      return `Registro dos webhooks na ${label} pendente: acontece em instantes, ou clique em Testar conexão.`;
  }
}

/** pt-BR: the platform had turned Ponte's webhooks off by itself after failed deliveries. */
export function reenabledMessage(count: number): string {
  return `A plataforma tinha desativado ${count} webhook(s) do Ponte depois de falhas de entrega; o Ponte os reativou. Os pedidos alterados nesse intervalo vêm pela importação agendada.`;
}

async function record(ctx: AppContext, store: Store, webhooks: Store["webhooks"]): Promise<Store> {
  // A store disconnected meanwhile keeps what the disconnection recorded.
  await ctx.db.query(
    `update stores set webhooks_state = $2, webhooks_url = $3, webhooks_events = $4, webhooks_message = $5,
            webhooks_checked_at = now()
      where id = $1 and connection_state <> 'disconnected'`,
    [store.id, webhooks.state, webhooks.url, webhooks.events, webhooks.message],
  );
  return { ...store, webhooks };
}

/**
 * Makes the platform's list match and records the outcome. Platform errors do not throw: they
 * come back as a failed registration with the error. Null when the platform has no webhooks to
 * manage.
 */
export async function registerStoreWebhooks(
  ctx: AppContext,
  store: Store,
  connector: StoreConnector,
): Promise<WebhookRegistration | null> {
  const subscriptions = connector.webhookSubscriptions;
  if (!subscriptions || !platformModule(store.platform).capabilities.webhooks) return null;
  const label = platformModule(store.platform).label;
  const now = new Date().toISOString();
  const target = webhookTarget(ctx, store);
  if (!target) {
    const stored = await record(ctx, store, {
      state: "not_configured",
      url: null,
      events: [],
      message: null,
      checkedAt: now,
    });
    return { state: "not_configured", message: describeWebhooks(stored), summary: null };
  }
  try {
    const summary = await subscriptions.register(target);
    ctx.logger.info({ store: store.id, url: target, ...summary }, "store webhooks registered");
    const reenabled = summary.reenabled ?? 0;
    const stored = await record(ctx, store, {
      state: "registered",
      url: target,
      events: [...subscriptions.events],
      message: reenabled > 0 ? reenabledMessage(reenabled) : null,
      checkedAt: now,
    });
    // The platform dropped the notices while its webhooks were off: the import fetches what changed.
    if (reenabled > 0)
      await ctx.db.query("update stores set next_import_at = now(), updated_at = now() where id = $1", [
        store.id,
      ]);
    return { state: "registered", message: describeWebhooks(stored), summary };
  } catch (error) {
    ctx.logger.warn({ store: store.id, url: target, err: error }, "store webhook registration failed");
    const { problem, advice } = callFailure(error, label, "ao registrar os webhooks");
    const message = `${problem.charAt(0).toUpperCase()}${problem.slice(1)}. ${advice} Até lá, os pedidos chegam só pela importação agendada; Testar conexão tenta registrar os webhooks de novo.`;
    await record(ctx, store, { state: "failed", url: target, events: [], message, checkedAt: now });
    return { state: "failed", message, summary: null, error };
  }
}

/** The `register-webhooks` job: throws what the queue should retry (a platform down or slow). */
export async function runWebhookRegistration(ctx: AppContext, storeId: number): Promise<void> {
  const store = await getStore(ctx.db, storeId);
  // Disconnected or uninstalled meanwhile: nothing of ours should be on the platform.
  if (store.connectionState === "disconnected" || store.connectionState === "uninstalled") return;
  // One quick retry inside the job; the queue's backoff does the waiting.
  const { connector } = await openStore(ctx, storeId, { maxRetries: 1 });
  const outcome = await registerStoreWebhooks(ctx, store, connector);
  if (outcome?.state !== "failed") return;
  if (await handleAccessError(ctx, store, outcome.error)) return; // marked; reconnecting registers again
  if ((outcome.error as { retryable?: unknown }).retryable === false) return; // refused: the same again
  throw outcome.error;
}
