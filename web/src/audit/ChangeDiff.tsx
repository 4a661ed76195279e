// One audit row's change: each field that changed, its value before → after. Secrets arrive
// already masked (••••); long values (an e-mail template's HTML) are cut, the whole in a tooltip.
import { FIELD_LABELS } from "./labels.ts";

type Fields = Record<string, unknown> | null;

const MAX_SHOWN = 80;

function shown(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return value ? "sim" : "não";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function Value({ value }: { value: unknown }) {
  const text = shown(value);
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
              <Value value={before[key]} /> →{" "}
            </>
          ) : null}
          <Value value={after?.[key]} />
        </li>
      ))}
    </ul>
  );
}
