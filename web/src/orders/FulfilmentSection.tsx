// Faturamento e envio (R6.4, R7, R8.1, seed 003): the order's way out of the back office, one
// step after the other — confirm the payment (who and when), invoice (NF-e or simple sale) or
// reverse it, ship with tracking, print the label, mark delivered — with the receivables the
// invoice created and the pushes each step owes the store.
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { Link } from "react-router";
import { ApiError } from "../api.ts";
import { Button, ConfirmButton, Field, Loading, Notice, useToast } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { formatDate, formatDateTime, formatMoney } from "../format.ts";
import { useSender } from "../settings/sender-api.ts";
import {
  cancelInvoice,
  confirmPayment,
  createInvoice,
  createShipment,
  type Invoice,
  type InvoiceInput,
  labelUrl,
  type ShipmentInput,
  useInvoices,
  useOrderAction,
  usePushes,
  useReceivables,
  useShipments,
} from "./back-office-api.ts";
import { actorLabel, canonicalLabel } from "./labels.ts";
import { changeStatus, type OrderDetail, useTransitions } from "./orders-api.ts";

/** The API's pt-BR reason for `field`, when a 400 named it. */
function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError) || error.status !== 400) return undefined;
  const d = error.details;
  if (d.field === field) return typeof d.reason === "string" ? d.reason : "Valor inválido.";
  const fields = Array.isArray(d.fields) ? (d.fields as { path?: string }[]) : [];
  return fields.some((f) => f.path === `/${field}`) ? "Valor inválido." : undefined;
}

/** A refusal not tied to one field, shown above the form. */
function formError(error: unknown, fields: string[]): string | null {
  if (!error) return null;
  if (error instanceof ApiError && fields.some((f) => fieldError(error, f))) return null;
  return describeError(error);
}

function Step({ title, done, children }: { title: string; done?: boolean; children: ReactNode }) {
  const id = useId();
  return (
    <section className="step" aria-labelledby={id}>
      <h3 id={id}>
        {title} {done ? <span className="badge badge-ok">Feito</span> : null}
      </h3>
      {children}
    </section>
  );
}

export function FulfilmentSection({ order }: { order: OrderDetail }) {
  const live = order.deletedAt === null && order.canonicalStatus !== "cancelado";
  return (
    <section className="card order-section" aria-labelledby="faturamento-e-envio">
      <h2 id="faturamento-e-envio">Faturamento e envio</h2>
      {!live ? (
        <Notice kind="info">
          {order.deletedAt ? "Pedido excluído" : "Pedido cancelado"}: as ações de faturamento e envio não
          estão disponíveis.
        </Notice>
      ) : null}
      <div className="steps">
        <PaymentStep order={order} live={live} />
        <InvoiceStep order={order} live={live} />
        <ShipmentStep order={order} live={live} />
      </div>
      <Pushes orderId={order.id} />
    </section>
  );
}

function PaymentStep({ order, live }: { order: OrderDetail; live: boolean }) {
  const toast = useToast();
  const [note, setNote] = useState("");
  const confirmed = order.payments.find((p) => p.confirmedAt);
  const action = useOrderAction(() => confirmPayment(order.id, note));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    action.mutate(undefined, {
      onSuccess: () => {
        setNote("");
        toast("success", "Pagamento confirmado.");
      },
      onError: (error) => toast("error", `Pagamento não confirmado: ${describeError(error)}`),
    });
  };
  return (
    <Step title="Pagamento" done={Boolean(confirmed)}>
      {confirmed?.confirmedAt ? (
        <p>
          Pagamento confirmado em {formatDateTime(confirmed.confirmedAt)}
          {confirmed.confirmedBy ? ` por ${actorLabel(confirmed.confirmedBy)}` : ""}.
        </p>
      ) : live ? (
        <form onSubmit={submit} aria-label="Confirmar pagamento">
          <p className="small muted">
            Para depósito ou transferência: confira o extrato antes. Quem confirma e quando ficam registrados.
          </p>
          {action.isError ? <Notice kind="error">{describeError(action.error)}</Notice> : null}
          <Field label="Observação (opcional)" hint="Ex.: depósito conferido no extrato">
            {(p) => <input {...p} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          <Button type="submit" variant="primary" pending={action.isPending}>
            Confirmar pagamento
          </Button>
        </form>
      ) : (
        <p className="muted">Pagamento não confirmado.</p>
      )}
    </Step>
  );
}

const INVOICE_FIELDS = ["accessKey", "number", "series", "issuedAt", "xmlUrl"];

