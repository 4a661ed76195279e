// One health state per store (Visão geral, Lojas), from what is recorded about it: the access
// the platform grants, its last contact with the platform, its last import attempt, its failing
// and retrying jobs, its last Testar conexão, and its counts. Pure: the facts in, the state out,
// each state in pt-BR with what to do. The first rule that applies decides; "Tudo em dia" only
// when none does.
import {
  describePlatformProblem,
  isPlatformErrorKind,
  type PlatformErrorKind,
  TRANSIENT_KINDS,
} from "../platforms/platform-errors.ts";
import type { ConnectionState } from "./stores.ts";

export type HealthLevel = "ok" | "warn" | "bad";

export const HEALTH_CODES = [
  "ok",
  "uninstalled",
  "disconnected",
  "credentials_refused",
  "suspended",
  "unreachable",
  "import_failing",
  "failures",
  "emails_failed",
  "jobs_retrying",
  "test_failed",
  "import_off",
  "import_late",
  "orders_waiting",
] as const;

export type HealthCode = (typeof HEALTH_CODES)[number];

export interface HealthState {
  level: HealthLevel;
  /** Stable, for scripts; the words are in `connection` and `message`. */
  code: HealthCode;
  /** The connection in a word or two, for a badge: "Conectada", "Sem contato", "Credenciais recusadas"… */
  connection: string;
  /** How the connection itself is: "ok" for Conectada even when something else is wrong. */
  connectionLevel: HealthLevel;
  /** What is wrong and what to do, pt-BR; "Tudo em dia." when nothing is. */
  message: string;
}

export interface HealthFacts {
  /** The platform's name for people, from its module's label. */
  platform: string;
  storeExternalId: string;
  /** The database's clock, so durations do not depend on this machine's. */
  now: Date;
  connectionState: ConnectionState;
  connectionMessage: string | null;
  importEnabled: boolean;
  importIntervalMinutes: number;
  importLagSeconds: number | null;
  /** The last request to the platform: answered, or why not; failingSince starts the current run of failures. */
  lastContact: { at: Date; ok: boolean; error: string | null; failingSince: Date | null } | null;
  /** The last import attempt; error is null when it went through. */
  lastImportAttempt: { at: Date; error: string | null } | null;
  lastTest: { at: Date; ok: boolean; error: string | null } | null;
  jobsRetrying: number;
  jobsFailed: number;
  ordersInError: number;
  /**
   * Orders held for a reason to fix or still queued (not the whole attention list: an order
   * merely awaiting payment is no reason to warn).
   */
  ordersHeld: number;
  pushesFailed: number;
  emailsFailed: number;
  /** Orders the store cancelled while invoiced or shipped: the estorno is the operator's. */
  storeCancellations: number;
}

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString("pt-BR")} ${n === 1 ? one : many}`;

/** "há 12 min", "há 3 h", "há menos de 1 min". */
export function ago(from: Date, now: Date): string {
  const minutes = Math.floor(Math.max(0, now.getTime() - from.getTime()) / 60_000);
  if (minutes < 1) return "há menos de 1 min";
  if (minutes < 120) return `há ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `há ${hours} h`;
  return `há ${Math.floor(hours / 24)} dias`;
}

const ACCESS: Record<
  Exclude<ConnectionState, "ok">,
  { code: HealthCode; connection: string; level: HealthLevel; hint: string }
> = {
  uninstalled: {
    code: "uninstalled",
    connection: "Aplicativo desinstalado",
    level: "bad",
    hint: "O aplicativo foi desinstalado na plataforma: instale de novo para voltar a importar.",
  },
  invalid_credentials: {
    code: "credentials_refused",
    connection: "Credenciais recusadas",
    level: "bad",
    hint: "A plataforma recusou o token de acesso: reconecte a loja em Lojas com um token válido.",
  },
  disconnected: {
    code: "disconnected",
    connection: "Desconectada",
    level: "warn",
    hint: "Loja desconectada: nada é importado nem enviado à loja; os pedidos já importados continuam aqui. Para voltar, conecte a mesma loja de novo em Lojas.",
  },
  suspended: {
    code: "suspended",
    connection: "Suspensa na plataforma",
    level: "warn",
    hint: "A plataforma suspendeu a loja ou o aplicativo (por exemplo, falta de pagamento): regularize lá.",
  },
};

const upper = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

/** ": 5 tarefas tentando de novo e 1 com falha", or "". */
function jobsClause(f: HealthFacts): string {
  const parts: string[] = [];
  if (f.jobsRetrying > 0)
    parts.push(plural(f.jobsRetrying, "tarefa tentando de novo", "tarefas tentando de novo"));
  if (f.jobsFailed > 0) parts.push(plural(f.jobsFailed, "tarefa com falha", "tarefas com falha"));
  return parts.length > 0 ? `: ${parts.join(" e ")}` : "";
}

const kindOf = (error: string | null): PlatformErrorKind | null =>
  isPlatformErrorKind(error) ? error : null;

