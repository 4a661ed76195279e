// Ignorar on an Integração row: takes an order that needs no action off the attention list (and
// Visão geral's count); on an ignored row, "Voltar à lista" undoes it. Both are recorded with who.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { api } from "../api.ts";
import { Button, useToast } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { formatDateTime } from "../format.ts";
import { actorLabel } from "../orders/labels.ts";
import { useCan } from "../permissions.tsx";
import { type PanelRow, rowPath } from "./panel-rows.ts";

function DismissButton(props: { storeId: number; row: PanelRow }) {
  return useCan("operate") ? <DismissToggle {...props} /> : null;
}

function DismissToggle({ storeId, row }: { storeId: number; row: PanelRow }) {
  const client = useQueryClient();
  const toast = useToast();
  const dismissed = row.dismissedAt !== null;
  const name = `Pedido ${row.number ?? row.externalId}`;
  const change = useMutation({
    mutationFn: () =>
      api<{ attentionCount: number }>(
        `${rowPath(storeId, row.externalId)}/${dismissed ? "restore" : "dismiss"}`,
        {
          method: "POST",
        },
      ),
    onSuccess: (answer) => {
      void client.invalidateQueries({ queryKey: ["integration", storeId] });
      void client.invalidateQueries({ queryKey: ["overview"] });
      toast(
        "success",
        dismissed
          ? `${name} voltou para a lista de atenção.`
          : `${name} ignorado: ${answer.attentionCount} aguardando atenção nesta loja.`,
      );
    },
    onError: (error) => toast("error", `${name}: ${describeError(error)}`),
  });
  return (
    <Button
      className="btn-small"
      pending={change.isPending}
      aria-label={`${dismissed ? "Voltar à lista" : "Ignorar"}: ${name}`}
      onClick={() => change.mutate()}
    >
      {dismissed ? "Voltar à lista" : "Ignorar"}
    </Button>
  );
}

/** The Integração table's last column: Ignorar, or on an ignored row who ignored it and its undo. */
export function dismissColumn(storeId: number | null): ColumnDef<PanelRow> {
  return {
    id: "ignorar",
    header: "Ignorar",
    cell: ({ row: { original: r } }) =>
      storeId === null ? null : (
        <div className="stack">
          {r.dismissedAt ? (
            <span className="small muted">
              Ignorado por {actorLabel(r.dismissedBy)} em {formatDateTime(r.dismissedAt)}
            </span>
          ) : null}
          <DismissButton storeId={storeId} row={r} />
        </div>
      ),
  };
}
