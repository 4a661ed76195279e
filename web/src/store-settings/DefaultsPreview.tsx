// The customer-defaults preview on a real order: the operator picks one of the store's recent
// orders and Ponte evaluates the expressions of the form (the unsaved ones too) on it, writing
// nothing (POST /stores/:id/preview/recent). It also says whether that order would create its
// customer, since only then are the fields written.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { ResponseOf } from "../api/types.ts";
import { api } from "../api.ts";
import { Button, Notice } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { formatDateTime, formatMoney } from "../format.ts";
import type { DefaultLine } from "./CustomerDefaultsTab.tsx";

type RecentOrder = ResponseOf<"/api/v1/integration/{storeId}/orders", "get">["orders"][number];
type StoredPreview = ResponseOf<"/api/v1/stores/{id}/preview/recent", "post">;

interface FieldResult {
  key: string;
  field: string;
  value?: unknown;
  error?: string;
  /** No value for this order (e.g. a path it does not have): the field would be left out. */
  empty?: boolean;
}

interface PreviewResult {
  preview: StoredPreview;
  fields: FieldResult[];
}

async function runPreview(storeId: number, externalId: string, lines: DefaultLine[]): Promise<PreviewResult> {
  const filled = lines
    .map((l) => ({ key: l.key, field: l.field.trim(), expression: l.expression.trim() }))
    .filter((l) => l.field || l.expression);
  // Problems the save would refuse are told in pt-BR here, with the same rules as the API. The
  // rules load on demand; if they cannot (a new version deployed meanwhile), the API's own
  // messages are shown instead.
  const rules = await import("../../../src/sync/customer-defaults.ts").catch(() => null);
  const problems = new Map(
    filled.map((l) => [l.key, rules?.customerDefaultProblem(l.field, l.expression) ?? null]),
  );
  const preview = await api<StoredPreview>(`/api/v1/stores/${storeId}/preview/recent`, {
    method: "POST",
    body: {
      externalId,
      customerDefaults: filled
        .filter((l) => !problems.get(l.key))
        .map(({ field, expression }) => ({ field, expression })),
    },
  });
  const { fields, errors } = preview.customerDefaults;
  return {
    preview,
    fields: filled.map((l): FieldResult => {
      const name = l.field || "(sem nome)";
      const problem = problems.get(l.key);
      if (problem) return { key: l.key, field: name, error: problem.messagePt };
      const error = errors.find((e) => e.field === l.field);
      if (error) return { key: l.key, field: name, error: error.message };
      if (l.field in fields) return { key: l.key, field: name, value: fields[l.field] };
      return { key: l.key, field: name, empty: true };
    }),
  };
}

/** A recent order, or the one a preview names (which has no total). */
const orderLabel = (
  o: Pick<RecentOrder, "externalId" | "number" | "customerName" | "createdAt"> & {
    totalCents?: number | null;
  },
) =>
  [
    o.number ? `#${o.number}` : o.externalId,
    o.customerName ?? "cliente sem nome",
    o.createdAt ? formatDateTime(o.createdAt) : null,
    typeof o.totalCents === "number" ? formatMoney(o.totalCents) : null,
  ]
    .filter(Boolean)
    .join(" — ");

const MATCH_TEXT: Record<string, string> = {
  create: "Este pedido criaria o cliente no ERP: os campos abaixo seriam gravados no cadastro dele.",
  found:
    "O cliente deste pedido já existe no ERP (encontrado pelo CPF/CNPJ): os campos padrão só são gravados quando um pedido cria o cliente. Abaixo, o que eles dariam para este pedido.",
  none: "Este pedido não tem CPF/CNPJ válido: nenhum cliente seria criado. Abaixo, o que os campos dariam para este pedido.",
};

