// A receivable's receipts, undone ones struck through with who undid them; Desfazer asks first.
import { useState } from "react";
import { ConfirmButton, useToast } from "../components/ui.tsx";
import { formatDate, formatDateTime, formatMoney } from "../format.ts";
import { TextField, useFailureToast } from "../orders/fulfilment-ui.tsx";
import { actorLabel } from "../orders/labels.ts";
import { useCan } from "../permissions.tsx";
import { METHOD_LABELS } from "./labels.ts";
import { type Receipt, type ReceivableRow, useUndoReceipt } from "./receivables-api.ts";

export function ReceiptList({ receivable }: { receivable: ReceivableRow }) {
  if (receivable.receipts.length === 0) return <p className="muted small">Nenhuma baixa registrada.</p>;
  return (
    <ul className="receipts" aria-label={`Baixas da parcela ${receivable.installment}`}>
      {receivable.receipts.map((r) => (
        <li key={r.id}>
          <ReceiptLine receivable={receivable} receipt={r} />
        </li>
      ))}
    </ul>
  );
}

function ReceiptLine({ receivable, receipt }: { receivable: ReceivableRow; receipt: Receipt }) {
  const [reason, setReason] = useState("");
  const undo = useUndoReceipt(receivable.id);
  const toast = useToast();
  const failed = useFailureToast();
  const canUndo = useCan("operate");
  const text = `${formatMoney(receipt.amountCents)} em ${formatDate(receipt.receivedOn)} (${METHOD_LABELS[receipt.method] ?? receipt.method})`;
  if (receipt.undoneAt) {
    return (
      <span className="muted">
        <s>{text}</s> desfeita por {actorLabel(receipt.undoneBy)} em {formatDateTime(receipt.undoneAt)}
        {receipt.undoReason ? ` (${receipt.undoReason})` : ""}
      </span>
    );
  }
  return (
    <span>
      {text}, por {actorLabel(receipt.createdBy)}
      {receipt.note ? ` — ${receipt.note}` : ""}{" "}
      {canUndo ? (
        <ConfirmButton
          className="btn-small"
          label="Desfazer"
          title={`Desfazer a baixa de ${formatMoney(receipt.amountCents)}?`}
          message={
            <>
              <p>
                O valor volta a ficar em aberto na parcela {receivable.installment} do pedido Nº{" "}
                {receivable.salesOrderNumber}. A baixa continua registrada como desfeita, com o seu nome.
              </p>
              <TextField label="Motivo (opcional)" maxLength={500} value={reason} onChange={setReason} />
            </>
          }
          confirmLabel="Desfazer baixa"
          pending={undo.isPending}
          onConfirm={() =>
            undo.mutate(
              { receiptId: receipt.id, reason },
              {
                onSuccess: () => toast("success", `Baixa de ${formatMoney(receipt.amountCents)} desfeita.`),
                onError: failed("Baixa não desfeita"),
              },
            )
          }
        />
      ) : null}
    </span>
  );
}
