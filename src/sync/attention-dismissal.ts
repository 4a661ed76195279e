// Ignorar: the operator takes a row that needs no action (an unpaid order cancelled before it was
// created, say) off Integração's attention list; recorded in the order's timeline with who, and
// undoable. Nothing about the order changes: a later sync still runs, and the row stays in "all".
import type { Queryable } from "../db/db.ts";
import { PonteError } from "../errors.ts";
import type { Store } from "../stores/stores.ts";
import { getPanelRow, type PanelRow } from "./integration-panel.ts";
import { orderNotFound } from "./sync-order.ts";
import { insertEvents } from "./sync-writes.ts";

async function setDismissed(
  tx: Queryable,
  store: Store,
  externalId: string,
  actor: string,
  dismiss: boolean,
): Promise<PanelRow> {
  const { rows } = await tx.query<{ id: number; dismissed: boolean; sales_order_id: number | null }>(
    `select so.id, so.dismissed_at is not null as dismissed, l.sales_order_id
       from store_orders so left join order_links l on l.store_order_id = so.id
      where so.store_id = $1 and so.external_id = $2
      for update of so`,
    [store.id, externalId],
  );
  const row = rows[0];
  if (!row) throw orderNotFound(store.id, externalId);
  if (row.dismissed === dismiss) {
    throw new PonteError(
      "conflict",
      `store order ${externalId} is ${dismiss ? "already" : "not"} dismissed`,
      {
        details: dismiss
          ? { reasonCode: "already_dismissed", reason: "Este pedido já foi ignorado na lista de atenção" }
          : { reasonCode: "not_dismissed", reason: "Este pedido não está ignorado" },
      },
    );
  }
  await tx.query(
    dismiss
      ? "update store_orders set dismissed_at = now(), dismissed_by = $2 where id = $1"
      : "update store_orders set dismissed_at = null, dismissed_by = null where id = $1",
    dismiss ? [row.id, actor] : [row.id],
  );
  await insertEvents(tx, store.orgId, [
    {
      salesOrderId: row.sales_order_id,
      storeOrderId: row.id,
      kind: dismiss ? "attention_dismissed" : "attention_restored",
      message: dismiss
        ? "Ignorado na lista de atenção da Integração (não precisa de ação)"
        : "Voltou para a lista de atenção da Integração",
      actor,
    },
  ]);
  return getPanelRow(tx, store.id, externalId);
}

export const dismissFromAttention = (tx: Queryable, store: Store, externalId: string, actor: string) =>
  setDismissed(tx, store, externalId, actor, true);

export const restoreToAttention = (tx: Queryable, store: Store, externalId: string, actor: string) =>
  setDismissed(tx, store, externalId, actor, false);
