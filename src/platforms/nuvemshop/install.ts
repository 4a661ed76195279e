// The Nuvemshop app install: the store owner authorizes the app, comes back with a code (valid
// 30 s), which is exchanged for a token that never expires and the store's id (user_id).
import { InstallRefusedError, type PlatformInstall } from "../module.ts";
import type { NuvemshopApp } from "./app.ts";

export const nuvemshopInstall: PlatformInstall<NuvemshopApp> = {
  available: (app) => Boolean(app.clientId && app.clientSecret),
  settings: ["PONTE_NUVEMSHOP_CLIENT_ID", "PONTE_NUVEMSHOP_CLIENT_SECRET"],
  authorizeUrl: (app, state) => `${app.authBaseUrl}/apps/${app.clientId}/authorize?state=${state}`,
  async exchange(app, { code, query }, deps) {
    if (!code) throw new InstallRefusedError("Nuvemshop sent the store owner back without a code");
    const response = await (deps.fetch ?? fetch)(`${app.authBaseUrl}/apps/authorize/token`, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": deps.userAgent },
      body: JSON.stringify({
        client_id: app.clientId,
        client_secret: app.clientSecret,
        grant_type: "authorization_code",
        code,
      }),
      signal: AbortSignal.timeout(15_000),
    });
    const body = (await response.json().catch(() => ({}))) as {
      access_token?: string;
      user_id?: number | string;
    };
    if (!response.ok || !body.access_token || body.user_id === undefined) {
      throw new InstallRefusedError(`Nuvemshop refused the install code (${response.status})`);
    }
    return {
      externalId: String(body.user_id),
      name: query.name ?? `Nuvemshop ${body.user_id}`,
      credentials: { accessToken: body.access_token },
      apiBaseUrl: app.apiBaseUrl ?? null,
    };
  },
};
