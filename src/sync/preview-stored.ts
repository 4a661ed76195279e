// Preview on a real order (Lojas: the DE-PARA tables and the customer default fields tried on
// one of the store's recent orders): the order as last received — the one named, or the
// newest — run through the same preview as a pasted payload, plus the customer default fields
// evaluated on it, with draft expressions when the form has unsaved ones. Nothing is written.
import type { Queryable } from "../db/db.ts";
import { PonteError } from "../errors.ts";
import { getCustomerDefaults } from "../stores/mapping-tables.ts";
import type { Store } from "../stores/stores.ts";
import {
  type CustomerDefault,
  type CustomerDefaultsResult,
  evaluateCustomerDefaults,
} from "./customer-defaults.ts";
import { type Preview, previewOrder } from "./preview.ts";
import { orderNotFound } from "./sync-order.ts";

export interface StoredOrderPreview extends Preview {
  order: {
    storeOrderId: number;
    externalId: string;
    number: string | null;
    customerName: string | null;
    createdAt: string | null;
  };
  /**
   * The customer default fields evaluated on this order, whether or not it would create its
   * customer now (a customer found by CPF/CNPJ keeps its fields).
   */
  customerDefaults: CustomerDefaultsResult & { draft: boolean };
}

interface Row {
  id: number;
  external_id: string;
  number: string | null;
  customer_name: string | null;
  platform_created_at: Date | null;
  raw: unknown;
  payload_digest: string;
}

export async function previewStoredOrder(
  q: Queryable,
  store: Store,
  options: { externalId?: string; customerDefaults?: CustomerDefault[] },
): Promise<StoredOrderPreview> {
  const select = `select id, external_id, number, customer_name, platform_created_at, raw, payload_digest from store_orders`;
  const { rows } =
    options.externalId !== undefined
      ? await q.query<Row>(`${select} where store_id = $1 and external_id = $2`, [
          store.id,
          options.externalId,
        ])
      : await q.query<Row>(
          `${select} where store_id = $1 and platform_created_at is not null
            order by platform_created_at desc, id desc limit 1`,
          [store.id],
        );
  const row = rows[0];
  if (!row) {
    if (options.externalId !== undefined) throw orderNotFound(store.id, options.externalId);
    throw new PonteError("not_found", `store ${store.id} has no orders yet: import first`);
  }
  const preview = await previewOrder(q, store, row.raw, { digest: row.payload_digest });
  const expressions = options.customerDefaults ?? (await getCustomerDefaults(q, store.id));
  const defaults = preview.normalized
    ? await evaluateCustomerDefaults(expressions, preview.normalized)
    : { fields: {}, errors: [] };
  return {
    ...preview,
    order: {
      storeOrderId: row.id,
      externalId: row.external_id,
      number: row.number,
      customerName: row.customer_name,
      createdAt: row.platform_created_at?.toISOString() ?? null,
    },
    customerDefaults: { ...defaults, draft: options.customerDefaults !== undefined },
  };
}
