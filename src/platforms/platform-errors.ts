// What went wrong talking to a store's platform, in one place: an error from any connector
// becomes a kind (timeout, unreachable, 401, 402, 403, 404, 429, 5xx, unreadable answer…); each
// kind has its pt-BR words (what happened, what to do) and the HTTP status a panel action answers
// with. The platform's own text and address never go into these words: they stay in the log.
import { isPonteError } from "../errors.ts";
import { PlatformAccessError } from "./connector.ts";

export type PlatformErrorKind =
  /** No answer in time (the request's timeout or the panel's deadline). */
  | "timeout"
  /** Connection refused, address not found, connection reset: nothing answered. */
  | "unreachable"
  /** 401: the token is refused. */
  | "unauthorized"
  /** 402: the store or the app is suspended for payment. */
  | "suspended"
  /** 403: the app lacks the permission (scope). */
  | "forbidden"
  /** 404 on the store itself: wrong store id. */
  | "not_found"
  /** 429 for longer than the caller could wait. */
  | "rate_limited"
  /** 5xx. */
  | "server_error"
  /** A success answer that is not the platform's JSON (a proxy's page, a wrong address). */
  | "unreadable"
  /** Another 4xx: the platform refused the request itself. */
  | "rejected"
  /** A redirect (3xx), or a page link to another origin: never followed with the store's token. */
  | "redirected"
  /** The store's API address is not its platform's and PONTE_ALLOW_API_OVERRIDE does not allow it: nothing sent. */
  | "api_base_refused";

export const PLATFORM_ERROR_KINDS: readonly PlatformErrorKind[] = [
  "timeout",
  "unreachable",
  "unauthorized",
  "suspended",
  "forbidden",
  "not_found",
  "rate_limited",
  "server_error",
  "unreadable",
  "rejected",
  "redirected",
  "api_base_refused",
];

const KINDS: ReadonlySet<string> = new Set(PLATFORM_ERROR_KINDS);

export const isPlatformErrorKind = (value: unknown): value is PlatformErrorKind =>
  typeof value === "string" && KINDS.has(value);

/** The platform did not give a usable answer: trying again later may work, nobody needs to fix access. */
export const TRANSIENT_KINDS: ReadonlySet<PlatformErrorKind> = new Set<PlatformErrorKind>([
  "timeout",
  "unreachable",
  "rate_limited",
  "server_error",
  "unreadable",
  "redirected",
]);

/** The kind an HTTP status means; a success status here is an answer that could not be used. */
export function kindOfStatus(status: number): PlatformErrorKind {
  if (status < 400) return "unreadable";
  if (status === 401) return "unauthorized";
  if (status === 402) return "suspended";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "server_error";
  return "rejected";
}

/**
 * The kind of a connector's error, or null when it is not about the platform (a bug, the
 * database): those keep their own handling. Connectors say the kind (`kind`) or the status they
 * got (`status`); an access problem is a PlatformAccessError.
 */
export function platformErrorKind(error: unknown): PlatformErrorKind | null {
  if (error instanceof PlatformAccessError) {
    return error.state === "invalid_credentials" ? "unauthorized" : "suspended";
  }
  if (!(error instanceof Error) || isPonteError(error)) return null;
  const { kind, status } = error as { kind?: unknown; status?: unknown };
  if (isPlatformErrorKind(kind)) return kind;
  if (typeof status === "number" && status >= 400) return kindOfStatus(status);
  return null;
}

/** A panel action the platform failed: the store's access needs a person (409), or the platform is not answering (502/503). */
export function httpStatusOf(kind: PlatformErrorKind): 409 | 502 | 503 {
  switch (kind) {
    case "unauthorized":
    case "suspended":
    case "forbidden":
    case "not_found":
    case "api_base_refused":
      return 409;
    case "server_error":
    case "unreadable":
    case "rejected":
    case "redirected":
      return 502;
    case "timeout":
    case "unreachable":
    case "rate_limited":
      return 503;
  }
}

