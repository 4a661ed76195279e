// Falhas › Tarefas: background jobs that failed (still retrying, or given up), with their
// error and payload, and Reprocessar (runs them again now, attempts back to zero).
import { Fragment, useState } from "react";
import { Button, Loading, Notice } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { formatDateTime } from "../format.ts";
import { type JobFailure, TASK_LABELS, useFailures, useRetry } from "./failures-api.ts";
import { PayloadView } from "./PayloadRow.tsx";

export function JobFailures({
  storeId,
  storeNames,
}: {
  storeId: number | null;
  storeNames: Map<number, string>;
}) {
  const list = useFailures<JobFailure>("jobs", storeId);
  const retry = useRetry();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [queued, setQueued] = useState<Map<string, string>>(new Map());
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const chosen = items.filter((j) => selected.has(j.id));
  const allChecked = items.length > 0 && chosen.length === items.length;

  const send = (jobs: JobFailure[]) =>
    retry.mutate(
      { jobs: jobs.map((j) => j.id) },
      {
        onSuccess: () => {
          setQueued((q) => new Map([...q, ...jobs.map((j) => [j.id, j.updatedAt] as const)]));
          setSelected((s) => new Set([...s].filter((id) => !jobs.some((j) => j.id === id))));
        },
      },
    );
  const toggle = (set: Set<string>, key: string) => {
    const next = new Set(set);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    return next;
  };
  const label = (j: JobFailure) => `${TASK_LABELS[j.task] ?? j.task} (tarefa ${j.id})`;

  return (
    <>
      <div className="toolbar bulk-bar">
        <Button
          variant="primary"
          disabled={chosen.length === 0}
          pending={retry.isPending && chosen.length > 0}
          onClick={() => send(chosen)}
        >
          Reprocessar selecionadas{chosen.length > 0 ? ` (${chosen.length})` : ""}
        </Button>
      </div>
      {list.isPending ? <Loading label="Carregando as tarefas com falha…" /> : null}
      {list.isError ? <Notice kind="error">{describeError(list.error)}</Notice> : null}
      {list.isSuccess && items.length === 0 ? (
        <Notice kind="success">Nenhuma tarefa com falha.</Notice>
      ) : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="ops-table">
            <caption className="visually-hidden">Tarefas com falha</caption>
            <thead>
              <tr>
                <th scope="col" className="select-col">
                  <input
                    type="checkbox"
                    className="check"
                    aria-label="Selecionar todas as tarefas da lista"
                    checked={allChecked}
                    onChange={() => setSelected(allChecked ? new Set() : new Set(items.map((j) => j.id)))}
                  />
                </th>
                <th scope="col">Tarefa</th>
                <th scope="col">Erro</th>
                <th scope="col" className="num">
                  Tentativas
                </th>
                <th scope="col">Situação</th>
                <th scope="col">
                  <span className="visually-hidden">Ações</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((j) => {
                const isOpen = open.has(j.id);
                const payloadId = `job-payload-${j.id}`;
                const store = j.storeId !== null ? (storeNames.get(j.storeId) ?? `loja ${j.storeId}`) : null;
                return (
                  <Fragment key={j.id}>
                    <tr className="row-error">
                      <td className="select-col">
                        <input
                          type="checkbox"
                          className="check"
                          aria-label={`Selecionar ${label(j)}`}
                          checked={selected.has(j.id)}
                          onChange={() => setSelected((s) => toggle(s, j.id))}
                        />
                      </td>
                      <th scope="row">
                        {TASK_LABELS[j.task] ?? j.task}
                        <div className="muted small">
                          tarefa {j.id}
                          {store ? ` · ${store}` : ""}
                        </div>
                      </th>
                      <td className="break reason-cell">{j.lastError}</td>
                      <td className="num">
                        {j.attempts} de {j.maxAttempts}
                      </td>
                      <td>
                        {queued.get(j.id) === j.updatedAt ? (
                          <span className="badge badge-info">Na fila para reprocessar</span>
                        ) : j.retrying ? (
                          <>
                            <span className="badge badge-warn">Tentando de novo</span>
                            <div className="muted small">próxima: {formatDateTime(j.runAt)}</div>
                          </>
                        ) : (
                          <>
                            <span className="badge badge-bad">Sem novas tentativas</span>
                            <div className="muted small">em {formatDateTime(j.updatedAt)}</div>
                          </>
                        )}
                      </td>
                      <td>
                        <div className="row-actions">
                          <Button
                            className="btn-small"
                            pending={
                              retry.isPending &&
                              retry.variables?.jobs?.length === 1 &&
                              retry.variables.jobs[0] === j.id
                            }
                            aria-label={`Reprocessar ${label(j)}`}
                            onClick={() => send([j])}
                          >
                            Reprocessar
                          </Button>
                          <Button
                            className="btn-small"
                            variant="ghost"
                            aria-expanded={isOpen}
                            aria-controls={isOpen ? payloadId : undefined}
                            aria-label={`Ver payload de ${label(j)}`}
                            onClick={() => setOpen((s) => toggle(s, j.id))}
                          >
                            {isOpen ? "Ocultar payload" : "Ver payload"}
                          </Button>
                        </div>
                      </td>
                    </tr>
                    {isOpen ? (
                      <tr className="payload-row">
                        <td colSpan={6} id={payloadId}>
                          <PayloadView raw={j.payload} />
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
