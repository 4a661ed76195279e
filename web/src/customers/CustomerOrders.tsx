// The customer's sales orders on its record: number, store, date, status and total, newest first.
import { Link } from "react-router";
import { formatDateTime, formatMoney } from "../format.ts";
import { canonicalLabel, statusBadgeClass } from "../orders/labels.ts";
import type { CustomerRecord } from "./customers-api.ts";

export function CustomerOrders({ customer }: { customer: CustomerRecord }) {
  const { orders, ordersCount } = customer;
  return (
    <section className="card order-section" aria-labelledby="cliente-pedidos">
      <h2 id="cliente-pedidos">Pedidos</h2>
      {orders.length === 0 ? (
        <p className="muted">Nenhum pedido vinculado a este cliente.</p>
      ) : (
        <>
          {ordersCount > orders.length ? (
            <p className="muted small">
              Os {orders.length} pedidos mais recentes de {ordersCount}.
            </p>
          ) : null}
          <div className="table-wrap">
            <table aria-label="Pedidos do cliente">
              <thead>
                <tr>
                  <th scope="col">Nº Ponte</th>
                  <th scope="col">Nº loja</th>
                  <th scope="col">Loja</th>
                  <th scope="col">Data</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    Total
                  </th>
                </tr>
              </thead>
              <tbody>
                {orders.map((o) => (
                  <tr key={o.id}>
                    <th scope="row">
                      <Link to={`/pedidos/${o.id}`} aria-label={`Pedido Nº ${o.number}`}>
                        {o.number}
                      </Link>
                    </th>
                    <td>{o.storeOrderNumber ?? "—"}</td>
                    <td>{o.storeName ?? "Manual"}</td>
                    <td>{formatDateTime(o.orderedAt)}</td>
                    <td>
                      <span className={statusBadgeClass(o.canonicalStatus)}>
                        {canonicalLabel(o.canonicalStatus)}
                      </span>
                    </td>
                    <td className="num">{formatMoney(o.totalCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