export interface PlatformProblem {
  /** What happened, lower-case, no final period: "a <plataforma> não respondeu em 8 s". */
  problem: string;
  /** What to do, a sentence. */
  advice: string;
  /** A few words for a status line: "sem resposta a tempo". */
  short: string;
}

const seconds = (ms: number) => `${(ms / 1000).toLocaleString("pt-BR", { maximumFractionDigits: 1 })} s`;

/**
 * The pt-BR words for a kind. `waitedMs` is how long the caller waited (the deadline), when it
 * is worth saying; `storeExternalId` names the store on the platform for a 404.
 */
export function describePlatformProblem(
  kind: PlatformErrorKind,
  platform: string,
  context: { waitedMs?: number; storeExternalId?: string } = {},
): PlatformProblem {
  switch (kind) {
    case "timeout":
      return {
        problem: `a ${platform} não respondeu${context.waitedMs ? ` em ${seconds(context.waitedMs)}` : " a tempo"}`,
        advice: `Tente de novo em instantes; se continuar, veja se a ${platform} está fora do ar.`,
        short: "sem resposta a tempo",
      };
    case "unreachable":
      return {
        problem: `não foi possível conectar à ${platform} (conexão recusada ou endereço não encontrado)`,
        advice: "Confira o endereço da API da loja em Lojas e a conexão deste servidor com a internet.",
        short: "conexão recusada ou endereço não encontrado",
      };
    case "server_error":
      return {
        problem: `a ${platform} respondeu com erro (instabilidade na plataforma)`,
        advice: "Tente de novo em alguns minutos; o Ponte também tenta de novo sozinho.",
        short: "a plataforma responde com erro",
      };
    case "rate_limited":
      return {
        problem: `o limite de requisições da ${platform} foi atingido`,
        advice: "Tente de novo em um minuto.",
        short: "limite de requisições atingido",
      };
    case "unreadable":
      return {
        problem: `a resposta da ${platform} não pôde ser lida`,
        advice: `Confira em Lojas se o endereço da API da loja é o da ${platform}.`,
        short: "resposta ilegível",
      };
    case "unauthorized":
      return {
        problem: `a ${platform} recusou as credenciais da loja`,
        advice: "Reconecte a loja em Lojas com um token de acesso válido.",
        short: "credenciais recusadas",
      };
    case "suspended":
      return {
        problem: `a loja ou o aplicativo está suspenso na ${platform} (pagamento pendente)`,
        advice: `Regularize o pagamento na ${platform}; quando ela reativar a loja, a importação volta sozinha (ou use Testar conexão em Lojas).`,
        short: "loja ou aplicativo suspenso",
      };
    case "forbidden":
      return {
        problem: `a ${platform} negou a permissão: o aplicativo não tem o escopo necessário`,
        advice: "Reinstale o aplicativo aceitando as permissões que ele pede.",
        short: "permissão negada",
      };
    case "not_found":
      return {
        problem: `a ${platform} não encontrou a loja${context.storeExternalId ? ` ${context.storeExternalId}` : ""}`,
        advice: "Confira o ID da loja e o endereço da API em Lojas.",
        short: "loja não encontrada",
      };
    case "rejected":
      return {
        problem: `a ${platform} recusou a requisição`,
        advice: "Tente de novo; se continuar, o log do Ponte tem o detalhe.",
        short: "requisição recusada",
      };
    case "redirected":
      return {
        problem: `a resposta mandou o Ponte para outro endereço (redirecionamento), e o Ponte não leva o token da loja para fora do endereço da API da ${platform}`,
        advice: `Confira em Lojas se o endereço da API da loja é o da ${platform}; o log do Ponte tem o endereço para onde a resposta mandava.`,
        short: "redirecionamento para outro endereço recusado",
      };
    case "api_base_refused":
      return {
        problem: `o endereço da API desta loja não é o da ${platform}, e o Ponte não envia o token da loja para outro endereço`,
        advice: `Em Lojas › Geral, deixe vazio o endereço da API da plataforma para usar o da ${platform}; outro endereço só vale para simulador e testes, com PONTE_ALLOW_API_OVERRIDE no servidor.`,
        short: "endereço da API não permitido",
      };
  }
}
