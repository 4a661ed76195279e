// Loja Teste: an in-memory platform registered by tests only (registerFakePlatform), written from
// the port's contract (src/platforms/module.ts, connector.ts) and deliberately unlike Nuvemshop —
// an account name for a store id, a key and a secret, string order codes, one pt-BR status
// field, base64 signatures in its own header, opaque cursors, no OAuth — so an engine that leans
// on a Nuvemshop fact fails with it. Stores reach their FakeStore by their external id.
import crypto from "node:crypto";
import type { PrivacyNotice, WebhookNotice } from "../../src/platforms/connector.ts";
import { WebhookPayloadError } from "../../src/platforms/connector.ts";
import type { PlatformModule } from "../../src/platforms/module.ts";
import { registerPlatformForTests } from "../../src/platforms/registry.ts";
import { fakeConnector } from "./connector.ts";
import { EVENTS, FakeStore, SIGNATURE_HEADER, signNotice } from "./fake-store.ts";
import { normalizeFakeOrder } from "./normalize.ts";

export { FakeStore } from "./fake-store.ts";

export const FAKE_PLATFORM = "loja-teste";
/** Never reached: the connector talks to the FakeStore in memory. */
const API_BASE = "https://api.loja-teste.invalid/v2";

/** The FakeStore of each account (a store's external id) a test set up. */
const accounts = new Map<string, FakeStore>();

export interface FakeApp {
  webhookSecret: string | undefined;
}

const LIFECYCLE: Record<string, WebhookNotice["lifecycle"]> = {
  [EVENTS.suspended]: "suspended",
  [EVENTS.resumed]: "resumed",
  [EVENTS.removed]: "uninstalled",
};

function verify(rawBody: Buffer, headers: Record<string, string | string[] | undefined>, secret: string) {
  const given = headers[SIGNATURE_HEADER];
  const value = Array.isArray(given) ? given[0] : given;
  if (!value || !secret) return false;
  const expected = Buffer.from(signNotice(rawBody, secret), "base64");
  const received = Buffer.from(value.trim(), "base64");
  return received.length === expected.length && crypto.timingSafeEqual(expected, received);
}

/** loja.apagar_dados: with a `titular`, erase that buyer; without, erase the store's data. */
function privacyOf(body: Record<string, unknown>): PrivacyNotice {
  const titular = body.titular as
    | { codigo?: string; email?: string | null; documento?: string | null }
    | undefined;
  if (!titular) return { kind: "store_redact", customer: null, externalOrderIds: [], requestId: null };
  return {
    kind: "customer_redact",
    customer: {
      externalId: titular.codigo ?? null,
      email: titular.email ?? null,
      phone: null,
      document: titular.documento ?? null,
    },
    externalOrderIds: Array.isArray(body.pedidos) ? body.pedidos.map(String) : [],
    requestId: typeof body.protocolo === "string" ? body.protocolo : null,
  };
}

function parse(rawBody: Buffer): WebhookNotice {
  let body: { conta?: unknown; evento?: unknown; pedido?: unknown };
  try {
    body = JSON.parse(rawBody.toString("utf8"));
  } catch {
    throw new WebhookPayloadError("the notice is not JSON");
  }
  if (typeof body?.conta !== "string" || typeof body.evento !== "string")
    throw new WebhookPayloadError("the notice lacks conta or evento");
  const { conta, evento } = body;
  const order = evento.startsWith("pedido.");
  if (order && typeof body.pedido !== "string") throw new WebhookPayloadError(`${evento} without pedido`);
  const lifecycle = LIFECYCLE[evento];
  const kind = order ? "order" : lifecycle ? "app" : evento === EVENTS.erase ? "privacy" : "other";
  return {
    event: evento,
    storeExternalId: conta,
    externalOrderId: order ? (body.pedido as string) : null,
    kind,
    dedupeKey: order
      ? `${conta}/pedido/${body.pedido}`
      : `${conta}/${evento}/${crypto.createHash("sha256").update(rawBody).digest("base64url")}`,
    ...(lifecycle ? { lifecycle } : {}),
    ...(kind === "privacy" ? { privacy: privacyOf(body as Record<string, unknown>) } : {}),
  };
}

