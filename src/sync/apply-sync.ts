// Syncing a batch of store orders to the back office (R2–R4) in the caller's transaction:
// decide each order (sync/decide.ts), then write customers, products, sales orders, items,
// links and timeline events set-based, one statement each — an import page of 200 orders
// costs the same handful of round trips as a single webhook.
import { flagStoreCancellations } from "../backoffice/store-cancellation.ts";
import type { Queryable } from "../db/db.ts";
import { maskDocument } from "../domain/document.ts";
import type { CanonicalOrder } from "../domain/order.ts";
import { CANONICAL_LABELS } from "../domain/order-status.ts";
import { enqueueMany } from "../jobs/queue.ts";
import { syncOrderJob } from "../jobs/specs.ts";
import { isSupportedPlatform, platformModule } from "../platforms/registry.ts";
import { loadStoreMappings } from "../stores/mapping-tables.ts";
import { type CustomerIds, createCustomers, createProducts, customerOf } from "./batch-references.ts";
import {
  type Decision,
  decide,
  type EventDraft,
  type Reason,
  type StoreMappings,
  type SyncMode,
  type UnknownSkuPolicy,
} from "./decide.ts";
import type { KnownPayload } from "./store-orders.ts";
import {
  customersByDocument,
  loadCandidates,
  productsBySku,
  referencedKeys,
  type SyncCandidate,
} from "./sync-inputs.ts";
import {
  type EventWrite,
  insertEvents,
  insertItems,
  insertSalesOrders,
  type LinkWrite,
  updateSalesOrders,
  upsertLinks,
} from "./sync-writes.ts";

export interface SyncStore {
  id: number;
  orgId: number;
  settings: Record<string, unknown>;
}

export interface SyncOptions {
  mode?: SyncMode;
  /** Who asked: "system" for the integration, the operator for panel actions. */
  actor?: string;
  mappings?: StoreMappings;
  /** Payloads the caller just stored, by store order id, so they are not read back. */
  known?: ReadonlyMap<number, KnownPayload>;
  /** One order's panel action (Criar, Atualizar): runs last in its sync's transaction (the audit row). */
  onCommit?: (tx: Queryable, outcome: SyncOutcome) => Promise<unknown>;
}

export type SyncState = "synced" | "held" | "error" | "unchanged";

export interface SyncOutcome {
  storeOrderId: number;
  externalId: string;
  state: SyncState;
  salesOrderId: number | null;
  salesOrderNumber: number | null;
  created: boolean;
  reason: Reason | null;
}

/** Data errors are retried on this schedule (the platform may fix the order), then left to a person. */
export const MAX_ERROR_ATTEMPTS = 8;
export const errorRetryDelayMs = (attempts: number) => Math.min(2 ** attempts, 60) * 60_000;

/** The statuses the order's platform declares not final (held waiting, not "unmapped"). */
export const waitingStatuses = (order: CanonicalOrder | null): readonly string[] =>
  order && isSupportedPlatform(order.platform) ? (platformModule(order.platform).defaults.waiting ?? []) : [];

export const unknownSkuPolicy = (store: SyncStore): UnknownSkuPolicy =>
  store.settings.unknownSku === "hold" ? "hold" : "create";

/** A decision that threw (a payload shape nobody foresaw) becomes this order's error, not the batch's. */
function safeDecide(input: Parameters<typeof decide>[0]): Decision {
  try {
    return decide(input);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      kind: "error",
      reason: { code: "sync_failed", message: `Falha ao processar o pedido: ${message}` },
    };
  }
}

