// A platform's app install (its module's `install`): a signed-in user starts it, the store owner
// is sent to the platform's authorize page and comes back with a code, which the module exchanges
// for the store and its credentials. The state ties the way back to the browser session that
// started it (install-states.ts). The callback's address is the one registered with the
// platform's app: /api/v1/platforms/<id>/callback. A key handover (a self-hosted store) starts
// from the store the merchant names, and its platform POSTs the keys to
// /api/v1/platforms/<id>/key-delivery before it sends the owner back to the callback.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { auditStoreConnected } from "../../audit/store-changes.ts";
import {
  consumeInstallState,
  issueInstallState,
  recordDelivery,
  type StateRefusal,
} from "../../auth/install-states.ts";
import { type AppContext, platformApp } from "../../context.ts";
import { PonteError } from "../../errors.ts";
import { httpsOrigin } from "../../net/https-origin.ts";
import { fieldProblem } from "../../platforms/fields.ts";
import {
  InstallRefusedError,
  type InstallStoreAddress,
  type PlatformModule,
} from "../../platforms/module.ts";
import { isSupportedPlatform, platformModule } from "../../platforms/registry.ts";
import { acceptApiBase } from "../../stores/api-base-policy.ts";
import { connectStore } from "../../stores/stores.ts";
import { orgOf } from "../plugins/auth.ts";
import { BODY_LIMITS } from "../server-limits.ts";
import { problem } from "./integration.ts";
import { publicStore, storeSchema } from "./store-schemas.ts";

function refusalPt(refusal: StateRefusal, label: string): string {
  const again = `clique de novo em Instalar pelo OAuth da ${label}`;
  const startAgain = `Entre no Ponte neste navegador e ${again}.`;
  const words: Record<StateRefusal, string> = {
    "was never issued": `O Ponte não reconhece este pedido de instalação. ${startAgain}`,
    "came back to a browser with no signed-in session": `A instalação voltou a um navegador sem sessão no Ponte. ${startAgain}`,
    "was started in another session": `A instalação foi iniciada em outra sessão do Ponte (outro navegador ou usuário). ${startAgain}`,
    "was already used": `Este pedido de instalação já foi usado. Se a loja não aparece em Lojas, ${again}.`,
    expired: `O pedido de instalação expirou (vale 10 minutos). Clique de novo em Instalar pelo OAuth da ${label}.`,
  };
  return words[refusal];
}

type CallbackQuery = { code?: string; state?: string; name?: string } & Record<string, string | undefined>;
type StartQuery = { storeId?: string; apiBaseUrl?: string };

/** The store the merchant named to start a key handover: its id as the platform's field asks, an allowed API base. */
function namedStore(ctx: AppContext, module: PlatformModule, query: StartQuery): InstallStoreAddress {
  const externalId = query.storeId?.trim() ?? "";
  const problem = fieldProblem(module.storeId.schema, externalId);
  if (problem) {
    throw new PonteError("validation_failed", `storeId: not a ${module.label} store id`, {
      details: {
        reason: `${problem} ${module.storeId.hint}`,
        fields: [{ path: "/storeId", message: problem }],
      },
    });
  }
  const apiBaseUrl = query.apiBaseUrl?.trim() || undefined;
  return {
    externalId,
    apiBaseUrl: acceptApiBase(ctx, { platform: module.id, externalId }, apiBaseUrl) ?? null,
  };
}

const platformParams = {
  type: "object",
  required: ["platform"],
  properties: { platform: { type: "string", description: "The platform's id (GET /api/v1/platforms)" } },
} as const;

/** The store owner's browser lands on the panel; API clients (no text/html) get JSON. */
const wantsPage = (accept: string | undefined) => (accept ?? "").includes("text/html");

