// Ajustar estoque: one product's stock, its last movements (who, why, the stock after each) and
// the form that sets or moves it. For a product never counted the form offers the initial stock.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button, Field, Loading, Notice, useToast } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { formatDateTime } from "../format.ts";
import { type Adjustment, adjustStock, MOVEMENT_LABELS, PRODUCTS_KEY, useMovements } from "./products-api.ts";
import { StockCell } from "./StockCell.tsx";

const REASONS: { value: Adjustment["reason"]; label: string; hint: string }[] = [
  {
    value: "count",
    label: "Contagem",
    hint: "Quantidade contada na prateleira: o estoque passa a ser esse número.",
  },
  { value: "damage", label: "Avaria", hint: "Unidades perdidas ou danificadas: saem do estoque." },
  { value: "return", label: "Devolução", hint: "Unidades devolvidas pelo cliente: voltam ao estoque." },
];

export function StockAdjustPanel({ sku, onClose }: { sku: string; onClose: () => void }) {
  const movements = useMovements(sku);
  const product = movements.data?.product;
  const items = movements.data?.items ?? [];
  const toast = useToast();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState<Adjustment["reason"]>("count");
  const [quantity, setQuantity] = useState("");
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | undefined>();

  const save = useMutation({
    mutationFn: (body: Adjustment) => adjustStock(sku, body),
    onSuccess: (result) => {
      setQuantity("");
      setNote("");
      toast(
        "success",
        `Estoque de ${sku} ajustado: ${result.product.stockQuantity.toLocaleString("pt-BR")} em estoque.`,
      );
      void queryClient.invalidateQueries({ queryKey: PRODUCTS_KEY });
    },
    onError: (error) => setProblem(describeError(error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(quantity.replace(/\./g, ""));
    if (quantity.trim() === "" || !Number.isSafeInteger(value) || value < 0) {
      setProblem("Informe um número inteiro de unidades, 0 ou mais.");
      return;
    }
    if (reason !== "count" && value === 0) {
      setProblem("Informe pelo menos 1 unidade.");
      return;
    }
    setProblem(undefined);
    save.mutate({ reason, quantity: value, ...(note.trim() ? { note: note.trim() } : {}) });
  };

  const initial = product && !product.counted;
  return (
    <section className="card" aria-labelledby="ajuste-titulo">
      <div className="toolbar">
        <h2 id="ajuste-titulo">
          Estoque de <code>{sku}</code>
        </h2>
        <Button variant="ghost" onClick={onClose}>
          Fechar
        </Button>
      </div>
      {movements.isPending ? <Loading /> : null}
      {movements.isError ? <Notice kind="error">{describeError(movements.error)}</Notice> : null}
      {product ? (
        <>
          <p>
            {product.name}: <StockCell product={product} />
          </p>
          <form onSubmit={submit} noValidate aria-label="Ajustar estoque">
            <div className="grid-2">
              <Field label="Motivo" hint={REASONS.find((r) => r.value === reason)?.hint}>
                {(props) => (
                  <select
                    {...props}
                    value={reason}
                    onChange={(e) => setReason(e.target.value as Adjustment["reason"])}
                  >
                    {REASONS.map((r) => (
                      <option key={r.value} value={r.value}>
                        {r.value === "count" && initial ? "Estoque inicial (contagem)" : r.label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Quantidade" error={problem}>
                {(props) => (
                  <input
                    {...props}
                    inputMode="numeric"
                    value={quantity}
                    onChange={(e) => setQuantity(e.target.value)}
                  />
                )}
              </Field>
            </div>
            <Field label="Observação" hint="Opcional: fica registrada na movimentação.">
              {(props) => (
                <input {...props} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
              )}
            </Field>
            <Button type="submit" variant="primary" pending={save.isPending}>
              {initial && reason === "count" ? "Definir estoque inicial" : "Salvar ajuste"}
            </Button>
          </form>
          <h3>Últimas movimentações</h3>
          {items.length === 0 ? (
            <p className="muted">Nenhuma movimentação ainda.</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Últimas movimentações de {sku}</caption>
                <thead>
                  <tr>
                    <th scope="col">Data</th>
                    <th scope="col">Motivo</th>
                    <th scope="col" className="num">
                      Quantidade
                    </th>
                    <th scope="col" className="num">
                      Estoque depois
                    </th>
                    <th scope="col">Quem</th>
                    <th scope="col">Observação</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((m) => (
                    <tr key={m.id}>
                      <td>{formatDateTime(m.createdAt)}</td>
                      <td>{MOVEMENT_LABELS[m.reason]}</td>
                      <td className="num">{m.quantity > 0 ? `+${m.quantity}` : m.quantity}</td>
                      <td className={m.wentNegative ? "num stock-negative" : "num"}>{m.stockAfter ?? "—"}</td>
                      <td>{m.actor?.replace(/^(user|token):/, "") ?? "—"}</td>
                      <td>{m.note ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}
