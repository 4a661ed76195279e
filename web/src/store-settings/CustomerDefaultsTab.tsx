// Customer default fields (R3.4, docs/REQUIREMENTS.md#seed-002 "Campos Padrões de Cliente"): per store, a field
// name and a JSONata expression over the order, evaluated when an order creates its customer.
// The preview reads a real recent order of the store and shows what the expressions in the
// form (saved or not) would put in the customer, with the evaluator the worker runs.
import { useId } from "react";
import type { ResponseOf } from "../api/types.ts";
import { Button, InputError, invalidProps, RemoveButton } from "../components/ui.tsx";
import { DefaultsPreview } from "./DefaultsPreview.tsx";
import { TableDraftForm } from "./TableDraftForm.tsx";
import { newKey, type Outgoing, parseRowField, useTableDraft } from "./table-draft.ts";

export type CustomerDefault = ResponseOf<"/api/v1/stores/{id}/customer-defaults", "get">["rows"][number];

/** A row of the form: the saved row and its draft key. */
export type DefaultLine = CustomerDefault & { key: string };

const conversion = {
  toDraft: (rows: CustomerDefault[]): DefaultLine[] => rows.map((r) => ({ key: newKey(), ...r })),
  toRows: (lines: DefaultLine[]): Outgoing<CustomerDefault> => ({
    rows: lines.map(({ field, expression }) => ({ field, expression })),
    locate: (path) => {
      const at = parseRowField(path);
      const line = at ? lines[at[0]] : undefined;
      if (!line || !at) return null;
      return `${line.key}.${at[1] === "expression" ? "expression" : "field"}`;
    },
  }),
};

const EXAMPLES: [string, string, string][] = [
  ["produtorRural", "true", "todo cliente desta loja é produtor rural"],
  ["regiao", 'billingAddress.state in ["MT", "MS", "GO"] ? "Centro-Oeste" : "Outras"', "pelo estado"],
  ["compraAlta", "totals.totalCents >= 100000", "primeira compra de R$ 1.000,00 ou mais"],
];

export function CustomerDefaultsTab({
  storeId,
  onDirtyChange,
}: {
  storeId: number;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const table = useTableDraft(storeId, "customer-defaults", conversion, {
    onDirtyChange,
    savedMessage: "Campos padrão do cliente salvos. Valem para os próximos clientes criados por pedidos.",
  });
  const headingId = useId();
  const { update, errors } = table;
  const setLine = (key: string, patch: Partial<CustomerDefault>) =>
    update((lines) => lines.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  return (
    <>
      <TableDraftForm
        table={table}
        loadingLabel="Carregando os campos do cliente…"
        aria-labelledby={headingId}
      >
        {(draft) => (
          <section className="card">
            <h2 id={headingId}>Campos padrão do cliente</h2>
            <p className="muted small">
              Quando um pedido desta loja cria o cliente no ERP, cada campo abaixo recebe o resultado da sua
              expressão (linguagem JSONata, calculada sobre os dados do pedido). Clientes que já existem não
              são alterados.
            </p>
            <details className="small examples">
              <summary>Exemplos de expressões</summary>
              <ul>
                {EXAMPLES.map(([field, expression, why]) => (
                  <li key={field}>
                    <code>{field}</code> = <code>{expression}</code> — {why}
                  </li>
                ))}
              </ul>
              <p>
                Campos do pedido: <code>customer.name</code>, <code>customer.email</code>,{" "}
                <code>customer.document</code>, <code>billingAddress.city</code>,{" "}
                <code>billingAddress.state</code>, <code>totals.totalCents</code>, <code>payment.method</code>
                , <code>shipping.carrier</code>. Veja todos na prévia, em “Dados do pedido”.
              </p>
            </details>
            {draft.length === 0 ? (
              <p className="muted">Nenhum campo padrão: os clientes são criados só com os dados do pedido.</p>
            ) : null}
            <ol className="defaults-list">
              {draft.map((line, index) => {
                const fieldError = errors.fields.get(`${line.key}.field`);
                const expressionError = errors.fields.get(`${line.key}.expression`);
                const name = line.field.trim() ? `"${line.field.trim()}"` : `${index + 1}`;
                return (
                  <li
                    key={line.key}
                    className={fieldError || expressionError ? "default-row has-error" : "default-row"}
                  >
                    <div className="field">
                      <label htmlFor={`${line.key}-field`}>Campo {index + 1}</label>
                      <input
                        id={`${line.key}-field`}
                        value={line.field}
                        maxLength={64}
                        spellCheck={false}
                        placeholder="ex.: produtorRural"
                        {...invalidProps(`${line.key}-field-error`, fieldError)}
                        onChange={(e) => setLine(line.key, { field: e.target.value })}
                      />
                      <InputError id={`${line.key}-field-error`} error={fieldError} />
                    </div>
                    <div className="field grow">
                      <label htmlFor={`${line.key}-expression`}>Expressão do campo {index + 1}</label>
                      <textarea
                        id={`${line.key}-expression`}
                        className="code"
                        rows={2}
                        value={line.expression}
                        maxLength={500}
                        spellCheck={false}
                        placeholder='ex.: billingAddress.state = "MT"'
                        {...invalidProps(`${line.key}-expression-error`, expressionError)}
                        onChange={(e) => setLine(line.key, { expression: e.target.value })}
                      />
                      <InputError id={`${line.key}-expression-error`} error={expressionError} />
                    </div>
                    <RemoveButton
                      className="remove"
                      label={`Remover o campo ${name}`}
                      onClick={() => update((lines) => lines.filter((l) => l.key !== line.key))}
                    />
                  </li>
                );
              })}
            </ol>
            <div className="toolbar table-foot">
              <Button
                onClick={() => update((lines) => [...lines, { key: newKey(), field: "", expression: "" }])}
              >
                Adicionar campo
              </Button>
            </div>
          </section>
        )}
      </TableDraftForm>
      {table.draft ? <DefaultsPreview storeId={storeId} lines={table.draft} unsaved={table.dirty} /> : null}
    </>
  );
}
