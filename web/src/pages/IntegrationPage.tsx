// Integração (docs/REQUIREMENTS.md#seed-000, R5): choose a store, Carregar its orders that need attention (or those a
// search finds: number, name, CPF/CNPJ), and fix each one from its row — Criar, Atualizar,
// Mapeamento, Reprocessar — watching it settle.
import { useQueryClient } from "@tanstack/react-query";
import { flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { useEffect, useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { TableRows } from "../components/TableRows.tsx";
import { Button, Field, ListError, Loading, LoadMore, Notice, PageHeader } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { dismissColumn } from "../integration/DismissButton.tsx";
import { integrationColumns } from "../integration/integration-columns.tsx";
import { usePanelActions } from "../integration/panel-actions.ts";
import { type PanelView, panelListKey, usePanelList } from "../integration/panel-rows.ts";
import { usePlatformLabel, usePlatformStatusLabel } from "../platforms.ts";
import { SEARCH_HINT, SEARCH_LABEL, searchProblem } from "../search.ts";
import { IMPORT_OFF_ACTION, IMPORT_OFF_TEXT } from "../store-settings/connection.tsx";
import { useStores } from "../stores.ts";

const VIEWS: { value: PanelView; label: string }[] = [
  { value: "attention", label: "Só pendentes" },
  { value: "dismissed", label: "Ignorados" },
  { value: "all", label: "Todos" },
];

export function IntegrationPage() {
  const client = useQueryClient();
  const platformLabel = usePlatformLabel();
  const statusLabel = usePlatformStatusLabel();
  const stores = useStores();
  const [params, setParams] = useSearchParams();
  const loadedStore = Number(params.get("loja")) || null;
  const viewParam = params.get("view");
  const view: PanelView = viewParam === "all" || viewParam === "dismissed" ? viewParam : "attention";
  const search = params.get("busca")?.trim() ?? "";
  const [chosen, setChosen] = useState<string>(loadedStore ? String(loadedStore) : "");
  const [searchDraft, setSearchDraft] = useState(search);
  const [searchError, setSearchError] = useState<string | null>(null);
  // Back and forward move between loaded stores and searches: the form follows the address.
  useEffect(() => {
    if (loadedStore) setChosen(String(loadedStore));
  }, [loadedStore]);
  useEffect(() => {
    setSearchDraft(search);
    setSearchError(null);
  }, [search]);
  // With a single store there is nothing to choose: it is preselected (Carregar still loads).
  const onlyStore = stores.data?.length === 1 ? String(stores.data[0]!.id) : "";
  const draft = chosen || onlyStore;

  const list = usePanelList(loadedStore, view, search);
  // A stable array: the table recomputes (and resets its state) whenever `data` changes identity.
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.orders) ?? [], [list.data]);
  const actions = usePanelActions(loadedStore, rows);

  const load = (storeId: number, nextView: PanelView, nextSearch = search) => {
    // Carregar always reads the list again from its first page.
    void client.resetQueries({ queryKey: panelListKey(storeId, nextView, nextSearch), exact: true });
    setParams({ loja: String(storeId), view: nextView, ...(nextSearch ? { busca: nextSearch } : {}) });
  };

  const loaded = stores.data?.find((s) => s.id === loadedStore);
  const loadedName = loaded?.name;
  // Import off: nothing syncs, so Criar, Atualizar and Reprocessar are not offered (the API refuses them).
  const blocked = loaded && !loaded.importEnabled ? IMPORT_OFF_ACTION : null;
  const platform = loaded?.platform;
  const columns = [
    ...integrationColumns(actions.run, actions.busy, actions.errors, actions.watching, blocked, (key) =>
      statusLabel(platform, key),
    ),
    dismissColumn(loadedStore),
  ];
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => r.externalId,
    autoResetAll: false,
  });

  return (
    <>
      <PageHeader title="Integração" />
      <p className="muted">
        Pedidos das lojas que ainda precisam de atenção: não sincronizados, ou sincronizados mas ainda não
        confirmados. Escolha a loja e clique em <strong>Carregar</strong>.
      </p>

      {stores.isPending ? <Loading label="Carregando lojas…" /> : null}
      {stores.isError ? <Notice kind="error">{describeError(stores.error)}</Notice> : null}
      {stores.data?.length === 0 ? (
        <Notice kind="info">
          Nenhuma loja conectada ainda. <Link to="/lojas">Conecte uma loja</Link> para ver seus pedidos aqui.
        </Notice>
      ) : null}

      {stores.data && stores.data.length > 0 ? (
        <form
          className="toolbar"
          onSubmit={(e) => {
            e.preventDefault();
            const problem = searchProblem(searchDraft);
            setSearchError(problem);
            if (draft && !problem) load(Number(draft), view, searchDraft.trim());
          }}
        >
          <Field label="Loja">
            {(p) => (
              <select {...p} value={draft} onChange={(e) => setChosen(e.target.value)} required>
                <option value="" disabled>
                  Escolha uma loja…
                </option>
                {stores.data.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({platformLabel(s.platform)})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={SEARCH_LABEL} hint={SEARCH_HINT} error={searchError ?? undefined}>
            {(p) => (
              <input
                {...p}
                type="search"
                value={searchDraft}
                onChange={(e) => setSearchDraft(e.target.value)}
                autoComplete="off"
              />
            )}
          </Field>
          <Button
            type="submit"
            variant="primary"
            pending={list.isFetching && !list.isFetchingNextPage}
            disabled={!draft}
          >
            Carregar
          </Button>
          <fieldset className="segmented">
            <legend>Mostrar</legend>
            {VIEWS.map((v) => (
              <label key={v.value}>
                <input
                  type="radio"
                  name="view"
                  value={v.value}
                  checked={view === v.value}
                  onChange={() => {
                    if (loadedStore) load(loadedStore, v.value);
                    else setParams({ view: v.value });
                  }}
                />
                {v.label}
              </label>
            ))}
          </fieldset>
        </form>
      ) : null}

      {draft && loadedStore !== Number(draft) ? (
        <Notice kind="info">Clique em Carregar para ver os pedidos da loja escolhida.</Notice>
      ) : null}

      {loadedStore !== null && list.isPending && list.fetchStatus !== "idle" ? (
        <Loading label="Carregando pedidos da loja…" />
      ) : null}
      <ListError list={list} />

      {blocked && list.data ? (
        <Notice kind="warning">
          {IMPORT_OFF_TEXT} Enquanto isso, Criar, Atualizar e Reprocessar ficam indisponíveis nesta loja.
        </Notice>
      ) : null}

      {list.data ? (
        <section aria-labelledby="lista-integracao">
          <h2 id="lista-integracao">
            {view === "attention"
              ? "Pedidos que precisam de atenção"
              : view === "dismissed"
                ? "Pedidos ignorados"
                : "Todos os pedidos"}
            {loadedName ? ` — ${loadedName}` : ""}
          </h2>
          <AttentionCount count={list.data.pages[0]?.attentionCount ?? 0} />
          <p className="muted small" role="status">
            {rows.length === 0
              ? search
                ? view === "attention"
                  ? `Nenhum pedido pendente encontrado para “${search}”. Escolha Todos para buscar em todos os pedidos.`
                  : `Nenhum pedido encontrado para “${search}”.`
                : view === "attention"
                  ? "Nenhum pedido precisa de atenção nesta loja."
                  : view === "dismissed"
                    ? "Nenhum pedido ignorado nesta loja."
                    : "Nenhum pedido desta loja foi importado ainda."
              : `${rows.length} ${rows.length === 1 ? "pedido carregado" : "pedidos carregados"}${
                  search ? ` para “${search}”` : ""
                }${list.hasNextPage ? " (há mais)" : ""}.`}
          </p>
          {rows.length > 0 ? (
            <div className="table-wrap">
              <table className="integration-table">
                <thead>
                  {table.getHeaderGroups().map((g) => (
                    <tr key={g.id}>
                      {g.headers.map((h) => (
                        <th key={h.id} scope="col">
                          {flexRender(h.column.columnDef.header, h.getContext())}
                        </th>
                      ))}
                    </tr>
                  ))}
                </thead>
                <TableRows
                  table={table}
                  rowHeader="pedido"
                  rowClassName={(r) =>
                    r.syncState === "error" ||
                    r.syncState === "held" ||
                    r.storeCancellation ||
                    actions.errors[r.externalId]
                      ? "row-error"
                      : undefined
                  }
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

/** The attention list's size: the number Visão geral shows as "Pedidos aguardando". */
function AttentionCount({ count }: { count: number }) {
  return (
    <p className="small">
      <strong>
        {count} {count === 1 ? "pedido aguardando" : "pedidos aguardando"}
      </strong>{" "}
      atenção nesta loja (o mesmo número da Visão geral). Use Ignorar nos que não precisam de ação.
    </p>
  );
}
