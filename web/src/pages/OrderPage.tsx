// One sales order (docs/REQUIREMENTS.md#seed-003, R6.2/R6.3): "Dados" — customer, delivery, items, payments, store
// data, values passed through unmapped — and "Histórico / Notificações" — the timeline and the
// status change that can notify the customer.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { RecordLoad } from "../components/RecordLoad.tsx";
import { type TabItem, Tabs } from "../components/Tabs.tsx";
import { ConfirmButton, Notice, PageHeader, useToast } from "../components/ui.tsx";
import { LinkOrderCustomer } from "../customers/LinkOrderCustomer.tsx";
import { describeError } from "../errors-pt.ts";
import {
  formatDateTime,
  formatDocumentOrDash,
  formatMoney,
  formatPhoneBr,
  paymentTypeLabel,
  stateCode,
} from "../format.ts";
import { FulfilmentSection } from "../orders/FulfilmentSection.tsx";
import { canonicalLabel, salesOrderLabel, statusBadgeClass } from "../orders/labels.ts";
import { type Address, deleteOrder, ORDERS_KEY, type OrderDetail, useOrder } from "../orders/orders-api.ts";
import { StatusChangeForm } from "../orders/StatusChangeForm.tsx";
import { StoreCancellationNotice } from "../orders/StoreCancellationNotice.tsx";
import { Timeline } from "../orders/Timeline.tsx";
import { Can } from "../permissions.tsx";
import { usePlatformLabel, usePlatformStatusLabel } from "../platforms.ts";

type TabId = "dados" | "historico";
const TABS: TabItem<TabId>[] = [
  { key: "dados", label: "Dados" },
  { key: "historico", label: "Histórico / Notificações" },
];

export function OrderPage() {
  const id = Number(useParams().id);
  return (
    <RecordLoad
      id={id}
      query={useOrder(id)}
      title="Pedido"
      loadingLabel="Carregando pedido…"
      notFound={<NotFound />}
    >
      {(order) => <OrderView order={order} />}
    </RecordLoad>
  );
}

function NotFound() {
  return (
    <>
      <PageHeader title="Pedido não encontrado" />
      <Notice kind="error">
        Este pedido não existe. <Link to="/pedidos">Voltar para Pedidos</Link>
      </Notice>
    </>
  );
}

function OrderView({ order }: { order: OrderDetail }) {
  const [params, setParams] = useSearchParams();
  const tab: TabId = params.get("aba") === "historico" ? "historico" : "dados";
  const select = (next: TabId) => setParams(next === "dados" ? {} : { aba: next }, { replace: true });

  return (
    <>
      <p className="small">
        <Link to="/pedidos">← Pedidos</Link>
      </p>
      <PageHeader title={`Pedido Nº ${order.number}`}>
        <Can permission="operate">
          <DeleteOrder order={order} />
        </Can>
      </PageHeader>
      <div className="order-summary">
        {order.origin === "manual" ? (
          <span className="badge">Manual</span>
        ) : (
          <span className="badge badge-info">Origem: {order.originStore?.name ?? "Loja"}</span>
        )}
        <span className={statusBadgeClass(order.canonicalStatus)}>
          {canonicalLabel(order.canonicalStatus)}
        </span>
        <span className="badge">Pedido de venda: {salesOrderLabel(order.status)}</span>
        <span className="muted">
          Nº Ponte <strong>{order.number}</strong> · Nº na loja{" "}
          <strong>{order.storeOrderNumber ?? "—"}</strong> · Pedido feito em {formatDateTime(order.orderedAt)}
          {order.origin === "store" ? ` · Importado em ${formatDateTime(order.createdAt)}` : ""} · Total{" "}
          <strong>{formatMoney(order.totalCents)}</strong>
        </span>
      </div>
      {order.deletedAt ? (
        <Notice kind="warning">
          Este pedido de venda foi excluído em {formatDateTime(order.deletedAt)}.
        </Notice>
      ) : null}
      <StoreCancellationNotice order={order} />

      <FulfilmentSection order={order} />

      <Tabs label="Seções do pedido" tabs={TABS} selected={tab} onSelect={select}>
        {tab === "dados" ? <OrderData order={order} /> : <OrderHistory order={order} />}
      </Tabs>
    </>
  );
}

