// One store on the Visão geral: its health in words first (computed by the server from its
// access, last platform contact, last import attempt, jobs, last Testar conexão and counts), then
// the figures behind it.
import { useId } from "react";
import { Link } from "react-router";
import type { ResponseOf } from "../api/types.ts";
import { formatDateTime, formatDuration } from "../format.ts";
import { usePlatformLabel } from "../platforms.ts";
import { HealthBadge, ImportBadge } from "../store-settings/connection.tsx";

export type OverviewStore = ResponseOf<"/api/v1/overview", "get">["stores"][number];

function Figure({ label, value, alert }: { label: string; value: string; alert?: boolean }) {
  return (
    <div className={alert ? "figure figure-alert" : "figure"}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

export function StoreHealthCard({ store: s }: { store: OverviewStore }) {
  const headingId = useId();
  const platformLabel = usePlatformLabel();
  const health = s.health;
  const n = (value: number) => value.toLocaleString("pt-BR");
  const failures = s.ordersInError + s.jobsFailed + s.jobsRetrying;
  const failuresText = failures > 0 ? `Ver falhas (${n(failures)})` : "Ver falhas";
  const { pushesFailed, emailsFailed, storeCancellations } = s;
  return (
    <article className={`card health-card health-${health.level}`} aria-labelledby={headingId}>
      <header className="health-head">
        <h2 id={headingId}>
          <Link to={`/lojas/${s.id}`}>{s.name}</Link>
        </h2>
        <span className="muted small">{platformLabel(s.platform)}</span>
      </header>
      <div className="badges">
        <HealthBadge health={health} />
        <ImportBadge enabled={s.importEnabled} />
        {s.importInProgress ? <span className="badge badge-info">Importando agora</span> : null}
      </div>
      <p className={`verdict verdict-${health.level}`}>{health.message}</p>
      <dl className="figures">
        <Figure label="Pedidos aguardando" value={n(s.ordersWaiting)} alert={s.ordersWaiting > 0} />
        <Figure label="Pedidos com erro" value={n(s.ordersInError)} alert={s.ordersInError > 0} />
        <Figure label="Tarefas com falha" value={n(s.jobsFailed)} alert={s.jobsFailed > 0} />
        <Figure label="Tarefas tentando de novo" value={n(s.jobsRetrying)} alert={s.jobsRetrying > 0} />
        <Figure label="Envios à loja com falha" value={n(pushesFailed)} alert={pushesFailed > 0} />
        <Figure label="E-mails com falha" value={n(emailsFailed)} alert={emailsFailed > 0} />
        <Figure
          label="Cancelados na loja com nota ou envio"
          value={n(storeCancellations)}
          alert={storeCancellations > 0}
        />
        <Figure label="Webhooks na fila" value={n(s.pendingWebhooks)} />
        <Figure label="Pedidos de venda hoje" value={n(s.salesOrdersToday)} />
        <Figure label="Atraso da importação" value={formatDuration(s.importLagSeconds)} />
      </dl>
      <dl className="facts small">
        <dt>Última importação</dt>
        <dd>{formatDateTime(s.lastImportAt)}</dd>
        <dt>Último webhook</dt>
        <dd>{formatDateTime(s.lastWebhookAt)}</dd>
        <dt>Último contato com a plataforma</dt>
        <dd>
          {formatDateTime(s.lastContactAt)}
          {s.lastContactOk === false ? " (sem resposta)" : ""}
        </dd>
        {s.importEnabled && s.nextImportAt ? (
          <>
            <dt>Próxima importação</dt>
            <dd>{formatDateTime(s.nextImportAt)}</dd>
          </>
        ) : null}
      </dl>
      <div className="card-links">
        <Link to={`/integracao?loja=${s.id}`} aria-label={`Ver na Integração: ${s.name}`}>
          Ver na Integração
        </Link>
        <Link to={`/falhas?loja=${s.id}`} aria-label={`${failuresText}: ${s.name}`}>
          {failuresText}
        </Link>
        {pushesFailed > 0 ? (
          <Link
            to={`/falhas?loja=${s.id}&tipo=envios`}
            aria-label={`Ver envios à loja com falha (${n(pushesFailed)}): ${s.name}`}
          >
            Envios com falha ({n(pushesFailed)})
          </Link>
        ) : null}
        {storeCancellations > 0 ? (
          <Link
            to={`/falhas?loja=${s.id}&tipo=cancelamentos`}
            aria-label={`Ver pedidos cancelados na loja com nota ou envio (${n(storeCancellations)}): ${s.name}`}
          >
            Cancelados na loja ({n(storeCancellations)})
          </Link>
        ) : null}
        {emailsFailed > 0 ? (
          <Link
            to={`/caixa-de-saida?loja=${s.id}&situacao=failed`}
            aria-label={`Ver e-mails com falha na Caixa de saída (${n(emailsFailed)}): ${s.name}`}
          >
            E-mails com falha ({n(emailsFailed)})
          </Link>
        ) : null}
      </div>
    </article>
  );
}
