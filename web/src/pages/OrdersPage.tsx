// Pedidos (docs/REQUIREMENTS.md#seed-003, R6.1): the sales orders, found by number, name or CPF/CNPJ in one search box,
// filtered by period, status, store and value, sorted by the order's date, status or value, a
// keyset page at a time. Filters and sort live in the address, so the back button and a shared
// link show the same list.
import { type ColumnDef, flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { type FormEvent, useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { CANONICAL_LABELS, CANONICAL_STATUSES } from "../../../src/domain/order-status.ts";
import { withQuery } from "../api.ts";
import { ExportLink } from "../components/ExportLink.tsx";
import { TableRows } from "../components/TableRows.tsx";
import { Button, Field, ListError, Loading, LoadMore, PageHeader } from "../components/ui.tsx";
import { formatDateTime, formatDocumentOrDash, formatMoney } from "../format.ts";
import {
  apiQuery,
  applyDraft,
  type DraftErrors,
  draftFrom,
  EMPTY_FILTERS,
  type FilterDraft,
  type OrderFilters,
  readFilters,
  type SortKey,
  writeFilters,
} from "../orders/filters.ts";
import { canonicalLabel, statusBadgeClass } from "../orders/labels.ts";
import { type OrderListItem, useOrderList } from "../orders/orders-api.ts";
import { Can } from "../permissions.tsx";
import { SEARCH_HINT, SEARCH_LABEL } from "../search.ts";
import { useStores } from "../stores.ts";

const SORTABLE: Partial<Record<string, SortKey>> = { data: "ordered_at", status: "status", total: "total" };

const columns: ColumnDef<OrderListItem>[] = [
  {
    id: "numero",
    header: "Nº Ponte",
    cell: ({ row: { original: o } }) => (
      <Link to={`/pedidos/${o.id}`} aria-label={`Pedido Nº ${o.number}`}>
        {o.number}
      </Link>
    ),
  },
  { id: "loja", header: "Nº loja", cell: ({ row: { original: o } }) => o.storeOrderNumber ?? "—" },
  {
    id: "origem",
    header: "Origem",
    cell: ({ row: { original: o } }) =>
      o.origin === "manual" ? (
        <span className="badge">Manual</span>
      ) : (
        <span className="badge badge-info">{o.originStoreName ?? "Loja"}</span>
      ),
  },
  // The day the customer ordered on the store, not the day Ponte imported it.
  { id: "data", header: "Data", cell: ({ row: { original: o } }) => formatDateTime(o.orderedAt) },
  {
    id: "cliente",
    header: "Cliente",
    cell: ({ row: { original: o } }) => (
      <div>
        <div>{o.customerName ?? <span className="muted">Sem nome</span>}</div>
        <div className="muted small">{formatDocumentOrDash(o.customerDocument)}</div>
      </div>
    ),
  },
  {
    id: "status",
    header: "Status",
    cell: ({ row: { original: o } }) => (
      <span className={statusBadgeClass(o.canonicalStatus)}>{canonicalLabel(o.canonicalStatus)}</span>
    ),
  },
  {
    id: "total",
    header: "Total",
    cell: ({ row: { original: o } }) => formatMoney(o.totalCents),
  },
];

export function OrdersPage() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const list = useOrderList(filters);
  // A stable array: the table recomputes (and resets its state) whenever `data` changes identity.
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    getRowId: (o) => String(o.id),
    autoResetAll: false,
  });
  const go = (next: OrderFilters) => setParams(writeFilters(next));

  const sortBy = (key: SortKey) =>
    go({
      ...filters,
      sort: key,
      order:
        filters.sort === key
          ? filters.order === "desc"
            ? "asc"
            : "desc"
          : key === "status"
            ? "asc"
            : "desc",
    });

  const filtered = writeFilters({ ...filters, sort: "ordered_at", order: "desc" }).size > 0;

  return (
    <>
      <PageHeader title="Pedidos">
        {/* The same filter and sort as the list, every page of it. */}
        <ExportLink href={withQuery("/api/v1/exports/orders", apiQuery(filters))} />
        <Can permission="operate">
          <Link className="btn btn-primary" to="/pedidos/novo">
            Novo pedido
          </Link>
        </Can>
      </PageHeader>
      {/* Remounted when the address changes (back button), so the form shows the list's filters. */}
      <FilterForm key={params.toString()} filters={filters} onApply={go} />

      {list.isPending ? <Loading label="Carregando pedidos…" /> : null}
      <ListError list={list} />

      {list.data ? (
        <section aria-labelledby="lista-pedidos">
          <h2 id="lista-pedidos" className="visually-hidden">
            Lista de pedidos
          </h2>
          <p className="muted small" role="status">
            {rows.length === 0
              ? filtered
                ? "Nenhum pedido com esses filtros."
                : "Nenhum pedido ainda. Os pedidos das lojas conectadas aparecem aqui quando são importados."
              : `${rows.length} ${rows.length === 1 ? "pedido exibido" : "pedidos exibidos"}${
                  list.hasNextPage ? " (há mais)" : ""
                }.`}
            {list.isFetching && !list.isFetchingNextPage ? " Atualizando…" : ""}
          </p>
          {rows.length > 0 ? (
            <div className="table-wrap">
              <table className="orders-table" aria-busy={list.isPlaceholderData || undefined}>
                <caption className="visually-hidden">
                  Pedidos de venda. Clique nos títulos Data, Status ou Total para ordenar.
                </caption>
                <thead>
                  {table.getHeaderGroups().map((g) => (
                    <tr key={g.id}>
                      {g.headers.map((h) => {
                        const key = SORTABLE[h.column.id];
                        const numeric = h.column.id === "total";
                        const title = flexRender(h.column.columnDef.header, h.getContext());
                        if (!key)
                          return (
                            <th key={h.id} scope="col">
                              {title}
                            </th>
                          );
                        const active = filters.sort === key;
                        return (
                          <th
                            key={h.id}
                            scope="col"
                            className={numeric ? "num" : undefined}
                            aria-sort={
                              active ? (filters.order === "asc" ? "ascending" : "descending") : "none"
                            }
                          >
                            <button type="button" className="sort" onClick={() => sortBy(key)}>
                              {title}
                              <span aria-hidden="true" className="sort-mark">
                                {active ? (filters.order === "asc" ? " ▲" : " ▼") : " ↕"}
                              </span>
                            </button>
                          </th>
                        );
                      })}
                    </tr>
                  ))}
                </thead>
                <TableRows
                  table={table}
                  rowHeader="numero"
                  cellClassName={(column) => (column === "total" ? "num" : undefined)}
                />
              </table>
            </div>
          ) : null}
          <LoadMore list={list} />
        </section>
      ) : null}
    </>
  );
}

