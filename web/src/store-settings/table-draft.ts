// One mapping table being edited: the saved rows from the API, the operator's draft on top,
// whether they differ, and the PUT that replaces the table. A 400 names the bad fields by
// their place in the rows sent (`rows[3].platformValue`); `locate` turns each into the id of
// the input it belongs to, so the message stays next to its row even if rows move later.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState } from "react";
import { api } from "../api.ts";
import { useToast } from "../components/ui.tsx";
import { fieldProblems, problemText } from "./table-errors.ts";

export type TablePath = "status-map" | "payment-map" | "shipping-map" | "customer-defaults";

export const tableKey = (storeId: number, path: TablePath) => ["stores", storeId, path] as const;

export interface Outgoing<Row> {
  rows: Row[];
  /** API field path → the draft input it refers to, or null when it concerns the whole table. */
  locate: (field: string) => string | null;
}

export interface TableConversion<Row, Draft> {
  toDraft: (rows: Row[]) => Draft;
  toRows: (draft: Draft) => Outgoing<Row>;
}

export interface TableErrors {
  /** draft input id → pt-BR problem. */
  fields: Map<string, string>;
  /** Problems that concern the table, not one input. */
  general: string[];
}

/** A stable key for a draft row (React keys and error placement). */
let nextKey = 0;
export const newKey = () => {
  nextKey += 1;
  return `r${nextKey}`;
};

export function useTableDraft<Row, Draft>(
  storeId: number,
  path: TablePath,
  convert: TableConversion<Row, Draft>,
  options: { onDirtyChange?: (dirty: boolean) => void; savedMessage: string },
) {
  const client = useQueryClient();
  const toast = useToast();
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const { onDirtyChange, savedMessage } = options;
  const saved = useQuery({
    queryKey: tableKey(storeId, path),
    queryFn: async () => (await api<{ rows: Row[] }>(`/api/v1/stores/${storeId}/${path}`)).rows,
  });
  const [edited, setEdited] = useState<Draft | null>(null);
  const { toDraft, toRows } = convert;
  const base = useMemo(() => (saved.data ? toDraft(saved.data) : null), [saved.data, toDraft]);
  const draft = edited ?? base;
  const dirty =
    edited !== null &&
    saved.data !== undefined &&
    JSON.stringify(toRows(edited).rows) !== JSON.stringify(saved.data);

  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  const save = useMutation({
    mutationFn: (out: Outgoing<Row>) =>
      api<{ rows: Row[] }>(`/api/v1/stores/${storeId}/${path}`, { method: "PUT", body: { rows: out.rows } }),
    onSuccess: (result) => {
      client.setQueryData(tableKey(storeId, path), result.rows);
      setEdited(null);
      setSavedAt(Date.now());
      toast("success", savedMessage);
    },
  });

  const errors = useMemo((): TableErrors => {
    const fields = new Map<string, string>();
    const general: string[] = [];
    const sent = save.variables;
    for (const problem of fieldProblems(save.error)) {
      const at = sent?.locate(problem.field) ?? null;
      const text = problemText(problem);
      if (at === null) general.push(text);
      else fields.set(at, fields.has(at) ? `${fields.get(at)}; ${text}` : text);
    }
    return { fields, general };
  }, [save.error, save.variables]);

  const update = useCallback(
    (change: (current: Draft) => Draft) => {
      setEdited((current) => {
        const from = current ?? base;
        return from === null ? current : change(from);
      });
    },
    [base],
  );

  return {
    saved,
    draft,
    dirty,
    update,
    errors,
    savedAt,
    discard: () => {
      setEdited(null);
      save.reset();
    },
    save: () => {
      if (draft !== null) save.mutate(toRows(draft));
    },
    saving: save,
  };
}

export type TableDraft<Row, Draft> = ReturnType<typeof useTableDraft<Row, Draft>>;

/** `rows[3].carrier` → [3, "carrier"]; `rows[2].platformValues[1]` → [2, "platformValues[1]"]. */
export function parseRowField(field: string): [number, string] | null {
  const match = /^rows\[(\d+)\](?:\.(.+))?$/.exec(field);
  return match ? [Number(match[1]), match[2] ?? ""] : null;
}
