// Recebíveis (contas a receber, issue 16 item 3): the installments the invoices created, filtered
// by due date, situation and customer; totals per month; the baixa (partial or in full) and its
// undo under each row. Overdue ones (due before today in São Paulo, still owed) stand out.
import { Fragment, useState } from "react";
import { Link } from "react-router";
import { ExportLink } from "../components/ExportLink.tsx";
import { ActionsHeader, Button, Field, ListError, LoadMore, PageHeader } from "../components/ui.tsx";
import { formatDate, formatMoney } from "../format.ts";
import { TextField } from "../orders/fulfilment-ui.tsx";
import { Can } from "../permissions.tsx";
import { SITUATION_LABELS } from "../receivables/labels.ts";
import { ReceiptForm } from "../receivables/ReceiptForm.tsx";
import { ReceiptList } from "../receivables/ReceiptList.tsx";
import {
  type ReceivableFilters,
  type ReceivableRow,
  receivablesExportUrl,
  useReceivableList,
} from "../receivables/receivables-api.ts";
import { TotalsTable } from "../receivables/TotalsTable.tsx";

const EMPTY: ReceivableFilters = { dueFrom: "", dueTo: "", situation: "", customer: "" };

export function ReceivablesPage() {
  const [draft, setDraft] = useState<ReceivableFilters>(EMPTY);
  const [filters, setFilters] = useState<ReceivableFilters>(EMPTY);
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useReceivableList(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (patch: Partial<ReceivableFilters>) => setDraft((d) => ({ ...d, ...patch }));

  return (
    <>
      <PageHeader title="Recebíveis">
        <ExportLink href={receivablesExportUrl(filters)} />
      </PageHeader>
      <p className="muted">
        As parcelas que as notas fiscais e vendas simples criaram. Dê baixa no que entrou (parcial ou total) e
        desfaça uma baixa lançada por engano; parcelas vencidas e ainda em aberto ficam destacadas.
      </p>
      <form
        className="toolbar"
        aria-label="Filtros de recebíveis"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(draft);
        }}
      >
        <TextField
          label="Vencimento de"
          type="date"
          value={draft.dueFrom}
          onChange={(v) => set({ dueFrom: v })}
        />
        <TextField
          label="Vencimento até"
          type="date"
          value={draft.dueTo}
          onChange={(v) => set({ dueTo: v })}
        />
        <Field label="Situação">
          {(p) => (
            <select {...p} value={draft.situation} onChange={(e) => set({ situation: e.target.value })}>
              <option value="">Todas</option>
              <option value="overdue">Vencidas</option>
              {Object.entries(SITUATION_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          label="Cliente"
          placeholder="Nome ou CPF/CNPJ"
          maxLength={200}
          value={draft.customer}
          onChange={(v) => set({ customer: v })}
        />
        <Button type="submit" variant="primary">
          Filtrar
        </Button>
      </form>
      <TotalsTable filters={filters} />
      <ListError list={list} />
      <div className="table-wrap">
        <table aria-label="Recebíveis">
          <thead>
            <tr>
              <th scope="col">Pedido</th>
              <th scope="col">Cliente</th>
              <th scope="col">Parcela</th>
              <th scope="col">Vencimento</th>
              <th scope="col" className="num">
                Valor
              </th>
              <th scope="col" className="num">
                Recebido
              </th>
              <th scope="col">Situação</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <Fragment key={r.id}>
                <ReceivableLine
                  r={r}
                  open={openId === r.id}
                  onToggle={() => setOpenId(openId === r.id ? null : r.id)}
                />
                {openId === r.id ? (
                  <tr className="detail-row">
                    <td colSpan={8}>
                      <ReceiptList receivable={r} />
                      {r.status === "open" || r.status === "partial" ? (
                        <Can permission="operate">
                          <ReceiptForm receivable={r} onDone={() => setOpenId(r.id)} />
                        </Can>
                      ) : null}
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      {list.isSuccess && items.length === 0 ? (
        <p className="muted">Nenhum recebível com esses filtros.</p>
      ) : null}
      <LoadMore list={list} />
    </>
  );
}

function ReceivableLine({ r, open, onToggle }: { r: ReceivableRow; open: boolean; onToggle: () => void }) {
  return (
    <tr className={r.overdue ? "overdue" : undefined}>
      <th scope="row">
        <Link to={`/pedidos/${r.salesOrderId}`}>Nº {r.salesOrderNumber}</Link>
      </th>
      <td>{r.customerName ?? "—"}</td>
      <td>{r.installment}</td>
      <td>
        {formatDate(r.dueDate)} {r.overdue ? <span className="badge badge-bad">Vencida</span> : null}
      </td>
      <td className="num">{formatMoney(r.amountCents)}</td>
      <td className="num">{formatMoney(r.receivedCents)}</td>
      <td>
        {SITUATION_LABELS[r.status] ?? r.status}
        {r.creditPending ? <span className="badge badge-warn">Crédito do cliente</span> : null}
      </td>
      <td>
        <Button
          className="btn-small"
          aria-expanded={open}
          aria-label={`${r.status === "open" || r.status === "partial" ? "Dar baixa" : "Ver baixas"} na parcela ${r.installment} do pedido Nº ${r.salesOrderNumber}`}
          onClick={onToggle}
        >
          {r.status === "open" || r.status === "partial" ? "Dar baixa" : "Ver baixas"}
        </Button>
      </td>
    </tr>
  );
}
