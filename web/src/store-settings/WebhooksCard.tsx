// Lojas › Geral: the store's webhooks as Ponte registered them on the platform — the events and
// the address when registered; otherwise why not (no public https address: only the scheduled
// import brings orders, and how to fix it; or the platform's refusal) and that Testar conexão
// tries again. The words come from the API.
import { useId } from "react";
import { Notice } from "../components/ui.tsx";
import { formatDateTime } from "../format.ts";
import type { Store } from "../stores.ts";

const KIND = {
  registered: "success",
  pending: "info",
  not_configured: "warning",
  failed: "error",
  removed: "info",
} as const;

export function WebhooksCard({ store }: { store: Store }) {
  const headingId = useId();
  const webhooks = store.webhooks;
  if (!webhooks) return null;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Webhooks</h2>
      <Notice kind={KIND[webhooks.state] ?? "info"}>{webhooks.message}</Notice>
      {webhooks.state === "registered" && webhooks.url ? (
        <dl className="facts">
          <dt>Endereço</dt>
          <dd>
            <code>{webhooks.url}</code>
          </dd>
          <dt>Eventos</dt>
          <dd>
            <ul className="inline-list">
              {webhooks.events.map((event) => (
                <li key={event}>
                  <code>{event}</code>
                </li>
              ))}
            </ul>
          </dd>
        </dl>
      ) : null}
      {webhooks.checkedAt ? (
        <p className="muted small">Verificado em {formatDateTime(webhooks.checkedAt)}.</p>
      ) : null}
    </section>
  );
}
