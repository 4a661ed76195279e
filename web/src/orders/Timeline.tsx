// Histórico (R6.3): every status change, sync, push and e-mail of the order, newest first,
// each with who did it and the details that matter (notify the customer? which message?); the
// integration's own bookkeeping folded (issue 16, item 8).
import { Fragment } from "react";
import { formatDateTime, formatDocumentOrDash, formatMoney } from "../format.ts";
import { actorLabel, canonicalLabel, eventLabel, eventTone, salesOrderLabel } from "./labels.ts";
import type { OrderEvent } from "./orders-api.ts";

/** Technical keys the message already explains. */
const HIDDEN = new Set([
  "version",
  "code",
  "outboxId",
  "emailId",
  "messageId",
  "statusVersion",
  "storeCancellation",
  "invoiceId",
]);
/** Shown first, in this order; the rest follow as they came. */
const FIRST = ["from", "to", "notifyCustomer", "message"];

const REFUSALS: Record<string, string> = {
  same: "já estava nesse status",
  backwards: "o status só avança",
  cancelled_is_final: "pedido cancelado não muda mais",
};

const list = (value: unknown) => (Array.isArray(value) ? value.join(", ") : String(value));

const PUSH_ACTIONS: Record<string, string> = {
  pay: "Marcar como pago",
  invoice: "Nota fiscal",
  pack: "Embalar",
  fulfill: "Enviar com rastreio",
  deliver: "Marcar como entregue",
  close: "Arquivar",
  cancel: "Cancelar",
  status: "Status",
};
const CHANNELS: Record<string, string> = { platform: "API da plataforma", xml: "XML", webhook: "Webhook" };

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" ? (value as Record<string, unknown>) : {};

function invoiceText(value: unknown): string {
  const i = record(value);
  if (i.kind === "simple") return i.number ? `Venda simples nº ${String(i.number)}` : "Venda simples";
  const key = typeof i.accessKey === "string" ? ` · chave ${i.accessKey}` : "";
  return `NF-e nº ${String(i.number ?? "—")} série ${String(i.series ?? "—")}${key}`;
}

function shipmentText(value: unknown): string {
  const s = record(value);
  return [s.carrier, s.trackingCode, s.trackingUrl].filter((x) => typeof x === "string" && x).join(" · ");
}

/** E-mail and push entries: `to` is an address and `status` a canonical status, not a sales one. */
function describeDelivery(kind: string, key: string, value: unknown): { term: string; value: string } | null {
  if (kind.startsWith("email")) {
    if (key === "to") return { term: "Para", value: String(value) };
    if (key === "status") return { term: "Status", value: canonicalLabel(String(value)) };
    if (key === "subject") return { term: "Assunto", value: String(value) };
    if (key === "attempt") return { term: "Tentativa", value: String(value) };
    if (key === "permanent") return { term: "Definitiva", value: value ? "Sim" : "Não" };
  }
  if (kind.startsWith("push")) {
    if (key === "action") return { term: "Ação", value: PUSH_ACTIONS[String(value)] ?? String(value) };
    if (key === "channel") return { term: "Canal", value: CHANNELS[String(value)] ?? String(value) };
    if (key === "attempts") return { term: "Tentativas", value: String(value) };
    if (key === "alreadyApplied")
      return { term: "Já estava na loja", value: value ? "Sim (não repetido)" : "Não" };
  }
  if (key === "error") return { term: "Erro", value: String(value) };
  return null;
}

/** One data entry as the operator reads it: a pt-BR term and value. */
function describe(kind: string, key: string, value: unknown): { term: string; value: string } {
  const delivery = describeDelivery(kind, key, value);
  if (delivery) return delivery;
  switch (key) {
    case "invoice":
      return { term: "Documento", value: invoiceText(value) };
    case "shipment":
      return { term: "Envio", value: shipmentText(value) };
    case "deliveredAt":
      return { term: "Entregue em", value: formatDateTime(String(value)) };
    case "confirmedAt":
      return { term: "Confirmado em", value: formatDateTime(String(value)) };
    case "confirmedBy":
      return { term: "Confirmado por", value: actorLabel(String(value)) };
    case "note":
      return { term: "Observação", value: String(value) };
    case "paymentConfirmed":
      return { term: "Pagamento confirmado à mão", value: value ? "Sim" : "Não" };
    case "stockMovements":
      return { term: "Movimentos de estoque", value: String(value) };
    case "receivables":
      return { term: "Parcelas", value: String(value) };
    case "negativeStock":
      return { term: "Estoque negativo", value: list(value) };
    case "receivablesTotalCents":
      return { term: "Total a receber", value: formatMoney(Number(value)) };
    case "itemsWithoutProduct":
      return { term: "Itens sem produto", value: String(value) };
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
    .filter((k) => !(Array.isArray(data[k]) && (data[k] as unknown[]).length === 0))
    .sort((a, b) => rank(a) - rank(b));
  if (keys.length === 0) return null;
  return (
    <dl className="facts event-data">
      {keys.map((key) => {
        const fact = describe(event.kind, key, data[key]);
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

/**
 * Bookkeeping the integration does on its own (records created or linked, an e-mail queued, a
 * push waiting for its retry): folded by default so the changes a person reads come first. A
 * failure is never technical.
 */
const TECHNICAL = new Set([
  "products_created",
  "customer_created",
  "customer_linked",
  "email_queued",
  "push_retrying",
  "status_pushed",
  "sales_order_updated",
]);

function EventItem({ event: e }: { event: OrderEvent }) {
  return (
    <li className={`event event-${eventTone(e.kind)}`}>
      <div className="event-head">
        <span className={`badge badge-${eventTone(e.kind)}`}>{eventLabel(e.kind)}</span>{" "}
        <time dateTime={e.createdAt}>{formatDateTime(e.createdAt)}</time>
        <span className="muted small"> · {actorLabel(e.actor)}</span>
      </div>
      <p className="event-message">{e.message}</p>
      <EventData event={e} />
    </li>
  );
}

/** Newest first; each run of technical entries folded under one line that opens it. */
function grouped(events: OrderEvent[]): (OrderEvent | OrderEvent[])[] {
  const out: (OrderEvent | OrderEvent[])[] = [];
  for (const e of [...events].reverse()) {
    const last = out.at(-1);
    if (!TECHNICAL.has(e.kind)) out.push(e);
    else if (Array.isArray(last)) last.push(e);
    else out.push([e]);
  }
  return out;
}

export function Timeline({ events }: { events: OrderEvent[] }) {
  if (events.length === 0) return <p className="muted">Nenhum evento registrado ainda.</p>;
  return (
    <ol className="timeline" aria-label="Histórico do pedido">
      {grouped(events).map((entry) =>
        Array.isArray(entry) ? (
          <li key={`t${entry[0]!.id}`} className="event event-technical">
            <details>
              <summary className="small muted">
                {entry.length === 1 ? "1 registro técnico" : `${entry.length} registros técnicos`} (
                {entry.map((e) => eventLabel(e.kind)).join(", ")})
              </summary>
              <ol className="timeline">
                {entry.map((e) => (
                  <EventItem key={e.id} event={e} />
                ))}
              </ol>
            </details>
          </li>
        ) : (
          <EventItem key={entry.id} event={entry} />
        ),
      )}
    </ol>
  );
}
