// "Vincular a um cliente" on an order that has none (it came without a usable CPF/CNPJ): the
// operator finds the customer and links the order by hand; the timeline records who did it.
import { useRef, useState } from "react";
import { Button, Notice, useToast } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { CustomerPicker } from "./CustomerPicker.tsx";
import { useLinkOrder } from "./customers-api.ts";

export function LinkOrderCustomer({ orderId }: { orderId: number }) {
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const names = useRef(new Map<number, string>());
  const link = useLinkOrder(orderId, (customerId) =>
    // "João A." ends its own sentence.
    toast(
      "success",
      `Pedido vinculado ao cliente ${names.current.get(customerId) ?? ""}`.replace(/\.?$/, "."),
    ),
  );
  if (!open) {
    return (
      <Button className="btn-small" onClick={() => setOpen(true)}>
        Vincular a um cliente
      </Button>
    );
  }
  return (
    <div className="link-customer">
      {link.isError ? <Notice kind="error">{describeError(link.error)}</Notice> : null}
      <CustomerPicker
        label="Vincular a um cliente"
        action={(c) => (
          <Button
            className="btn-small"
            variant="primary"
            pending={link.isPending && link.variables === c.id}
            aria-label={`Vincular a ${c.name}`}
            onClick={() => {
              names.current.set(c.id, c.name);
              link.mutate(c.id);
            }}
          >
            Vincular
          </Button>
        )}
      />
      <Button className="btn-small" variant="ghost" onClick={() => setOpen(false)}>
        Fechar
      </Button>
    </div>
  );
}
