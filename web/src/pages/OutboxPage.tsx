// Caixa de saída (R6.3): every customer e-mail Ponte queued, sent, failed or kept here because no
// SMTP server is configured — filtered by store and status, newest first — and one message as
// the customer gets it: the HTML in a sandboxed frame (no scripts, no same-origin), and the text.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import type { ResponseOf } from "../api/types.ts";
import { api, withQuery } from "../api.ts";
import { Button, ListError, Loading, LoadMore, Notice, PageHeader, useToast } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { formatDateTime } from "../format.ts";
import { canonicalLabel } from "../orders/labels.ts";
import { useCan } from "../permissions.tsx";
import { useStores } from "../stores.ts";

type EmailPage = ResponseOf<"/api/v1/emails", "get">;
type EmailSummary = EmailPage["items"][number];
type EmailDetail = ResponseOf<"/api/v1/emails/{id}", "get">;

export const EMAIL_STATUS: Record<EmailSummary["status"], [string, string]> = {
  pending: ["Na fila", "badge-info"],
  sending: ["Enviando", "badge-info"],
  sent: ["Enviado", "badge-ok"],
  failed: ["Falhou", "badge-bad"],
  local: ["Só na Caixa de saída", "badge-warn"],
};

function StatusBadge({ status }: { status: EmailSummary["status"] }) {
  const [label, tone] = EMAIL_STATUS[status] ?? [status, ""];
  return <span className={`badge ${tone}`}>{label}</span>;
}

/** Reenviar, for a failed e-mail: back to the queue with its attempts at zero (same Message-ID). */
function ResendButton(props: { email: EmailSummary; small?: boolean }) {
  return useCan("operate") ? <Resend {...props} /> : null;
}

function Resend({ email, small }: { email: EmailSummary; small?: boolean }) {
  const client = useQueryClient();
  const toast = useToast();
  const resend = useMutation({
    mutationFn: () => api(`/api/v1/emails/${email.id}/resend`, { method: "POST" }),
    onSuccess: () => {
      toast("success", `E-mail para ${email.to} na fila para reenviar.`);
      return client.invalidateQueries({ queryKey: ["emails"] });
    },
    onError: (error) => toast("error", describeError(error)),
  });
  return (
    <Button
      className={small ? "btn-small" : undefined}
      pending={resend.isPending}
      onClick={() => resend.mutate()}
      aria-label={small ? `Reenviar o e-mail “${email.subject}” para ${email.to}` : undefined}
    >
      Reenviar
    </Button>
  );
}

