// Loja Teste's side of one store, in memory: its orders, its API (answers with a status, as an
// HTTP API would, but no sockets), the merchant's changes, its signed notices, and faults a test
// switches on. The connector (connector.ts) talks to it only through `call`.
import crypto from "node:crypto";
import { type FakeRawOrder, type Situacao, seedOrder } from "./raw-order.ts";

export const SIGNATURE_HEADER = "x-loja-teste-assinatura";

/** Loja Teste's notice events. */
export const EVENTS = {
  orderCreated: "pedido.criado",
  orderChanged: "pedido.alterado",
  suspended: "aplicativo.suspenso",
  resumed: "aplicativo.reativado",
  removed: "aplicativo.removido",
  erase: "loja.apagar_dados",
} as const;

/** Loja Teste's API calls. */
export type Call =
  | { op: "conta" }
  | { op: "listar"; alteradosDesde: string | null; cursor: string | null; limite: number }
  | { op: "ler"; codigo: string }
  | { op: "acao"; codigo: string; acao: Action }
  | { op: "assinaturas" }
  | { op: "assinar"; evento: string; url: string }
  | { op: "desassinar"; id: string };

export type Action =
  | { tipo: "aprovar" }
  | { tipo: "nota"; chave: string; link: string | null }
  | { tipo: "enviar"; rastreio: string | null; linkRastreio: string | null }
  | { tipo: "entregar" }
  | { tipo: "cancelar"; motivo: string };

export interface Answer {
  status: number;
  body: unknown;
  /** With a 429: how long the platform asks to wait. */
  esperarMs?: number;
}

export interface Credentials {
  apiKey: string;
  apiSecret: string;
}

export interface Notice {
  body: Buffer;
  headers: Record<string, string>;
}

/** Loja Teste signs a notice with base64 HMAC-SHA256 of the raw body, keyed with the app's secret. */
export const signNotice = (body: Buffer, secret: string): string =>
  crypto.createHmac("sha256", secret).update(body).digest("base64");

/** The opaque listing cursor: the (alteradoEm, codigo) of the last order a page held. */
const encodeCursor = (o: FakeRawOrder) => Buffer.from(`${o.alteradoEm}|${o.codigo}`).toString("base64url");
function decodeCursor(cursor: string): [string, string] | null {
  const parts = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  return parts.length === 2 ? (parts as [string, string]) : null;
}

const byChange = (a: FakeRawOrder, b: FakeRawOrder) =>
  a.alteradoEm === b.alteradoEm ? (a.codigo < b.codigo ? -1 : 1) : a.alteradoEm < b.alteradoEm ? -1 : 1;

export class FakeStore {
  readonly account: string;
  readonly name: string;
  credentials: Credentials;
  /** Signs the notices: the app's webhook secret. */
  readonly webhookSecret: string;
  /** Most orders one listing answers (small, so a test crosses pages). */
  readonly pageSize: number;
  private readonly orders = new Map<string, FakeRawOrder>();
  private readonly subscriptions = new Map<string, { evento: string; url: string }>();
  private clock = Date.parse("2026-03-02T12:00:00.000Z");
  private seq = 0;
  /** Every call the API answered, oldest first. */
  readonly log: { call: Call; write: boolean; status: number }[] = [];
  /** The notices it sent, oldest first (a test takes them and delivers them). */
  readonly notices: Notice[] = [];
  private faults = { suspended: false, rateLimited: 0, answerLost: false, serverErrors: 0 };
  private signature: "invalid" | "missing" | null = null;
  /**
   * Hands each notice to the URLs subscribed to its event (a harness that delivers over HTTP);
   * unset, notices only wait in `notices` for the test to take.
   */
  deliver: ((url: string, notice: Notice) => void) | null = null;

  constructor(options: {
    account: string;
    name?: string;
    credentials?: Credentials;
    pageSize?: number;
    orders?: number;
    /** Signs the notices: the app's webhook secret. */
    webhookSecret: string;
  }) {
    this.account = options.account;
    this.name = options.name ?? "Loja Teste";
    this.credentials = options.credentials ?? { apiKey: `chave-${options.account}`, apiSecret: "segredo-1" };
    this.pageSize = options.pageSize ?? 5;
    this.webhookSecret = options.webhookSecret;
    for (let n = 1; n <= (options.orders ?? 0); n++) this.createOrder({}, n);
  }

  /**
   * Times strictly increasing: every change moves the order to the end of "changed since". An
   * hour apart, so "changed since the last import" (minus the engine's overlap) is a real subset.
   */
  private tick(): string {
    this.clock += 3_600_000;
    return new Date(this.clock).toISOString();
  }

  // ---- the merchant's side ----

