// Lojas › Geral: "Desconectar loja". Asks first, saying what happens: Ponte removes its webhooks
// from the platform, stops importing and forgets the credentials; the orders already imported
// stay, and connecting the store again brings it back.
import { useMutation } from "@tanstack/react-query";
import { useId } from "react";
import { api } from "../api.ts";
import { ConfirmButton, Notice, useToast } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { usePlatformLabel } from "../platforms.ts";
import type { Store } from "../stores.ts";
import { useRefreshStores } from "./store-api.ts";

export function DisconnectCard({ store }: { store: Store }) {
  const headingId = useId();
  const toast = useToast();
  const refresh = useRefreshStores();
  const platform = usePlatformLabel()(store.platform);
  const disconnect = useMutation({
    mutationFn: () => api<Store>(`/api/v1/stores/${store.id}/disconnect`, { method: "POST" }),
    onSuccess: (updated) => {
      refresh(updated);
      toast("success", `Loja ${updated.name} desconectada.`);
      // Removing the webhooks is best effort: say so when it did not work.
      if (updated.webhooks?.state === "failed") toast("error", updated.webhooks.message);
    },
  });
  if (store.connectionState === "disconnected") return null;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Desconectar loja</h2>
      <p className="muted small">
        Para de importar os pedidos desta loja e remove do Ponte o acesso a ela. Os pedidos já importados
        continuam aqui.
      </p>
      {disconnect.isError ? <Notice kind="error">{describeError(disconnect.error)}</Notice> : null}
      <ConfirmButton
        label="Desconectar loja"
        title="Desconectar a loja?"
        message={
          <ul>
            <li>Os webhooks do Ponte são removidos da {platform}: a loja deixa de avisar o Ponte.</li>
            <li>A importação é desligada e o token de acesso é apagado deste servidor.</li>
            <li>
              Os pedidos já importados e os pedidos de venda continuam aqui. Para voltar, conecte a loja de
              novo com um token ou pela {platform}.
            </li>
          </ul>
        }
        confirmLabel="Desconectar"
        pending={disconnect.isPending}
        onConfirm={() => disconnect.mutate()}
      />
    </section>
  );
}
