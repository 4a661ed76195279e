// "Testar conexão": Ponte calls the platform with the store's credentials and says, check by
// check, what works (✓) and what does not (✗), in plain pt-BR; a platform that did not answer
// comes back as an error with the reason and the checks so far.
import { useMutation } from "@tanstack/react-query";
import { useId } from "react";
import { ApiError, api } from "../api.ts";
import { Button, Notice, SyncMark } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import type { Store } from "../stores.ts";
import { CHECK_LABELS, type ConnectionCheck, type ConnectionTest, useRefreshStores } from "./store-api.ts";

export function ConnectionTestCard({ store }: { store: Store }) {
  const headingId = useId();
  const refresh = useRefreshStores();
  const test = useMutation({
    mutationFn: () => api<ConnectionTest>(`/api/v1/stores/${store.id}/test-connection`, { method: "POST" }),
    // The test may change the store's connection state (a refused token, or one accepted again).
    onSettled: () => refresh(store.id),
  });
  const result = test.data;
  // A platform that did not answer: the API says why (502/503) and sends the checks it got to.
  const unanswered =
    test.error instanceof ApiError && Array.isArray(test.error.details.checks)
      ? (test.error.details.checks as ConnectionCheck[])
      : null;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Conexão com a plataforma</h2>
      <p className="muted small">
        Chama a plataforma com as credenciais da loja e verifica o acesso, a leitura de pedidos e os webhooks.
      </p>
      <Button variant="primary" pending={test.isPending} onClick={() => test.mutate()}>
        {test.isPending ? "Testando…" : "Testar conexão"}
      </Button>
      {test.isError ? <Notice kind="error">{describeError(test.error)}</Notice> : null}
      {unanswered && !test.isPending ? <CheckList checks={unanswered} /> : null}
      {result && !test.isPending ? (
        <div className="connection-result">
          <Notice kind={result.ok ? "success" : "error"}>
            {result.ok
              ? "Conexão funcionando: a loja pode importar pedidos."
              : "A conexão tem problemas: a loja não consegue importar pedidos. Veja abaixo o que falhou."}
          </Notice>
          <CheckList checks={result.checks} />
        </div>
      ) : null}
    </section>
  );
}

function CheckList({ checks }: { checks: ConnectionCheck[] }) {
  return (
    <ul className="checks" aria-label="Resultado do teste de conexão">
      {checks.map((c) => {
        const label = CHECK_LABELS[c.key] ?? c.key;
        return (
          <li key={c.key} className={c.ok ? "check-ok" : "check-bad"}>
            <SyncMark ok={c.ok} okLabel={`${label}: funciona`} badLabel={`${label}: falhou`} />
            <div>
              <strong>{label}</strong>
              {c.required === false && !c.ok ? <span className="muted small"> (opcional)</span> : null}
              <div>{c.message}</div>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
