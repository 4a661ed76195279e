// The API base a store is called at: its platform's, or another one PONTE_ALLOW_API_OVERRIDE
// allows (platforms/api-base.ts). The API refuses another address with a 400 naming the field;
// a store that already holds one the setting does not allow (set while it was on, or before it
// existed) is opened with a connector that refuses every call, and the log says why.
import type { AppContext } from "../context.ts";
import { PonteError } from "../errors.ts";
import {
  type ApiBaseRefusal,
  ApiBaseRefusedError,
  apiBaseRefusal,
  isLoopbackUrl,
  storedApiBase,
} from "../platforms/api-base.ts";
import type { PlatformId } from "../platforms/connector.ts";
import { platformApiBase, platformModule } from "../platforms/registry.ts";
import type { Store } from "./stores.ts";

/** pt-BR: why the API refused the address, and what is accepted instead. */
function refusalPt(refusal: ApiBaseRefusal, label: string): string {
  switch (refusal.kind) {
    case "invalid_url":
      return "Endereço da API inválido: use um endereço http(s) sem usuário nem senha, ou deixe o campo vazio.";
    case "not_loopback":
      return `Endereço da API recusado: além da API da ${label}, este servidor só aceita endereços da própria máquina (PONTE_ALLOW_API_OVERRIDE=loopback).`;
    case "not_the_platform":
      return `Endereço da API recusado: o token da loja só é enviado à API da ${label} (deixe o campo vazio). Outro endereço só vale para simulador e testes, com PONTE_ALLOW_API_OVERRIDE no servidor.`;
  }
}

/**
 * The apiBaseUrl of a connection or a PATCH as it is stored: null for the platform's own,
 * undefined when none was given. Throws 400 when the setting does not allow the address.
 */
export function acceptApiBase(
  ctx: AppContext,
  store: { platform: PlatformId; externalId: string },
  url: string | null | undefined,
): string | null | undefined {
  if (url === undefined || url === null) return url;
  const module = platformModule(store.platform);
  const own = platformApiBase(store.platform, store.externalId);
  const refusal = apiBaseRefusal(own, url, ctx.apiOverride);
  if (refusal) {
    throw new PonteError("validation_failed", `apiBaseUrl: ${refusal.message}`, {
      details: {
        reason: refusalPt(refusal, module.label),
        reasonCode: "api_base_refused",
        fields: [{ path: "/apiBaseUrl", message: refusal.message }],
      },
    });
  }
  return storedApiBase(own, url);
}

/**
 * Before a connector gets the store's token: null when its API base may be called, else the
 * error every call of the store then fails with (logged here, in English, once per opening).
 */
export function storeApiBaseRefused(ctx: AppContext, store: Store): ApiBaseRefusedError | null {
  // The demo store: Ponte itself points it at the simulator it runs on this machine (demo.ts).
  if (store.settings.demo === true && isLoopbackUrl(store.apiBaseUrl)) return null;
  const module = platformModule(store.platform);
  const refusal = apiBaseRefusal(
    platformApiBase(store.platform, store.externalId),
    store.apiBaseUrl,
    ctx.apiOverride,
  );
  if (!refusal) return null;
  ctx.logger.warn(
    { store: store.id, apiBaseUrl: store.apiBaseUrl, apiOverride: ctx.apiOverride },
    `store ${store.id}: its API base URL is not the platform's API (${refusal.message}): the store's token is not sent`,
  );
  return new ApiBaseRefusedError(
    `the store's API base URL is not ${module.label}'s API: the store's token is not sent there (PONTE_ALLOW_API_OVERRIDE)`,
  );
}