export async function platformInstallRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  /** The platform's install, when its app is configured here; 404 for an unknown platform. */
  const configured = (platform: string) => {
    if (!isSupportedPlatform(platform))
      throw new PonteError("not_found", `no install for platform "${platform}"`);
    const module = platformModule(platform);
    if (!module.install)
      throw new PonteError(
        "oauth_not_configured",
        `${module.label} has no app install: connect by credentials`,
      );
    const app = platformApp(ctx, module.id);
    if (!app.installAvailable)
      throw new PonteError(
        "oauth_not_configured",
        `set ${module.install.settings.join(" and ")} to install through ${module.label}`,
      );
    return { module, install: module.install, config: app.config };
  };

  app.get<{ Params: { platform: string }; Querystring: StartQuery }>(
    "/api/v1/platforms/:platform/install",
    {
      schema: {
        tags: ["stores"],
        summary: "Start a platform's app install (redirects to the platform's authorize page)",
        description:
          "Needs the panel's signed-in session: the install's state (random, single-use, valid 10 minutes) is bound to it, and only that browser session can finish the install at the callback. A platform whose install starts from the store's own site (`installStartsFromStore` in GET /api/v1/platforms) needs `storeId` (the store id as its connect form asks) and takes `apiBaseUrl` where the server allows another API base; 400 validation_failed names the field. 401 unauthenticated without a session; 403 session_required with an API token; 409 oauth_not_configured.",
        security: [{ session: [] }],
        params: platformParams,
        querystring: {
          type: "object",
          properties: {
            storeId: {
              type: "string",
              maxLength: 300,
              description: "The store's id, for an install that starts from the store",
            },
            apiBaseUrl: {
              type: "string",
              maxLength: 300,
              description: "Another API base (simulator, tests), where allowed",
            },
          },
        },
        response: {
          302: { type: "null" },
          400: problem,
          401: problem,
          403: problem,
          404: problem,
          409: problem,
        },
      },
    },
    async (request, reply) => {
      const { module, install, config } = configured(request.params.platform);
      const sessionId = request.principal?.sessionId;
      if (sessionId === undefined) {
        throw new PonteError(
          "session_required",
          `the ${module.label} install starts from a signed-in panel session`,
          {
            details: {
              reason: "A instalação pelo OAuth começa no painel do Ponte, com um usuário conectado.",
            },
          },
        );
      }
      const store = install.startsFromStore ? namedStore(ctx, module, request.query) : null;
      const state = await issueInstallState(ctx.db, sessionId, module.id, store);
      const base = `${httpsOrigin(ctx.publicUrl) ?? ""}/api/v1/platforms/${module.id}`;
      return reply.redirect(
        install.authorizeUrl(config, state, {
          returnUrl: `${base}/callback`,
          deliveryUrl: `${base}/key-delivery`,
          store,
        }),
      );
    },
  );

  app.post<{ Params: { platform: string } }>(
    "/api/v1/platforms/:platform/key-delivery",
    {
      config: { public: true },
      bodyLimit: BODY_LIMITS.webhook,
      schema: {
        tags: ["stores"],
        summary: "A platform delivers a store's keys for an install in progress (key handover)",
        description:
          "Called by the platform's server, not a person: the body carries the install's state (as the platform echoes it) and the keys. Kept sealed for that install only, once, while it is live and unused; the callback then connects the store. 400 validation_failed for a body that is not a delivery or a state that is unknown, used, expired or already delivered to (the platform then drops the keys it made); 404 for a platform without a key handover.",
        params: platformParams,
        response: {
          200: { type: "object", properties: { received: { type: "boolean" } }, required: ["received"] },
          400: problem,
          404: problem,
        },
      },
    },
    async (request) => {
      const platform = request.params.platform;
      const module = isSupportedPlatform(platform) ? platformModule(platform) : null;
      const readDelivery = module?.install?.readDelivery;
      if (!module || !readDelivery)
        throw new PonteError("not_found", `no key handover for platform "${platform}"`);
      const delivery = readDelivery(request.body);
      const kept =
        delivery !== null &&
        (await recordDelivery(ctx.db, ctx.secretKey, {
          platform: module.id,
          state: delivery.state,
          credentials: delivery.credentials,
        }));
      if (!kept) {
        request.log.info({ platform: module.id }, "key delivery refused: not a delivery for a live install");
        throw new PonteError(
          "validation_failed",
          `${module.label} key delivery refused: no install waits for it`,
        );
      }
      request.log.info({ platform: module.id }, "key delivery kept for an install in progress");
      return { received: true };
    },
  );

  app.get<{ Params: { platform: string }; Querystring: CallbackQuery }>(
    "/api/v1/platforms/:platform/callback",
    {
      config: { public: "session" },
      schema: {
        tags: ["stores"],
        summary:
          "The platform sends the store owner back here with ?code= (the app's redirect URL), or after a key handover",
        params: platformParams,
        querystring: {
          type: "object",
          properties: {
            code: { type: "string", minLength: 1 },
            state: { type: "string" },
            name: { type: "string" },
          },
        },
        response: { 201: storeSchema, 400: problem, 404: problem, 409: problem },
        description:
          "Only the browser session that started the install finishes it: a state that was never issued, already used, older than 10 minutes or started in another session (or a browser with no session) answers 400 oauth_state_invalid with a pt-BR reason, and connects nothing. A platform store already connected in another organisation answers 409 conflict, reasonCode store_exists. A browser (Accept: text/html) is redirected to the panel: /lojas/:id?instalada=1, or /lojas?erro_instalacao=<reasonCode or code>.",
      },
    },
    async (request, reply) => {
      try {
        const store = await completeInstall(request);
        if (wantsPage(request.headers.accept)) return reply.redirect(`/lojas/${store.id}?instalada=1`);
        return reply.status(201).send(publicStore(store));
      } catch (error) {
        if (!wantsPage(request.headers.accept)) throw error;
        // The stable reasonCode (store_exists…) says more to the panel than the code.
        const code =
          error instanceof PonteError ? String(error.details?.reasonCode ?? error.code) : "internal";
        // A refused install is the visitor's doing: one line. Anything else is ours: with its stack.
        if (error instanceof PonteError && error.status < 500)
          request.log.info(
            { code, platform: request.params.platform },
            `platform install failed: ${error.message}`,
          );
        else request.log.error({ err: error, platform: request.params.platform }, "platform install failed");
        return reply.redirect(`/lojas?erro_instalacao=${encodeURIComponent(code)}`);
      }
    },
  );

  /** Exchanges the code for the store and connects it; throws when the state or the platform refuses. */
  async function completeInstall(
    request: FastifyRequest<{ Params: { platform: string }; Querystring: CallbackQuery }>,
  ) {
    const { module, install, config } = configured(request.params.platform);
    const query = request.query;
    const consumed = await consumeInstallState(ctx.db, ctx.secretKey, {
      state: query.state,
      sessionId: request.principal?.sessionId,
      platform: module.id,
    });
    if ("refusal" in consumed) {
      const { refusal } = consumed;
      throw new PonteError("oauth_state_invalid", `${module.label} install refused: the state ${refusal}`, {
        details: { reason: refusalPt(refusal, module.label) },
      });
    }
    let installed: Awaited<ReturnType<typeof install.exchange>>;
    try {
      installed = await install.exchange(
        config,
        { code: query.code, query, store: consumed.store, delivered: consumed.delivered },
        { userAgent: ctx.userAgent },
      );
    } catch (error) {
      if (error instanceof InstallRefusedError)
        throw new PonteError("validation_failed", error.message, {
          details: error.reason ? { reason: error.reason } : {},
        });
      throw error;
    }
    return ctx.db.transaction(async (tx) => {
      const store = await connectStore(
        ctx,
        tx,
        {
          platform: module.id,
          name: installed.name,
          externalId: installed.externalId,
          credentials: installed.credentials,
          apiBaseUrl: installed.apiBaseUrl,
          mode: "install",
        },
        // The organisation the installing session works in (a state is only ever consumed by
        // the signed-in session that started it).
        orgOf(request),
      );
      // The session that started the install finishes it (its state says so): that user installed it.
      await auditStoreConnected(tx, request, store, installed.credentials, "store.install");
      return store;
    });
  }
}
