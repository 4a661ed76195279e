// Cancelar nota (estorno), with its reason: on the invoice and on the flag of a store-side
// cancellation. When the invoice's installments already received money the dialog asks what
// becomes of it (undo the receipts, or keep it as the customer's credit); the API refuses the
// estorno without that choice.
import { useId, useState } from "react";
import { ConfirmButton, useToast } from "../components/ui.tsx";
import { formatMoney } from "../format.ts";
import { cancelInvoice, type Invoice, useOrderAction, useReceivables } from "./back-office-api.ts";
import { ErrorNotice, TextField, useFailureToast } from "./fulfilment-ui.tsx";
import { invoiceTitle } from "./invoice-format.ts";
import type { OrderDetail } from "./orders-api.ts";

type Choice = "undo" | "credit";

export function EstornoButton({
  order,
  invoice,
  defaultReason = "",
}: {
  order: OrderDetail;
  invoice: Invoice;
  defaultReason?: string;
}) {
  const toast = useToast();
  const failed = useFailureToast();
  const name = useId();
  const [reason, setReason] = useState(defaultReason);
  const [choice, setChoice] = useState<Choice>("credit");
  const receivables = useReceivables(order.id);
  const received = (receivables.data?.items ?? [])
    .filter((r) => r.invoiceId === invoice.id && r.status !== "reversed")
    .reduce((sum, r) => sum + r.receivedCents, 0);
  const cancel = useOrderAction(() => cancelInvoice(order.id, reason, received > 0 ? choice : undefined));
  return (
    <>
      <ErrorNotice state={cancel} />
      <ConfirmButton
        label="Cancelar nota"
        title={`Estornar ${invoiceTitle(invoice)}?`}
        message={
          <>
            <p>
              O estoque baixado volta e as contas a receber desta nota são estornadas. O status do pedido não
              muda; depois é possível faturar de novo.
            </p>
            {received > 0 ? (
              <fieldset className="radio-group">
                <legend>
                  As parcelas desta nota já têm {formatMoney(received)} recebido. O que fazer com esse valor?
                </legend>
                <label>
                  <input
                    type="radio"
                    name={name}
                    checked={choice === "credit"}
                    onChange={() => setChoice("credit")}
                  />{" "}
                  Manter como crédito do cliente (reembolso pendente)
                </label>
                <label>
                  <input
                    type="radio"
                    name={name}
                    checked={choice === "undo"}
                    onChange={() => setChoice("undo")}
                  />{" "}
                  Desfazer as baixas (o valor não foi recebido ou já foi devolvido)
                </label>
              </fieldset>
            ) : null}
            <TextField
              label="Motivo do estorno (opcional)"
              maxLength={500}
              value={reason}
              onChange={setReason}
            />
          </>
        }
        confirmLabel="Estornar nota"
        pending={cancel.isPending}
        onConfirm={() =>
          cancel.mutate(undefined, {
            onSuccess: () => {
              setReason("");
              toast("success", `${invoiceTitle(invoice)} estornada: estoque e contas a receber revertidos.`);
            },
            onError: failed("Estorno não feito"),
          })
        }
      />
    </>
  );
}
