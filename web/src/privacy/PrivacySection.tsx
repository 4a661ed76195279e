// Configurações › Privacidade (LGPD): every request, those the stores' platforms relayed and those
// made on a customer record, with their state and the exports to download.
import { Loading, Notice } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { PrivacyTable } from "./PrivacyTable.tsx";
import { usePrivacyRequests } from "./privacy-api.ts";

export function PrivacySection() {
  const requests = usePrivacyRequests();
  return (
    <section className="card" aria-labelledby="privacidade">
      <h2 id="privacidade">Privacidade (LGPD)</h2>
      <p className="muted small">
        Pedidos de exportação de dados, de anonimização de cliente e de remoção dos dados de uma loja, vindos
        da plataforma da loja ou feitos no cadastro do cliente. A exportação fica aqui para baixar e entregar
        ao cliente.
      </p>
      {requests.isPending ? <Loading label="Carregando as solicitações…" /> : null}
      {requests.isError ? <Notice kind="error">{describeError(requests.error)}</Notice> : null}
      {requests.data ? (
        <PrivacyTable items={requests.data.items} label="Solicitações de privacidade" />
      ) : null}
    </section>
  );
}
