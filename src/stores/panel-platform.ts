// Panel actions that call a store's platform while a person waits (Atualizar, Testar conexão,
// Importar agora's check): one quick retry and an overall deadline, shorter than the connector's
// own retry loop, and a failure answered as 502/503 — 409 when the platform refuses the store's
// access — with a pt-BR reason naming the store. The English detail goes to the log, here.
import type { AppContext } from "../context.ts";
import { PonteError } from "../errors.ts";
import type { ConnectorDeps } from "../platforms/connector.ts";
import {
  describePlatformProblem,
  httpStatusOf,
  type PlatformErrorKind,
  platformErrorKind,
} from "../platforms/platform-errors.ts";
import { platformModule } from "../platforms/registry.ts";
import { handleAccessError } from "../sync/access.ts";
import { openStore, type Store } from "./stores.ts";

type StoreName = Pick<Store, "id" | "name" | "platform" | "externalId">;

/** How a panel action opens a store: see openStore's `retry` and `deadline`. */
export interface PanelCall {
  retry: ConnectorDeps["retry"];
  /** Epoch milliseconds. */
  deadline: number;
}

/** Starts the deadline now: one retry after a short pause, then the deadline decides. */
export const panelCall = (ctx: AppContext): PanelCall => ({
  retry: { maxRetries: 1, baseDelayMs: 250 },
  deadline: Date.now() + ctx.platformDeadlineMs,
});

/** "Loja Centro: a <plataforma> não respondeu em 8 s. Tente de novo em instantes; …" */
export function platformReason(ctx: AppContext, store: StoreName, kind: PlatformErrorKind): string {
  const { problem, advice } = describePlatformProblem(kind, platformModule(store.platform).label, {
    waitedMs: ctx.platformDeadlineMs,
    storeExternalId: store.externalId,
  });
  return `${store.name}: ${problem}. ${advice}`;
}

/** The answer to a panel action the platform failed; logs what the reason leaves out. */
export function platformFailure(
  ctx: AppContext,
  store: StoreName,
  kind: PlatformErrorKind,
  action: string,
  cause: unknown,
  details: Record<string, unknown> = {},
): PonteError {
  ctx.logger.warn(
    { store: store.id, kind, action, err: cause },
    `${action}: the platform call failed (${kind})`,
  );
  const status = httpStatusOf(kind);
  return new PonteError(
    status === 409 ? "platform_refused" : "platform_unavailable",
    `store ${store.id}: ${action}: platform ${kind.replace("_", " ")}`,
    {
      status: status === 502 ? status : undefined,
      details: { ...details, reason: platformReason(ctx, store, kind), platformError: kind },
    },
  );
}

/**
 * Runs a panel action's platform work with the panel's retry and deadline; a platform error
 * becomes the action's answer, anything else passes through.
 */
export async function withPlatform<T>(
  ctx: AppContext,
  store: StoreName,
  action: string,
  work: (call: PanelCall) => Promise<T>,
): Promise<T> {
  try {
    return await work(panelCall(ctx));
  } catch (error) {
    const kind = platformErrorKind(error);
    if (kind === null) throw error;
    throw platformFailure(ctx, store, kind, action, error);
  }
}

/** A store whose access is refused (credentials, suspension, uninstall) or was disconnected: 409, at once. */
export function storeAccessRefused(ctx: AppContext, store: Store): PonteError {
  const label = platformModule(store.platform).label;
  const reason =
    store.connectionState === "uninstalled"
      ? `${store.name}: o aplicativo foi desinstalado na ${label}. Instale o aplicativo de novo para voltar a importar.`
      : store.connectionState === "disconnected"
        ? `${store.name}: a loja foi desconectada do Ponte. Conecte a loja de novo em Lojas para voltar a importar.`
        : platformReason(ctx, store, store.connectionState === "suspended" ? "suspended" : "unauthorized");
  return new PonteError("platform_refused", `store ${store.id} cannot be reached: ${store.connectionState}`, {
    details: {
      reason,
      reasonCode: store.connectionState === "disconnected" ? "store_disconnected" : "store_unavailable",
    },
  });
}

/**
 * Importar agora, before it queues the import: a store whose access is refused says so at once
 * (409); a store whose platform failed to answer its last request is asked once more, within the
 * deadline, and the import is queued only if it answers now (else 502/503). A store not known to
 * fail is queued without a call: its import job finds out, and its health shows it.
 */
export async function checkBeforeImport(ctx: AppContext, store: Store): Promise<void> {
  if (store.connectionState !== "ok") throw storeAccessRefused(ctx, store);
  const { rows } = await ctx.db.query<{ failing: boolean }>(
    "select last_contact_ok is false as failing from stores where id = $1",
    [store.id],
  );
  if (!rows[0]?.failing) return;
  await withPlatform(ctx, store, "Importar agora", async (call) => {
    const { connector } = await openStore(ctx, store.id, call.retry, call.deadline);
    try {
      await connector.probe?.storeInfo();
    } catch (error) {
      await handleAccessError(ctx, store, error); // marks the store, as the import would
      throw error;
    }
  });
}
