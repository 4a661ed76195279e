// Auditoria (issue 17): every change a person or an API token made — who, when, from where, what,
// to which order or store, and the fields before → after (secrets masked) — newest first, with
// filters, a page at a time, and the same rows as CSV.
import { useState } from "react";
import { Link } from "react-router";
import {
  type AuditFilters,
  type AuditRow,
  auditExportUrl,
  NO_FILTERS,
  useAuditList,
} from "../audit/audit-api.ts";
import { ChangeDiff } from "../audit/ChangeDiff.tsx";
import { ACTION_GROUPS, ACTION_LABELS, ACTOR_KINDS, ENTITY_LABELS } from "../audit/labels.ts";
import { ExportLink } from "../components/ExportLink.tsx";
import { Button, Field, ListError, LoadMore, PageHeader } from "../components/ui.tsx";
import { formatDateTime } from "../format.ts";
import { TextField } from "../orders/fulfilment-ui.tsx";

export function AuditPage() {
  const [draft, setDraft] = useState<AuditFilters>(NO_FILTERS);
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const list = useAuditList(filters);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (patch: Partial<AuditFilters>) => setDraft((d) => ({ ...d, ...patch }));

  return (
    <>
      <PageHeader title="Auditoria">
        <ExportLink href={auditExportUrl(filters)} />
      </PageHeader>
      <p className="muted">
        Cada alteração feita por um usuário ou token de API: quem, quando, de onde e o que mudou. Senhas,
        tokens e chaves aparecem como ••••.
      </p>
      <form
        className="toolbar"
        aria-label="Filtros da auditoria"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(draft);
        }}
      >
        <TextField label="De" type="date" value={draft.from} onChange={(v) => set({ from: v })} />
        <TextField label="Até" type="date" value={draft.to} onChange={(v) => set({ to: v })} />
        <TextField
          label="Quem"
          placeholder="E-mail ou nome do token"
          maxLength={200}
          value={draft.actor}
          onChange={(v) => set({ actor: v })}
        />
        <Field label="O quê">
          {(p) => (
            <select {...p} value={draft.action} onChange={(e) => set({ action: e.target.value })}>
              <option value="">Tudo</option>
              {ACTION_GROUPS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          label="Texto"
          placeholder="Valor, loja, pedido…"
          maxLength={200}
          value={draft.q}
          onChange={(v) => set({ q: v })}
        />
        <Button type="submit" variant="primary">
          Filtrar
        </Button>
      </form>
      <ListError list={list} />
      <div className="table-wrap">
        <table aria-label="Auditoria">
          <thead>
            <tr>
              <th scope="col">Quando</th>
              <th scope="col">Quem</th>
              <th scope="col">De onde</th>
              <th scope="col">O quê</th>
              <th scope="col">Onde</th>
              <th scope="col">Antes → depois</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <AuditLine key={r.id} r={r} />
            ))}
          </tbody>
        </table>
      </div>
      {list.isSuccess && rows.length === 0 ? (
        <p className="muted">Nenhuma alteração com esses filtros.</p>
      ) : null}
      <LoadMore list={list} />
    </>
  );
}

function AuditLine({ r }: { r: AuditRow }) {
  return (
    <tr>
      <td>{formatDateTime(r.at)}</td>
      <td>
        {r.actorName}
        <div className="muted small">{ACTOR_KINDS[r.actorKind] ?? r.actorKind}</div>
      </td>
      <td>
        {r.ip ?? "—"}
        {r.userAgent ? (
          <div className="muted small" title={r.userAgent}>
            {r.userAgent.length > 40 ? `${r.userAgent.slice(0, 40)}…` : r.userAgent}
          </div>
        ) : null}
      </td>
      <td>{ACTION_LABELS[r.action] ?? r.action}</td>
      <td>
        <EntityLink r={r} />
      </td>
      <td>
        <ChangeDiff before={r.before} after={r.after} />
      </td>
    </tr>
  );
}

/** Where the change was made (its name, then its kind), linked to its screen when it has one. */
function EntityLink({ r }: { r: AuditRow }) {
  const kind = ENTITY_LABELS[r.entityType] ?? r.entityType;
  const name = r.entityLabel ?? r.entityId;
  const label = name ? (r.entityType === "order" ? `Nº ${name}` : name) : kind;
  const to = entityPath(r);
  return (
    <>
      {to ? (
        <Link to={to} aria-label={name ? `${kind} ${name}` : kind}>
          {label}
        </Link>
      ) : (
        label
      )}
      {name ? <div className="muted small">{kind}</div> : null}
    </>
  );
}

function entityPath(r: AuditRow): string | null {
  if (!r.entityId) return r.entityType === "product" ? "/produtos" : null;
  const storeOf = () => r.entityId?.split("/")[0];
  switch (r.entityType) {
    case "order":
      return `/pedidos/${r.entityId}`;
    case "store":
      return `/lojas/${r.entityId}`;
    case "email_template":
      return `/lojas/${storeOf()}`;
    case "store_order":
      return "/integracao";
    case "customer":
      return `/clientes/${r.entityId}`;
    case "product":
      return "/produtos";
    default:
      return null;
  }
}
