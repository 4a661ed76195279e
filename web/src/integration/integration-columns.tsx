// The Integração table's columns (docs/REQUIREMENTS.md#seed-000, R5): the order, what the store sent, the sync state
// and one cell per row action — Criar, Atualizar, Mapeamento, Reprocessar — each saying why it is
// not offered when it is not.
import type { ColumnDef } from "@tanstack/react-table";
import { Link } from "react-router";
import { SALES_ORDER_LABELS, type SalesOrderStatus } from "../../../src/domain/order-status.ts";
import { ConfirmButton, Spinner, SyncMark } from "../components/ui.tsx";
import { formatDateTime, formatMoney } from "../format.ts";
import { Can } from "../permissions.tsx";
import { ActionButton } from "./ActionButton.tsx";
import type { PanelAction } from "./panel-actions.ts";
import { type PanelRow, STORE_CANCELLATION_LABELS, SYNC_STATE_LABELS } from "./panel-rows.ts";

export function integrationColumns(
  run: (row: PanelRow, action: PanelAction) => void,
  busy: Record<string, PanelAction>,
  errors: Record<string, string>,
  watching: Record<string, unknown>,
  blocked: string | null,
  /** The store's status key in the merchant's words (its platform's status labels). */
  storeStatusLabel: (key: string | null) => string,
): ColumnDef<PanelRow>[] {
  return [
    {
      id: "pedido",
      header: "Pedido",
      cell: ({ row: { original: r } }) => <span className="order-number">Nº {r.number ?? r.externalId}</span>,
    },
    {
      id: "info",
      header: "Informações",
      cell: ({ row: { original: r } }) => (
        <div className="info-cell">
          <div>{storeStatusLabel(r.storeStatus)}</div>
          <div>{r.customerName ?? <span className="muted">Cliente sem nome</span>}</div>
          <div className="muted small">
            {formatDateTime(r.createdAt)} · {formatMoney(r.totalCents)}
          </div>
          {r.goneAt ? (
            <p className="row-message">
              Pedido não existe mais na loja (desde {formatDateTime(r.goneAt)}): a atualização de status não o
              lê mais.
            </p>
          ) : null}
          {r.textCleaned ? <p className="row-message row-warning">{r.textCleaned}</p> : null}
          {r.reason && !r.synced ? <p className="row-message">{r.reason}</p> : null}
          {r.reason && r.synced ? <p className="row-message row-warning">{r.reason}</p> : null}
          {errors[r.externalId] ? <p className="row-message">{errors[r.externalId]}</p> : null}
        </div>
      ),
    },
    {
      id: "sync",
      header: "Sync",
      cell: ({ row: { original: r } }) => (
        <div className="stack">
          {r.syncState === "pending" || watching[r.externalId] ? (
            <span className="inline-status">
              <Spinner /> <span className="small">Sincronizando…</span>
            </span>
          ) : (
            <SyncMark ok={r.synced} okLabel="Sincronizado" badLabel={SYNC_STATE_LABELS[r.syncState]} />
          )}
          {r.salesOrderId !== null ? (
            <Link className="small" to={`/pedidos/${r.salesOrderId}`}>
              PV Nº {r.salesOrderNumber}
              {r.salesOrderStatus
                ? ` · ${SALES_ORDER_LABELS[r.salesOrderStatus as SalesOrderStatus] ?? r.salesOrderStatus}`
                : ""}
            </Link>
          ) : null}
          {r.salesOrderDeleted ? (
            <span className="small muted">PV Nº {r.salesOrderNumber} excluído</span>
          ) : null}
          {r.syncState === "error" || r.syncState === "held" ? (
            <ActionButton
              label="Reprocessar"
              pending={busy[r.externalId] === "retry"}
              busy={Boolean(busy[r.externalId]) || Boolean(watching[r.externalId])}
              disabledReason={blocked}
              onClick={() => run(r, "retry")}
            />
          ) : null}
        </div>
      ),
    },
    {
      id: "status",
      header: "Status do pedido",
      cell: ({ row: { original: r } }) =>
        r.storeCancellation && r.salesOrderId !== null ? (
          <div className="stack">
            <span className="badge badge-bad">{STORE_CANCELLATION_LABELS[r.storeCancellation]}</span>
            <Link className="small" to={`/pedidos/${r.salesOrderId}`}>
              {r.storeCancellation === "invoice_live" ? "Fazer o estorno" : "Ver o pedido"} (PV Nº{" "}
              {r.salesOrderNumber})
            </Link>
          </div>
        ) : r.goneAt ? (
          <SyncMark ok={false} okLabel="" badLabel="Não existe mais na loja" />
        ) : r.cancelledOnPlatform ? (
          <SyncMark ok={false} okLabel="" badLabel="Cancelado na plataforma" />
        ) : (
          <div className="stack">
            <span className="badge">{storeStatusLabel(r.storeStatus)}</span>
            {!r.statusValid ? <span className="badge badge-warn">Status inválido</span> : null}
          </div>
        ),
    },
    {
      id: "criar",
      header: "Criar",
      cell: ({ row: { original: r } }) => (
        <ActionButton
          label="Criar"
          variant="primary"
          pending={busy[r.externalId] === "create"}
          busy={Boolean(busy[r.externalId])}
          disabledReason={
            blocked ??
            (r.synced
              ? "Pedido já sincronizado: use Atualizar"
              : r.salesOrderDeleted
                ? "O pedido de venda foi excluído: apague o mapeamento antes de criar de novo"
                : r.goneAt
                  ? "O pedido não existe mais na loja"
                  : null)
          }
          onClick={() => run(r, "create")}
        />
      ),
    },
    {
      id: "atualizar",
      header: "Atualizar",
      cell: ({ row: { original: r } }) => (
        <ActionButton
          label="Atualizar"
          pending={busy[r.externalId] === "update"}
          busy={Boolean(busy[r.externalId])}
          disabledReason={
            blocked ??
            (!r.synced
              ? "Pedido não sincronizado: use Criar"
              : r.goneAt
                ? "O pedido não existe mais na loja"
                : null)
          }
          onClick={() => run(r, "update")}
        />
      ),
    },
    {
      id: "mapeamento",
      header: "Mapeamento",
      cell: ({ row: { original: r } }) => (
        <Can permission="operate">
          <ConfirmButton
            label="Apagar"
            className="btn-small"
            title={`Apagar o mapeamento do pedido ${r.number ?? r.externalId}?`}
            message={
              <p>
                {r.salesOrderId !== null
                  ? `O pedido de venda Nº ${r.salesOrderNumber} (criado com status inválido) será excluído junto. `
                  : ""}
                O pedido da loja ficará como se nunca tivesse sido sincronizado: a próxima importação (ou
                atualização de status) o decide de novo e gera um novo pedido de venda se a tabela de status
                permitir; ou use Criar.
              </p>
            }
            confirmLabel="Apagar mapeamento"
            pending={busy[r.externalId] === "unlink"}
            disabled={!r.canUnlink || Boolean(busy[r.externalId])}
            disabledReason={r.unlinkRefusal ?? undefined}
            onConfirm={() => run(r, "unlink")}
          />
        </Can>
      ),
    },
    {
      id: "cliente",
      header: "Cliente sincronizado",
      cell: ({ row: { original: r } }) => (
        <div className="stack">
          <SyncMark
            ok={r.customerSynced}
            okLabel="Cliente sincronizado"
            badLabel="Cliente não sincronizado"
          />
          {r.customerProblem ? <span className="small muted">{r.customerProblem}</span> : null}
        </div>
      ),
    },
    {
      id: "documento",
      header: "Cliente encontrado pelo CPF/CNPJ",
      cell: ({ row: { original: r } }) => (
        <SyncMark
          ok={r.customerFoundByDocument}
          okLabel="Cliente encontrado pelo CPF/CNPJ"
          badLabel="Cliente não encontrado pelo CPF/CNPJ"
        />
      ),
    },
  ];
}
