// A table of customers (the Clientes list, the merge and link searches): name, CPF/CNPJ,
// contacts, how many orders and the last one; `name` renders the first cell (a link or a button),
// `action` an optional last one.
import type { ReactNode } from "react";
import { ActionsHeader } from "../components/ui.tsx";
import { formatDateTime, formatDocumentOrDash, formatPhoneBr } from "../format.ts";
import type { CustomerListItem } from "./customers-api.ts";

export function CustomerRows({
  label,
  customers,
  name,
  action,
}: {
  label: string;
  customers: CustomerListItem[];
  name: (c: CustomerListItem) => ReactNode;
  action?: (c: CustomerListItem) => ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Nome</th>
            <th scope="col">CPF/CNPJ</th>
            <th scope="col">E-mail</th>
            <th scope="col">Telefone</th>
            <th scope="col" className="num">
              Pedidos
            </th>
            <th scope="col">Último pedido</th>
            {action ? <ActionsHeader /> : null}
          </tr>
        </thead>
        <tbody>
          {customers.map((c) => (
            <tr key={c.id}>
              <th scope="row">{name(c)}</th>
              <td>{formatDocumentOrDash(c.document)}</td>
              <td>{c.email ?? "—"}</td>
              <td>{formatPhoneBr(c.phone)}</td>
              <td className="num">{c.ordersCount}</td>
              <td>{formatDateTime(c.lastOrderAt)}</td>
              {action ? <td>{action(c)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