function DeleteOrder({ order }: { order: OrderDetail }) {
  const client = useQueryClient();
  const toast = useToast();
  const mutation = useMutation({
    mutationFn: () => deleteOrder(order.id),
    onSuccess: () => {
      toast("success", `Pedido Nº ${order.number} excluído.`);
      void client.invalidateQueries({ queryKey: ORDERS_KEY });
      void client.invalidateQueries({ queryKey: ["integration"] });
    },
    onError: (error) => toast("error", `Não foi possível excluir o pedido: ${describeError(error)}`),
  });
  if (order.deletedAt) return null;
  return (
    <ConfirmButton
      label="Excluir pedido"
      title={`Excluir o pedido Nº ${order.number}?`}
      message={
        <p>
          O pedido de venda sai da lista de Pedidos; o histórico fica guardado.
          {order.origin === "store"
            ? " Na Integração, o mapeamento com o pedido da loja poderá então ser apagado para criá-lo de novo."
            : ""}{" "}
          Nada é enviado à loja (o pedido continua como está lá) e o cliente não recebe e-mail.
        </p>
      }
      confirmLabel="Excluir pedido"
      pending={mutation.isPending}
      onConfirm={() => mutation.mutate()}
    />
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `secao-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  return (
    <section className="card order-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div key={term} className="fact-row">
          <dt>{term}</dt>
          <dd>{value === null || value === undefined || value === "" ? "—" : value}</dd>
        </div>
      ))}
    </dl>
  );
}

function addressLines(a: Address | null | undefined): string[] {
  if (!a) return [];
  const street = [a.street, a.number].filter(Boolean).join(", ");
  const lines = [
    a.name,
    [street, a.complement].filter(Boolean).join(" — "),
    a.neighborhood,
    [a.city, stateCode(a.state)].filter(Boolean).join(" / "),
    a.zipcode ? `CEP ${a.zipcode.replace(/^(\d{5})(\d{3})$/, "$1-$2")}` : null,
    a.country && a.country !== "BR" ? a.country : null,
    a.phone ? `Telefone ${formatPhoneBr(a.phone)}` : null,
  ];
  return lines.filter((l): l is string => Boolean(l));
}

function OrderData({ order }: { order: OrderDetail }) {
  const platformLabel = usePlatformLabel();
  const statusLabel = usePlatformStatusLabel();
  const platform = order.originStore?.platform;
  const snapshot = order.customerSnapshot ?? {};
  const delivery = addressLines(order.deliveryAddress);
  const flags = order.flags ?? [];
  // Why the customer is not linked (R3.1), as the sync recorded it.
  const notLinked = order.events.findLast((e) => e.kind === "customer_not_linked")?.message;
  return (
    <>
      {flags.length > 0 ? (
        <Notice kind="warning">
          <strong>Valores recebidos sem mapeamento (passados como vieram):</strong>
          <ul className="flag-list">
            {flags.map((f, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: flags have no identity of their own
              <li key={i}>{f.message ?? `${f.field}: ${f.value}`}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <div className="order-cards">
        <Section title="Cliente">
          <Facts
            rows={[
              ["Nome", snapshot.name ?? order.customer?.name],
              ["CPF/CNPJ", formatDocumentOrDash(snapshot.document ?? order.customer?.document)],
              ["E-mail", snapshot.email ?? order.customer?.email],
              ["Telefone", formatPhoneBr(snapshot.phone ?? order.customer?.phone)],
              [
                "Cadastro no ERP",
                order.customer ? (
                  <Link key="cliente" to={`/clientes/${order.customer.id}`}>
                    {order.customer.name} (cadastro nº {order.customer.id})
                  </Link>
                ) : (
                  <div key="nao-vinculado">
                    <span className="badge badge-warn">Não vinculado{notLinked ? `: ${notLinked}` : ""}</span>
                    {order.deletedAt ? null : (
                      <Can permission="operate">
                        <LinkOrderCustomer orderId={order.id} />
                      </Can>
                    )}
                  </div>
                ),
              ],
            ]}
          />
        </Section>
        <Section title="Entrega">
          {delivery.length > 0 ? (
            <address className="address">
              {delivery.map((line) => (
                <div key={line}>{line}</div>
              ))}
            </address>
          ) : (
            <p className="muted">Sem endereço de entrega.</p>
          )}
          <Facts
            rows={[
              ["Transportadora", order.carrier],
              ["Forma de entrega", order.shippingType],
            ]}
          />
        </Section>
        <Section title="Pagamento">
          {order.payments.length === 0 ? <p className="muted">Sem dados de pagamento.</p> : null}
          {order.payments.map((p, i) => (
            <Facts
              // biome-ignore lint/suspicious/noArrayIndexKey: payments come in a fixed order without ids
              key={i}
              rows={[
                ["Forma de pagamento", paymentTypeLabel(p.type, p.installments)],
                ["Meio na loja", [p.method, p.gateway].filter(Boolean).join(" · ")],
                ["Parcelas", p.installments > 1 ? `${p.installments}x` : "À vista"],
                ["Valor", formatMoney(p.amountCents)],
                [
                  "Situação na loja",
                  p.platformStatus ? (
                    <StoreSide
                      key="situacao"
                      label={statusLabel(platform, p.platformStatus)}
                      sync={p.storeSync}
                    />
                  ) : null,
                ],
                ["Pago em", p.paidAt ? formatDateTime(p.paidAt) : null],
                [
                  "Confirmado",
                  p.confirmedAt
                    ? `${formatDateTime(p.confirmedAt)}${p.confirmedBy ? ` por ${p.confirmedBy.replace(/^user:/, "")}` : ""}`
                    : "Não",
                ],
              ]}
            />
          ))}
        </Section>
        <Section title="Loja">
          <Facts
            rows={[
              ["Origem", order.origin === "manual" ? "Manual (criado no ERP)" : order.originStore?.name],
              ["Plataforma", order.originStore ? platformLabel(order.originStore.platform) : null],
              ["Nº do pedido na loja", order.storeOrder?.number ?? order.storeOrderNumber],
              ["ID na plataforma", order.storeOrder?.externalId],
              [
                "Status na loja",
                order.storeOrder?.platformStatus ? (
                  <StoreSide
                    key="status"
                    label={statusLabel(platform, order.storeOrder.platformStatus)}
                    sync={order.payments[0]?.storeSync}
                  />
                ) : null,
              ],
              [
                "Criado na loja em",
                order.storeOrder ? formatDateTime(order.storeOrder.platformCreatedAt) : null,
              ],
            ]}
          />
        </Section>
      </div>

      <Section title="Itens">
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">SKU</th>
                <th scope="col">Produto</th>
                <th scope="col" className="num">
                  Qtd.
                </th>
                <th scope="col" className="num">
                  Preço unitário
                </th>
                <th scope="col" className="num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {order.items.map((item) => (
                <tr key={item.position}>
                  <td>{item.sku ?? <span className="badge badge-warn">Sem SKU</span>}</td>
                  <td>
                    {item.name}
                    {item.variant ? <div className="muted small">{item.variant}</div> : null}
                  </td>
                  <td className="num">{item.quantity}</td>
                  <td className="num">{formatMoney(item.unitPriceCents)}</td>
                  <td className="num">{formatMoney(item.totalCents)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <TotalRow label="Subtotal" value={formatMoney(order.subtotalCents)} />
              {order.discountCents ? (
                <TotalRow label="Desconto" value={`−${formatMoney(order.discountCents)}`} />
              ) : null}
              <TotalRow label="Frete" value={formatMoney(order.shippingCents)} />
              <TotalRow label="Total" value={<strong>{formatMoney(order.totalCents)}</strong>} />
            </tfoot>
          </table>
        </div>
      </Section>
    </>
  );
}

/**
 * What the store says, and — for a payment confirmed by hand the store does not show yet — why,
 * so "Aguardando pagamento" never stands unexplained next to a confirmed payment.
 */
function StoreSide({ label, sync }: { label: string; sync: { message: string } | null | undefined }) {
  return (
    <>
      {label}
      {sync ? <div className="small muted store-sync">{sync.message}.</div> : null}
    </>
  );
}

function TotalRow({ label, value }: { label: string; value: ReactNode }) {
  return (
    <tr>
      <th scope="row" colSpan={4} className="num">
        {label}
      </th>
      <td className="num">{value}</td>
    </tr>
  );
}

function OrderHistory({ order }: { order: OrderDetail }) {
  return (
    <div className="history">
      <section aria-labelledby="linha-do-tempo" className="card order-section">
        <h2 id="linha-do-tempo">Histórico</h2>
        <Timeline events={order.events} />
      </section>
      <Can permission="operate">
        <StatusChangeForm order={order} />
      </Can>
    </div>
  );
}
