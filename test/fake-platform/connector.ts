// A Loja Teste store's connector: the port's StoreConnector over the store's in-memory API
// (fake-store.ts). It turns answers into the engine's words as any connector must: 401 and 402
// are PlatformAccessError, a 429 is waited out as long as the platform asks (no retry spent),
// a 5xx is retried a few times and then carries its kind (platform-errors.ts).
import {
  type ConnectorDeps,
  PlatformAccessError,
  type PushAction,
  type PushResult,
  type StoreAccess,
  type StoreConnector,
  type WebhookSyncSummary,
} from "../../src/platforms/connector.ts";
import { kindOfStatus, type PlatformErrorKind } from "../../src/platforms/platform-errors.ts";
import {
  type Action,
  type Answer,
  type Call,
  type Credentials,
  EVENTS,
  type FakeStore,
} from "./fake-store.ts";
import type { FakeRawOrder } from "./raw-order.ts";

/** An answer the connector could not use: its kind (platform-errors.ts) and status. */
export class FakeApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly kind: PlatformErrorKind,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "FakeApiError";
  }
}

/** Most 429s waited out in one call before it fails as rate_limited. */
const MAX_WAITS = 50;
/** What a listing asks for; the platform answers at most its own page size. */
const PAGE_LIMIT = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const SUBSCRIBED_EVENTS: string[] = [
  EVENTS.orderCreated,
  EVENTS.orderChanged,
  EVENTS.suspended,
  EVENTS.resumed,
  EVENTS.removed,
  EVENTS.erase,
];

function credentialsOf(access: StoreAccess): Credentials {
  const { apiKey, apiSecret } = access.credentials;
  if (typeof apiKey !== "string" || typeof apiSecret !== "string")
    throw new Error("the store's credentials lack apiKey or apiSecret");
  return { apiKey, apiSecret };
}

/** The platform's effect is there already: a retried push changes nothing. */
function alreadyApplied(order: FakeRawOrder, action: PushAction): boolean {
  switch (action.kind) {
    case "pay":
      return order.situacao !== "aguardando" && order.situacao !== "cancelado";
    case "invoice":
      return order.notasFiscais.some((n) => n.chave === action.accessKey);
    case "fulfill":
      return (
        ["enviado", "entregue"].includes(order.situacao) &&
        (action.trackingNumber === null || order.entrega.rastreio === action.trackingNumber)
      );
    case "close":
    case "deliver":
      return order.situacao === "entregue";
    case "cancel":
      return order.situacao === "cancelado";
    case "pack":
    case "open":
      return false;
  }
}

/** The platform's action for a push; null when Loja Teste has none (pack, reopen). */
function actionFor(action: PushAction): Action | null {
  switch (action.kind) {
    case "pay":
      return { tipo: "aprovar" };
    case "invoice":
      return { tipo: "nota", chave: action.accessKey, link: action.link };
    case "fulfill":
      return { tipo: "enviar", rastreio: action.trackingNumber, linkRastreio: action.trackingUrl };
    case "close":
    case "deliver":
      return { tipo: "entregar" };
    case "cancel":
      return { tipo: "cancelar", motivo: action.reason };
    case "pack":
    case "open":
      return null;
  }
}

