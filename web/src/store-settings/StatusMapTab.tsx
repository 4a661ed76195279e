// Status DE-PARA (R4.2, docs/REQUIREMENTS.md#seed-004): which platform status values read as which Ponte status,
// and per Ponte status "Ativo" and "Processa inclusão". The API keeps one row per canonical
// status with its list of platform values; here each value is its own line with a select,
// so moving "paid" to another status is one change, and the flags sit once per status.
import { useCallback, useId } from "react";
import {
  CANONICAL_LABELS,
  CANONICAL_STATUSES,
  type CanonicalStatus,
  SALES_ORDER_LABELS,
  salesOrderStatusFor,
} from "../../../src/domain/order-status.ts";
import type { ResponseOf } from "../api/types.ts";
import { ActionsHeader, Button, InputError, invalidProps, RemoveButton } from "../components/ui.tsx";
import { usePlatforms } from "../platforms.ts";
import { TableDraftForm } from "./TableDraftForm.tsx";
import { newKey, type Outgoing, parseRowField, useTableDraft } from "./table-draft.ts";

/** A status row as saved; `extra`: the values of the platform's extra columns, absent when empty. */
export type StatusRow = ResponseOf<"/api/v1/stores/{id}/status-map", "get">["rows"][number];

interface ValueLine {
  key: string;
  value: string;
  canonical: CanonicalStatus;
}

type Flags = Record<
  CanonicalStatus,
  { active: boolean; createsOrder: boolean; extra: Record<string, string> }
>;

interface StatusDraft {
  values: ValueLine[];
  flags: Flags;
}

const toDraft = (rows: StatusRow[]): StatusDraft => ({
  values: rows.flatMap((row) =>
    row.platformValues.map((value) => ({ key: newKey(), value, canonical: row.canonicalStatus })),
  ),
  flags: Object.fromEntries(
    CANONICAL_STATUSES.map((status) => {
      const row = rows.find((r) => r.canonicalStatus === status);
      return [
        status,
        { active: row?.active ?? false, createsOrder: row?.createsOrder ?? true, extra: row?.extra ?? {} },
      ];
    }),
  ) as Flags,
});

function toRows(draft: StatusDraft): Outgoing<StatusRow> {
  const valueAt = new Map<string, string>();
  const rows = CANONICAL_STATUSES.map((status, i) => {
    const lines = draft.values.filter((v) => v.canonical === status);
    lines.forEach((line, j) => {
      valueAt.set(`${i}:platformValues[${j}]`, `${line.key}.value`);
    });
    // As the server keeps them: trimmed, empty columns dropped, no `extra` when none holds anything
    // (so undoing an edit matches the saved table again).
    const extra = Object.fromEntries(
      Object.entries(draft.flags[status].extra)
        .map(([key, value]) => [key, value.trim()])
        .filter(([, value]) => value !== ""),
    );
    return {
      canonicalStatus: status,
      platformValues: lines.map((l) => l.value),
      active: draft.flags[status].active,
      createsOrder: draft.flags[status].createsOrder,
      ...(Object.keys(extra).length > 0 ? { extra } : {}),
    };
  });
  const locate = (field: string) => {
    const at = parseRowField(field);
    if (!at) return null;
    const [i, rest] = at;
    if (rest.startsWith("platformValues[")) return valueAt.get(`${i}:${rest}`) ?? null;
    const status = CANONICAL_STATUSES[i];
    return status ? `status.${status}` : null;
  };
  return { rows, locate };
}

const conversion = { toDraft, toRows };

