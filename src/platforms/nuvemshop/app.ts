// Ponte's Nuvemshop app, server-wide: the PONTE_NUVEMSHOP_* variables (README, Configuration).
// The client secret is the OAuth secret and the key every webhook of the app is signed with.
import { type ApiOverride, apiBaseRefusal, normalizeApiBase } from "../api-base.ts";
import type { Env } from "../module.ts";
import { NUVEMSHOP_API_BASE_URL } from "./api-base-url.ts";

export interface NuvemshopApp {
  clientId: string | undefined;
  clientSecret: string | undefined;
  /** Where the authorize page and the token endpoint live. */
  authBaseUrl: string;
  /** API base of stores installed through OAuth (undefined: Nuvemshop's own). */
  apiBaseUrl: string | undefined;
}

/** OAuth-installed stores get this API base: another host than Nuvemshop's needs the override. */
function installApiUrl(env: Env, override: ApiOverride): string | undefined {
  const raw = env.PONTE_NUVEMSHOP_API_URL?.trim();
  if (!raw) return undefined;
  const refusal = apiBaseRefusal(NUVEMSHOP_API_BASE_URL, raw, override);
  if (refusal) {
    throw new Error(
      `PONTE_NUVEMSHOP_API_URL: ${refusal.message}; a simulator or test bench on this machine needs PONTE_ALLOW_API_OVERRIDE=loopback`,
    );
  }
  return normalizeApiBase(raw);
}

export function readNuvemshopApp(env: Env, override: ApiOverride): NuvemshopApp {
  return {
    clientId: env.PONTE_NUVEMSHOP_CLIENT_ID?.trim() || undefined,
    clientSecret: env.PONTE_NUVEMSHOP_CLIENT_SECRET?.trim() || undefined,
    authBaseUrl: (env.PONTE_NUVEMSHOP_AUTH_URL?.trim() || "https://www.tiendanube.com").replace(/\/+$/, ""),
    apiBaseUrl: installApiUrl(env, override),
  };
}
