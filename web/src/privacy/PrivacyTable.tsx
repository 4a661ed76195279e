// A list of LGPD requests: what was asked, by whom (the store's platform or a user), for whom,
// its state, when it runs, and the export to download when there is one.
import { Link } from "react-router";
import { formatDateTime } from "../format.ts";
import { dataUrl, KIND_LABEL, type PrivacyRequest, STATE_LABEL } from "./privacy-api.ts";

const STATE_BADGE: Record<PrivacyRequest["state"], string> = {
  pending: "badge badge-warn",
  done: "badge badge-ok",
  failed: "badge badge-bad",
  cancelled: "badge badge-info",
};

export function PrivacyTable({ items, label }: { items: PrivacyRequest[]; label: string }) {
  if (items.length === 0) return <p className="muted">Nenhuma solicitação de privacidade.</p>;
  return (
    <div className="table-wrap">
      <table aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Solicitação</th>
            <th scope="col">Origem</th>
            <th scope="col">Cliente</th>
            <th scope="col">Recebida</th>
            <th scope="col">Estado</th>
            <th scope="col">Dados</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <th scope="row">{KIND_LABEL[r.kind]}</th>
              <td>
                {r.source === "manual" ? `Manual (${r.requestedBy ?? "—"})` : (r.store?.name ?? "Loja")}
              </td>
              <td>{r.customer ? <Link to={`/clientes/${r.customer.id}`}>{r.customer.name}</Link> : "—"}</td>
              <td>{formatDateTime(r.receivedAt)}</td>
              <td>
                <span className={STATE_BADGE[r.state]}>{STATE_LABEL[r.state]}</span>
                {r.state === "pending" && new Date(r.executeAfter).getTime() > Date.now() ? (
                  <span className="small muted"> — executa em {formatDateTime(r.executeAfter)}</span>
                ) : null}
                {r.state === "failed" && r.error ? <span className="small muted"> — {r.error}</span> : null}
              </td>
              <td>
                {r.hasData ? (
                  <a href={dataUrl(r.id)} download aria-label={`Baixar JSON da solicitação ${r.id}`}>
                    Baixar JSON
                  </a>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