function FilterForm({ filters, onApply }: { filters: OrderFilters; onApply: (f: OrderFilters) => void }) {
  const stores = useStores();
  const [draft, setDraft] = useState<FilterDraft>(() => draftFrom(filters));
  const [errors, setErrors] = useState<DraftErrors>({});
  const set = (key: keyof FilterDraft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = applyDraft(draft, filters);
    if ("errors" in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    onApply(result.filters);
  };

  return (
    <form className="card filters" onSubmit={submit} aria-label="Filtros de pedidos" noValidate>
      <div className="filters-grid">
        <Field label={SEARCH_LABEL} hint={SEARCH_HINT} error={errors.search}>
          {(p) => (
            <input {...p} type="search" value={draft.search} onChange={set("search")} autoComplete="off" />
          )}
        </Field>
        <Field label="De" error={errors.from}>
          {(p) => <input {...p} type="date" value={draft.from} onChange={set("from")} />}
        </Field>
        <Field label="Até" error={errors.to}>
          {(p) => <input {...p} type="date" value={draft.to} onChange={set("to")} />}
        </Field>
        <Field label="Status">
          {(p) => (
            <select {...p} value={draft.status} onChange={set("status")}>
              <option value="">Todos</option>
              {CANONICAL_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {CANONICAL_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Loja">
          {(p) => (
            <select {...p} value={draft.storeId} onChange={set("storeId")}>
              <option value="">Todas</option>
              {stores.data?.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Valor mínimo (R$)" error={errors.minTotal}>
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              value={draft.minTotal}
              onChange={set("minTotal")}
              placeholder="0,00"
            />
          )}
        </Field>
        <Field label="Valor máximo (R$)" error={errors.maxTotal}>
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              value={draft.maxTotal}
              onChange={set("maxTotal")}
              placeholder="0,00"
            />
          )}
        </Field>
      </div>
      <div className="actions actions-start">
        <Button type="submit" variant="primary">
          Filtrar
        </Button>
        <Button onClick={() => onApply({ ...EMPTY_FILTERS, sort: filters.sort, order: filters.order })}>
          Limpar filtros
        </Button>
      </div>
    </form>
  );
}
