// Confirmar pagamento inside the status form (docs/REQUIREMENTS.md#seed-003): a status past payment needs the payment
// confirmed, and the form offers the confirmation right there instead of confirming it silently.
// Not a nested form: the status form around it keeps its own submit.
import { useState } from "react";
import { Button, Notice, useToast } from "../components/ui.tsx";
import { confirmPayment, useOrderAction } from "./back-office-api.ts";
import { ErrorNotice, TextField } from "./fulfilment-ui.tsx";
import { canonicalLabel } from "./labels.ts";

export function InlinePaymentConfirm({
  orderId,
  target,
  notify,
}: {
  orderId: number;
  /** The status chosen in the form. */
  target: string;
  /** When the target is Pagamento confirmado itself, the form's Notificar cliente and message go with it. */
  notify?: { notifyCustomer: boolean; message?: string };
}) {
  const toast = useToast();
  const [note, setNote] = useState("");
  const action = useOrderAction(() => confirmPayment(orderId, note, notify ?? {}));
  const confirm = () =>
    action.mutate(undefined, {
      onSuccess: () => {
        setNote("");
        toast("success", "Pagamento confirmado.");
      },
    });
  return (
    <section className="inline-action" aria-label="Confirmar pagamento">
      <Notice kind="warning">
        Pagamento não confirmado: {canonicalLabel(target)} pede o pagamento confirmado. Para depósito ou
        transferência, confira o extrato antes; quem confirma e quando ficam registrados.
      </Notice>
      <ErrorNotice state={action} />
      <TextField
        label="Observação do pagamento (opcional)"
        hint="Ex.: depósito conferido no extrato"
        maxLength={500}
        value={note}
        onChange={setNote}
      />
      <Button variant="primary" pending={action.isPending} onClick={confirm}>
        Confirmar pagamento
      </Button>
    </section>
  );
}
