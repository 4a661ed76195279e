// The baixa form under a receivable's row: date (today), amount (what is still open), method and
// a note. The API refuses more than is open; its reason shows next to the amount.
import { type FormEvent, useState } from "react";
import { Field, useToast } from "../components/ui.tsx";
import { formatMoney, parseMoney } from "../format.ts";
import { FormErrorNotice, fieldError, SubmitButton, TextField } from "../orders/fulfilment-ui.tsx";
import { businessToday, METHOD_LABELS } from "./labels.ts";
import { type ReceiptInput, type ReceivableRow, useRecordReceipt } from "./receivables-api.ts";

export function ReceiptForm({ receivable, onDone }: { receivable: ReceivableRow; onDone: () => void }) {
  const open = receivable.amountCents - receivable.receivedCents;
  const [receivedOn, setReceivedOn] = useState(businessToday());
  const [amount, setAmount] = useState(formatMoney(open).replace("R$ ", ""));
  const [method, setMethod] = useState<ReceiptInput["method"]>("pix");
  const [note, setNote] = useState("");
  const [amountError, setAmountError] = useState<string | undefined>();
  const record = useRecordReceipt(receivable.id);
  const toast = useToast();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const amountCents = parseMoney(amount);
    if (amountCents === undefined || amountCents <= 0) {
      setAmountError("Informe um valor maior que zero.");
      return;
    }
    setAmountError(undefined);
    record.mutate(
      { receivedOn, amountCents, method, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          toast(
            "success",
            `Baixa de ${formatMoney(amountCents)} registrada no pedido Nº ${receivable.salesOrderNumber}.`,
          );
          onDone();
        },
      },
    );
  };

  return (
    <form
      className="inline-form"
      aria-label={`Baixa da parcela ${receivable.installment} do pedido Nº ${receivable.salesOrderNumber}`}
      onSubmit={submit}
    >
      <FormErrorNotice error={record.error} fields={["receivedOn", "amountCents"]} />
      <TextField
        label="Data do recebimento"
        type="date"
        required
        value={receivedOn}
        onChange={setReceivedOn}
        error={fieldError(record.error, "receivedOn")}
      />
      <TextField
        label="Valor recebido"
        inputMode="decimal"
        required
        hint={`Falta receber ${formatMoney(open)}`}
        value={amount}
        onChange={setAmount}
        error={amountError ?? fieldError(record.error, "amountCents")}
      />
      <Field label="Forma de recebimento">
        {(p) => (
          <select {...p} value={method} onChange={(e) => setMethod(e.target.value as ReceiptInput["method"])}>
            {Object.entries(METHOD_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextField label="Observação (opcional)" maxLength={500} value={note} onChange={setNote} />
      <SubmitButton pending={record.isPending}>Registrar baixa</SubmitButton>
    </form>
  );
}
