// Falhas › Pedidos: store orders Ponte could not sync, with the reason (pt-BR), the technical
// error, the payload, and Reprocessar for one, the selected, or all of a store.
import { Fragment, useState } from "react";
import { Link } from "react-router";
import { Button, ConfirmButton, Loading, Notice } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { formatDateTime } from "../format.ts";
import { type OrderFailure, useFailures, useRetry } from "./failures-api.ts";
import { OrderPayload } from "./PayloadRow.tsx";

const keyOf = (o: OrderFailure) => `${o.storeId}:${o.externalId}`;
const nameOf = (o: OrderFailure) => (o.number ? `#${o.number}` : o.externalId);

function technicalError(e: OrderFailure["lastError"]): string | null {
  if (!e) return null;
  if (typeof e === "string") return e;
  return e.message ?? null;
}

export function OrderFailures({ storeId, storeName }: { storeId: number | null; storeName: string | null }) {
  const list = useFailures<OrderFailure>("orders", storeId);
  const retry = useRetry();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<Set<string>>(new Set());
  /** Rows sent to Reprocessar, with the failure time they had: they show as queued until it changes. */
  const [queued, setQueued] = useState<Map<string, string>>(new Map());
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  // Selected rows that left the list (fixed by a retry) simply stop counting.
  const chosen = items.filter((o) => selected.has(keyOf(o)));
  const allChecked = items.length > 0 && chosen.length === items.length;

  const send = (orders: OrderFailure[]) =>
    retry.mutate(
      { orders: orders.map((o) => ({ storeId: o.storeId, externalId: o.externalId })) },
      {
        onSuccess: () => {
          setQueued((q) => new Map([...q, ...orders.map((o) => [keyOf(o), o.updatedAt] as const)]));
          setSelected((s) => new Set([...s].filter((k) => !orders.some((o) => keyOf(o) === k))));
        },
      },
    );
  const toggle = (set: Set<string>, key: string) => {
    const next = new Set(set);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    return next;
  };

  return (
    <>
      <div className="toolbar bulk-bar">
        <Button
          variant="primary"
          disabled={chosen.length === 0}
          pending={retry.isPending && retry.variables?.orders !== undefined && chosen.length > 0}
          onClick={() => send(chosen)}
        >
          Reprocessar selecionados{chosen.length > 0 ? ` (${chosen.length})` : ""}
        </Button>
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
          disabled={storeId === null || items.length === 0}
          disabledReason={storeId === null ? "Escolha uma loja no filtro" : "Nenhum pedido com erro"}
          pending={retry.isPending && retry.variables?.allOrdersOfStore !== undefined}
          onConfirm={() => storeId !== null && retry.mutate({ allOrdersOfStore: storeId })}
        />
      </div>
      {list.isPending ? <Loading label="Carregando os pedidos com erro…" /> : null}
      {list.isError ? <Notice kind="error">{describeError(list.error)}</Notice> : null}
      {list.isSuccess && items.length === 0 ? (
        <Notice kind="success">Nenhum pedido com erro{storeName ? ` na loja ${storeName}` : ""}.</Notice>
      ) : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="ops-table">
            <caption className="visually-hidden">Pedidos com erro</caption>
            <thead>
              <tr>
                <th scope="col" className="select-col">
                  <input
                    type="checkbox"
                    className="check"
                    aria-label="Selecionar todos os pedidos da lista"
                    checked={allChecked}
                    onChange={() => setSelected(allChecked ? new Set() : new Set(items.map(keyOf)))}
                  />
                </th>
                <th scope="col">Pedido</th>
                <th scope="col">Motivo</th>
                <th scope="col" className="num">
                  Tentativas
                </th>
                <th scope="col">Última falha</th>
                <th scope="col">
                  <span className="visually-hidden">Ações</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((o) => {
                const key = keyOf(o);
                const isOpen = open.has(key);
                const isQueued = queued.get(key) === o.updatedAt;
                const payloadId = `payload-${o.storeId}-${o.externalId}`;
                const technical = technicalError(o.lastError);
                return (
                  <Fragment key={key}>
                    <tr className="row-error">
                      <td className="select-col">
                        <input
                          type="checkbox"
                          className="check"
                          aria-label={`Selecionar o pedido ${nameOf(o)}`}
                          checked={selected.has(key)}
                          onChange={() => setSelected((s) => toggle(s, key))}
                        />
                      </td>
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
                        {isQueued ? <span className="badge badge-info">Na fila para reprocessar</span> : null}
                      </td>
                      <td className="num">{o.attempts}</td>
                      <td>{formatDateTime(o.updatedAt)}</td>
                      <td>
                        <div className="row-actions">
                          <Button
                            className="btn-small"
                            pending={
                              retry.isPending &&
                              retry.variables?.orders?.length === 1 &&
                              retry.variables.orders[0]?.externalId === o.externalId &&
                              retry.variables.orders[0]?.storeId === o.storeId
                            }
                            aria-label={`Reprocessar o pedido ${nameOf(o)}`}
                            onClick={() => send([o])}
                          >
                            Reprocessar
                          </Button>
                          <Button
                            className="btn-small"
                            variant="ghost"
                            aria-expanded={isOpen}
                            aria-controls={isOpen ? payloadId : undefined}
                            aria-label={`Ver payload do pedido ${nameOf(o)}`}
                            onClick={() => setOpen((s) => toggle(s, key))}
                          >
                            {isOpen ? "Ocultar payload" : "Ver payload"}
                          </Button>
                        </div>
                      </td>
                    </tr>
                    {isOpen ? (
                      <tr className="payload-row">
                        <td colSpan={6} id={payloadId}>
                          <OrderPayload storeId={o.storeId} externalId={o.externalId} />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {list.hasNextPage ? (
        <div className="toolbar table-foot">
          <Button pending={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            Carregar mais
          </Button>
        </div>
      ) : null}
    </>
  );
}
