// Produtos (issue 16, item 2; seeds 001 and 003): SKU, name and stock on hand, or "Estoque não
// contado" for a product the integration created and nobody counted yet. Ajustar estoque opens
// the product's last movements and the adjustment form (contagem, avaria, devolução); Importar CSV
// previews a count file line by line before anything is written; Exportar CSV downloads the list.
import { type FormEvent, useMemo, useState } from "react";
import "../products/products.css";
import { ExportLink } from "../components/ExportLink.tsx";
import { Button, ListError, Loading, LoadMore, PageHeader } from "../components/ui.tsx";
import { formatDateTime } from "../format.ts";
import { Can } from "../permissions.tsx";
import { type ProductFilters, stockExportHref, useProducts } from "../products/products-api.ts";
import { StockAdjustPanel } from "../products/StockAdjustPanel.tsx";
import { StockCell } from "../products/StockCell.tsx";
import { StockImportCard } from "../products/StockImportCard.tsx";

export function ProductsPage() {
  const [filters, setFilters] = useState<ProductFilters>({ q: "", uncounted: false });
  const [draft, setDraft] = useState(filters);
  const [selected, setSelected] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const list = useProducts(filters);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);

  const search = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
  };

  return (
    <>
      <PageHeader title="Produtos">
        <Can permission="operate">
          <Button onClick={() => setImporting((v) => !v)} aria-expanded={importing}>
            Importar CSV
          </Button>
        </Can>
        <ExportLink href={stockExportHref(filters)} />
      </PageHeader>

      {importing ? <StockImportCard onClose={() => setImporting(false)} /> : null}

      <form className="toolbar" aria-label="Buscar produtos" onSubmit={search}>
        <label className="visually-hidden" htmlFor="busca-produto">
          SKU ou nome
        </label>
        <input
          id="busca-produto"
          type="search"
          placeholder="SKU ou nome"
          value={draft.q}
          maxLength={200}
          onChange={(e) => setDraft({ ...draft, q: e.target.value })}
        />
        <label className="check-inline">
          <input
            type="checkbox"
            checked={draft.uncounted}
            onChange={(e) => {
              const next = { ...draft, uncounted: e.target.checked };
              setDraft(next);
              setFilters(next);
            }}
          />{" "}
          Só estoque não contado
        </label>
        <Button type="submit">Buscar</Button>
      </form>

      {selected ? <StockAdjustPanel sku={selected} onClose={() => setSelected(null)} /> : null}

      {list.isPending ? <Loading label="Carregando produtos…" /> : null}
      <ListError list={list} />
      {list.data ? (
        <section aria-labelledby="lista-produtos">
          <h2 id="lista-produtos" className="visually-hidden">
            Lista de produtos
          </h2>
          <p className="muted small" role="status">
            {rows.length === 0
              ? filters.q || filters.uncounted
                ? "Nenhum produto com esses filtros."
                : "Nenhum produto ainda. Os produtos dos pedidos importados aparecem aqui."
              : `${rows.length} ${rows.length === 1 ? "produto exibido" : "produtos exibidos"}${list.hasNextPage ? " (há mais)" : ""}.`}
          </p>
          {rows.length > 0 ? (
            <div className="table-wrap">
              <table aria-busy={list.isPlaceholderData || undefined}>
                <caption className="visually-hidden">Produtos e estoque</caption>
                <thead>
                  <tr>
                    <th scope="col">SKU</th>
                    <th scope="col">Produto</th>
                    <th scope="col" className="num">
                      Estoque
                    </th>
                    <th scope="col">Última movimentação</th>
                    <th scope="col">
                      <span className="visually-hidden">Ações</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((p) => (
                    <tr key={p.id} aria-current={selected === p.sku || undefined}>
                      <td>
                        <code>{p.sku}</code>
                      </td>
                      <td>
                        {p.name}
                        {p.createdByIntegration ? (
                          <div className="muted small">Criado pela integração</div>
                        ) : null}
                      </td>
                      <td className="num">
                        <StockCell product={p} />
                      </td>
                      <td>{formatDateTime(p.lastMovementAt)}</td>
                      <td>
                        <Can permission="operate">
                          <Button
                            className="btn-small"
                            aria-label={`Ajustar estoque de ${p.sku}`}
                            onClick={() => setSelected(p.sku)}
                          >
                            Ajustar estoque
                          </Button>
                        </Can>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <LoadMore list={list} />
        </section>
      ) : null}
    </>
  );
}
