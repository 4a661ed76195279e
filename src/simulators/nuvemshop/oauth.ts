// The app install flow (§1.1): the authorize page hands out a code valid for 30 s and usable once,
// which POST /apps/authorize/token exchanges for the store's token.
import crypto from "node:crypto";
import type { Reply } from "./http.ts";
import type { Json } from "./types.ts";

const CODE_TTL_MS = 30_000;

export interface AppCredentials {
  clientId: string;
  clientSecret: string;
  accessToken: string;
  storeId: number;
  readCustomers: boolean;
}

export class OAuth {
  private readonly codes = new Map<string, number>();

  issue(): string {
    const now = Date.now();
    for (const [code, expires] of this.codes) if (expires < now) this.codes.delete(code);
    const code = crypto.randomBytes(20).toString("hex");
    this.codes.set(code, now + CODE_TTL_MS);
    return code;
  }

  /** GET /apps/{app_id}/authorize: the owner "approves" at once and is sent back with ?code=&state=. */
  authorize(
    appId: string,
    query: URLSearchParams,
    app: AppCredentials,
    redirectUrl: string | undefined,
  ): Reply {
    if (appId !== app.clientId)
      return { status: 404, body: { code: 404, message: "Not Found", description: "Unknown app" } };
    const code = this.issue();
    const state = query.get("state");
    const target = query.get("redirect_uri") ?? redirectUrl;
    if (!target) return { status: 200, body: { code, state } };
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return {
        status: 400,
        body: { error: "invalid_request", error_description: "redirect_uri is not a URL" },
      };
    }
    url.searchParams.set("code", code);
    if (state !== null) url.searchParams.set("state", state);
    return { status: 302, headers: { location: url.toString() }, body: { code, state } };
  }

  /** POST /apps/authorize/token */
  exchange(params: Json, app: AppCredentials): Reply {
    const error = (status: number, name: string, description: string): Reply => ({
      status,
      body: { error: name, error_description: description },
    });
    if (
      String(params.client_id ?? "") !== app.clientId ||
      String(params.client_secret ?? "") !== app.clientSecret
    ) {
      return error(401, "invalid_client", "The client credentials are invalid");
    }
    if (params.grant_type !== "authorization_code") {
      return error(400, "unsupported_grant_type", "The authorization grant type is not supported");
    }
    const code = String(params.code ?? "");
    const expires = this.codes.get(code);
    this.codes.delete(code); // single use, even when it has expired
    if (expires === undefined || expires < Date.now()) {
      return error(400, "invalid_grant", "The authorization code is invalid, expired or already used");
    }
    // Nuvemshop tokens never expire; the simulator hands out the one token it accepts.
    const scope = ["read_orders", "write_orders", ...(app.readCustomers ? ["read_customers"] : [])].join(",");
    return {
      status: 200,
      body: { access_token: app.accessToken, token_type: "bearer", scope, user_id: app.storeId },
    };
  }
}
