// What the sync engine does with one store order, decided without I/O: the same function
// drives the worker, the panel's Criar/Atualizar and the preview endpoint. The caller loads
// what it needs (link, sales order, customer by document, products by SKU, the store's
// DE-PARA tables) and applies the decision in one transaction (sync/apply-sync.ts).
import { customerKind } from "../domain/document.ts";
import type { OrderLink, SalesOrder } from "../domain/order-records.ts";
import {
  CANONICAL_LABELS,
  type CanonicalStatus,
  isCanonicalStatus,
  nextStatus,
  type SalesOrderStatus,
  type StatusStep,
  salesOrderStatusFor,
} from "../domain/order-status.ts";
import type { Address, CanonicalOrder, Flag } from "../platforms/connector.ts";
import type { ReasonCode } from "../reason-codes.ts";
import type { PaymentRow, ShippingRow, StatusRow, StoreMappings } from "../stores/mapping-tables.ts";
import { explainDocumentProblem } from "./reasons.ts";

export type { PaymentRow, ShippingRow, StatusRow, StoreMappings };

/** auto: the integration's own sync; create: Criar in the panel; update: Atualizar. */
export type SyncMode = "auto" | "create" | "update";
export type UnknownSkuPolicy = "create" | "hold";

export type ExistingLink = OrderLink;

export type ExistingSalesOrder = Pick<
  SalesOrder,
  "id" | "number" | "canonicalStatus" | "status" | "customerId" | "deleted"
>;

export interface DecideInput {
  order: CanonicalOrder | null;
  normalizeError: string | null;
  digest: string;
  link: ExistingLink | null;
  salesOrder: ExistingSalesOrder | null;
  mappings: StoreMappings;
  /** The ERP customer with the order's (valid) document, when one exists. */
  customerId: number | null;
  /** Products that exist, by SKU. */
  productIds: ReadonlyMap<string, number>;
  unknownSku: UnknownSkuPolicy;
  mode: SyncMode;
  /** The platform's statuses that are not final (its module's `defaults.waiting`). */
  waiting?: readonly string[];
}

export type CustomerPlan =
  | { kind: "found"; customerId: number }
  | { kind: "create"; document: string; personKind: "PF" | "PJ"; documentKind: "cpf" | "cnpj" }
  | { kind: "none"; problem: string };

export interface ItemData {
  position: number;
  sku: string | null;
  name: string;
  variant: string | null;
  quantity: number;
  unitPriceCents: number;
  totalCents: number;
}

export interface SalesOrderData {
  storeOrderNumber: string | null;
  canonicalStatus: CanonicalStatus;
  status: SalesOrderStatus;
  paymentType: string | null;
  paymentMethod: string | null;
  installments: number;
  paymentConfirmedAt: string | null;
  carrier: string | null;
  shippingType: string | null;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  totalCents: number;
  customerSnapshot: Record<string, unknown>;
  deliveryAddress: Address | null;
  notes: string | null;
  flags: Flag[];
  items: ItemData[];
}

export interface EventDraft {
  kind: string;
  message: string;
  data?: Record<string, unknown>;
}

/** Why an order is not (or not fully) in step, with the pt-BR text the panel shows. */
export interface Reason {
  code: ReasonCode;
  message: string;
}

export type Decision =
  | { kind: "skip"; why: string }
  | { kind: "error"; reason: Reason }
  | { kind: "hold"; reason: Reason; customer: CustomerPlan | null }
  | {
      kind: "create" | "update";
      data: SalesOrderData;
      customer: CustomerPlan;
      /** SKUs to register as products "criado pela integração". */
      newSkus: string[];
      /** Status problem kept on a synced order (Criar with an invalid status). */
      statusProblem: Reason | null;
      statusStep: StatusStep | null;
      events: EventDraft[];
    };

export type StatusReading =
  | { kind: "mapped"; canonical: CanonicalStatus; createsOrder: boolean }
  | { kind: "unmapped"; key: string }
  /** In no row, and one of the platform's statuses that are not final: the order waits on it. */
  | { kind: "waiting"; key: string }
  | { kind: "inactive"; canonical: CanonicalStatus };

