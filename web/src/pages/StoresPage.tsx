// Lojas: every connected store with its health (the connection as the platform answers it, and
// what is wrong, as on the Visão geral), last import and last webhook; "Importar agora" per store;
// and "Conectar loja" (OAuth install or store id + token).
import { useId, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ApiError } from "../api.ts";
import { ActionsHeader, Button, Loading, Notice, PageHeader } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { formatDateTime } from "../format.ts";
import { useCan } from "../permissions.tsx";
import { usePlatformLabel } from "../platforms.ts";
import { ConnectStoreForm } from "../store-settings/ConnectStoreForm.tsx";
import {
  ConnectionBadge,
  HealthBadge,
  IMPORT_OFF_ACTION,
  ImportBadge,
} from "../store-settings/connection.tsx";
import { useImportNow } from "../store-settings/store-api.ts";
import { useStores } from "../stores.ts";

export function StoresPage() {
  const stores = useStores();
  const platformLabel = usePlatformLabel();
  const importNow = useImportNow();
  const [connecting, setConnecting] = useState(false);
  const formId = useId();
  const list = stores.data ?? [];
  const canConnect = useCan("configure");
  const canOperate = useCan("operate");
  const showForm = canConnect && (connecting || (stores.isSuccess && list.length === 0));
  // A platform's app install sends the browser back here when it failed (?erro_instalacao=<code>).
  const [search] = useSearchParams();
  const installFailure = search.get("erro_instalacao");

  return (
    <>
      <PageHeader title="Lojas">
        {canConnect ? (
          <Button
            variant="primary"
            aria-expanded={showForm}
            aria-controls={formId}
            onClick={() => setConnecting(!connecting)}
            disabled={stores.isSuccess && list.length === 0}
          >
            Conectar loja
          </Button>
        ) : null}
      </PageHeader>
      {installFailure ? (
        <Notice kind="error">
          A instalação pelo aplicativo da plataforma não foi concluída:{" "}
          {installFailure === "store_exists"
            ? "essa loja já está conectada em outra organização deste Ponte. Troque para ela no topo da página e instale de novo por lá."
            : `${describeError(new ApiError(400, installFailure, installFailure, { reasonCode: installFailure }))} Tente instalar de novo.`}
        </Notice>
      ) : null}
      {showForm ? <ConnectStoreForm id={formId} onDone={() => setConnecting(false)} /> : null}
      {stores.isPending ? <Loading label="Carregando as lojas…" /> : null}
      {stores.isError ? <Notice kind="error">{describeError(stores.error)}</Notice> : null}
      {stores.isSuccess && list.length === 0 ? (
        <Notice kind="info">Nenhuma loja conectada ainda. Conecte a primeira loja acima.</Notice>
      ) : null}
      {list.length > 0 ? (
        <div className="table-wrap">
          <table className="ops-table">
            <caption className="visually-hidden">Lojas conectadas</caption>
            <thead>
              <tr>
                <th scope="col">Loja</th>
                <th scope="col">Plataforma</th>
                <th scope="col">Situação</th>
                <th scope="col">Importação</th>
                <th scope="col">Última importação</th>
                <th scope="col">Último webhook</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {list.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link to={`/lojas/${s.id}`}>{s.name}</Link>
                    <div className="muted small">ID {s.externalId}</div>
                  </th>
                  <td>{platformLabel(s.platform)}</td>
                  <td>
                    {s.health ? (
                      <>
                        <HealthBadge health={s.health} />
                        {s.health.level !== "ok" ? (
                          <div className="row-message">{s.health.message}</div>
                        ) : null}
                      </>
                    ) : (
                      <ConnectionBadge state={s.connectionState} message={s.connectionMessage} />
                    )}
                  </td>
                  <td>
                    <ImportBadge enabled={s.importEnabled} />
                    {s.importEnabled ? (
                      <div className="muted small">a cada {s.importIntervalMinutes} min</div>
                    ) : null}
                  </td>
                  <td>{formatDateTime(s.lastImportAt)}</td>
                  <td>{formatDateTime(s.lastWebhookAt)}</td>
                  <td>
                    <div className="row-actions">
                      <Button
                        className="btn-small"
                        hidden={!canOperate}
                        pending={importNow.isPending && importNow.variables?.id === s.id}
                        disabled={!s.importEnabled}
                        title={s.importEnabled ? undefined : IMPORT_OFF_ACTION}
                        aria-label={`Importar agora: ${s.name}`}
                        onClick={() => importNow.mutate(s)}
                      >
                        Importar agora
                      </Button>
                      <Link
                        className="btn btn-secondary btn-small"
                        to={`/lojas/${s.id}`}
                        aria-label={`Configurar ${s.name}`}
                      >
                        Configurar
                      </Link>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
