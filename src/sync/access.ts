// When a platform refuses our access (401 bad token, 402 suspended), mark the store once,
// log once, and stop: retrying would only hammer the platform and the logs.
import type { AppContext } from "../context.ts";
import { PlatformAccessError } from "../platforms/connector.ts";
import { type Store, setConnectionState } from "../stores/stores.ts";

const MESSAGES = {
  invalid_credentials: "credenciais inválidas: reconecte a loja",
  suspended: "loja ou aplicativo suspenso na plataforma (pagamento pendente): importação pausada",
} as const;

/** True when `error` was an access problem (now recorded); false for anything else. */
export async function handleAccessError(ctx: AppContext, store: Store, error: unknown): Promise<boolean> {
  if (!(error instanceof PlatformAccessError)) return false;
  if (await setConnectionState(ctx.db, store.id, error.state, MESSAGES[error.state])) {
    ctx.logger.warn({ store: store.id, state: error.state }, error.message);
  }
  return true;
}