/** The status table read from platform to Ponte: the active row listing the value wins. */
export function readStatusRow(
  rows: readonly StatusRow[],
  key: string,
  waiting: readonly string[] = [],
): StatusReading {
  const matching = rows.filter((r) => r.platformValues.includes(key) && isCanonicalStatus(r.canonicalStatus));
  const active = matching.find((r) => r.active);
  if (active) {
    return {
      kind: "mapped",
      canonical: active.canonicalStatus as CanonicalStatus,
      createsOrder: active.createsOrder,
    };
  }
  if (matching[0]) return { kind: "inactive", canonical: matching[0].canonicalStatus as CanonicalStatus };
  return waiting.includes(key) ? { kind: "waiting", key } : { kind: "unmapped", key };
}

function statusProblem(reading: StatusReading): Reason | null {
  if (reading.kind === "waiting") {
    return {
      code: "status_waiting",
      message: `Aguardando a plataforma: o status "${reading.key}" ainda não é final; o pedido entra quando ele mudar`,
    };
  }
  if (reading.kind === "unmapped") {
    return {
      code: "status_unmapped",
      message: `Status da loja "${reading.key}" não está na tabela de status (DE-PARA)`,
    };
  }
  if (reading.kind === "inactive") {
    return {
      code: "status_inactive",
      message: `Status ${CANONICAL_LABELS[reading.canonical]} está inativo na tabela de status`,
    };
  }
  return null;
}

function customerPlan(order: CanonicalOrder, customerId: number | null): CustomerPlan {
  const c = order.customer;
  if (c.documentProblem !== null || c.document === null || c.documentKind === null) {
    return { kind: "none", problem: explainDocumentProblem(c.documentProblem ?? "missing", c.document) };
  }
  if (customerId !== null) return { kind: "found", customerId };
  return {
    kind: "create",
    document: c.document,
    documentKind: c.documentKind,
    personKind: customerKind(c.documentKind),
  };
}

/** Payment and shipping through their tables (R4.4); an unmapped value passes through, flagged. */
function mapPaymentAndShipping(order: CanonicalOrder, mappings: StoreMappings, flags: Flag[]) {
  const method = order.payment.method ?? order.payment.gateway;
  const payment = method === null ? undefined : mappings.payment.find((p) => p.platformValue === method);
  if (method !== null && !payment) {
    flags.push({ field: "payment", value: method, message: `forma de pagamento "${method}" sem DE-PARA` });
  }
  const keys = [order.shipping.code, order.shipping.carrier].filter((k): k is string => k !== null);
  const shipping = keys.map((k) => mappings.shipping.find((s) => s.platformValue === k)).find(Boolean);
  if (keys.length > 0 && !shipping) {
    flags.push({ field: "shipping", value: keys[0]!, message: `forma de entrega "${keys[0]}" sem DE-PARA` });
  }
  return {
    paymentType: payment?.paymentType ?? method,
    paymentMethod: method,
    installments: payment?.installments ?? order.payment.installments,
    carrier: shipping?.carrier ?? order.shipping.carrier,
    shippingType: shipping ? (shipping.shippingType ?? order.shipping.option) : order.shipping.option,
  };
}

function salesOrderData(
  order: CanonicalOrder,
  canonical: CanonicalStatus,
  current: SalesOrderStatus | undefined,
  mappings: StoreMappings,
): SalesOrderData {
  const flags: Flag[] = [];
  const mapped = mapPaymentAndShipping(order, mappings, flags);
  for (const item of order.items) {
    if (item.sku === null)
      flags.push({ field: "sku", value: item.name, message: `item "${item.name}" sem SKU` });
  }
  const c = order.customer;
  return {
    storeOrderNumber: order.number,
    canonicalStatus: canonical,
    status: salesOrderStatusFor(canonical, current),
    ...mapped,
    paymentConfirmedAt: order.status.paid ? (order.payment.paidAt ?? order.updatedAt) : null,
    subtotalCents: order.totals.subtotalCents,
    discountCents: order.totals.discountCents,
    shippingCents: order.totals.shippingCents,
    totalCents: order.totals.totalCents,
    customerSnapshot: {
      name: c.name,
      email: c.email,
      phone: c.phone,
      document: c.document,
      documentKind: c.documentKind,
      billingAddress: order.billingAddress,
    },
    deliveryAddress: order.shippingAddress ?? order.billingAddress,
    notes: order.notes.buyer,
    flags,
    items: order.items.map((i, n) => ({
      position: n + 1,
      sku: i.sku,
      name: i.name,
      variant: i.variant,
      quantity: i.quantity,
      unitPriceCents: i.unitPriceCents,
      totalCents: i.totalCents,
    })),
  };
}

