// The frame of a tab that edits one mapping table: the table loading (or why it could not
// load), the form that saves the draft on submit, and the SaveBar saying what happened.
import type { FormEvent, ReactNode } from "react";
import { Loading, Notice } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { SaveBar } from "./SaveBar.tsx";
import type { TableDraft } from "./table-draft.ts";

export function TableDraftForm<Row, Draft>({
  table,
  loadingLabel,
  children,
  ...name
}: {
  table: TableDraft<Row, Draft>;
  loadingLabel: string;
  /** The form's own content, given the draft once the table has loaded. */
  children: (draft: Draft) => ReactNode;
} & ({ "aria-label": string } | { "aria-labelledby": string })) {
  const { draft } = table;
  if (table.saved.isPending) return <Loading label={loadingLabel} />;
  if (table.saved.isError || draft === null)
    return <Notice kind="error">{describeError(table.saved.error)}</Notice>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    table.save();
  };
  return (
    <form onSubmit={submit} noValidate {...name}>
      {children(draft)}
      <SaveBar
        dirty={table.dirty}
        pending={table.saving.isPending}
        error={table.saving.error}
        general={table.errors.general}
        savedAt={table.savedAt}
        onDiscard={table.discard}
      />
    </form>
  );
}
