// Platform registry: an explicit map, never filled as a side effect of an import. Generic code
// reaches a platform only through here; adding a platform is one line below.
import { PonteError } from "../errors.ts";
import type { PlatformId } from "./connector.ts";
import type { PlatformModule } from "./module.ts";
import { nuvemshop } from "./nuvemshop/index.ts";
import { vtex } from "./vtex/index.ts";
import { woocommerce } from "./woocommerce/index.ts";

const platforms = new Map<PlatformId, PlatformModule>([
  [nuvemshop.id, nuvemshop],
  [vtex.id, vtex],
  [woocommerce.id, woocommerce],
]);

export function platformModule(id: string): PlatformModule {
  const found = platforms.get(id);
  if (!found)
    throw new PonteError("validation_failed", `platform "${id}" is not supported yet`, {
      details: { reason: `A plataforma "${id}" não é suportada pelo Ponte.` },
    });
  return found;
}

/**
 * A store's own API origin: where its credentials may go (api-base.ts). A store id the module
 * refuses (an account name with a space) gives the platform's default, which no URL equals: the
 * id itself is then refused, with its pt-BR hint, where the connection is validated.
 */
export function platformApiBase(platform: PlatformId, storeExternalId: string): string {
  const module = platformModule(platform);
  try {
    return module.apiBaseUrlFor?.(storeExternalId) ?? module.defaultApiBaseUrl;
  } catch {
    return module.defaultApiBaseUrl;
  }
}

export const isSupportedPlatform = (id: string): boolean => platforms.has(id);

export function supportedPlatforms(): PlatformId[] {
  return [...platforms.keys()];
}

export function platformModules(): PlatformModule[] {
  return [...platforms.values()];
}

/**
 * Tests only: lists a module the tests declare (a fake platform) until the returned function
 * takes it off again. Read the registry after registering: route schemas built at start-up
 * list the platforms known then.
 */
export function registerPlatformForTests(module: PlatformModule): () => void {
  if (platforms.has(module.id)) throw new Error(`platform ${module.id} is registered already`);
  platforms.set(module.id, module);
  return () => {
    platforms.delete(module.id);
  };
}