  /** A new order (a buyer checked out): a notice goes out. */
  createOrder(overrides: Partial<FakeRawOrder> = {}, n = this.seq + 1): FakeRawOrder {
    this.seq = Math.max(this.seq, n);
    const codigo = `PD${crypto.createHash("sha1").update(`${this.account}:${n}`).digest("hex").slice(0, 8)}`;
    const order = { ...seedOrder(n, codigo, this.tick()), ...overrides, codigo };
    this.orders.set(codigo, order);
    this.notify(EVENTS.orderCreated, codigo);
    return structuredClone(order);
  }

  /** The merchant changes an order on the platform: a notice goes out. */
  updateOrder(codigo: string, patch: Partial<FakeRawOrder>): FakeRawOrder {
    const order = this.orders.get(codigo);
    if (!order) throw new Error(`no order ${codigo}`);
    Object.assign(order, patch, { alteradoEm: this.tick() });
    this.notify(EVENTS.orderChanged, codigo);
    return structuredClone(order);
  }

  setStatus(codigo: string, situacao: Situacao | string): FakeRawOrder {
    return this.updateOrder(codigo, { situacao });
  }

  order(codigo: string): FakeRawOrder | undefined {
    const found = this.orders.get(codigo);
    return found && structuredClone(found);
  }

  listOrders(): FakeRawOrder[] {
    return [...this.orders.values()].sort(byChange).map((o) => structuredClone(o));
  }

  /** An app notice (suspended, resumed, removed). */
  appNotice(evento: string): Notice {
    return this.notify(evento, null);
  }

  /**
   * A privacy-law request relayed to the app: with a buyer, erase that buyer (their code, e-mail
   * and document, and the orders named); without one, erase the store's data.
   */
  eraseNotice(comprador?: { codigo: string; email: string | null; documento: string | null }): Notice {
    const pedidos = comprador
      ? [...this.orders.values()].filter((o) => o.comprador.codigo === comprador.codigo).map((o) => o.codigo)
      : [];
    return this.notify(
      EVENTS.erase,
      null,
      comprador ? { titular: comprador, pedidos, protocolo: "LGPD-1" } : {},
    );
  }

  // ---- faults ----

  /** The merchant revoked the app's secret: every call answers 401 until `credentials` are used. */
  revokeSecret(): Credentials {
    const old = this.credentials;
    this.credentials = { ...old, apiSecret: `segredo-${crypto.randomBytes(4).toString("hex")}` };
    return this.credentials;
  }
  restoreCredentials(credentials: Credentials): void {
    this.credentials = credentials;
  }
  suspend(on = true): void {
    this.faults.suspended = on;
  }
  /** The next `count` calls answer 429. */
  rateLimit(count: number): void {
    this.faults.rateLimited = count;
  }
  /** The next write is carried out, and its answer lost (a 503 after applying). */
  loseNextAnswer(): void {
    this.faults.answerLost = true;
  }
  /** The next `count` calls answer 503 without doing anything. */
  failNext(count: number): void {
    this.faults.serverErrors = count;
  }
  /** Notices go out with a wrong signature, or none. */
  badSignatures(mode: "invalid" | "missing"): void {
    this.signature = mode;
  }
  clearFaults(): void {
    this.faults = { suspended: false, rateLimited: 0, answerLost: false, serverErrors: 0 };
    this.signature = null;
  }

  // ---- the API ----

  call(credentials: Credentials, call: Call): Answer {
    const write = call.op === "acao" || call.op === "assinar" || call.op === "desassinar";
    const answer = this.answer(credentials, call, write);
    this.log.push({ call: structuredClone(call), write, status: answer.status });
    return structuredClone(answer);
  }

  private answer(credentials: Credentials, call: Call, write: boolean): Answer {
    if (
      credentials.apiKey !== this.credentials.apiKey ||
      credentials.apiSecret !== this.credentials.apiSecret
    )
      return { status: 401, body: { erro: "credenciais_invalidas" } };
    if (this.faults.suspended) return { status: 402, body: { erro: "conta_suspensa" } };
    if (this.faults.rateLimited > 0) {
      this.faults.rateLimited--;
      return { status: 429, body: { erro: "limite_excedido" }, esperarMs: 20 };
    }
    if (this.faults.serverErrors > 0) {
      this.faults.serverErrors--;
      return { status: 503, body: { erro: "indisponivel" } };
    }
    const answer = this.handle(call);
    if (write && this.faults.answerLost && answer.status < 300) {
      this.faults.answerLost = false;
      return { status: 503, body: { erro: "indisponivel" } };
    }
    return answer;
  }