function InvoiceStep({ order, live }: { order: OrderDetail; live: boolean }) {
  const invoices = useInvoices(order.id);
  const current = invoices.data?.items.find((i) => i.status === "approved") ?? null;
  const cancelled = invoices.data?.items.filter((i) => i.status === "cancelled") ?? [];
  const paymentConfirmed = order.payments.some((p) => p.confirmedAt);
  return (
    <Step title="Faturamento" done={Boolean(current)}>
      {invoices.isPending ? <Loading label="Carregando notas…" /> : null}
      {invoices.isError ? <Notice kind="error">{describeError(invoices.error)}</Notice> : null}
      {current ? <InvoiceView order={order} invoice={current} /> : null}
      {invoices.isSuccess && !current && live ? (
        paymentConfirmed ? (
          <InvoiceForm order={order} />
        ) : (
          <p className="muted">Confirme o pagamento antes de faturar.</p>
        )
      ) : null}
      {cancelled.length > 0 ? (
        <details className="small">
          <summary>Notas estornadas ({cancelled.length})</summary>
          <ul>
            {cancelled.map((i) => (
              <li key={i.id}>
                {invoiceTitle(i)} — estornada em {formatDateTime(i.cancelledAt)}
                {i.cancelledBy ? ` por ${actorLabel(i.cancelledBy)}` : ""}
                {i.cancelReason ? ` (${i.cancelReason})` : ""}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <Receivables orderId={order.id} />
    </Step>
  );
}

const invoiceTitle = (i: Invoice) =>
  i.kind === "simple"
    ? `Venda simples${i.number ? ` nº ${i.number}` : ""}`
    : `NF-e nº ${i.number ?? "—"} série ${i.series ?? "—"}`;

/** "3526 0412 3456 …": the access key in groups of four, as printed on the DANFE. */
const groupKey = (key: string) => key.replace(/(.{4})/g, "$1 ").trim();

function InvoiceView({ order, invoice }: { order: OrderDetail; invoice: Invoice }) {
  const toast = useToast();
  const [reason, setReason] = useState("");
  const reasonId = useId();
  const cancel = useOrderAction(() => cancelInvoice(order.id, reason));
  return (
    <>
      <dl className="facts">
        <dt>Documento</dt>
        <dd>{invoiceTitle(invoice)}</dd>
        {invoice.accessKey ? (
          <>
            <dt>Chave de acesso</dt>
            <dd className="break">{groupKey(invoice.accessKey)}</dd>
          </>
        ) : null}
        <dt>Emitida em</dt>
        <dd>{formatDateTime(invoice.issuedAt)}</dd>
        {invoice.xmlUrl ? (
          <>
            <dt>XML</dt>
            <dd>
              <a href={invoice.xmlUrl} target="_blank" rel="noopener noreferrer">
                Abrir o XML
              </a>
            </dd>
          </>
        ) : null}
        <dt>Registrada por</dt>
        <dd>{actorLabel(invoice.createdBy)}</dd>
      </dl>
      {cancel.isError ? <Notice kind="error">{describeError(cancel.error)}</Notice> : null}
      <ConfirmButton
        label="Cancelar nota"
        title={`Estornar ${invoiceTitle(invoice)}?`}
        message={
          <>
            <p>
              O estoque baixado volta e as contas a receber desta nota são estornadas. O status do pedido não
              muda; depois é possível faturar de novo.
            </p>
            <div className="field">
              <label htmlFor={reasonId}>Motivo do estorno (opcional)</label>
              <input
                id={reasonId}
                maxLength={500}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </div>
          </>
        }
        confirmLabel="Estornar nota"
        pending={cancel.isPending}
        onConfirm={() =>
          cancel.mutate(undefined, {
            onSuccess: () => {
              setReason("");
              toast("success", `${invoiceTitle(invoice)} estornada: estoque e contas a receber revertidos.`);
            },
            onError: (error) => toast("error", `Estorno não feito: ${describeError(error)}`),
          })
        }
      />
    </>
  );
}

interface InvoiceDraft {
  kind: "nfe" | "simple";
  accessKey: string;
  number: string;
  series: string;
  issuedAt: string;
  xmlUrl: string;
}

const EMPTY_INVOICE: InvoiceDraft = {
  kind: "nfe",
  accessKey: "",
  number: "",
  series: "",
  issuedAt: "",
  xmlUrl: "",
};

function invoiceBody(d: InvoiceDraft): InvoiceInput {
  const issuedAt = d.issuedAt ? new Date(d.issuedAt).toISOString() : undefined;
  if (d.kind === "simple") return { kind: "simple", ...(issuedAt ? { issuedAt } : {}) };
  const optional = (v: string) => (v.trim() ? v.trim() : undefined);
  return {
    kind: "nfe",
    accessKey: d.accessKey.replace(/\s/g, ""),
    number: optional(d.number),
    series: optional(d.series),
    issuedAt,
    xmlUrl: optional(d.xmlUrl),
  };
}

function InvoiceForm({ order }: { order: OrderDetail }) {
  const toast = useToast();
  const [draft, setDraft] = useState(EMPTY_INVOICE);
  const [missingKey, setMissingKey] = useState(false);
  const kindName = useId();
  const action = useOrderAction((body: InvoiceInput) => createInvoice(order.id, body));
  const set = (patch: Partial<InvoiceDraft>) => setDraft({ ...draft, ...patch });
  const err = (field: string) => fieldError(action.error, field);
  const digits = draft.accessKey.replace(/\s/g, "").length;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const noKey = draft.kind === "nfe" && digits === 0;
    setMissingKey(noKey);
    if (noKey) return;
    action.mutate(invoiceBody(draft), {
      onSuccess: (result) => {
        setDraft(EMPTY_INVOICE);
        const negative = result.negativeStock.length
          ? ` Estoque negativo: ${result.negativeStock.map((n) => n.sku).join(", ")}.`
          : "";
        toast(
          "success",
          `${invoiceTitle(result.invoice)} registrada: estoque baixado e ${result.receivables.length} parcela(s) a receber.${negative}`,
        );
      },
      onError: (error) => toast("error", `Faturamento não feito: ${describeError(error)}`),
    });
  };

  const general = formError(action.error, INVOICE_FIELDS);
  return (
    <form onSubmit={submit} aria-label="Faturar" noValidate>
      {general ? <Notice kind="error">{general}</Notice> : null}
      <fieldset className="radio-group">
        <legend>Documento</legend>
        <label>
          <input
            type="radio"
            name={kindName}
            checked={draft.kind === "nfe"}
            onChange={() => set({ kind: "nfe" })}
          />{" "}
          NF-e
        </label>
        <label>
          <input
            type="radio"
            name={kindName}
            checked={draft.kind === "simple"}
            onChange={() => set({ kind: "simple" })}
          />{" "}
          Venda simples
        </label>
      </fieldset>
      {draft.kind === "nfe" ? (
        <>
          <Field
            label="Chave de acesso"
            hint={`44 caracteres (espaços são ignorados). ${digits}/44`}
            error={missingKey ? "Informe a chave de acesso da NF-e." : err("accessKey")}
          >
            {(p) => (
              <input
                {...p}
                inputMode="text"
                autoComplete="off"
                maxLength={60}
                value={draft.accessKey}
                onChange={(e) => set({ accessKey: e.target.value })}
              />
            )}
          </Field>
          <div className="grid-2">
            <Field label="Número" hint="Vazio: o da chave" error={err("number")}>
              {(p) => (
                <input
                  {...p}
                  inputMode="numeric"
                  maxLength={20}
                  value={draft.number}
                  onChange={(e) => set({ number: e.target.value })}
                />
              )}
            </Field>
            <Field label="Série" hint="Vazio: a da chave" error={err("series")}>
              {(p) => (
                <input
                  {...p}
                  inputMode="numeric"
                  maxLength={3}
                  value={draft.series}
                  onChange={(e) => set({ series: e.target.value })}
                />
              )}
            </Field>
          </div>
          <Field label="Link do XML (opcional)" error={err("xmlUrl")}>
            {(p) => (
              <input
                {...p}
                type="url"
                maxLength={2000}
                placeholder="https://"
                value={draft.xmlUrl}
                onChange={(e) => set({ xmlUrl: e.target.value })}
              />
            )}
          </Field>
        </>
      ) : (
        <p className="small muted">Venda sem nota fiscal: baixa o estoque e gera as contas a receber.</p>
      )}
      <Field label="Emitida em (opcional)" hint="Vazio: agora. Base dos vencimentos." error={err("issuedAt")}>
        {(p) => (
          <input
            {...p}
            type="datetime-local"
            value={draft.issuedAt}
            onChange={(e) => set({ issuedAt: e.target.value })}
          />
        )}
      </Field>
      <Button type="submit" variant="primary" pending={action.isPending}>
        {draft.kind === "nfe" ? "Faturar" : "Confirmar venda simples"}
      </Button>
    </form>
  );
}

const RECEIVABLE_STATUS: Record<string, string> = { open: "Em aberto", paid: "Pago", reversed: "Estornado" };

function Receivables({ orderId }: { orderId: number }) {
  const list = useReceivables(orderId);
  if (list.isPending) return null;
  if (list.isError) return <Notice kind="error">{describeError(list.error)}</Notice>;
  const items = list.data.items;
  if (items.length === 0) return null;
  return (
    <div className="table-wrap">
      <table aria-label="Contas a receber">
        <caption className="small">Contas a receber</caption>
        <thead>
          <tr>
            <th scope="col">Parcela</th>
            <th scope="col">Vencimento</th>
            <th scope="col" className="num">
              Valor
            </th>
            <th scope="col">Situação</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <td>
                {r.installment}/{items.filter((x) => x.invoiceId === r.invoiceId).length}
              </td>
              <td>{formatDate(r.dueDate)}</td>
              <td className="num">{formatMoney(r.amountCents)}</td>
              <td>
                <span className={`badge ${r.status === "reversed" ? "badge-warn" : "badge-info"}`}>
                  {RECEIVABLE_STATUS[r.status] ?? r.status}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const SHIPMENT_FIELDS = ["carrier", "trackingCode", "trackingUrl"];

/** The label's sender is the organization's address: until it is set, say where to set it. */
function NoSenderHint() {
  const sender = useSender();
  if (!sender.isSuccess || sender.data.sender !== null) return null;
  return (
    <span className="muted small">
      Sem remetente cadastrado: a etiqueta sai só com o nome da loja.{" "}
      <Link to="/configuracoes">Cadastrar em Configurações</Link>
    </span>
  );
}

function ShipmentStep({ order, live }: { order: OrderDetail; live: boolean }) {
  const shipments = useShipments(order.id);
  const transitions = useTransitions(order.id, live);
  const allowed = transitions.data?.allowed ?? [];
  const ship = allowed.find((a) => a.status === "despachado");
  const deliver = allowed.find((a) => a.status === "entregue");
  const items = shipments.data?.items ?? [];
  const delivered = items.find((s) => s.deliveredAt);
  return (
    <Step title="Envio e entrega" done={Boolean(delivered) || order.canonicalStatus === "entregue"}>
      {shipments.isError ? <Notice kind="error">{describeError(shipments.error)}</Notice> : null}
      {items.map((s) => (
        <dl className="facts" key={s.id}>
          <dt>Transportadora</dt>
          <dd>{s.carrier}</dd>
          <dt>Rastreio</dt>
          <dd className="break">
            {s.trackingCode ?? "—"}
            {s.trackingUrl ? (
              <>
                {" · "}
                <a href={s.trackingUrl} target="_blank" rel="noopener noreferrer">
                  Acompanhar
                </a>
              </>
            ) : null}
          </dd>
          <dt>Enviado em</dt>
          <dd>{formatDateTime(s.shippedAt)}</dd>
          <dt>Entregue em</dt>
          <dd>{s.deliveredAt ? formatDateTime(s.deliveredAt) : "—"}</dd>
        </dl>
      ))}
      {order.deliveryAddress ? (
        <p>
          <a className="btn btn-secondary" href={labelUrl(order.id)} target="_blank" rel="noopener">
            Imprimir etiqueta
          </a>{" "}
          <NoSenderHint />
        </p>
      ) : null}
      {live && ship ? <ShipmentForm order={order} blocked={ship.blocked ?? null} /> : null}
      {live && deliver ? (
        <DeliverButton order={order} blocked={deliver.blocked ?? null} notify={deliver.notifyByDefault} />
      ) : null}
    </Step>
  );
}

function ShipmentForm({ order, blocked }: { order: OrderDetail; blocked: string | null }) {
  const toast = useToast();
  const [draft, setDraft] = useState<ShipmentInput>({
    carrier: "Correios",
    trackingCode: "",
    trackingUrl: "",
  });
  const action = useOrderAction((body: ShipmentInput) => createShipment(order.id, body));
  const err = (field: string) => fieldError(action.error, field);
  const set = (patch: Partial<ShipmentInput>) => setDraft({ ...draft, ...patch });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: ShipmentInput = { carrier: draft.carrier.trim() };
    if (draft.trackingCode?.trim()) body.trackingCode = draft.trackingCode.trim();
    if (draft.trackingUrl?.trim()) body.trackingUrl = draft.trackingUrl.trim();
    action.mutate(body, {
      onSuccess: (result) => {
        toast(
          "success",
          `Envio registrado (${result.shipment.carrier}${result.shipment.trackingCode ? ` ${result.shipment.trackingCode}` : ""}): pedido ${canonicalLabel("despachado")}.`,
        );
      },
      onError: (error) => toast("error", `Envio não registrado: ${describeError(error)}`),
    });
  };
  const general = formError(action.error, SHIPMENT_FIELDS);
  return (
    <form id="form-envio" onSubmit={submit} aria-label="Enviar" noValidate>
      {blocked ? <Notice kind="info">{blocked}</Notice> : null}
      {general ? <Notice kind="error">{general}</Notice> : null}
      <Field label="Transportadora" error={err("carrier")}>
        {(p) => (
          <input
            {...p}
            list="transportadoras"
            maxLength={100}
            value={draft.carrier}
            onChange={(e) => set({ carrier: e.target.value })}
          />
        )}
      </Field>
      <datalist id="transportadoras">
        <option value="Correios" />
        <option value="Jadlog" />
        <option value="Loggi" />
        <option value="Total Express" />
      </datalist>
      <div className="grid-2">
        <Field label="Código de rastreio" hint="Correios: ex. JT194690698BR" error={err("trackingCode")}>
          {(p) => (
            <input
              {...p}
              autoComplete="off"
              maxLength={100}
              value={draft.trackingCode}
              onChange={(e) => set({ trackingCode: e.target.value })}
            />
          )}
        </Field>
        <Field label="Link de rastreio (opcional)" error={err("trackingUrl")}>
          {(p) => (
            <input
              {...p}
              type="url"
              maxLength={2000}
              placeholder="https://"
              value={draft.trackingUrl}
              onChange={(e) => set({ trackingUrl: e.target.value })}
            />
          )}
        </Field>
      </div>
      <Button type="submit" variant="primary" pending={action.isPending} disabled={Boolean(blocked)}>
        Enviar
      </Button>
    </form>
  );
}

function DeliverButton({
  order,
  blocked,
  notify,
}: {
  order: OrderDetail;
  blocked: string | null;
  notify: boolean | undefined;
}) {
  const toast = useToast();
  const email = order.customer?.email ?? order.customerSnapshot?.email ?? null;
  const notifyCustomer = Boolean(email) && (notify ?? true);
  const action = useOrderAction(() => changeStatus(order.id, { status: "entregue", notifyCustomer }));
  return (
    <div className="deliver">
      {action.isError ? <Notice kind="error">{describeError(action.error)}</Notice> : null}
      <span className="tooltip-wrap" title={blocked ?? undefined}>
        <Button
          pending={action.isPending}
          disabled={Boolean(blocked)}
          aria-label={blocked ? `Marcar como entregue: ${blocked}` : undefined}
          onClick={() =>
            action.mutate(undefined, {
              onSuccess: () =>
                toast(
                  "success",
                  `Pedido marcado como entregue${notifyCustomer ? ", com notificação ao cliente" : ""}.`,
                ),
              onError: (error) => toast("error", `Entrega não registrada: ${describeError(error)}`),
            })
          }
        >
          Marcar como entregue
        </Button>
      </span>
      <small className="hint">
        {notifyCustomer
          ? "O cliente recebe o e-mail de Entregue. Para outra escolha, use Alterar status no Histórico."
          : "Sem e-mail ao cliente. Para outra escolha, use Alterar status no Histórico."}
      </small>
    </div>
  );
}

const PUSH_STATUS: Record<string, [string, string]> = {
  pending: ["Na fila", "badge-info"],
  sent: ["Enviado", "badge-ok"],
  failed: ["Falhou", "badge-bad"],
  skipped: ["Não enviado", "badge-warn"],
};

function Pushes({ orderId }: { orderId: number }) {
  const pushes = usePushes(orderId);
  if (pushes.isPending || (pushes.isSuccess && pushes.data.length === 0)) return null;
  if (pushes.isError) return <Notice kind="error">{describeError(pushes.error)}</Notice>;
  return (
    <div className="table-wrap">
      <table aria-label="Envios à loja">
        <caption className="small">Envios à loja</caption>
        <thead>
          <tr>
            <th scope="col">Ação</th>
            <th scope="col">Situação</th>
            <th scope="col" className="num">
              Tentativas
            </th>
            <th scope="col">Quando</th>
          </tr>
        </thead>
        <tbody>
          {pushes.data.map((p) => {
            const [label, tone] = PUSH_STATUS[p.status] ?? [p.status, ""];
            return (
              <tr key={p.id}>
                <td>
                  {p.summary ?? p.action}
                  {p.channel !== "platform" ? (
                    <div className="muted small">{p.channel === "xml" ? "XML" : "Webhook"}</div>
                  ) : null}
                  {p.lastError && p.status !== "sent" ? (
                    <div className="muted small break">{p.lastError}</div>
                  ) : null}
                </td>
                <td>
                  <span className={`badge ${tone}`}>{label}</span>
                </td>
                <td className="num">{p.attempts}</td>
                <td>{formatDateTime(p.sentAt ?? p.createdAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
