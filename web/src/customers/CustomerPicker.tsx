// Finding another customer to act on (merge into this record, link an order to): a search box and
// the first matches, each with the action's button.
import { type FormEvent, type ReactNode, useState } from "react";
import { Button, Field, ListError, Loading } from "../components/ui.tsx";
import { CustomerRows } from "./CustomerRows.tsx";
import { CUSTOMER_SEARCH_HINT, customerSearchProblem } from "./customer-search.ts";
import { type CustomerListItem, useCustomerList } from "./customers-api.ts";

const PICKER_SIZE = 10;

export function CustomerPicker({
  label,
  exclude,
  action,
}: {
  /** Names the form and the results table. */
  label: string;
  /** A customer not to offer (the record itself). */
  exclude?: number;
  action: (c: CustomerListItem) => ReactNode;
}) {
  const [draft, setDraft] = useState("");
  const [q, setQ] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const list = useCustomerList(q, PICKER_SIZE, q !== "");
  const found = (list.data?.pages[0]?.items ?? []).filter((c) => c.id !== exclude);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const why = customerSearchProblem(draft) ?? (draft.trim() === "" ? "Digite o que buscar." : null);
    setProblem(why);
    if (!why) setQ(draft.trim());
  };

  return (
    <div className="customer-picker">
      <form onSubmit={submit} aria-label={label} noValidate className="inline-form">
        <Field label="Buscar cliente" hint={CUSTOMER_SEARCH_HINT} error={problem ?? undefined}>
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
        <Button type="submit">Buscar</Button>
      </form>
      {q && list.isPending ? <Loading label="Buscando clientes…" /> : null}
      <ListError list={list} />
      {q && list.data ? (
        found.length > 0 ? (
          <CustomerRows
            label={`${label}: resultados`}
            customers={found}
            name={(c) => c.name}
            action={action}
          />
        ) : (
          <p className="muted small" role="status">
            Nenhum cliente encontrado.
          </p>
        )
      ) : null}
    </div>
  );
}