export function OutboxPage() {
  const [search, setSearch] = useSearchParams();
  const stores = useStores();
  const storeFilter = useId();
  const statusFilter = useId();
  const loja = Number(search.get("loja"));
  const storeId = Number.isSafeInteger(loja) && loja > 0 ? loja : null;
  const rawStatus = search.get("situacao");
  const status = rawStatus && rawStatus in EMAIL_STATUS ? rawStatus : null;
  const list = useInfiniteQuery({
    queryKey: ["emails", "list", storeId, status],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<EmailPage>(withQuery("/api/v1/emails", { storeId, status, limit: 50, after: pageParam }), {
        signal,
      }),
    getNextPageParam: (last) => last.next,
    // Sending happens in the worker: keep the list current while the screen is open.
    refetchInterval: 10_000,
  });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  };
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const storeName = new Map((stores.data ?? []).map((s) => [s.id, s.name]));

  return (
    <>
      <PageHeader title="Caixa de saída" />
      <p className="muted">
        Os e-mails que o Ponte manda aos clientes a cada mudança de status. Sem servidor SMTP configurado
        (PONTE_SMTP_URL), eles ficam só aqui, marcados como “Só na Caixa de saída”.
      </p>
      <div className="toolbar">
        <div className="field">
          <label htmlFor={storeFilter}>Loja</label>
          <select id={storeFilter} value={storeId ?? ""} onChange={(e) => set("loja", e.target.value)}>
            <option value="">Todas as lojas</option>
            {(stores.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={statusFilter}>Situação</label>
          <select id={statusFilter} value={status ?? ""} onChange={(e) => set("situacao", e.target.value)}>
            <option value="">Todas</option>
            {Object.entries(EMAIL_STATUS).map(([key, [label]]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ListError list={list} />
      {list.isPending ? <Loading label="Carregando os e-mails…" /> : null}
      {list.isSuccess && items.length === 0 ? <p className="muted">Nenhum e-mail.</p> : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table aria-label="E-mails aos clientes">
            <thead>
              <tr>
                <th scope="col">Assunto</th>
                <th scope="col">Para</th>
                <th scope="col">Pedido</th>
                <th scope="col">Status do pedido</th>
                <th scope="col">Situação</th>
                <th scope="col">Criado em</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <Link to={`/caixa-de-saida/${e.id}`}>{e.subject}</Link>
                  </th>
                  <td className="break">{e.to}</td>
                  <td>
                    <Link to={`/pedidos/${e.salesOrderId}`}>Nº {e.salesOrderNumber}</Link>
                    {e.storeId !== null ? (
                      <div className="muted small">{storeName.get(e.storeId) ?? `loja ${e.storeId}`}</div>
                    ) : null}
                  </td>
                  <td>{canonicalLabel(e.canonicalStatus)}</td>
                  <td>
                    <StatusBadge status={e.status} />
                    {e.error ? <div className="muted small break">{e.error}</div> : null}
                    {e.status === "failed" ? <ResendButton email={e} small /> : null}
                  </td>
                  <td>{formatDateTime(e.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore list={list} />
    </>
  );
}

export function EmailPage() {
  const id = Number(useParams().id);
  const email = useQuery({
    queryKey: ["emails", "detail", id],
    queryFn: ({ signal }) => api<EmailDetail>(`/api/v1/emails/${id}`, { signal }),
    enabled: Number.isSafeInteger(id) && id > 0,
  });
  const back = (
    <p className="small">
      <Link to="/caixa-de-saida">← Caixa de saída</Link>
    </p>
  );
  if (email.isPending) return <Loading label="Carregando o e-mail…" />;
  if (email.isError) {
    return (
      <>
        {back}
        <PageHeader title="E-mail" />
        <Notice kind="error">{describeError(email.error)}</Notice>
      </>
    );
  }
  const e = email.data;
  return (
    <>
      {back}
      <PageHeader title={e.subject} />
      {e.status === "failed" ? (
        <div className="toolbar">
          <ResendButton email={e} />
        </div>
      ) : null}
      <section className="card" aria-label="Dados do e-mail">
        <dl className="facts">
          <dt>Para</dt>
          <dd>{e.to}</dd>
          {e.from ? (
            <>
              <dt>De</dt>
              <dd>{e.from}</dd>
            </>
          ) : null}
          <dt>Situação</dt>
          <dd>
            <StatusBadge status={e.status} />
          </dd>
          <dt>Pedido</dt>
          <dd>
            <Link to={`/pedidos/${e.salesOrderId}`}>Nº {e.salesOrderNumber}</Link> —{" "}
            {canonicalLabel(e.canonicalStatus)}
          </dd>
          <dt>Criado em</dt>
          <dd>{formatDateTime(e.createdAt)}</dd>
          <dt>Enviado em</dt>
          <dd>{formatDateTime(e.sentAt)}</dd>
          <dt>Tentativas</dt>
          <dd>{e.attempts}</dd>
          {e.error ? (
            <>
              <dt>Erro</dt>
              <dd className="break">{e.error}</dd>
            </>
          ) : null}
          {e.smtpResponse ? (
            <>
              <dt>Resposta do servidor</dt>
              <dd className="break">{e.smtpResponse}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section className="card" aria-labelledby="email-html">
        <h2 id="email-html">Mensagem</h2>
        {/* sandbox="": no scripts, no forms, no same-origin access to the panel. */}
        <iframe className="email-frame" title={`Mensagem: ${e.subject}`} sandbox="" srcDoc={e.html} />
      </section>
      <section className="card" aria-labelledby="email-text">
        <h2 id="email-text">Versão em texto</h2>
        <pre className="email-text">{e.text}</pre>
      </section>
    </>
  );
}
