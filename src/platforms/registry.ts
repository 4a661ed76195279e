// Platform registry: an explicit map, never filled as a side effect of an import.
import { PonteError } from "../errors.ts";
import type { PlatformId, PlatformModule } from "./connector.ts";
import { nuvemshop } from "./nuvemshop/index.ts";

const platforms: Partial<Record<PlatformId, PlatformModule>> = {
  nuvemshop,
};

export function platformModule(id: string): PlatformModule {
  const found = platforms[id as PlatformId];
  if (!found) throw new PonteError("validation_failed", `platform "${id}" is not supported yet`);
  return found;
}

export function supportedPlatforms(): PlatformId[] {
  return Object.keys(platforms) as PlatformId[];
}