export function storeHealth(f: HealthFacts): HealthState {
  const connected = { connection: "Conectada", connectionLevel: "ok" as HealthLevel };
  const state = (
    level: HealthLevel,
    code: HealthCode,
    message: string,
    connection = connected,
  ): HealthState => ({ level, code, ...connection, message });

  if (f.connectionState !== "ok") {
    const access = ACCESS[f.connectionState];
    // Disconnected is the merchant's choice, not a fault: said, not alarmed.
    const level = f.connectionState === "disconnected" ? "warn" : "bad";
    return state(level, access.code, f.connectionMessage ? `${upper(f.connectionMessage)}.` : access.hint, {
      connection: access.connection,
      connectionLevel: access.level,
    });
  }

  // The platform does not answer: nothing else matters until it does.
  const contact = f.lastContact;
  const contactKind = contact && !contact.ok ? kindOf(contact.error) : null;
  if (contactKind && TRANSIENT_KINDS.has(contactKind)) {
    const words = describePlatformProblem(contactKind, f.platform);
    const since = ago(contact!.failingSince ?? contact!.at, f.now);
    const limited = contactKind === "rate_limited";
    return state(
      limited ? "warn" : "bad",
      "unreachable",
      `${limited ? `Limite de requisições da ${f.platform} atingido` : `Sem contato com a ${f.platform}`} ${since} (${words.short})${jobsClause(f)}. ${words.advice}`,
      limited ? connected : { connection: "Sem contato", connectionLevel: "bad" },
    );
  }

  /** The pt-BR words for a recorded error kind; null for a failure inside Ponte. */
  const wordsFor = (error: string | null) => {
    const kind = kindOf(error);
    return kind ? describePlatformProblem(kind, f.platform, { storeExternalId: f.storeExternalId }) : null;
  };

  const attempt = f.lastImportAttempt;
  if (attempt?.error) {
    const words = wordsFor(attempt.error);
    return state(
      "bad",
      "import_failing",
      `A última importação falhou ${ago(attempt.at, f.now)} (${words ? words.short : "erro interno do Ponte"})${jobsClause(f)}. ${
        words ? words.advice : "O log do Ponte tem o detalhe; veja as tarefas em Falhas."
      }`,
    );
  }

  const problems: string[] = [];
  if (f.ordersInError > 0) problems.push(plural(f.ordersInError, "pedido com erro", "pedidos com erro"));
  if (f.jobsFailed > 0) problems.push(plural(f.jobsFailed, "tarefa com falha", "tarefas com falha"));
  if (f.pushesFailed > 0)
    problems.push(plural(f.pushesFailed, "envio à loja com falha", "envios à loja com falha"));
  if (f.storeCancellations > 0)
    problems.push(
      plural(
        f.storeCancellations,
        "pedido cancelado na loja com nota ou envio",
        "pedidos cancelados na loja com nota ou envio",
      ),
    );
  if (problems.length > 0) return state("bad", "failures", `${problems.join(" e ")}: veja em Falhas.`);
  if (f.emailsFailed > 0) {
    return state(
      "bad",
      "emails_failed",
      `${plural(f.emailsFailed, "e-mail ao cliente com falha", "e-mails ao cliente com falha")}: veja na Caixa de saída.`,
    );
  }

  if (f.jobsRetrying > 0) {
    return state(
      "warn",
      "jobs_retrying",
      `${upper(plural(f.jobsRetrying, "tarefa tentando de novo", "tarefas tentando de novo"))} depois de um erro: veja em Falhas › Tarefas.`,
    );
  }

  // A failed Testar conexão counts until the platform is reached again or a test passes.
  const test = f.lastTest;
  if (test && !test.ok && !(contact?.ok && contact.at > test.at)) {
    const words = wordsFor(test.error);
    return state(
      "warn",
      "test_failed",
      `O último Testar conexão falhou ${ago(test.at, f.now)}${words ? `: ${words.problem}. ${words.advice}` : ". Veja o resultado em Lojas e teste de novo."}`,
    );
  }

  if (!f.importEnabled) {
    return state(
      "warn",
      "import_off",
      "Importação desligada: os webhooks ficam guardados, mas nada é sincronizado nem enviado à loja até ela ser ligada de novo.",
    );
  }
  // Late when the last import is older than two intervals (one may be running right now).
  if (f.importLagSeconds !== null && f.importLagSeconds > f.importIntervalMinutes * 120) {
    return state(
      "warn",
      "import_late",
      `Importação atrasada: a última foi ${ago(new Date(f.now.getTime() - f.importLagSeconds * 1000), f.now)}.`,
    );
  }
  if (f.ordersHeld > 0) {
    return state(
      "warn",
      "orders_waiting",
      `${plural(f.ordersHeld, "pedido retido ou na fila", "pedidos retidos ou na fila")} na Integração.`,
    );
  }
  return state("ok", "ok", "Tudo em dia.");
}
