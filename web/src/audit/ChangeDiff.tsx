// One audit row's change: each field that changed, its value before → after. Secrets arrive
// already masked (••••); long values (an e-mail template's HTML) are cut, the whole in a tooltip.
import { CANONICAL_LABELS, SALES_ORDER_LABELS } from "../../../src/domain/order-status.ts";
import { FIELD_LABELS } from "./labels.ts";

/** Fields whose values have a pt-BR name of their own. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  canonicalStatus: CANONICAL_LABELS,
  status: SALES_ORDER_LABELS,
};

type Fields = Record<string, unknown> | null;

const MAX_SHOWN = 80;

function shown(field: string, value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string" && VALUE_LABELS[field]?.[value]) return VALUE_LABELS[field][value];
  if (typeof value === "boolean") return value ? "sim" : "não";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function Value({ field, value }: { field: string; value: unknown }) {
  const text = shown(field, value);
  const cut = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
  return <code title={cut === text ? undefined : text}>{cut}</code>;
}

export function ChangeDiff({ before, after }: { before: Fields; after: Fields }) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  if (keys.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="plain-list audit-diff">
      {keys.map((key) => (
        <li key={key}>
          <span className="muted">{FIELD_LABELS[key] ?? key}:</span>{" "}
          {before && key in before ? (
            <>
              <Value field={key} value={before[key]} /> →{" "}
            </>
          ) : null}
          <Value field={key} value={after?.[key]} />
        </li>
      ))}
    </ul>
  );
}
