// The foot of every editable tab (inside its form): Salvar (pending while the PUT runs), Descartar, and what
// happened — unsaved, saved, or why the API refused (problems of no single field listed here).
import { Button, Notice } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { formatDateTime } from "../format.ts";

export function SaveBar({
  dirty,
  pending,
  error,
  general,
  savedAt,
  onDiscard,
  saveLabel = "Salvar",
}: {
  dirty: boolean;
  pending: boolean;
  error: unknown;
  /** Problems the API reported for the table as a whole. */
  general: string[];
  /** When the last save of this tab succeeded (this visit). */
  savedAt: number | null;
  onDiscard: () => void;
  saveLabel?: string;
}) {
  return (
    <div className="save-bar">
      {error ? (
        <Notice kind="error">
          {describeError(error)}
          {general.length > 0 ? (
            <ul>
              {general.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}
      <div className="save-actions">
        <Button type="submit" variant="primary" pending={pending} disabled={!dirty}>
          {pending ? "Salvando…" : saveLabel}
        </Button>
        <Button onClick={onDiscard} disabled={!dirty || pending}>
          Descartar alterações
        </Button>
        <span className="save-state" role="status">
          {dirty
            ? "Alterações não salvas"
            : savedAt !== null && !error
              ? `Salvo em ${formatDateTime(new Date(savedAt).toISOString())}`
              : ""}
        </span>
      </div>
    </div>
  );
}
