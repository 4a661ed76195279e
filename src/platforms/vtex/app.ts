// Ponte's VTEX settings, server-wide: the PONTE_VTEX_* variables. VTEX hooks are not signed
// (platforms README §4.5, §8: "custom headers"): Ponte registers each hook with a header of its
// own carrying this secret and checks it on every delivery (webhook.ts).
import type { ApiOverride } from "../api-base.ts";
import type { Env } from "../module.ts";

export interface VtexApp {
  /** The value of the x-ponte-hook-secret header on every hook Ponte registers. */
  hookSecret: string | undefined;
}

/**
 * PONTE_VTEX_HOOK_SECRET when set. Else undefined: the engine then derives a stable secret from
 * Ponte's own key (context.ts), so a server needs no extra setting and the secret survives
 * restarts.
 */
export function readVtexApp(env: Env, _override: ApiOverride): VtexApp {
  const explicit = env.PONTE_VTEX_HOOK_SECRET?.trim();
  if (!explicit) return { hookSecret: undefined };
  if (explicit.length < 16) throw new Error("PONTE_VTEX_HOOK_SECRET: at least 16 characters");
  return { hookSecret: explicit };
}
