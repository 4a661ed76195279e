// The Nuvemshop app install flow: a signed-in user starts it, the store owner is sent to the
// authorize page, comes back with a code (valid 30 s), which we exchange for a token that never
// expires. The state ties the way back to the browser session that started it (install-states.ts).
import type { FastifyInstance, FastifyRequest } from "fastify";
import { consumeInstallState, issueInstallState, type StateRefusal } from "../../auth/install-states.ts";
import type { AppContext } from "../../context.ts";
import { PonteError } from "../../errors.ts";
import { connectStore } from "../../stores/stores.ts";
import { problem } from "./integration.ts";
import { publicStore, storeSchema } from "./stores.ts";

const START_AGAIN = "Entre no Ponte neste navegador e clique de novo em Instalar pelo OAuth da Nuvemshop.";
const REFUSAL_PT: Record<StateRefusal, string> = {
  "was never issued": `O Ponte não reconhece este pedido de instalação. ${START_AGAIN}`,
  "came back to a browser with no signed-in session": `A instalação voltou a um navegador sem sessão no Ponte. ${START_AGAIN}`,
  "was started in another session": `A instalação foi iniciada em outra sessão do Ponte (outro navegador ou usuário). ${START_AGAIN}`,
  "was already used":
    "Este pedido de instalação já foi usado. Se a loja não aparece em Lojas, clique de novo em Instalar pelo OAuth da Nuvemshop.",
  expired:
    "O pedido de instalação expirou (vale 10 minutos). Clique de novo em Instalar pelo OAuth da Nuvemshop.",
};

type CallbackQuery = { code: string; state?: string; name?: string };

/** The store owner's browser lands on the panel; API clients (no text/html) get JSON. */
const wantsPage = (accept: string | undefined) => (accept ?? "").includes("text/html");

export async function nuvemshopOAuthRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const configured = () => {
    if (!ctx.nuvemshop.clientId || !ctx.nuvemshop.ownApp) {
      throw new PonteError(
        "oauth_not_configured",
        "set PONTE_NUVEMSHOP_CLIENT_ID and PONTE_NUVEMSHOP_CLIENT_SECRET to install through Nuvemshop",
      );
    }
  };

  app.get(
    "/api/v1/platforms/nuvemshop/install",
    {
      schema: {
        tags: ["stores"],
        summary: "Start the Nuvemshop app install (redirects to Nuvemshop)",
        description:
          "Needs the panel's signed-in session: the install's state (random, single-use, valid 10 minutes) is bound to it, and only that browser session can finish the install at the callback. 401 unauthenticated without a session; 403 session_required with an API token; 409 oauth_not_configured.",
        security: [{ session: [] }],
        response: { 302: { type: "null" }, 401: problem, 403: problem, 409: problem },
      },
    },
    async (request, reply) => {
      configured();
      const sessionId = request.principal?.sessionId;
      if (sessionId === undefined) {
        throw new PonteError(
          "session_required",
          "the Nuvemshop install starts from a signed-in panel session",
          {
            details: {
              reason: "A instalação pelo OAuth começa no painel do Ponte, com um usuário conectado.",
            },
          },
        );
      }
      const state = await issueInstallState(ctx.db, sessionId, "nuvemshop");
      return reply.redirect(
        `${ctx.nuvemshop.authBaseUrl}/apps/${ctx.nuvemshop.clientId}/authorize?state=${state}`,
      );
    },
  );

  app.get<{ Querystring: CallbackQuery }>(
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
        response: { 201: storeSchema, 400: problem, 409: problem },
        description:
          "Only the browser session that started the install finishes it: a state that was never issued, already used, older than 10 minutes or started in another session (or a browser with no session) answers 400 oauth_state_invalid with a pt-BR reason, and connects nothing. A browser (Accept: text/html) is redirected to the panel: /lojas/:id?instalada=1, or /lojas?erro_instalacao=<code>.",
      },
    },
    async (request, reply) => {
      try {
        const store = await completeInstall(request);
        if (wantsPage(request.headers.accept)) return reply.redirect(`/lojas/${store.id}?instalada=1`);
        return reply.status(201).send(publicStore(store));
      } catch (error) {
        if (!wantsPage(request.headers.accept)) throw error;
        const code = error instanceof PonteError ? error.code : "internal";
        // A refused install is the visitor's doing: one line. Anything else is ours: with its stack.
        if (error instanceof PonteError && error.status < 500)
          request.log.info({ code }, `Nuvemshop install failed: ${error.message}`);
        else request.log.error({ err: error }, "Nuvemshop install failed");
        return reply.redirect(`/lojas?erro_instalacao=${encodeURIComponent(code)}`);
      }
    },
  );

  /** Exchanges the code for a token and connects the store; throws when the state or Nuvemshop refuses. */
  async function completeInstall(request: FastifyRequest<{ Querystring: CallbackQuery }>) {
    configured();
    const query = request.query;
    const { code } = query;
    const refusal = await consumeInstallState(ctx.db, {
      state: query.state,
      sessionId: request.principal?.sessionId,
      platform: "nuvemshop",
    });
    if (refusal) {
      throw new PonteError("oauth_state_invalid", `Nuvemshop install refused: the state ${refusal}`, {
        details: { reason: REFUSAL_PT[refusal] },
      });
    }
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
      throw new PonteError("validation_failed", `Nuvemshop refused the install code (${response.status})`);
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