  private handle(call: Call): Answer {
    switch (call.op) {
      case "conta":
        return { status: 200, body: { conta: this.account, nome: this.name } };
      case "listar":
        return this.list(call.alteradosDesde, call.cursor, call.limite);
      case "ler": {
        const order = this.orders.get(call.codigo);
        return order ? { status: 200, body: order } : { status: 404, body: { erro: "pedido_inexistente" } };
      }
      case "acao":
        return this.act(call.codigo, call.acao);
      case "assinaturas":
        return {
          status: 200,
          body: [...this.subscriptions].map(([id, s]) => ({ id, ...s })),
        };
      case "assinar": {
        const id = `as-${this.subscriptions.size + 1}-${crypto.randomBytes(3).toString("hex")}`;
        this.subscriptions.set(id, { evento: call.evento, url: call.url });
        return { status: 201, body: { id, evento: call.evento, url: call.url } };
      }
      case "desassinar":
        return this.subscriptions.delete(call.id)
          ? { status: 204, body: null }
          : { status: 404, body: { erro: "assinatura_inexistente" } };
    }
  }

  /** Orders changed at or after `desde`, by (alteradoEm, codigo), after the cursor's order. */
  private list(desde: string | null, cursor: string | null, limite: number): Answer {
    const after = cursor === null ? null : decodeCursor(cursor);
    if (cursor !== null && after === null) return { status: 400, body: { erro: "cursor_invalido" } };
    const changed = [...this.orders.values()]
      .filter((o) => desde === null || o.alteradoEm >= desde)
      .sort(byChange);
    const rest = after
      ? changed.filter((o) => o.alteradoEm > after[0] || (o.alteradoEm === after[0] && o.codigo > after[1]))
      : changed;
    const page = rest.slice(0, Math.min(limite, this.pageSize));
    const more = rest.length > page.length;
    return {
      status: 200,
      body: {
        pedidos: page,
        total: changed.length,
        proximo: more && page.length > 0 ? encodeCursor(page[page.length - 1]!) : null,
      },
    };
  }

  private act(codigo: string, acao: Action): Answer {
    const order = this.orders.get(codigo);
    if (!order) return { status: 404, body: { erro: "pedido_inexistente" } };
    const refuse = (erro: string) => ({ status: 422, body: { erro, situacao: order.situacao } });
    const patch: Partial<FakeRawOrder> = {};
    switch (acao.tipo) {
      case "aprovar":
        if (order.situacao !== "aguardando") return refuse("situacao_nao_permite");
        patch.situacao = "aprovado";
        patch.pagamento = { ...order.pagamento, pagoEm: new Date(this.clock).toISOString() };
        break;
      case "nota":
        if (order.situacao === "cancelado") return refuse("pedido_cancelado");
        if (order.notasFiscais.some((n) => n.chave === acao.chave)) return refuse("nota_repetida");
        patch.notasFiscais = [...order.notasFiscais, { chave: acao.chave, link: acao.link }];
        if (order.situacao === "aprovado") patch.situacao = "faturado";
        break;
      case "enviar":
        if (!["aprovado", "faturado"].includes(order.situacao)) return refuse("situacao_nao_permite");
        patch.situacao = "enviado";
        patch.entrega = { ...order.entrega, rastreio: acao.rastreio, linkRastreio: acao.linkRastreio };
        break;
      case "entregar":
        if (order.situacao !== "enviado") return refuse("situacao_nao_permite");
        patch.situacao = "entregue";
        break;
      case "cancelar":
        if (order.situacao === "entregue" || order.situacao === "cancelado")
          return refuse("situacao_nao_permite");
        patch.situacao = "cancelado";
        patch.observacao = [order.observacao, `Cancelado: ${acao.motivo}`].filter(Boolean).join("\n");
        break;
    }
    return { status: 200, body: this.updateOrder(codigo, patch) };
  }

  private notify(evento: string, codigo: string | null, extra: Record<string, unknown> = {}): Notice {
    const body = Buffer.from(
      JSON.stringify({ conta: this.account, evento, ...(codigo ? { pedido: codigo } : {}), ...extra }),
    );
    const secret = this.signature === "invalid" ? `${this.webhookSecret}-outro` : this.webhookSecret;
    const headers: Record<string, string> =
      this.signature === "missing" ? {} : { [SIGNATURE_HEADER]: signNotice(body, secret) };
    const notice = { body, headers };
    this.notices.push(notice);
    for (const s of this.subscriptions.values()) if (s.evento === evento) this.deliver?.(s.url, notice);
    return notice;
  }

  /** The notices sent since the last call, oldest first. */
  takeNotices(): Notice[] {
    return this.notices.splice(0);
  }

  /** The subscriptions Ponte's app holds on this store. */
  subscribed(): { evento: string; url: string }[] {
    return [...this.subscriptions.values()];
  }
}
