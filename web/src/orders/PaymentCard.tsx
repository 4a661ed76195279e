// Pagamento (R6.4): confirmed by hand, with who and when recorded, and whether the store shows it.
import { type FormEvent, useState } from "react";
import { useToast } from "../components/ui.tsx";
import { formatDateTime } from "../format.ts";
import { ActionEffects } from "./ActionEffects.tsx";
import { confirmPayment, useOrderAction } from "./back-office-api.ts";
import { ErrorNotice, Step, SubmitButton, TextField, useFailureToast } from "./fulfilment-ui.tsx";
import { actorLabel } from "./labels.ts";
import { type OrderDetail, useTransitions } from "./orders-api.ts";

export function PaymentCard({ order, live }: { order: OrderDetail; live: boolean }) {
  const toast = useToast();
  const failed = useFailureToast();
  const [note, setNote] = useState("");
  const confirmed = order.payments.find((p) => p.confirmedAt);
  const transitions = useTransitions(order.id, live && !confirmed);
  // Confirming moves an order awaiting payment to Pagamento confirmado: that change may e-mail
  // the customer (Notificar cliente, at its default) and push to the store.
  const move = transitions.data?.allowed.find((a) => a.status === "pagamento_confirmado");
  const emailsBy = transitions.data?.customerEmailsBy ?? null;
  const email = order.customer?.email ?? order.customerSnapshot?.email ?? null;
  const [notifyChoice, setNotify] = useState<boolean | null>(null);
  const notify =
    notifyChoice ?? ((Boolean(email) || emailsBy === "platform") && (move?.notifyByDefault ?? false));
  const action = useOrderAction(() => confirmPayment(order.id, note, move ? { notifyCustomer: notify } : {}));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    action.mutate(undefined, {
      onSuccess: () => {
        setNote("");
        toast("success", "Pagamento confirmado.");
      },
      onError: failed("Pagamento não confirmado"),
    });
  };
  return (
    <Step title="Pagamento" done={Boolean(confirmed)}>
      {confirmed?.confirmedAt ? (
        <>
          <p>
            Pagamento confirmado em {formatDateTime(confirmed.confirmedAt)}
            {confirmed.confirmedBy ? ` por ${actorLabel(confirmed.confirmedBy)}` : ""}.
          </p>
          {confirmed.storeSync ? <p className="small muted">{confirmed.storeSync.message}.</p> : null}
        </>
      ) : live ? (
        <form onSubmit={submit} aria-label="Confirmar pagamento">
          <p className="small muted">
            Para depósito ou transferência: confira o extrato antes. Quem confirma e quando ficam registrados.
          </p>
          <ErrorNotice state={action} />
          <TextField
            label="Observação (opcional)"
            hint="Ex.: depósito conferido no extrato"
            maxLength={500}
            value={note}
            onChange={setNote}
          />
          {move ? (
            <ActionEffects
              effects={move.storeEffects}
              notify={notify}
              hasEmail={Boolean(email)}
              emailsBy={emailsBy}
              onNotify={setNotify}
            />
          ) : null}
          <SubmitButton pending={action.isPending}>Confirmar pagamento</SubmitButton>
        </form>
      ) : (
        <p className="muted">Pagamento não confirmado.</p>
      )}
    </Step>
  );
}
