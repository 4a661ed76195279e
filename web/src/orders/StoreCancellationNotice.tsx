// The flag of a store-side cancellation (issue 11, item 9), at the top of the order page: the store
// cancelled an order with a live invoice ("cancelado na loja com nota ativa": the estorno is right
// here, Ponte never cancels an invoice on its own) or one already shipped (marked handled here).
import { useState } from "react";
import { ConfirmButton, useToast } from "../components/ui.tsx";
import { formatDateTime } from "../format.ts";
import { Can } from "../permissions.tsx";
import { resolveStoreCancellation, useInvoices, useOrderAction } from "./back-office-api.ts";
import { EstornoButton } from "./EstornoButton.tsx";
import { ErrorNotice, TextField, useFailureToast } from "./fulfilment-ui.tsx";
import type { OrderDetail } from "./orders-api.ts";

export function StoreCancellationNotice({ order }: { order: OrderDetail }) {
  const flag = order.storeCancellation;
  if (!flag) return null;
  return (
    <section className="notice notice-warning store-cancellation" aria-label={flag.label}>
      <p>
        <strong>{flag.label}</strong> em {formatDateTime(flag.cancelledAt)}. {flag.reason}
      </p>
      <Can permission="operate">
        {flag.kind === "invoice_live" ? <LiveInvoiceEstorno order={order} /> : <MarkHandled order={order} />}
      </Can>
    </section>
  );
}

function LiveInvoiceEstorno({ order }: { order: OrderDetail }) {
  const invoices = useInvoices(order.id);
  const live = invoices.data?.items.find((i) => i.status === "approved");
  if (!live) return <ErrorNotice state={invoices} />;
  return <EstornoButton order={order} invoice={live} defaultReason="Pedido cancelado na loja" />;
}

function MarkHandled({ order }: { order: OrderDetail }) {
  const toast = useToast();
  const failed = useFailureToast();
  const [note, setNote] = useState("");
  const resolve = useOrderAction(() => resolveStoreCancellation(order.id, note));
  return (
    <>
      <ErrorNotice state={resolve} />
      <ConfirmButton
        label="Marcar como resolvido"
        variant="secondary"
        title={`Cancelamento do pedido Nº ${order.number} resolvido?`}
        message={
          <>
            <p>O alerta sai de Falhas e da Visão geral; fica registrado no histórico.</p>
            <TextField
              label="Observação (opcional)"
              hint="Ex.: devolução recebida"
              maxLength={500}
              value={note}
              onChange={setNote}
            />
          </>
        }
        confirmLabel="Marcar como resolvido"
        pending={resolve.isPending}
        onConfirm={() =>
          resolve.mutate(undefined, {
            onSuccess: () => toast("success", "Cancelamento na loja marcado como resolvido."),
            onError: failed("Não marcado como resolvido"),
          })
        }
      />
    </>
  );
}
