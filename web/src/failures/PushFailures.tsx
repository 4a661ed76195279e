// Falhas › Envios à loja (R8): status pushes that failed after their last attempt (or on an
// error retrying cannot fix), with the last error, and Reenviar (attempts start over).
import { Link } from "react-router";
import { formatDateTime } from "../format.ts";
import { FailureTable } from "./FailureTable.tsx";
import { type PushFailure, useFailures } from "./failures-api.ts";

const CHANNELS: Record<PushFailure["channel"], string> = {
  platform: "API da plataforma",
  xml: "XML",
  webhook: "Webhook",
};

const whatOf = (p: PushFailure) => p.summary ?? p.action;
const nameOf = (p: PushFailure) => `${whatOf(p)} do pedido Nº ${p.orderNumber}`;

export function PushFailures({ storeId }: { storeId: number | null }) {
  const list = useFailures<PushFailure>("pushes", storeId);
  return (
    <FailureTable
      list={list}
      keyOf={(p) => String(p.id)}
      request={(pushes) => ({ pushes: pushes.map((p) => p.id) })}
      retryText="Reenviar"
      labels={(p) => ({
        select: `Selecionar ${nameOf(p)}`,
        retry: `Reenviar ${nameOf(p)}`,
        payload: `Ver detalhes de ${nameOf(p)}`,
      })}
      headers={[
        { label: "Envio" },
        { label: "Erro" },
        { label: "Tentativas", numeric: true },
        { label: "Falhou em" },
      ]}
      cells={(p, queued) => (
        <>
          <th scope="row">
            {whatOf(p)}
            <div className="muted small">
              <Link to={`/pedidos/${p.salesOrderId}`}>Pedido Nº {p.orderNumber}</Link>
              {p.storeOrderNumber ? ` · nº ${p.storeOrderNumber} na loja` : ""} · {p.storeName} ·{" "}
              {CHANNELS[p.channel] ?? p.channel}
            </div>
          </th>
          <td className="break reason-cell">{p.lastError ?? "—"}</td>
          <td className="num">{p.attempts}</td>
          <td>
            {queued ? (
              <span className="badge badge-info">Na fila para reenviar</span>
            ) : (
              formatDateTime(p.failedAt)
            )}
          </td>
        </>
      )}
      payloadId={(p) => `push-detail-${p.id}`}
      payload={(p) => (
        <dl className="facts">
          <dt>Ação</dt>
          <dd>{p.action}</dd>
          <dt>Criado em</dt>
          <dd>{formatDateTime(p.createdAt)}</dd>
          <dt>Último erro</dt>
          <dd className="break">{p.lastError ?? "—"}</dd>
        </dl>
      )}
      caption="Envios à loja com falha"
      loadingLabel="Carregando os envios com falha…"
      emptyText="Nenhum envio à loja com falha."
      selectAllLabel="Selecionar todos os envios da lista"
      bulkLabel="Reenviar selecionados"
    />
  );
}
