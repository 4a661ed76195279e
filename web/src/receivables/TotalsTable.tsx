// Totals of the filtered receivables per month of the due date, and the sum of them all.
import { formatMoney } from "../format.ts";
import { ErrorNotice } from "../orders/fulfilment-ui.tsx";
import { monthLabel } from "./labels.ts";
import { type ReceivableFilters, useReceivableTotals } from "./receivables-api.ts";

export function TotalsTable({ filters }: { filters: ReceivableFilters }) {
  const totals = useReceivableTotals(filters);
  if (totals.isError) return <ErrorNotice state={totals} />;
  if (!totals.data) return null;
  const { periods, total } = totals.data;
  return (
    <div className="table-wrap">
      <table aria-label="Totais por mês de vencimento">
        <caption className="small">Totais por mês de vencimento</caption>
        <thead>
          <tr>
            <th scope="col">Mês</th>
            <th scope="col" className="num">
              A receber
            </th>
            <th scope="col" className="num">
              Recebido
            </th>
            <th scope="col" className="num">
              Em aberto
            </th>
            <th scope="col" className="num">
              Vencido
            </th>
          </tr>
        </thead>
        <tbody>
          {periods.map((p) => (
            <tr key={p.period}>
              <th scope="row">{monthLabel(p.period)}</th>
              <td className="num">{formatMoney(p.dueCents)}</td>
              <td className="num">{formatMoney(p.receivedCents)}</td>
              <td className="num">{formatMoney(p.openCents)}</td>
              <td className={p.overdueCents > 0 ? "num overdue" : "num"}>{formatMoney(p.overdueCents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="num">{formatMoney(total.dueCents)}</td>
            <td className="num">{formatMoney(total.receivedCents)}</td>
            <td className="num">{formatMoney(total.openCents)}</td>
            <td className={total.overdueCents > 0 ? "num overdue" : "num"}>
              {formatMoney(total.overdueCents)}
            </td>
          </tr>
        </tfoot>
      </table>
      {total.creditPendingCents > 0 ? (
        <p className="small">
          Crédito de clientes a devolver (notas estornadas com parcelas recebidas):{" "}
          {formatMoney(total.creditPendingCents)}
        </p>
      ) : null}
    </div>
  );
}