export async function syncStoreOrders(
  tx: Queryable,
  store: SyncStore,
  storeOrderIds: readonly number[],
  options: SyncOptions = {},
): Promise<SyncOutcome[]> {
  if (storeOrderIds.length === 0) return [];
  const mode = options.mode ?? "auto";
  const actor = options.actor ?? "system";
  const candidates = await loadCandidates(tx, store.id, storeOrderIds, { known: options.known });
  const mappings = options.mappings ?? (await loadStoreMappings(tx, store.id));
  const keys = referencedKeys(candidates.map((c) => c.order));
  const customers = await customersByDocument(tx, store.orgId, keys.documents);
  const products = await productsBySku(tx, store.orgId, keys.skus);

  const decided = candidates.map((c) => ({
    c,
    d: safeDecide({
      order: c.order,
      normalizeError: c.normalizeError,
      digest: c.digest,
      link: c.link,
      salesOrder: c.salesOrder,
      mappings,
      customerId: c.order?.customer.document ? (customers.get(c.order.customer.document) ?? null) : null,
      productIds: products,
      unknownSku: unknownSkuPolicy(store),
      mode,
      waiting: waitingStatuses(c.order),
    }),
  }));
  const writing = decided.filter(
    (x): x is { c: SyncCandidate; d: Extract<Decision, { kind: "create" | "update" }> } =>
      x.d.kind === "create" || x.d.kind === "update",
  );

  const customerIds = await createCustomers(tx, store, writing, mappings, customers);
  await createProducts(tx, store.orgId, writing, products);

  const created = await insertSalesOrders(
    tx,
    store,
    writing
      .filter((x) => x.d.kind === "create")
      .map((x) => ({ c: x.c, d: x.d, customerId: customerOf(x.d.customer, customerIds) })),
  );
  const updates = writing.filter((x) => x.d.kind === "update");
  await updateSalesOrders(
    tx,
    updates.map((x) => ({ c: x.c, d: x.d, customerId: customerOf(x.d.customer, customerIds) })),
  );
  await insertItems(
    tx,
    [
      ...writing
        .filter((x) => x.d.kind === "create")
        .map((x) => ({ salesOrderId: created.get(x.c.storeOrderId)!.id, d: x.d })),
      ...updates
        .filter((x) => x.c.salesOrder!.status !== "faturado")
        .map((x) => ({ salesOrderId: x.c.salesOrder!.id, d: x.d, replace: true })),
    ],
    products,
  );

  const outcomes: SyncOutcome[] = [];
  const links: LinkWrite[] = [];
  const events: EventWrite[] = [];
  const retries: SyncCandidate[] = [];
  for (const { c, d } of decided) {
    const salesOrder = d.kind === "create" ? created.get(c.storeOrderId)! : c.salesOrder;
    const outcome: SyncOutcome = {
      storeOrderId: c.storeOrderId,
      externalId: c.externalId,
      state: "unchanged",
      salesOrderId: salesOrder?.id ?? null,
      salesOrderNumber: salesOrder?.number ?? null,
      created: d.kind === "create",
      reason: null,
    };
    outcomes.push(outcome);
    if (d.kind === "skip") continue;
    const at = { salesOrderId: salesOrder?.id ?? null, storeOrderId: c.storeOrderId, actor };
    // A new reason, or the same kind said differently (other SKUs missing): the timeline follows.
    const reasonChanged = (r: Reason) =>
      c.link?.reasonCode !== r.code || c.link?.reason !== r.message || c.link?.syncState === "synced";
    if (d.kind === "error") {
      outcome.state = "error";
      outcome.reason = d.reason;
      const attempts = (c.link?.attempts ?? 0) + 1;
      links.push({ c, state: "error", reason: d.reason, salesOrderId: null, attempts });
      if (c.link?.reasonCode !== d.reason.code)
        events.push({ ...at, kind: "sync_failed", message: d.reason.message });
      if (attempts < MAX_ERROR_ATTEMPTS) retries.push(c);
      continue;
    }
    if (d.kind === "hold") {
      outcome.state = "held";
      outcome.reason = d.reason;
      links.push({ c, state: "held", reason: d.reason, salesOrderId: null, attempts: 0 });
      if (reasonChanged(d.reason))
        events.push({ ...at, kind: "sync_held", message: d.reason.message, data: { code: d.reason.code } });
      continue;
    }
    outcome.state = "synced";
    outcome.reason = d.statusProblem;
    const customerId = customerOf(d.customer, customerIds);
    links.push({
      c,
      state: "synced",
      reason: d.statusProblem,
      salesOrderId: salesOrder!.id,
      attempts: 0,
      customer: {
        synced: customerId !== null || (c.salesOrder?.customerId ?? null) !== null,
        foundByDocument:
          d.customer.kind === "found" ||
          (d.customer.kind === "create" && !customerIds.createdBy.has(c.storeOrderId)),
        problem:
          customerId === null && !c.salesOrder?.customerId && d.customer.kind === "none"
            ? d.customer.problem
            : null,
      },
    });
    for (const e of timeline(c, d, salesOrder!.number, customerIds, mode)) events.push({ ...at, ...e });
    if (d.statusProblem && reasonChanged(d.statusProblem)) {
      events.push({
        ...at,
        kind: "status_invalid",
        message: d.statusProblem.message,
        data: { code: d.statusProblem.code },
      });
    }
  }
  await upsertLinks(tx, links, store);
  await insertEvents(tx, store.orgId, events);
  // A cancellation from the store of an order with a live invoice or a shipment is flagged, never silent.
  await flagStoreCancellations(
    tx,
    updates
      .filter((x) => x.d.statusStep?.apply && x.d.statusStep.status === "cancelado")
      .map((x) => x.c.salesOrder!.id),
  );
  await enqueueMany(
    tx,
    retries.map((c) =>
      syncOrderJob(store.id, c.externalId, {
        runAt: new Date(Date.now() + errorRetryDelayMs(c.link?.attempts ?? 0)),
      }),
    ),
  );
  return outcomes;
}

