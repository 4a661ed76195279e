// Lojas › Geral: what an invoice that would leave a counted product's stock below zero does.
import type { Store } from "../stores.ts";

type Policy = Store["negativeStockPolicy"];

const OPTIONS: { value: Policy; label: string }[] = [
  { value: "warn", label: "Faturar e avisar (o pedido e a nota mostram o estoque negativo)" },
  { value: "allow", label: "Faturar sem avisar" },
  { value: "block", label: "Não faturar: a nota é recusada dizendo quais SKUs faltam" },
];

export function NegativeStockField({
  value,
  onChange,
}: {
  value: Policy;
  onChange: (value: Policy) => void;
}) {
  return (
    <fieldset className="radio-group">
      <legend>Nota que deixaria o estoque negativo</legend>
      {OPTIONS.map((o) => (
        <label key={o.value}>
          <input
            type="radio"
            name="negativeStockPolicy"
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
          />
          {o.label}
        </label>
      ))}
      <small className="hint">Produtos com estoque não contado nunca bloqueiam nem avisam.</small>
    </fieldset>
  );
}
