// The Nuvemshop app install flow: the store owner is sent to the authorize page, comes back
// with a code (valid 30 s), which we exchange for a token that never expires.
import crypto from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context.ts";
import { PonteError } from "../../errors.ts";
import { connectStore } from "../../stores/stores.ts";
import { publicStore, storeSchema } from "./stores.ts";

/** state → expiry, so a callback we did not start is refused. In memory: installs are rare and quick. */
const pending = new Map<string, number>();

function rememberState(state: string) {
  const now = Date.now();
  for (const [old, expires] of pending) if (expires < now) pending.delete(old);
  pending.set(state, now + 10 * 60_000);
}

/** The store owner's browser lands on the panel; API clients (no text/html) get JSON. */
const wantsPage = (accept: string | undefined) => (accept ?? "").includes("text/html");

export async function nuvemshopOAuthRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const configured = () => {
    if (!ctx.nuvemshop.clientId || !ctx.nuvemshop.ownApp) {
      throw new PonteError(
        "oauth_not_configured",
        "set PONTE_NUVEMSHOP_CLIENT_ID and PONTE_NUVEMSHOP_CLIENT_SECRET to install through Nuvemshop",
        { status: 409 },
      );
    }
  };

  app.get(
    "/api/v1/platforms/nuvemshop/install",
    { schema: { tags: ["stores"], summary: "Start the Nuvemshop app install (redirects to Nuvemshop)" } },
    async (_request, reply) => {
      configured();
      const state = crypto.randomBytes(16).toString("hex");
      rememberState(state);
      return reply.redirect(
        `${ctx.nuvemshop.authBaseUrl}/apps/${ctx.nuvemshop.clientId}/authorize?state=${state}`,
      );
    },
  );

  app.get<{ Querystring: { code: string; state?: string; name?: string } }>(
    "/api/v1/platforms/nuvemshop/callback",
    {
      schema: {
        tags: ["stores"],
        summary: "Nuvemshop sends the store owner back here with ?code=",
        querystring: {
          type: "object",
          required: ["code"],
          properties: {
            code: { type: "string", minLength: 1 },
            state: { type: "string" },
            name: { type: "string" },
          },
        },
        response: { 201: storeSchema },
        description:
          "A browser (Accept: text/html) is redirected to the panel: /lojas/:id?instalada=1, or /lojas?erro_instalacao=<code>.",
      },
    },
    async (request, reply) => {
      try {
        const store = await completeInstall(request.query);
        if (wantsPage(request.headers.accept)) return reply.redirect(`/lojas/${store.id}?instalada=1`);
        return reply.status(201).send(publicStore(store));
      } catch (error) {
        if (!wantsPage(request.headers.accept)) throw error;
        request.log.info({ err: error }, "Nuvemshop install failed");
        const code = error instanceof PonteError ? error.code : "internal";
        return reply.redirect(`/lojas?erro_instalacao=${encodeURIComponent(code)}`);
      }
    },
  );

  /** Exchanges the code for a token and connects the store; throws when Nuvemshop refuses. */
  async function completeInstall(query: { code: string; state?: string; name?: string }) {
    configured();
    const { code, state } = query;
    const expires = state ? pending.get(state) : undefined;
    if (!state || !expires || expires < Date.now()) {
      throw new PonteError("validation_failed", "unknown or expired install state: start the install again", {
        status: 400,
      });
    }
    pending.delete(state);
    const response = await fetch(`${ctx.nuvemshop.authBaseUrl}/apps/authorize/token`, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": ctx.userAgent },
      body: JSON.stringify({
        client_id: ctx.nuvemshop.clientId,
        client_secret: ctx.nuvemshop.clientSecret,
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
      throw new PonteError("validation_failed", `Nuvemshop refused the install code (${response.status})`, {
        status: 400,
      });
    }
    const store = await ctx.db.transaction((tx) =>
      connectStore(ctx, tx, {
        platform: "nuvemshop",
        name: query.name ?? `Nuvemshop ${body.user_id}`,
        externalId: String(body.user_id),
        accessToken: body.access_token!,
        apiBaseUrl: ctx.nuvemshop.apiBaseUrl ?? null,
        mode: "install",
      }),
    );
    return store;
  }
}
