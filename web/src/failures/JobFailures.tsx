// Falhas › Tarefas: background jobs that failed (still retrying, or given up), with their
// error and payload, and Reprocessar (runs them again now, attempts back to zero).
import { formatDateTime } from "../format.ts";
import { FailureTable } from "./FailureTable.tsx";
import { type JobFailure, TASK_LABELS, useFailures } from "./failures-api.ts";
import { PayloadView } from "./PayloadRow.tsx";

const taskOf = (j: JobFailure) => TASK_LABELS[j.task] ?? j.task;
const nameOf = (j: JobFailure) => `${taskOf(j)} (tarefa ${j.id})`;

export function JobFailures({
  storeId,
  storeNames,
}: {
  storeId: number | null;
  storeNames: Map<number, string>;
}) {
  const list = useFailures<JobFailure>("jobs", storeId);
  return (
    <FailureTable
      list={list}
      keyOf={(j) => j.id}
      request={(jobs) => ({ jobs: jobs.map((j) => j.id) })}
      labels={(j) => ({
        select: `Selecionar ${nameOf(j)}`,
        retry: `Reprocessar ${nameOf(j)}`,
        payload: `Ver payload de ${nameOf(j)}`,
      })}
      headers={[
        { label: "Tarefa" },
        { label: "Erro" },
        { label: "Tentativas", numeric: true },
        { label: "Situação" },
      ]}
      cells={(j, queued) => {
        const store = j.storeId !== null ? (storeNames.get(j.storeId) ?? `loja ${j.storeId}`) : null;
        return (
          <>
            <th scope="row">
              {taskOf(j)}
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
              {queued ? (
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
          </>
        );
      }}
      payloadId={(j) => `job-payload-${j.id}`}
      payload={(j) => <PayloadView raw={j.payload} />}
      caption="Tarefas com falha"
      loadingLabel="Carregando as tarefas com falha…"
      emptyText="Nenhuma tarefa com falha."
      selectAllLabel="Selecionar todas as tarefas da lista"
      bulkLabel="Reprocessar selecionadas"
    />
  );
}
