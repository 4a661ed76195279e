// Faturamento e envio (R6.4, R7, R8.1, docs/REQUIREMENTS.md#seed-003): the order's way out of the back office, one
// step after the other — confirm the payment (who and when), invoice (NF-e or simple sale) or
// reverse it, ship with tracking, print the label, mark delivered — with the receivables the
// invoice created and the pushes each step owes the store.
import { Notice } from "../components/ui.tsx";
import { useCan } from "../permissions.tsx";
import { InvoiceCard } from "./InvoiceCard.tsx";
import { OrderPushes } from "./OrderPushes.tsx";
import type { OrderDetail } from "./orders-api.ts";
import { PaymentCard } from "./PaymentCard.tsx";
import { ShipmentCard } from "./ShipmentCard.tsx";

export function FulfilmentSection({ order }: { order: OrderDetail }) {
  const live = order.deletedAt === null && order.canonicalStatus !== "cancelado";
  // The steps' forms are for who may operate; the rest sees the steps as they are.
  const canOperate = useCan("operate");
  const actionable = live && canOperate;
  return (
    <section className="card order-section" aria-labelledby="faturamento-e-envio">
      <h2 id="faturamento-e-envio">Faturamento e envio</h2>
      {!live ? (
        <Notice kind="info">
          {order.deletedAt ? "Pedido excluído" : "Pedido cancelado"}: as ações de faturamento e envio não
          estão disponíveis
          {order.storeCancellation?.kind === "invoice_live" ? ", só o estorno da nota (Cancelar nota)" : ""}.
        </Notice>
      ) : null}
      <div className="steps">
        <PaymentCard order={order} live={actionable} />
        <InvoiceCard order={order} live={actionable} />
        <ShipmentCard order={order} live={actionable} />
      </div>
      <OrderPushes orderId={order.id} />
    </section>
  );
}
