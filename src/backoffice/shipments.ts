// Shipments (R8.1, docs/REQUIREMENTS.md#seed-003): the carrier and a tracking code or URL (none for a store
// pickup, "pronto para retirada"), recorded with the move to
// Despachado it causes (the only way there: domain/lifecycle.ts). A Correios code is checked
// (UPU S10: service letters, 8 digits, check digit, country) when the carrier is Correios or the
// code looks like one; other carriers' codes are kept as typed.
import type { AppContext } from "../context.ts";
import type { Queryable } from "../db/db.ts";
import { checkMove } from "../domain/lifecycle.ts";
import type { OrderStatus } from "../domain/status-change.ts";
import { checkCorreiosCode } from "../domain/tracking-code.ts";
import { resolveNotifyCustomer } from "../email/templates.ts";
import { lockSalesOrder } from "../orders/order-lock.ts";
import { checkHttpUrl, fieldError } from "./field-error.ts";
import type { Notify } from "./invoices.ts";
import { changeOrderStatus, illegalTransition } from "./order-status.ts";
import { applyStatusEffects } from "./status-effects.ts";

export interface ShipmentInput {
  carrier: string;
  trackingCode?: string;
  trackingUrl?: string;
}

export interface Shipment {
  id: number;
  salesOrderId: number;
  carrier: string;
  trackingCode: string | null;
  trackingUrl: string | null;
  shippedAt: string;
  deliveredAt: string | null;
  createdBy: string | null;
}

const COLUMNS = `id, sales_order_id as "salesOrderId", carrier, tracking_code as "trackingCode",
  tracking_url as "trackingUrl", shipped_at as "shippedAt", delivered_at as "deliveredAt", created_by as "createdBy"`;

/** Correios by name (also its services), or a code with the S10 look even if a digit is missing or extra. */
const CORREIOS_CARRIER = /correios|sedex|\bpac\b/i;
const S10_LOOK = /^[A-Z]{2}[0-9]{7,11}[A-Z]{2}$/;

export function validateShipmentInput(input: ShipmentInput): Required<{
  carrier: string;
  trackingCode: string | null;
  trackingUrl: string | null;
}> {
  const carrier = input.carrier.trim();
  if (!carrier) throw fieldError("carrier", "missing", "is required", "Informe a transportadora");
  const trackingUrl = checkHttpUrl("trackingUrl", input.trackingUrl);
  let trackingCode = input.trackingCode?.trim() || null;
  if (trackingCode) {
    const compact = trackingCode.replace(/\s/g, "").toUpperCase();
    if (CORREIOS_CARRIER.test(carrier) || S10_LOOK.test(compact)) {
      const check = checkCorreiosCode(compact);
      if (!check.ok) {
        throw fieldError(
          "trackingCode",
          check.reason === "bad_check_digit" ? "bad_check_digit" : "bad_format",
          check.reason === "bad_check_digit"
            ? "the Correios check digit does not match"
            : "a Correios code is 2 letters, 9 digits and 2 letters (e.g. JT194690698BR)",
          check.reason === "bad_check_digit"
            ? "O dígito verificador do código dos Correios não confere"
            : "Código dos Correios inválido: 2 letras, 9 dígitos e 2 letras (ex.: JT194690698BR)",
        );
      }
      trackingCode = check.code;
    }
  }
  return { carrier, trackingCode, trackingUrl };
}

export interface ShipmentResult {
  shipment: Shipment;
  order: OrderStatus;
  /** The status_changed entry (→ Despachado), carrying the tracking for the store's push. */
  eventId: number;
}

export async function createShipment(
  tx: Queryable,
  ctx: AppContext,
  salesOrderId: number,
  input: ReturnType<typeof validateShipmentInput>,
  actor: string,
  notify: Notify,
): Promise<ShipmentResult> {
  const order = await lockSalesOrder(tx, salesOrderId);
  // A parcel needs its tracking; a store pickup ("pronto para retirada") has none.
  if (!order.facts.pickup && !input.trackingCode && !input.trackingUrl) {
    throw fieldError(
      "trackingCode",
      "missing",
      "a tracking code or a tracking URL is required (only a store pickup goes without)",
      "Informe o código ou o link de rastreio",
    );
  }
  // Refuse before writing anything (a cancelled or already shipped order).
  const check = checkMove(order.canonicalStatus, "despachado", order.facts, "shipment");
  if (!check.ok) throw illegalTransition(salesOrderId, order.canonicalStatus, "despachado", check);
  const { rows } = await tx.query<Shipment>(
    `insert into shipments (org_id, sales_order_id, carrier, tracking_code, tracking_url, created_by)
     values ($1, $2, $3, $4, $5, $6) returning ${COLUMNS}`,
    [order.orgId, salesOrderId, input.carrier, input.trackingCode, input.trackingUrl, actor],
  );
  const shipment = rows[0]!;
  const ref = {
    id: shipment.id,
    carrier: shipment.carrier,
    trackingCode: shipment.trackingCode,
    trackingUrl: shipment.trackingUrl,
  };
  order.shipment = ref; // the latest now: the push and the e-mail carry its tracking
  const change = await changeOrderStatus(tx, order, {
    status: "despachado",
    via: "shipment",
    shipment: ref,
    actor,
    message: notify.message,
    notifyCustomer: await resolveNotifyCustomer(tx, order, "despachado", notify.notifyCustomer),
  });
  await applyStatusEffects(tx, ctx, order, change);
  return { shipment, order: change.order, eventId: change.event.id };
}

export async function listShipments(q: Queryable, salesOrderId: number): Promise<Shipment[]> {
  const { rows } = await q.query<Shipment>(
    `select ${COLUMNS} from shipments where sales_order_id = $1 order by id`,
    [salesOrderId],
  );
  return rows;
}
