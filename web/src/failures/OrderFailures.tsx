// Falhas › Pedidos: store orders Ponte could not sync, with the reason (pt-BR), the technical
// error, the payload, and Reprocessar for one, the selected, or all of a store.
import { Link } from "react-router";
import { ConfirmButton } from "../components/ui.tsx";
import { formatDateTime } from "../format.ts";
import { FailureTable } from "./FailureTable.tsx";
import { type OrderFailure, useFailures, useRetry } from "./failures-api.ts";
import { OrderPayload } from "./PayloadRow.tsx";

const nameOf = (o: OrderFailure) => (o.number ? `#${o.number}` : o.externalId);

const technicalError = (e: OrderFailure["lastError"]): string | null => e?.message ?? null;

export function OrderFailures({ storeId, storeName }: { storeId: number | null; storeName: string | null }) {
  const list = useFailures<OrderFailure>("orders", storeId);
  const retryAll = useRetry();
  const empty = (list.data?.pages.flatMap((p) => p.items) ?? []).length === 0;
  return (
    <FailureTable
      list={list}
      keyOf={(o) => `${o.storeId}:${o.externalId}`}
      request={(orders) => ({
        orders: orders.map((o) => ({ storeId: o.storeId, externalId: o.externalId })),
      })}
      labels={(o) => ({
        select: `Selecionar o pedido ${nameOf(o)}`,
        retry: `Reprocessar o pedido ${nameOf(o)}`,
        payload: `Ver payload do pedido ${nameOf(o)}`,
      })}
      headers={[
        { label: "Pedido" },
        { label: "Motivo" },
        { label: "Tentativas", numeric: true },
        { label: "Última falha" },
      ]}
      cells={(o, queued) => {
        const technical = technicalError(o.lastError);
        return (
          <>
            <th scope="row">
              {nameOf(o)}
              <div className="muted small">
                <Link to={`/integracao?loja=${o.storeId}`}>{o.storeName}</Link>
              </div>
            </th>
            <td className="reason-cell">
              <div>{o.reason ?? "Falha sem motivo registrado"}</div>
              {technical && technical !== o.reason ? (
                <div className="muted small break">{technical}</div>
              ) : null}
              {queued ? <span className="badge badge-info">Na fila para reprocessar</span> : null}
            </td>
            <td className="num">{o.attempts}</td>
            <td>{formatDateTime(o.updatedAt)}</td>
          </>
        );
      }}
      payloadId={(o) => `payload-${o.storeId}-${o.externalId}`}
      payload={(o) => <OrderPayload storeId={o.storeId} externalId={o.externalId} />}
      caption="Pedidos com erro"
      loadingLabel="Carregando os pedidos com erro…"
      emptyText={`Nenhum pedido com erro${storeName ? ` na loja ${storeName}` : ""}.`}
      selectAllLabel="Selecionar todos os pedidos da lista"
      bulkLabel="Reprocessar selecionados"
      actions={
        <ConfirmButton
          variant="secondary"
          label="Reprocessar todos da loja"
          title={`Reprocessar todos os pedidos com erro de ${storeName ?? "a loja"}?`}
          message={
            <p>
              Cada pedido com erro desta loja será lido de novo da plataforma e sincronizado. Os que derem
              certo saem da lista; os outros voltam com o novo motivo.
            </p>
          }
          confirmLabel="Reprocessar todos"
          disabled={storeId === null || empty}
          disabledReason={storeId === null ? "Escolha uma loja no filtro" : "Nenhum pedido com erro"}
          pending={retryAll.isPending}
          onConfirm={() => storeId !== null && retryAll.mutate({ allOrdersOfStore: storeId })}
        />
      }
    />
  );
}
