// Clientes (issue 16): the customers, found by name (case and accents ignored), CPF/CNPJ (masked
// or not, alphanumeric too) or e-mail in one search box, by name, a page at a time. The search
// lives in the address, so the back button and a shared link show the same list.
import { type FormEvent, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { Button, Field, ListError, Loading, LoadMore, PageHeader } from "../components/ui.tsx";
import { CustomerRows } from "../customers/CustomerRows.tsx";
import { CUSTOMER_SEARCH_HINT, customerSearchProblem } from "../customers/customer-search.ts";
import { useCustomerList } from "../customers/customers-api.ts";
import { NewCustomerForm } from "../customers/NewCustomerForm.tsx";
import { Can } from "../permissions.tsx";

export function CustomersPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const [draft, setDraft] = useState(q);
  const [problem, setProblem] = useState<string | null>(null);
  const list = useCustomerList(q);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const why = customerSearchProblem(draft);
    setProblem(why);
    if (!why) setParams(draft.trim() ? { q: draft.trim() } : {});
  };

  return (
    <>
      <PageHeader title="Clientes" />
      <Can permission="operate">
        <div className="toolbar">
          <NewCustomerForm />
        </div>
      </Can>
      <form className="card filters" onSubmit={submit} aria-label="Buscar clientes" noValidate>
        <div className="filters-grid">
          <Field label="Buscar" hint={CUSTOMER_SEARCH_HINT} error={problem ?? undefined}>
            {(p) => (
              <input
                {...p}
                type="search"
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
                autoComplete="off"
              />
            )}
          </Field>
        </div>
        <div className="actions actions-start">
          <Button type="submit" variant="primary">
            Buscar
          </Button>
          {q ? (
            <Button
              onClick={() => {
                setDraft("");
                setParams({});
              }}
            >
              Limpar busca
            </Button>
          ) : null}
        </div>
      </form>

      {list.isPending ? <Loading label="Carregando clientes…" /> : null}
      <ListError list={list} />
      {list.data ? (
        <section aria-labelledby="lista-clientes">
          <h2 id="lista-clientes" className="visually-hidden">
            Lista de clientes
          </h2>
          <p className="muted small" role="status">
            {rows.length === 0
              ? q
                ? "Nenhum cliente encontrado."
                : "Nenhum cliente ainda. Os clientes são cadastrados pelo CPF/CNPJ dos pedidos importados."
              : `${rows.length} ${rows.length === 1 ? "cliente exibido" : "clientes exibidos"}${
                  list.hasNextPage ? " (há mais)" : ""
                }.`}
          </p>
          {rows.length > 0 ? (
            <CustomerRows
              label="Clientes"
              customers={rows}
              name={(c) => (
                <Link to={`/clientes/${c.id}`} aria-label={`Cliente ${c.name}`}>
                  {c.name}
                </Link>
              )}
            />
          ) : null}
          <LoadMore list={list} />
        </section>
      ) : null}
    </>
  );
}
