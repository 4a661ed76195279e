// Unificar cadastros: another record of the same person is found and merged into this one, after
// saying what will happen (its orders move here, it is removed). Two different CPF/CNPJs are
// refused by the API with its pt-BR reason.
import { useRef, useState } from "react";
import { Button, ConfirmDialog, Notice, useToast } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { formatDocumentOrDash } from "../format.ts";
import { CustomerPicker } from "./CustomerPicker.tsx";
import { type CustomerListItem, type CustomerRecord, useMergeCustomer } from "./customers-api.ts";

export function MergeCustomers({ customer }: { customer: CustomerRecord }) {
  const toast = useToast();
  const merge = useMergeCustomer(customer.id);
  const dialog = useRef<HTMLDialogElement>(null);
  const [other, setOther] = useState<CustomerListItem | null>(null);

  const ask = (c: CustomerListItem) => {
    setOther(c);
    merge.reset();
    dialog.current?.showModal();
  };
  const run = () => {
    if (!other) return;
    merge.mutate(other.id, {
      onSuccess: (result) =>
        toast(
          "success",
          `Cadastros unificados: ${result.movedOrders} ${result.movedOrders === 1 ? "pedido passou" : "pedidos passaram"} para ${customer.name}.`,
        ),
    });
  };

  return (
    <>
      <p className="small muted">
        Busque o outro cadastro da mesma pessoa. Os pedidos dele passam para este cadastro, os dados que
        faltam aqui são completados, e o outro cadastro é removido.
      </p>
      {merge.isError ? <Notice kind="error">{describeError(merge.error)}</Notice> : null}
      <CustomerPicker
        label="Unificar com outro cadastro"
        exclude={customer.id}
        action={(c) => (
          <Button
            className="btn-small"
            pending={merge.isPending && other?.id === c.id}
            aria-label={`Unificar ${c.name} neste cadastro`}
            onClick={() => ask(c)}
          >
            Unificar
          </Button>
        )}
      />
      <ConfirmDialog
        dialogRef={dialog}
        title="Unificar cadastros?"
        message={
          other ? (
            <p>
              {other.ordersCount} {other.ordersCount === 1 ? "pedido" : "pedidos"} de{" "}
              <strong>{other.name}</strong> ({formatDocumentOrDash(other.document)}){" "}
              {other.ordersCount === 1 ? "passa" : "passam"} para <strong>{customer.name}</strong> (
              {formatDocumentOrDash(customer.document)}), e o cadastro de {other.name} é removido. Isso fica
              registrado no histórico de cada pedido e não pode ser desfeito.
            </p>
          ) : null
        }
        confirmLabel="Unificar"
        onConfirm={run}
      />
    </>
  );
}