/** The timeline entries of a create or an update (R6.3 "Histórico"). */
function timeline(
  c: SyncCandidate,
  d: Extract<Decision, { kind: "create" | "update" }>,
  number: number,
  customers: CustomerIds,
  mode: SyncMode,
): EventDraft[] {
  const events: EventDraft[] = [...d.events];
  const by = mode === "auto" ? "pela integração" : "pelo painel";
  const storeNumber = c.number ?? c.externalId;
  if (d.kind === "create") {
    events.push({
      kind: "sales_order_created",
      message: `Pedido de venda ${number} criado ${by} a partir do pedido ${storeNumber} da loja (${CANONICAL_LABELS[d.data.canonicalStatus]})`,
      data: { canonicalStatus: d.data.canonicalStatus, status: d.data.status },
    });
  } else {
    const so = c.salesOrder!;
    const step = d.statusStep;
    if (step?.apply) {
      events.push({
        kind: "status_changed",
        message: `Status: ${CANONICAL_LABELS[so.canonicalStatus]} → ${CANONICAL_LABELS[step.status]} (loja)`,
        data: { from: so.canonicalStatus, to: step.status, version: so.statusVersion + 1 },
      });
    }
    const changed: string[] = [];
    if (so.status !== "faturado" && so.totalCents !== d.data.totalCents) changed.push("valor total");
    if (so.paymentType !== d.data.paymentType || so.installments !== d.data.installments)
      changed.push("pagamento");
    if (so.carrier !== d.data.carrier || so.shippingType !== d.data.shippingType) changed.push("entrega");
    if (changed.length > 0 || mode === "update") {
      events.push({
        kind: "sales_order_updated",
        message: `Pedido de venda atualizado ${by} com os dados da loja${changed.length ? `: ${changed.join(", ")}` : ""}`,
        data: { changed },
      });
    }
  }
  const customerId = customerOf(d.customer, customers);
  const newlyLinked = customerId !== null && (d.kind === "create" || c.salesOrder!.customerId === null);
  if (newlyLinked && d.customer.kind !== "none") {
    const doc = d.customer.kind === "create" ? d.customer.document : (c.order!.customer.document ?? "");
    events.push(
      customers.createdBy.has(c.storeOrderId)
        ? {
            kind: "customer_created",
            message: `Cliente criado no ERP (${maskDocument(doc)})`,
            data: { customerId },
          }
        : {
            kind: "customer_linked",
            message: "Cliente encontrado no ERP pelo CPF/CNPJ",
            data: { customerId },
          },
    );
  }
  for (const error of customers.defaultErrors.get(c.storeOrderId) ?? []) {
    events.push({
      kind: "customer_default_failed",
      message: `Campo padrão de cliente não aplicado: ${error}`,
    });
  }
  if (d.newSkus.length > 0) {
    events.push({
      kind: "products_created",
      message: `Produtos criados pela integração: ${d.newSkus.join(", ")}`,
      data: { skus: d.newSkus },
    });
  }
  return events;
}