export function DefaultsPreview({
  storeId,
  lines,
  unsaved,
}: {
  storeId: number;
  lines: DefaultLine[];
  unsaved: boolean;
}) {
  const headingId = useId();
  const selectId = useId();
  const recent = useQuery({
    queryKey: ["integration", storeId, "recent-orders"],
    queryFn: () =>
      api<{ orders: RecentOrder[] }>(`/api/v1/integration/${storeId}/orders?view=all&limit=20`).then(
        (r) => r.orders,
      ),
  });
  const [chosen, setChosen] = useState<string>("");
  const preview = useMutation({
    mutationFn: (externalId: string) => runPreview(storeId, externalId, lines),
  });
  const orders = recent.data ?? [];
  const selected = orders.find((o) => o.externalId === chosen) ?? orders[0];
  const result = preview.data;

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Prévia em um pedido real</h2>
      <p className="muted small">
        Escolha um pedido recente da loja e veja o que as expressões do formulário
        {unsaved ? " (com as alterações ainda não salvas)" : ""} colocariam no cliente. Nada é gravado.
      </p>
      {recent.isError ? <Notice kind="error">{describeError(recent.error)}</Notice> : null}
      {recent.isSuccess && orders.length === 0 ? (
        <Notice kind="info">
          A loja ainda não tem pedidos no Ponte. Use “Importar agora” e volte aqui para a prévia.
        </Notice>
      ) : null}
      {orders.length > 0 ? (
        <div className="toolbar preview-picker">
          <div className="field">
            <label htmlFor={selectId}>Pedido para a prévia</label>
            <select
              id={selectId}
              value={selected?.externalId ?? ""}
              onChange={(e) => setChosen(e.target.value)}
            >
              {orders.map((o) => (
                <option key={o.externalId} value={o.externalId}>
                  {orderLabel(o)}
                </option>
              ))}
            </select>
          </div>
          <Button
            variant="primary"
            pending={preview.isPending}
            disabled={!selected}
            onClick={() => selected && preview.mutate(selected.externalId)}
          >
            Pré-visualizar
          </Button>
        </div>
      ) : null}
      {preview.isError ? <Notice kind="error">{describeError(preview.error)}</Notice> : null}
      {result && !preview.isPending ? <PreviewOutcome result={result} /> : null}
    </section>
  );
}

function PreviewOutcome({ result }: { result: PreviewResult }) {
  const { preview, fields } = result;
  return (
    <div className="preview-outcome">
      <h3>Resultado para o pedido {orderLabel(preview.order)}</h3>
      {preview.normalizeError ? (
        <Notice kind="error">O Ponte não consegue ler este pedido: {preview.normalizeError}</Notice>
      ) : (
        <>
          {preview.customer.match ? (
            <Notice kind={preview.customer.match === "create" ? "info" : "warning"}>
              {MATCH_TEXT[preview.customer.match]}
              {preview.customer.problem ? ` (${preview.customer.problem})` : ""}
            </Notice>
          ) : null}
          {fields.length === 0 ? (
            <p className="muted">Nenhum campo padrão no formulário.</p>
          ) : (
            <div className="table-wrap">
              <table className="ops-table">
                <caption className="visually-hidden">Campos do cliente calculados</caption>
                <thead>
                  <tr>
                    <th scope="col">Campo</th>
                    <th scope="col">Resultado</th>
                  </tr>
                </thead>
                <tbody>
                  {fields.map((f) => (
                    <tr key={f.key} className={f.error ? "row-error" : undefined}>
                      <th scope="row">
                        <code>{f.field}</code>
                      </th>
                      <td>
                        {f.error ? (
                          <span className="field-error">Erro na expressão: {f.error}</span>
                        ) : f.empty ? (
                          <span className="muted">sem valor para este pedido (o campo fica de fora)</span>
                        ) : (
                          <code>{JSON.stringify(f.value)}</code>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="small">
            <strong>O que o Ponte faria com este pedido:</strong> {preview.explanation}
          </p>
          <details className="small examples">
            <summary>Dados do pedido (o que as expressões leem)</summary>
            <pre className="payload">{JSON.stringify(preview.normalized, null, 2)}</pre>
          </details>
        </>
      )}
    </div>
  );
}