export function fakeConnector(store: FakeStore | undefined, access: StoreAccess, deps: ConnectorDeps) {
  const credentials = credentialsOf(access);
  const maxRetries = deps.retry?.maxRetries ?? 2;
  const contact = async (kind: PlatformErrorKind | null) => {
    await deps.onContact?.(kind === null ? { ok: true } : { ok: false, kind });
  };

  /** One call: 429 waited out, 5xx retried, 401/402 as access errors; other answers returned. */
  async function call(request: Call): Promise<Answer> {
    if (!store) {
      await contact("not_found");
      throw new FakeApiError(`no Loja Teste account ${access.storeExternalId}`, 404, "not_found", false);
    }
    let waits = 0;
    let retries = 0;
    for (;;) {
      const answer = store.call(credentials, request);
      if (answer.status === 429) {
        const wait = answer.esperarMs ?? 100;
        const pastDeadline = deps.deadline !== undefined && Date.now() + wait > deps.deadline;
        if (waits++ < MAX_WAITS && !pastDeadline) {
          await sleep(wait);
          continue;
        }
        await contact("rate_limited");
        throw new FakeApiError(`${request.op}: rate limited`, 429, "rate_limited", true);
      }
      if (answer.status >= 500) {
        if (retries++ < maxRetries) continue;
        await contact("server_error");
        throw new FakeApiError(
          `${request.op} answered ${answer.status}`,
          answer.status,
          "server_error",
          true,
        );
      }
      if (answer.status === 401 || answer.status === 402) {
        await contact(kindOfStatus(answer.status));
        throw new PlatformAccessError(
          answer.status === 401 ? "invalid_credentials" : "suspended",
          `Loja Teste answered ${answer.status} to ${request.op}`,
        );
      }
      await contact(null);
      return answer;
    }
  }

  /** An answer that must be a success. */
  async function ok(request: Call): Promise<Answer> {
    const answer = await call(request);
    if (answer.status >= 300) {
      const kind = kindOfStatus(answer.status);
      throw new FakeApiError(`${request.op} answered ${answer.status}`, answer.status, kind, false);
    }
    return answer;
  }

  const readOrder = async (codigo: string): Promise<FakeRawOrder | null> => {
    const answer = await call({ op: "ler", codigo });
    if (answer.status === 404) return null;
    if (answer.status >= 300)
      throw new FakeApiError(
        `ler answered ${answer.status}`,
        answer.status,
        kindOfStatus(answer.status),
        false,
      );
    return answer.body as FakeRawOrder;
  };

  async function push(codigo: string, action: PushAction): Promise<PushResult> {
    try {
      const current = await readOrder(codigo);
      if (current === null)
        return { ok: false, retryable: false, status: 404, message: `no order ${codigo}` };
      if (alreadyApplied(current, action)) return { ok: true, alreadyApplied: true, order: current };
      const acao = actionFor(action);
      if (acao === null)
        return {
          ok: false,
          retryable: false,
          status: null,
          message: `Loja Teste has no ${action.kind} action`,
        };
      const answer = await call({ op: "acao", codigo, acao });
      if (answer.status >= 300)
        return { ok: false, retryable: false, status: answer.status, message: JSON.stringify(answer.body) };
      return { ok: true, alreadyApplied: false, order: answer.body };
    } catch (error) {
      if (error instanceof FakeApiError)
        return { ok: false, retryable: error.retryable, status: error.status, message: error.message };
      throw error;
    }
  }

  type Subscription = { id: string; evento: string; url: string };
  const subscriptions = async () => (await ok({ op: "assinaturas" })).body as Subscription[];
  const isOurs = (url: string, path: string) => URL.canParse(url) && new URL(url).pathname === path;

  const connector: StoreConnector = {
    platform: "loja-teste",
    probe: {
      storeInfo: async () => ({ name: ((await ok({ op: "conta" })).body as { nome: string }).nome }),
      async sampleOrder() {
        const body = (await ok({ op: "listar", alteradosDesde: null, cursor: null, limite: 1 })).body as {
          pedidos: FakeRawOrder[];
          total: number;
        };
        const first = body.pedidos[0];
        if (!first) return null;
        return {
          externalId: first.codigo,
          number: first.numeroPedido,
          total: body.total,
          customerIncluded: true,
        };
      },
    },
    webhookSubscriptions: {
      events: SUBSCRIBED_EVENTS,
      async register(url) {
        const path = new URL(url).pathname;
        const summary: WebhookSyncSummary = { created: 0, updated: 0, deleted: 0, kept: 0 };
        const wanted = new Set<string>(SUBSCRIBED_EVENTS);
        for (const s of await subscriptions()) {
          if (!isOurs(s.url, path)) continue;
          if (s.url === url && wanted.delete(s.evento)) summary.kept++;
          else if (wanted.delete(s.evento)) {
            // Loja Teste cannot change a subscription: a new one replaces it.
            await ok({ op: "desassinar", id: s.id });
            await ok({ op: "assinar", evento: s.evento, url });
            summary.updated++;
          } else {
            await ok({ op: "desassinar", id: s.id });
            summary.deleted++;
          }
        }
        for (const evento of wanted) {
          await ok({ op: "assinar", evento, url });
          summary.created++;
        }
        return summary;
      },
      async unregister(path) {
        const summary: WebhookSyncSummary = { created: 0, updated: 0, deleted: 0, kept: 0 };
        for (const s of await subscriptions()) {
          if (!isOurs(s.url, path)) continue;
          await ok({ op: "desassinar", id: s.id });
          summary.deleted++;
        }
        return summary;
      },
    },
    async listOrdersChangedSince(since, pageToken) {
      const answer = await ok({
        op: "listar",
        alteradosDesde: since,
        cursor: pageToken,
        limite: PAGE_LIMIT,
      });
      const body = answer.body as { pedidos: FakeRawOrder[]; total: number; proximo: string | null };
      // The platform's cursor is already opaque: it is the page token as it is.
      return { orders: body.pedidos, nextPageToken: body.proximo, total: body.total };
    },
    getOrder: readOrder,
    push,
  };
  return connector;
}
