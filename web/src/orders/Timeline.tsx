// Histórico (R6.3): every status change, sync, push and e-mail of the order, in time order,
// each with who did it and the details that matter (notify the customer? which message?).
import { Fragment } from "react";
import { formatDateTime, formatDocumentOrDash, formatMoney } from "../format.ts";
import { actorLabel, canonicalLabel, eventLabel, eventTone, salesOrderLabel } from "./labels.ts";
import type { OrderEvent } from "./orders-api.ts";

/** Technical keys the message already explains. */
const HIDDEN = new Set(["version", "code"]);
/** Shown first, in this order; the rest follow as they came. */
const FIRST = ["from", "to", "notifyCustomer", "message"];

const REFUSALS: Record<string, string> = {
  same: "já estava nesse status",
  backwards: "o status só avança",
  cancelled_is_final: "pedido cancelado não muda mais",
};

const list = (value: unknown) => (Array.isArray(value) ? value.join(", ") : String(value));

/** One data entry as the operator reads it: a pt-BR term and value. */
function describe(key: string, value: unknown): { term: string; value: string } {
  switch (key) {
    case "from":
      return { term: "De", value: canonicalLabel(String(value)) };
    case "to":
      return { term: "Para", value: canonicalLabel(String(value)) };
    case "notifyCustomer":
      return { term: "Notificar cliente", value: value ? "Sim" : "Não" };
    case "message":
      return { term: "Mensagem", value: String(value) };
    case "canonicalStatus":
      return { term: "Status", value: canonicalLabel(String(value)) };
    case "status":
      return { term: "Pedido de venda", value: salesOrderLabel(String(value)) };
    case "reason":
      return { term: "Motivo", value: REFUSALS[String(value)] ?? String(value) };
    case "changed":
      return { term: "Alterado", value: list(value) };
    case "skus":
      return { term: "SKUs", value: list(value) };
    case "customerId":
      return { term: "Cliente", value: `cadastro nº ${String(value)}` };
    case "email":
      return { term: "E-mail", value: String(value) };
    default:
      // Keys this screen does not know yet still read as money, dates and documents do elsewhere.
      if (key.endsWith("Cents") && typeof value === "number") return { term: key, value: formatMoney(value) };
      if (key.endsWith("At") && typeof value === "string") return { term: key, value: formatDateTime(value) };
      if (key === "document" && typeof value === "string")
        return { term: "CPF/CNPJ", value: formatDocumentOrDash(value) };
      return { term: key, value: typeof value === "object" ? JSON.stringify(value) : String(value) };
  }
}

function EventData({ event }: { event: OrderEvent }) {
  const data = event.data ?? {};
  const keys = Object.keys(data)
    .filter((k) => !HIDDEN.has(k) && data[k] !== null && data[k] !== undefined && data[k] !== "")
    .sort((a, b) => rank(a) - rank(b));
  if (keys.length === 0) return null;
  return (
    <dl className="facts event-data">
      {keys.map((key) => {
        const fact = describe(key, data[key]);
        return (
          <Fragment key={key}>
            <dt>{fact.term}</dt>
            <dd>{fact.value}</dd>
          </Fragment>
        );
      })}
    </dl>
  );
}

const rank = (key: string) => {
  const i = FIRST.indexOf(key);
  return i === -1 ? FIRST.length : i;
};

export function Timeline({ events }: { events: OrderEvent[] }) {
  if (events.length === 0) return <p className="muted">Nenhum evento registrado ainda.</p>;
  return (
    <ol className="timeline" aria-label="Histórico do pedido">
      {events.map((e) => (
        <li key={e.id} className={`event event-${eventTone(e.kind)}`}>
          <div className="event-head">
            <span className={`badge badge-${eventTone(e.kind)}`}>{eventLabel(e.kind)}</span>{" "}
            <time dateTime={e.createdAt}>{formatDateTime(e.createdAt)}</time>
            <span className="muted small"> · {actorLabel(e.actor)}</span>
          </div>
          <p className="event-message">{e.message}</p>
          <EventData event={e} />
        </li>
      ))}
    </ol>
  );
}
