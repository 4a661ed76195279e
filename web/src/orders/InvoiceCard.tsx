// Faturamento (R7): invoice (NF-e or simple sale) once the payment is confirmed, or reverse it;
// the reversed invoices, and the receivables the invoice created.
import { Loading } from "../components/ui.tsx";
import { formatDate, formatDateTime, formatMoney } from "../format.ts";
import { Can } from "../permissions.tsx";
import { type Invoice, useInvoices, useReceivables } from "./back-office-api.ts";
import { EstornoButton } from "./EstornoButton.tsx";
import { CaptionedTable, ErrorNotice, Step } from "./fulfilment-ui.tsx";
import { InvoiceForm } from "./InvoiceForm.tsx";
import { groupKey, invoiceTitle } from "./invoice-format.ts";
import { actorLabel } from "./labels.ts";
import type { OrderDetail } from "./orders-api.ts";

export function InvoiceCard({ order, live }: { order: OrderDetail; live: boolean }) {
  const invoices = useInvoices(order.id);
  const current = invoices.data?.items.find((i) => i.status === "approved") ?? null;
  const cancelled = invoices.data?.items.filter((i) => i.status === "cancelled") ?? [];
  const paymentConfirmed = order.payments.some((p) => p.confirmedAt);
  return (
    <Step title="Faturamento" done={Boolean(current)}>
      {invoices.isPending ? <Loading label="Carregando notas…" /> : null}
      <ErrorNotice state={invoices} />
      {current ? <InvoiceView order={order} invoice={current} /> : null}
      {invoices.isSuccess && !current && live ? (
        paymentConfirmed ? (
          <InvoiceForm order={order} />
        ) : (
          <p className="muted">Confirme o pagamento antes de faturar.</p>
        )
      ) : null}
      {cancelled.length > 0 ? (
        <details className="small">
          <summary>Notas estornadas ({cancelled.length})</summary>
          <ul>
            {cancelled.map((i) => (
              <li key={i.id}>
                {invoiceTitle(i)} — estornada em {formatDateTime(i.cancelledAt)}
                {i.cancelledBy ? ` por ${actorLabel(i.cancelledBy)}` : ""}
                {i.cancelReason ? ` (${i.cancelReason})` : ""}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <Receivables orderId={order.id} />
    </Step>
  );
}

function InvoiceView({ order, invoice }: { order: OrderDetail; invoice: Invoice }) {
  return (
    <>
      <dl className="facts">
        <dt>Documento</dt>
        <dd>{invoiceTitle(invoice)}</dd>
        {invoice.accessKey ? (
          <>
            <dt>Chave de acesso</dt>
            <dd className="break">{groupKey(invoice.accessKey)}</dd>
          </>
        ) : null}
        <dt>Emitida em</dt>
        <dd>{formatDateTime(invoice.issuedAt)}</dd>
        {invoice.xmlUrl ? (
          <>
            <dt>XML</dt>
            <dd>
              <a href={invoice.xmlUrl} target="_blank" rel="noopener noreferrer">
                Abrir o XML
              </a>
            </dd>
          </>
        ) : null}
        <dt>Registrada por</dt>
        <dd>{actorLabel(invoice.createdBy)}</dd>
      </dl>
      <Can permission="operate">
        <EstornoButton order={order} invoice={invoice} />
      </Can>
    </>
  );
}

const RECEIVABLE_STATUS: Record<string, string> = {
  open: "Em aberto",
  partial: "Parcial",
  paid: "Pago",
  reversed: "Estornado",
};

const RECEIVABLE_COLUMNS = [
  { name: "Parcela" },
  { name: "Vencimento" },
  { name: "Valor", num: true },
  { name: "Situação" },
];

function Receivables({ orderId }: { orderId: number }) {
  const list = useReceivables(orderId);
  if (list.isPending) return null;
  if (list.isError) return <ErrorNotice state={list} />;
  const items = list.data.items;
  if (items.length === 0) return null;
  return (
    <CaptionedTable label="Contas a receber" columns={RECEIVABLE_COLUMNS}>
      {items.map((r) => (
        <tr key={r.id}>
          <td>
            {r.installment}/{items.filter((x) => x.invoiceId === r.invoiceId).length}
          </td>
          <td>{formatDate(r.dueDate)}</td>
          <td className="num">{formatMoney(r.amountCents)}</td>
          <td>
            <span className={`badge ${r.status === "reversed" ? "badge-warn" : "badge-info"}`}>
              {RECEIVABLE_STATUS[r.status] ?? r.status}
            </span>
          </td>
        </tr>
      ))}
    </CaptionedTable>
  );
}
