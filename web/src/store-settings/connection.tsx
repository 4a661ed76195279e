// A store's connection state in pt-BR, the same words on every screen.
import type { ResponseOf } from "../api/types.ts";
import type { Store } from "../stores.ts";

export const CONNECTION_LABELS: Record<Store["connectionState"], string> = {
  ok: "Conectada",
  invalid_credentials: "Credenciais recusadas",
  suspended: "Suspensa na plataforma",
  uninstalled: "Aplicativo desinstalado",
  disconnected: "Desconectada",
};

/** What the operator can do about each state. */
export const CONNECTION_HINTS: Record<Store["connectionState"], string> = {
  ok: "A plataforma aceita as credenciais da loja.",
  invalid_credentials: "A plataforma recusou o token de acesso: reconecte a loja com um token válido.",
  suspended:
    "A plataforma suspendeu a loja ou o aplicativo (por exemplo, falta de pagamento): regularize lá.",
  uninstalled: "O aplicativo foi desinstalado na plataforma: instale de novo para voltar a importar.",
  disconnected:
    "A loja foi desconectada: o Ponte não importa os pedidos dela e não guarda mais as credenciais. Os pedidos já importados continuam aqui. Para voltar, conecte a loja de novo com as credenciais ou pelo aplicativo da plataforma.",
};

const CLASSES: Record<Store["connectionState"], string> = {
  ok: "badge badge-ok",
  invalid_credentials: "badge badge-bad",
  suspended: "badge badge-warn",
  uninstalled: "badge badge-bad",
  disconnected: "badge",
};

export function ConnectionBadge({
  state,
  message,
}: {
  state: Store["connectionState"];
  message?: string | null;
}) {
  const label = CONNECTION_LABELS[state] ?? state;
  return (
    <span className={CLASSES[state] ?? "badge"} title={message ?? CONNECTION_HINTS[state]}>
      {label}
    </span>
  );
}

/** What "Importar pedidos" off means (docs/REQUIREMENTS.md#seed-002: the switch runs the whole process). */
export const IMPORT_OFF_TEXT =
  "Importação desligada: os webhooks desta loja continuam chegando e ficam guardados, mas nenhum pedido é importado, sincronizado ou atualizado e nada é enviado à loja. Ao ligar de novo, tudo o que ficou esperando é processado.";

/** Why a sync action is not offered while the import is off. */
export const IMPORT_OFF_ACTION = "A importação desta loja está desligada: ligue-a na página da loja";

export function ImportBadge({ enabled }: { enabled: boolean }) {
  return enabled ? (
    <span className="badge badge-info">Importação ligada</span>
  ) : (
    <span className="badge badge-warn">Importação desligada</span>
  );
}

/** A store's health as the API computes it (GET /api/v1/overview, GET /api/v1/stores). */
export type HealthState = ResponseOf<"/api/v1/overview", "get">["stores"][number]["health"];

const HEALTH_CLASSES: Record<HealthState["level"], string> = {
  ok: "badge badge-ok",
  warn: "badge badge-warn",
  bad: "badge badge-bad",
};

/** The store's connection as its health says it: "Sem contato" while the platform does not answer. */
export function HealthBadge({ health }: { health: HealthState }) {
  return (
    <span className={HEALTH_CLASSES[health.connectionLevel]} title={health.message}>
      {health.connection}
    </span>
  );
}
