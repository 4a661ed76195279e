// Falhas › Cancelados na loja (issue 11, item 9): orders the store cancelled while they had a live
// invoice (until the estorno) or after shipping (until marked handled). Nothing to retry: each row
// leads to its order page, where Cancelar nota (or Marcar como resolvido) waits at the top.
import { Link } from "react-router";
import { ListError, Loading, LoadMore, Notice } from "../components/ui.tsx";
import { formatDateTime } from "../format.ts";
import { type StoreCancellationItem, useFailures } from "./failures-api.ts";

export function StoreCancellations({ storeId }: { storeId: number | null }) {
  const list = useFailures<StoreCancellationItem>("cancellations", storeId);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      {list.isPending ? <Loading label="Carregando os pedidos cancelados na loja…" /> : null}
      <ListError list={list} />
      {list.isSuccess && items.length === 0 ? (
        <Notice kind="success">Nenhum pedido cancelado na loja com nota ativa ou já enviado.</Notice>
      ) : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="ops-table" aria-label="Pedidos cancelados na loja">
            <thead>
              <tr>
                <th scope="col">Pedido</th>
                <th scope="col">Alerta</th>
                <th scope="col">Cancelado na loja em</th>
                <th scope="col">Ação</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.salesOrderId} className="row-error">
                  <th scope="row">
                    Pedido Nº {c.orderNumber}
                    <div className="muted small">
                      {c.storeOrderNumber ? `nº ${c.storeOrderNumber} na loja · ` : ""}
                      {c.storeName}
                    </div>
                  </th>
                  <td className="reason-cell">
                    <strong>{c.label}</strong>
                    <div className="small">{c.reason}</div>
                  </td>
                  <td>{formatDateTime(c.cancelledAt)}</td>
                  <td>
                    <Link to={`/pedidos/${c.salesOrderId}`}>
                      {c.kind === "invoice_live" ? "Fazer o estorno" : "Abrir o pedido"}
                      <span className="visually-hidden"> do pedido Nº {c.orderNumber}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore list={list} />
    </>
  );
}
