// Criar / Atualizar / Mapeamento / Reprocessar on one row, each with its own pending state,
// success toast and pt-BR error kept on the row; and the short polling that refreshes a row
// while its sync job runs (pending, or just sent to Reprocessar) until it settles.
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, api } from "../api.ts";
import { useToast } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { fetchRow, type PanelRow, replaceRow, rowPath, SYNC_STATE_LABELS } from "./panel-rows.ts";

export type PanelAction = "create" | "update" | "unlink" | "retry";

const POLL_MS = 1500;
/** A retried order still queued after this long stops being polled (the job backs off). */
const WATCH_LIMIT_MS = 45_000;
/** Rows re-read per tick, so a store in the middle of a big import does not flood the API. */
const MAX_POLLED = 12;

interface Watch {
  since: number;
  /** The row as it was when Reprocessar was asked; a change means the job ran. */
  before: string | null;
}

/**
 * The integration API words its refusals (409) in pt-BR in details.reason, naming the order
 * ("Pedido já sincronizado (pedido de venda 12): use Atualizar"); describeError shows it.
 */
const actionError = describeError;

const fingerprint = (r: PanelRow) => `${r.syncState}|${r.syncUpdatedAt}|${r.reason}|${r.salesOrderId}`;
const label = (r: PanelRow) => `Pedido ${r.number ?? r.externalId}`;

export function usePanelActions(storeId: number | null, rows: PanelRow[]) {
  const client = useQueryClient();
  const toast = useToast();
  const [busy, setBusy] = useState<Record<string, PanelAction>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [watching, setWatching] = useState<Record<string, Watch>>({});
  const watchRef = useRef(watching);
  watchRef.current = watching;

  const put = useCallback(
    (row: PanelRow) => {
      if (storeId !== null) replaceRow(client, storeId, row);
    },
    [client, storeId],
  );

  const watch = useCallback((externalId: string, before: PanelRow | null) => {
    setWatching((all) => ({
      ...all,
      [externalId]: { since: Date.now(), before: before ? fingerprint(before) : null },
    }));
  }, []);
  const unwatch = useCallback((externalId: string) => {
    setWatching((all) => {
      const { [externalId]: _, ...rest } = all;
      return rest;
    });
  }, []);

  const run = useCallback(
    async (row: PanelRow, action: PanelAction) => {
      if (storeId === null) return;
      const id = row.externalId;
      setBusy((all) => ({ ...all, [id]: action }));
      setErrors(({ [id]: _, ...rest }) => rest);
      try {
        if (action === "retry") {
          await api(`${rowPath(storeId, id)}/retry`, { method: "POST" });
          toast("info", `${label(row)} enviado para reprocessamento.`);
          watch(id, row);
          return;
        }
        const path =
          action === "unlink" ? `${rowPath(storeId, id)}/link` : `${rowPath(storeId, id)}/${action}`;
        const fresh = await api<PanelRow>(path, { method: action === "unlink" ? "DELETE" : "POST" });
        put(fresh);
        if (fresh.syncState === "pending") watch(id, null);
        void client.invalidateQueries({ queryKey: ["orders"] });
        toast(
          "success",
          action === "create"
            ? `${label(fresh)}: pedido de venda Nº ${fresh.salesOrderNumber} criado.`
            : action === "update"
              ? `${label(fresh)} atualizado com os dados da loja.`
              : `Mapeamento do ${label(fresh).toLowerCase()} apagado: ele pode ser criado de novo.`,
        );
      } catch (error) {
        const message = actionError(error);
        setErrors((all) => ({ ...all, [id]: message }));
        toast("error", `${label(row)}: ${message}`);
        // A refusal often means the row changed meanwhile (another operator, the worker): show it as it is.
        if (error instanceof ApiError && error.status === 409) {
          fetchRow(storeId, id).then(put, () => undefined);
        }
      } finally {
        setBusy(({ [id]: _, ...rest }) => rest);
      }
    },
    [client, put, storeId, toast, watch],
  );

  // Short polling: rows whose job is queued or running, and rows just sent to Reprocessar.
  const pendingIds = rows.filter((r) => r.syncState === "pending").map((r) => r.externalId);
  const polled = [...new Set([...Object.keys(watching), ...pendingIds])].slice(0, MAX_POLLED);
  const pollKey = polled.join(",");
  useEffect(() => {
    if (storeId === null || pollKey === "") return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    // One round at a time: the next starts 1.5 s after the previous answered.
    const round = async () => {
      for (const id of pollKey.split(",")) {
        let row: PanelRow;
        try {
          row = await fetchRow(storeId, id);
        } catch (error) {
          if (stopped) return;
          unwatch(id);
          setErrors((all) => ({ ...all, [id]: describeError(error) }));
          continue;
        }
        if (stopped) return;
        put(row);
        const w = watchRef.current[id];
        if (!w) continue;
        const settled = row.syncState !== "pending" && (w.before === null || fingerprint(row) !== w.before);
        if (settled) {
          unwatch(id);
          if (row.synced) toast("success", `${label(row)} sincronizado.`);
          else toast("error", `${label(row)}: ${row.reason ?? SYNC_STATE_LABELS[row.syncState]}`);
        } else if (Date.now() - w.since > WATCH_LIMIT_MS) {
          unwatch(id);
          toast(
            "info",
            `${label(row)} continua na fila; clique em Carregar mais tarde para ver o resultado.`,
          );
        }
      }
      if (!stopped) timer = setTimeout(round, POLL_MS);
    };
    timer = setTimeout(round, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [pollKey, put, storeId, toast, unwatch]);

  return { run, busy, errors, watching };
}
