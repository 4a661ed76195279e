// Visão geral: the health of every store at a glance — connection, last import and webhook,
// import lag, orders waiting or in error, failed jobs — refreshed every 10 seconds, with the
// way to the Integração and Falhas screens of each store.
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import type { ResponseOf } from "../api/types.ts";
import { api } from "../api.ts";
import { Loading, Notice, PageHeader } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { formatDateTime } from "../format.ts";
import { StoreHealthCard } from "../overview/StoreHealthCard.tsx";
import { usePlatforms } from "../platforms.ts";

type Overview = ResponseOf<"/api/v1/overview", "get">;

const REFRESH_MS = 10_000;

export function OverviewPage() {
  const platformNames = (usePlatforms().data ?? []).map((p) => p.label).join(" ou ");
  const overview = useQuery({
    queryKey: ["overview"],
    queryFn: () => api<Overview>("/api/v1/overview"),
    refetchInterval: REFRESH_MS,
  });
  const data = overview.data;
  return (
    <>
      <PageHeader title="Visão geral">
        {data ? (
          <span className="muted small">
            Atualizado em {formatDateTime(data.generatedAt)}; atualiza a cada 10 segundos
          </span>
        ) : null}
      </PageHeader>
      {overview.isPending ? <Loading label="Carregando a visão geral…" /> : null}
      {/* A failed refresh keeps the last figures on screen and says they may be old. */}
      {overview.isError ? (
        <Notice kind="error">
          {describeError(overview.error)}
          {data ? " Os números abaixo podem estar desatualizados." : ""}
        </Notice>
      ) : null}
      {data && data.stores.length === 0 ? (
        <section className="card empty-state">
          <h2>Nenhuma loja conectada ainda</h2>
          <p>
            Conecte a sua loja {platformNames} para os pedidos chegarem ao Ponte: pelo aplicativo (OAuth) ou
            com o ID da loja e as credenciais de acesso.
          </p>
          <Link className="btn btn-primary" to="/lojas">
            Conectar uma loja
          </Link>
        </section>
      ) : null}
      {data && data.stores.length > 0 ? (
        <ul className="cards plain-list" aria-label="Lojas">
          {data.stores.map((store) => (
            <li key={store.id}>
              <StoreHealthCard store={store} />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