export function StatusMapTab({
  storeId,
  platform,
  onDirtyChange,
}: {
  storeId: number;
  platform: string;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const table = useTableDraft(storeId, "status-map", conversion, {
    onDirtyChange,
    savedMessage: "Tabela de status salva. Os próximos pedidos já usam a nova tabela.",
  });
  const listId = useId();
  const { update, errors } = table;

  const setValue = useCallback(
    (key: string, patch: Partial<ValueLine>) =>
      update((d) => ({ ...d, values: d.values.map((v) => (v.key === key ? { ...v, ...patch } : v)) })),
    [update],
  );

  // Suggestions: the platform's status vocabulary, each with its label; and its extra columns.
  const declared = usePlatforms().data?.find((p) => p.id === platform);
  const known = declared?.statusValues ?? [];
  const columns = declared?.statusColumns ?? [];
  return (
    <TableDraftForm
      table={table}
      loadingLabel="Carregando a tabela de status…"
      aria-label="Tabela de status (DE-PARA)"
    >
      {(draft) => (
        <>
          <section className="card" aria-labelledby={`${listId}-values`}>
            <h2 id={`${listId}-values`}>Status da plataforma → status do Ponte</h2>
            <p className="muted small">
              Cada valor de status que a loja envia (por exemplo <code>paid</code>, <code>cancelled</code>)
              aponta para um status do Ponte. Um valor só pode aparecer uma vez. Um valor que não está na
              tabela deixa o pedido retido na Integração.
            </p>
            <div className="table-wrap">
              <table className="edit-table">
                <thead>
                  <tr>
                    <th scope="col">Valor na plataforma</th>
                    <th scope="col">Status no Ponte</th>
                    <ActionsHeader />
                  </tr>
                </thead>
                <tbody>
                  {draft.values.length === 0 ? (
                    <tr>
                      <td colSpan={3} className="muted">
                        Nenhum valor mapeado: todos os pedidos ficariam retidos. Adicione os status da
                        plataforma.
                      </td>
                    </tr>
                  ) : null}
                  {draft.values.map((line, index) => {
                    const error = errors.fields.get(`${line.key}.value`);
                    const inactive = !draft.flags[line.canonical].active;
                    const name = line.value.trim() ? `"${line.value.trim()}"` : `da linha ${index + 1}`;
                    return (
                      <tr key={line.key} className={error ? "row-error" : undefined}>
                        <td>
                          <input
                            aria-label={`Valor na plataforma, linha ${index + 1}`}
                            value={line.value}
                            list={`${listId}-known`}
                            maxLength={100}
                            {...invalidProps(`${line.key}-error`, error)}
                            onChange={(e) => setValue(line.key, { value: e.target.value })}
                          />
                          <InputError id={`${line.key}-error`} error={error} />
                        </td>
                        <td>
                          <select
                            aria-label={`Status no Ponte do valor ${name}`}
                            value={line.canonical}
                            aria-describedby={inactive ? `${line.key}-inactive` : undefined}
                            onChange={(e) =>
                              setValue(line.key, { canonical: e.target.value as CanonicalStatus })
                            }
                          >
                            {CANONICAL_STATUSES.map((status) => (
                              <option key={status} value={status}>
                                {CANONICAL_LABELS[status]}
                              </option>
                            ))}
                          </select>
                          {inactive ? (
                            <div id={`${line.key}-inactive`} className="warn-text small">
                              Status inativo: pedidos com este valor ficam retidos na Integração.
                            </div>
                          ) : null}
                        </td>
                        <td>
                          <RemoveButton
                            label={`Remover o valor ${name}`}
                            onClick={() =>
                              update((d) => ({ ...d, values: d.values.filter((v) => v.key !== line.key) }))
                            }
                          />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <datalist id={`${listId}-known`}>
              {known.map(({ value, label }) => (
                <option key={value} value={value} label={label} />
              ))}
            </datalist>
            <div className="toolbar table-foot">
              <Button
                onClick={() =>
                  update((d) => ({
                    ...d,
                    values: [...d.values, { key: newKey(), value: "", canonical: "aguardando_pagamento" }],
                  }))
                }
              >
                Adicionar valor
              </Button>
            </div>
          </section>

          <section className="card" aria-labelledby={`${listId}-flags`}>
            <h2 id={`${listId}-flags`}>Status do Ponte</h2>
            <p className="muted small">
              <strong>Ativo</strong>: o status está em uso; um pedido num status inativo fica retido na
              Integração. <strong>Processa inclusão</strong>: um pedido neste status cria o pedido de venda;
              desmarcado, o pedido espera até passar para um status que processe inclusão.
            </p>
            <div className="table-wrap">
              <table className="edit-table">
                <thead>
                  <tr>
                    <th scope="col">Status no Ponte</th>
                    <th scope="col">Ativo</th>
                    <th scope="col">Processa inclusão</th>
                    <th scope="col">Pedido de venda</th>
                    <th scope="col">Valores da plataforma</th>
                    {columns.map((c) => (
                      <th key={c.key} scope="col">
                        {c.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {CANONICAL_STATUSES.map((status) => {
                    const flags = draft.flags[status];
                    const error = errors.fields.get(`status.${status}`);
                    const label = CANONICAL_LABELS[status];
                    const values = draft.values.filter((v) => v.canonical === status && v.value.trim());
                    const setFlag = (patch: Partial<Flags[CanonicalStatus]>) =>
                      update((d) => ({
                        ...d,
                        flags: { ...d.flags, [status]: { ...d.flags[status], ...patch } },
                      }));
                    return (
                      <tr key={status} className={error ? "row-error" : undefined}>
                        <th scope="row">
                          {label}
                          {error ? <div className="field-error small">{error}</div> : null}
                        </th>
                        <td>
                          <input
                            type="checkbox"
                            className="check"
                            aria-label={`Ativo: ${label}`}
                            checked={flags.active}
                            onChange={(e) => setFlag({ active: e.target.checked })}
                          />
                        </td>
                        <td>
                          <input
                            type="checkbox"
                            className="check"
                            aria-label={`Processa inclusão: ${label}`}
                            checked={flags.createsOrder}
                            onChange={(e) => setFlag({ createsOrder: e.target.checked })}
                          />
                        </td>
                        <td>{SALES_ORDER_LABELS[salesOrderStatusFor(status)]}</td>
                        <td className="small">
                          {values.length > 0 ? (
                            values.map((v) => v.value.trim()).join(", ")
                          ) : (
                            <span className="muted">nenhum</span>
                          )}
                        </td>
                        {columns.map((c) => (
                          <td key={c.key}>
                            <input
                              aria-label={`${c.label}: ${label}`}
                              value={flags.extra[c.key] ?? ""}
                              maxLength={c.maxLength}
                              onChange={(e) =>
                                setFlag({ extra: { ...flags.extra, [c.key]: e.target.value } })
                              }
                            />
                          </td>
                        ))}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </TableDraftForm>
  );
}