function unknownSkus(order: CanonicalOrder, productIds: ReadonlyMap<string, number>): string[] {
  const skus = order.items.map((i) => i.sku).filter((s): s is string => s !== null && !productIds.has(s));
  return [...new Set(skus)];
}

export function decide(input: DecideInput): Decision {
  const { order, link, salesOrder, mode } = input;
  if (order === null) {
    return {
      kind: "error",
      reason: {
        code: "payload_unreadable",
        message: `Pedido da loja ilegível: ${input.normalizeError ?? "?"}`,
      },
    };
  }
  const live = salesOrder !== null && !salesOrder.deleted ? salesOrder : null;
  if (mode === "auto" && link?.syncState === "synced" && link.syncedDigest === input.digest) {
    return { kind: "skip", why: "unchanged" };
  }
  if (salesOrder?.deleted && mode !== "create") {
    return {
      kind: "hold",
      reason: {
        code: "sales_order_deleted",
        message: `Pedido de venda ${salesOrder.number} foi excluído no ERP; apague o mapeamento para sincronizar de novo`,
      },
      customer: null,
    };
  }

  const reading = readStatusRow(input.mappings.status, order.status.key, input.waiting);
  const problem = statusProblem(reading);
  const customer = customerPlan(order, input.customerId);
  const missing = unknownSkus(order, input.productIds);

  if (live === null) {
    if (mode === "update") {
      return {
        kind: "hold",
        reason: { code: "not_synced", message: "Pedido ainda não sincronizado" },
        customer,
      };
    }
    if (mode === "auto") {
      if (problem) return { kind: "hold", reason: problem, customer };
      if (reading.kind === "mapped" && !reading.createsOrder) {
        return {
          kind: "hold",
          reason: {
            code: "status_not_creating",
            message: `Status ${CANONICAL_LABELS[reading.canonical]} não processa inclusão (tabela de status)`,
          },
          customer,
        };
      }
      if (missing.length > 0 && input.unknownSku === "hold") {
        return {
          kind: "hold",
          reason: { code: "unknown_sku", message: `SKU sem produto cadastrado: ${missing.join(", ")}` },
          customer,
        };
      }
    }
    const canonical = reading.kind === "mapped" ? reading.canonical : "aguardando_pagamento";
    const data = salesOrderData(order, canonical, undefined, input.mappings);
    return {
      kind: "create",
      data,
      customer,
      newSkus: missing,
      statusProblem: problem,
      statusStep: null,
      events: customer.kind === "none" ? [{ kind: "customer_not_linked", message: customer.problem }] : [],
    };
  }

  // The sales order exists: bring it up to date, never moving its status backwards.
  const incoming = reading.kind === "mapped" ? reading.canonical : null;
  const step = incoming === null ? null : nextStatus(live.canonicalStatus, incoming);
  const canonical = step?.apply ? step.status : live.canonicalStatus;
  const data = salesOrderData(order, canonical, live.status, input.mappings);
  const events: EventDraft[] = [];
  if (step && !step.apply && step.reason !== "same") {
    events.push({
      kind: "status_ignored",
      message: `Status da loja ${CANONICAL_LABELS[incoming!]} ignorado: o pedido já está em ${CANONICAL_LABELS[live.canonicalStatus]}`,
      data: { from: live.canonicalStatus, to: incoming, reason: step.reason },
    });
  }
  return {
    kind: "update",
    data,
    customer,
    newSkus: missing,
    // A sales order that exists keeps its status while the platform's is not final: no problem.
    statusProblem: reading.kind === "waiting" ? null : problem,
    statusStep: step,
    events,
  };
}
