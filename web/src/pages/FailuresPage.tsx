// Falhas: orders and background jobs in error, per store or all, with the message, the
// payload, and Reprocessar (one, selected, or every order of a store); pushes to the store that
// failed (Reenviar); orders the store cancelled with a live invoice or after shipping. ?loja=ID&
// tipo=tarefas keep the filter and tab in the address, so Visão geral can link straight here.
import { useId } from "react";
import { useSearchParams } from "react-router";
import { type TabItem, Tabs } from "../components/Tabs.tsx";
import { Notice, PageHeader } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { JobFailures } from "../failures/JobFailures.tsx";
import { OrderFailures } from "../failures/OrderFailures.tsx";
import { PushFailures } from "../failures/PushFailures.tsx";
import { StoreCancellations } from "../failures/StoreCancellations.tsx";
import { useStores } from "../stores.ts";

type Kind = "pedidos" | "tarefas" | "envios" | "cancelamentos";
const TABS: TabItem<Kind>[] = [
  { key: "pedidos", label: "Pedidos" },
  { key: "tarefas", label: "Tarefas" },
  { key: "envios", label: "Envios à loja" },
  { key: "cancelamentos", label: "Cancelados na loja" },
];
const KINDS = new Set<string>(TABS.map((t) => t.key));

export function FailuresPage() {
  const [search, setSearch] = useSearchParams();
  const stores = useStores();
  const filterId = useId();
  const tipo = search.get("tipo");
  const kind: Kind = tipo && KINDS.has(tipo) ? (tipo as Kind) : "pedidos";
  const loja = Number(search.get("loja"));
  const storeId = Number.isSafeInteger(loja) && loja > 0 ? loja : null;
  const storeNames = new Map((stores.data ?? []).map((s) => [s.id, s.name]));
  const storeName = storeId !== null ? (storeNames.get(storeId) ?? `loja ${storeId}`) : null;

  const go = (patch: { loja?: number | null; tipo?: Kind }) => {
    const next = new URLSearchParams(search);
    if (patch.loja !== undefined) {
      if (patch.loja === null) next.delete("loja");
      else next.set("loja", String(patch.loja));
    }
    if (patch.tipo !== undefined) {
      if (patch.tipo === "pedidos") next.delete("tipo");
      else next.set("tipo", patch.tipo);
    }
    setSearch(next, { replace: true });
  };

  return (
    <>
      <PageHeader title="Falhas" />
      <p className="muted">
        Pedidos que o Ponte não conseguiu sincronizar, tarefas de fundo e envios à loja que falharam, e
        pedidos cancelados na loja com nota ativa ou já enviados. Corrija a causa (tabela DE-PARA, produto,
        conexão da loja) e use Reprocessar ou Reenviar; um cancelado na loja se resolve no pedido (estorno).
      </p>
      <div className="toolbar">
        <div className="field">
          <label htmlFor={filterId}>Loja</label>
          <select
            id={filterId}
            value={storeId ?? ""}
            onChange={(e) => go({ loja: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">Todas as lojas</option>
            {(stores.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
            {storeId !== null && !storeNames.has(storeId) && stores.isSuccess ? (
              <option value={storeId}>Loja {storeId} (não encontrada)</option>
            ) : null}
          </select>
        </div>
      </div>
      {stores.isError ? <Notice kind="error">{describeError(stores.error)}</Notice> : null}
      <Tabs label="Tipo de falha" tabs={TABS} selected={kind} onSelect={(tipo) => go({ tipo })}>
        {kind === "pedidos" ? <OrderFailures storeId={storeId} storeName={storeName} /> : null}
        {kind === "tarefas" ? <JobFailures storeId={storeId} storeNames={storeNames} /> : null}
        {kind === "envios" ? <PushFailures storeId={storeId} /> : null}
        {kind === "cancelamentos" ? <StoreCancellations storeId={storeId} /> : null}
      </Tabs>
    </>
  );
}
