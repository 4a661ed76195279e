// Preview: what Ponte would do with a raw platform payload, computed by the same decide()
// the worker uses, against the store's current tables and ERP data — and nothing written.
import type { Queryable } from "../db/db.ts";
import { SALES_ORDER_LABELS } from "../domain/order-status.ts";
import { type CanonicalOrder, MappingError } from "../platforms/connector.ts";
import { platformModule } from "../platforms/registry.ts";
import { loadStoreMappings } from "../stores/mapping-tables.ts";
import type { Store } from "../stores/stores.ts";
import { unknownSkuPolicy, waitingStatuses } from "./apply-sync.ts";
import { evaluateCustomerDefaults } from "./customer-defaults.ts";
import { type Decision, decide, readStatusRow, type StatusReading } from "./decide.ts";
import { digest } from "./store-orders.ts";
import { customersByDocument, loadCandidates, productsBySku, referencedKeys } from "./sync-inputs.ts";

export interface Preview {
  normalized: CanonicalOrder | null;
  normalizeError: string | null;
  status: StatusReading | null;
  action: "create" | "update" | "hold" | "error" | "none";
  /** pt-BR: why this action. */
  explanation: string;
  reasonCode: string | null;
  salesOrder: {
    existingNumber: number | null;
    canonicalStatus: string | null;
    status: string | null;
    paymentType: string | null;
    installments: number | null;
    carrier: string | null;
    shippingType: string | null;
    flags: unknown[];
  };
  customer: {
    match: "found" | "create" | "none" | null;
    customerId: number | null;
    problem: string | null;
    defaultFields: Record<string, unknown>;
    defaultFieldErrors: { field: string; message: string }[];
  };
  newSkus: string[];
}

function explain(d: Decision): string {
  switch (d.kind) {
    case "skip":
      return "Nada a fazer: o pedido já está sincronizado com este mesmo conteúdo";
    case "error":
    case "hold":
      return d.reason.message;
    case "create":
      return `Criaria o pedido de venda como ${SALES_ORDER_LABELS[d.data.status]}`;
    case "update": {
      const problem = d.statusProblem ? `; ${d.statusProblem.message}` : "";
      return `Atualizaria o pedido de venda existente (${SALES_ORDER_LABELS[d.data.status]})${problem}`;
    }
  }
}

/** `known.digest`: the stored payload's digest, when previewing the order as received (jsonb reorders keys). */
export async function previewOrder(
  q: Queryable,
  store: Store,
  raw: unknown,
  known: { digest?: string } = {},
): Promise<Preview> {
  const module = platformModule(store.platform);
  let order: CanonicalOrder | null = null;
  let normalizeError: string | null = null;
  try {
    order = module.normalize(raw);
  } catch (error) {
    if (!(error instanceof MappingError)) throw error;
    normalizeError = error.problems.join("; ");
  }
  const mappings = await loadStoreMappings(q, store.id);
  const { rows } = order
    ? await q.query<{ id: number }>("select id from store_orders where store_id = $1 and external_id = $2", [
        store.id,
        order.externalId,
      ])
    : { rows: [] };
  const [existing] = rows[0] ? await loadCandidates(q, store.id, [rows[0].id], { lock: false }) : [];
  const keys = referencedKeys([order]);
  const customers = await customersByDocument(q, store.orgId, keys.documents);
  const products = await productsBySku(q, store.orgId, keys.skus);
  const customerId = order?.customer.document ? (customers.get(order.customer.document) ?? null) : null;
  const d = decide({
    order,
    normalizeError,
    digest: known.digest ?? digest(raw),
    link: existing?.link ?? null,
    salesOrder: existing?.salesOrder ?? null,
    mappings,
    customerId,
    productIds: products,
    unknownSku: unknownSkuPolicy(store),
    mode: "auto",
    waiting: waitingStatuses(order),
  });
  const writing = d.kind === "create" || d.kind === "update" ? d : null;
  const customerPlan = writing?.customer ?? (d.kind === "hold" ? d.customer : null);
  const defaults =
    order && customerPlan?.kind === "create"
      ? await evaluateCustomerDefaults(mappings.customerDefaults, order)
      : { fields: {}, errors: [] };
  return {
    normalized: order,
    normalizeError,
    status: order ? readStatusRow(mappings.status, order.status.key, waitingStatuses(order)) : null,
    action: d.kind === "skip" ? "none" : d.kind,
    explanation: explain(d),
    reasonCode:
      d.kind === "error" || d.kind === "hold" ? d.reason.code : (writing?.statusProblem?.code ?? null),
    salesOrder: {
      existingNumber: existing?.salesOrder?.number ?? null,
      canonicalStatus: writing?.data.canonicalStatus ?? null,
      status: writing?.data.status ?? null,
      paymentType: writing?.data.paymentType ?? null,
      installments: writing?.data.installments ?? null,
      carrier: writing?.data.carrier ?? null,
      shippingType: writing?.data.shippingType ?? null,
      flags: writing?.data.flags ?? [],
    },
    customer: {
      match: customerPlan?.kind ?? null,
      customerId: customerPlan?.kind === "found" ? customerPlan.customerId : null,
      problem: customerPlan?.kind === "none" ? customerPlan.problem : null,
      defaultFields: defaults.fields,
      defaultFieldErrors: defaults.errors,
    },
    newSkus: writing?.newSkus ?? [],
  };
}
