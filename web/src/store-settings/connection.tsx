// A store's connection state in pt-BR, the same words on every screen.
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
    "A loja foi desconectada: o Ponte não importa os pedidos dela e não guarda mais as credenciais. Os pedidos já importados continuam aqui. Para voltar, conecte a loja de novo com um token ou pela Nuvemshop.",
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

export function ImportBadge({ enabled }: { enabled: boolean }) {
  return enabled ? (
    <span className="badge badge-info">Importação ligada</span>
  ) : (
    <span className="badge badge-warn">Importação desligada</span>
  );
}