export const fakePlatform: PlatformModule<FakeApp> = {
  id: FAKE_PLATFORM,
  label: "Loja Teste",
  capabilities: {
    webhooks: true,
    feed: false,
    pushTracking: true,
    pushInvoice: true,
    pack: false,
    cancel: true,
    close: true,
    markPaid: true,
  },
  defaultApiBaseUrl: API_BASE,
  credentials: {
    type: "object",
    required: ["apiKey", "apiSecret"],
    additionalProperties: false,
    properties: {
      apiKey: { type: "string", title: "Chave da API", minLength: 4, maxLength: 80 },
      apiSecret: {
        type: "string",
        title: "Segredo da API",
        description: "Guardado criptografado; nunca é mostrado de novo.",
        minLength: 6,
        maxLength: 200,
        writeOnly: true,
      },
    },
  },
  storeId: {
    schema: {
      type: "string",
      title: "Conta na Loja Teste",
      pattern: "^[a-z][a-z0-9-]{2,39}$",
      patternHint: "letras minúsculas, números e hífens.",
    },
    hint: "A conta aparece no endereço do painel da Loja Teste, por exemplo fazenda-boa-vista.",
  },
  app: { read: (env) => ({ webhookSecret: env.PONTE_LOJA_TESTE_WEBHOOK_SECRET?.trim() || undefined }) },
  webhook: { secret: (app) => app.webhookSecret, verify, parse },
  identify(raw) {
    const r = raw as { codigo?: unknown; numeroPedido?: unknown } | null;
    if (typeof r?.codigo !== "string" || r.codigo === "") return null;
    return { externalId: r.codigo, number: typeof r.numeroPedido === "string" ? r.numeroPedido : null };
  },
  normalize: normalizeFakeOrder,
  defaults: {
    status: [
      { canonical: "aguardando_pagamento", values: ["aguardando"], active: true, createsOrder: true },
      { canonical: "pagamento_confirmado", values: ["aprovado"], active: true, createsOrder: true },
      { canonical: "em_preparacao", values: ["faturado"], active: true, createsOrder: true },
      { canonical: "despachado", values: ["enviado"], active: true, createsOrder: true },
      { canonical: "embarcado", values: [], active: false, createsOrder: true },
      { canonical: "entregue", values: ["entregue"], active: true, createsOrder: true },
      { canonical: "cancelado", values: ["cancelado"], active: true, createsOrder: false },
      { canonical: "problemas", values: [], active: false, createsOrder: true },
    ],
    payment: [
      ["pix", "pix"],
      ["cartao", "cartao_credito"],
      ["boleto", "boleto"],
    ],
    shipping: [
      ["Correios", "Correios"],
      ["Retira", "Retirada na loja"],
    ],
    push: {
      aguardando_pagamento: [],
      pagamento_confirmado: ["pay"],
      em_preparacao: [],
      despachado: ["fulfill"],
      embarcado: ["fulfill"],
      entregue: ["close"],
      cancelado: ["cancel"],
      problemas: [],
      faturado: ["invoice"],
    },
  },
  statusValues: [
    { value: "aguardando", label: "Aguardando pagamento" },
    { value: "aprovado", label: "Pagamento aprovado" },
    { value: "faturado", label: "Faturado" },
    { value: "enviado", label: "Enviado" },
    { value: "entregue", label: "Entregue" },
    { value: "cancelado", label: "Cancelado" },
  ],
  connect: (access, deps) => fakeConnector(accounts.get(access.storeExternalId), access, deps),
};

/**
 * Lists Loja Teste in the registry (before the context and the app are built: route schemas and
 * platform apps are read at start). The returned function takes it off and forgets its stores.
 */
export function registerFakePlatform(): () => void {
  const unregister = registerPlatformForTests(fakePlatform);
  return () => {
    unregister();
    accounts.clear();
  };
}

/** A Loja Teste account holding `orders` seeded orders, reachable by stores connected to `account`. */
export function openFakeStore(options: ConstructorParameters<typeof FakeStore>[0]): FakeStore {
  const store = new FakeStore(options);
  accounts.set(store.account, store);
  return store;
}
