// Marcar como entregue (Retirado, for a store pickup): irreversible, so it asks first, saying what happens on the store and to
// the customer, with Notificar cliente at the status's default; confirming delivers once.
import { useRef, useState } from "react";
import { Button, ConfirmDialog, useToast } from "../components/ui.tsx";
import { ActionEffects, type EmailsBy } from "./ActionEffects.tsx";
import { useOrderAction } from "./back-office-api.ts";
import { ErrorNotice, useFailureToast } from "./fulfilment-ui.tsx";
import { changeStatus, type OrderDetail } from "./orders-api.ts";

export function DeliverButton({
  order,
  blocked,
  notify: notifyDefault,
  effects,
  emailsBy,
}: {
  order: OrderDetail;
  blocked: string | null;
  notify: boolean | undefined;
  effects: readonly string[];
  emailsBy: EmailsBy;
}) {
  const toast = useToast();
  const failed = useFailureToast();
  const dialog = useRef<HTMLDialogElement>(null);
  const email = order.customer?.email ?? order.customerSnapshot?.email ?? null;
  const canNotify = Boolean(email) || emailsBy === "platform";
  const [notify, setNotify] = useState(canNotify && (notifyDefault ?? true));
  const action = useOrderAction(() => changeStatus(order.id, { status: "entregue", notifyCustomer: notify }));
  // A store pickup is handed over at the counter: "Retirado" rather than delivered.
  const label = order.pickup ? "Retirado" : "Marcar como entregue";
  const done = order.pickup ? "retirado" : "entregue";
  return (
    <div className="deliver">
      <ErrorNotice state={action} />
      <span className="tooltip-wrap" title={blocked ?? undefined}>
        <Button
          pending={action.isPending}
          disabled={Boolean(blocked)}
          aria-label={blocked ? `${label}: ${blocked}` : undefined}
          onClick={() => dialog.current?.showModal()}
        >
          {label}
        </Button>
      </span>
      <ConfirmDialog
        dialogRef={dialog}
        title={`Marcar o pedido Nº ${order.number} como ${done}?`}
        message={
          <>
            <p>Entregue é o fim do pedido: o status não volta atrás.</p>
            <ActionEffects
              effects={effects}
              notify={notify}
              hasEmail={Boolean(email)}
              emailsBy={emailsBy}
              onNotify={setNotify}
            />
          </>
        }
        confirmLabel={`Marcar como ${done}`}
        dismissLabel="Voltar"
        variant="primary"
        onConfirm={() =>
          action.mutate(undefined, {
            onSuccess: () =>
              toast("success", `Pedido marcado como ${done}${notify ? ", com notificação ao cliente" : ""}.`),
            onError: failed("Entrega não registrada"),
          })
        }
      />
    </div>
  );
}
