// Payment and shipping DE-PARA (R4.4): a list of "platform value → ERP value" rows the
// operator adds, edits and removes, saved whole. One editor, described by its columns.
import { useId, useMemo } from "react";
import { ActionsHeader, Button, InputError, invalidProps, RemoveButton } from "../components/ui.tsx";
import { TableDraftForm } from "./TableDraftForm.tsx";
import { newKey, type Outgoing, parseRowField, type TablePath, useTableDraft } from "./table-draft.ts";

export interface Column {
  field: string;
  label: string;
  /** Text, or a whole number; `optional` columns send null when left empty. */
  kind: "text" | "integer";
  optional?: boolean;
  placeholder?: string;
  min?: number;
  max?: number;
}

type Line = { key: string } & Record<string, string>;

export interface MapTableSpec {
  path: TablePath;
  title: string;
  intro: string;
  columns: Column[];
  /** The column naming a row in labels ("Remover a linha pix"). */
  nameField: string;
  emptyText: string;
  savedMessage: string;
}

export function MapTableTab({
  storeId,
  spec,
  onDirtyChange,
}: {
  storeId: number;
  spec: MapTableSpec;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const conversion = useMemo(() => {
    const toDraft = (rows: Record<string, unknown>[]): Line[] =>
      rows.map((row) => {
        const line: Line = { key: newKey() };
        for (const c of spec.columns) line[c.field] = row[c.field] == null ? "" : String(row[c.field]);
        return line;
      });
    const toRows = (lines: Line[]): Outgoing<Record<string, unknown>> => ({
      // Keys in the API's order, so an untouched table compares equal to the saved one.
      rows: lines.map((line) =>
        Object.fromEntries(
          spec.columns.map((c) => {
            const text = line[c.field] ?? "";
            if (c.optional && text.trim() === "") return [c.field, null];
            return [c.field, c.kind === "integer" ? Number(text) : text];
          }),
        ),
      ),
      locate: (field) => {
        const at = parseRowField(field);
        const line = at ? lines[at[0]] : undefined;
        if (!line || !at) return null;
        // A problem with the row as a whole sits under its first input.
        return `${line.key}.${at[1] || spec.columns[0]!.field}`;
      },
    });
    return { toDraft, toRows };
  }, [spec]);
  const table = useTableDraft(storeId, spec.path, conversion, {
    onDirtyChange,
    savedMessage: spec.savedMessage,
  });
  const headingId = useId();
  const { update, errors } = table;
  const setCell = (key: string, field: string, value: string) =>
    update((lines) => lines.map((l) => (l.key === key ? { ...l, [field]: value } : l)));

  return (
    <TableDraftForm table={table} loadingLabel="Carregando a tabela…" aria-labelledby={headingId}>
      {(draft) => (
        <section className="card">
          <h2 id={headingId}>{spec.title}</h2>
          <p className="muted small">{spec.intro}</p>
          <div className="table-wrap">
            <table className="edit-table">
              <thead>
                <tr>
                  {spec.columns.map((c) => (
                    <th key={c.field} scope="col">
                      {c.label}
                      {c.optional ? <span className="muted"> (opcional)</span> : null}
                    </th>
                  ))}
                  <ActionsHeader />
                </tr>
              </thead>
              <tbody>
                {draft.length === 0 ? (
                  <tr>
                    <td colSpan={spec.columns.length + 1} className="muted">
                      {spec.emptyText}
                    </td>
                  </tr>
                ) : null}
                {draft.map((line, index) => {
                  const name = line[spec.nameField]?.trim()
                    ? `"${line[spec.nameField]!.trim()}"`
                    : `${index + 1}`;
                  const rowHasError = spec.columns.some((c) => errors.fields.has(`${line.key}.${c.field}`));
                  return (
                    <tr key={line.key} className={rowHasError ? "row-error" : undefined}>
                      {spec.columns.map((c) => {
                        const error = errors.fields.get(`${line.key}.${c.field}`);
                        const errorId = `${line.key}-${c.field}-error`;
                        return (
                          <td key={c.field}>
                            <input
                              aria-label={`${c.label}, linha ${index + 1}`}
                              value={line[c.field] ?? ""}
                              type={c.kind === "integer" ? "number" : "text"}
                              inputMode={c.kind === "integer" ? "numeric" : undefined}
                              min={c.min}
                              max={c.max}
                              step={c.kind === "integer" ? 1 : undefined}
                              maxLength={c.kind === "text" ? 100 : undefined}
                              placeholder={c.placeholder}
                              {...invalidProps(errorId, error)}
                              onChange={(e) => setCell(line.key, c.field, e.target.value)}
                            />
                            <InputError id={errorId} error={error} />
                          </td>
                        );
                      })}
                      <td>
                        <RemoveButton
                          label={`Remover a linha ${name}`}
                          onClick={() => update((lines) => lines.filter((l) => l.key !== line.key))}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="toolbar table-foot">
            <Button
              onClick={() =>
                update((lines) => [
                  ...lines,
                  { key: newKey(), ...Object.fromEntries(spec.columns.map((c) => [c.field, ""])) },
                ])
              }
            >
              Adicionar linha
            </Button>
          </div>
        </section>
      )}
    </TableDraftForm>
  );
}

export const PAYMENT_SPEC: MapTableSpec = {
  path: "payment-map",
  title: "Formas de pagamento",
  intro:
    "A forma de pagamento que a loja envia (método, ou o gateway quando não há método) vira a forma de pagamento do pedido de venda. Parcelas vazias: as do pedido. Um valor sem linha passa como veio e o pedido recebe um aviso.",
  columns: [
    { field: "platformValue", label: "Valor na plataforma", kind: "text", placeholder: "ex.: pix" },
    { field: "paymentType", label: "Forma de pagamento no ERP", kind: "text", placeholder: "ex.: pix" },
    { field: "installments", label: "Parcelas", kind: "integer", optional: true, min: 1, max: 48 },
  ],
  nameField: "platformValue",
  emptyText: "Nenhuma forma de pagamento mapeada.",
  savedMessage: "Tabela de formas de pagamento salva.",
};

export const SHIPPING_SPEC: MapTableSpec = {
  path: "shipping-map",
  title: "Formas de entrega",
  intro:
    "O código ou a transportadora que a loja envia vira a transportadora do pedido de venda, com o tipo de entrega (vazio: o nome da opção escolhida na loja).",
  columns: [
    { field: "platformValue", label: "Valor na plataforma", kind: "text", placeholder: "ex.: correios" },
    { field: "carrier", label: "Transportadora", kind: "text", placeholder: "ex.: Correios" },
    {
      field: "shippingType",
      label: "Tipo de entrega",
      kind: "text",
      optional: true,
      placeholder: "ex.: SEDEX",
    },
  ],
  nameField: "platformValue",
  emptyText: "Nenhuma forma de entrega mapeada.",
  savedMessage: "Tabela de formas de entrega salva.",
};
