// The order actions of the Orders API (OpenAPI "Start handling order", "Cancel order", "Order
// invoice notification", "Update order's partial invoice (send tracking number)", "Update order
// tracking status") and their state rules. Each write answers {date, orderId, receipt}.

import type { Random } from "../shared/random.ts";
import type { Clock } from "./clock.ts";
import { badRequest, isObject, omsError, orderNotFound, type Reply } from "./http.ts";
import type { OrderRecord, OrderStore } from "./orders.ts";
import { CANCELABLE } from "./statuses.ts";
import type { Json } from "./types.ts";

/** Statuses an Output invoice is taken in. [U] The OpenAPI does not list them; these are the handling ones. */
const INVOICEABLE = new Set(["ready-for-handling", "start-handling", "handling", "ready-for-invoicing"]);

export class OrderActions {
  constructor(
    private readonly store: OrderStore,
    private readonly clock: Clock,
    private readonly chaos: Random,
  ) {}

  private record(orderId: string): OrderRecord {
    const record = this.store.get(orderId);
    if (!record) throw orderNotFound(orderId);
    return record;
  }

  private receipt(orderId: string): Reply {
    return { status: 200, body: { date: this.clock.iso(), orderId, receipt: this.chaos.hex(32) } };
  }

  /** ready-for-handling → handling, answered 204; any other status: 409 OMS003 (OpenAPI "Start handling order"). */
  startHandling(orderId: string): Reply {
    const record = this.record(orderId);
    if (record.order.status !== "ready-for-handling") {
      throw omsError(409, "OMS003", "Order status should be ready-for-handling to perform this action");
    }
    this.store.move(record, "start-handling");
    this.store.move(record, "handling");
    return { status: 204 };
  }

  /**
   * Cancel: refused with 400 once invoiced or partially invoiced (OpenAPI "Order invoice
   * notification": "Partially invoiced orders cannot be canceled, and cancellation attempts will
   * result in a 400"; "Cancel order": invoiced orders cannot be canceled). [U] A second cancel of
   * a canceled order answers 200 with a new receipt and changes nothing (the order is already in
   * the asked state); incomplete or unknown states answer 400.
   */
  cancel(orderId: string, body: Json): Reply {
    const record = this.record(orderId);
    const order = record.order;
    if (order.status === "canceled") return this.receipt(orderId);
    const invoiced = order.packageAttachment.packages.some((p) => p.type === "Output");
    if (order.status === "invoiced" || invoiced) {
      throw badRequest(
        `Order ${orderId} has an invoice and cannot be canceled; send a return (Input) invoice`,
      );
    }
    if (!CANCELABLE.has(order.status))
      throw badRequest(`Order ${orderId} cannot be canceled in status ${order.status}`);
    const reason = typeof body.reason === "string" ? body.reason : null;
    this.store.move(record, "request-cancel");
    this.store.move(record, "canceled", {
      allowCancellation: false,
      cancelReason: reason,
      cancellationData: {
        RequestedByUser: false,
        RequestedBySystem: false,
        RequestedBySellerNotification: true,
        RequestedByPaymentNotification: false,
        Reason: reason,
        CancellationDate: this.clock.iso(),
      },
    });
    return this.receipt(orderId);
  }

  /**
   * Invoice (OpenAPI "Order invoice notification"): type, issuanceDate, invoiceNumber,
   * invoiceValue (cents as a string, > 0) and items are required. Partial invoices add up: the
   * order becomes invoiced (through `invoice`) only when its Output invoices reach its value. The
   * same invoiceNumber again only makes a new receipt ("you cannot change other information").
   * Input invoices (returns) never move the status.
   */
  invoice(orderId: string, body: Json): Reply {
    const record = this.record(orderId);
    const order = record.order;
    const invoice = this.parseInvoice(body, order.items);
    const packages = order.packageAttachment.packages;
    if (packages.some((p) => p.invoiceNumber === invoice.invoiceNumber)) return this.receipt(orderId);
    if (invoice.type === "Output") {
      // [U] Not documented: an Output invoice for a canceled, already invoiced or unpaid order is refused with 400.
      if (order.status === "canceled") throw badRequest(`Order ${orderId} is canceled`);
      if (order.status === "invoiced") throw badRequest(`Order ${orderId} is already invoiced`);
      if (!INVOICEABLE.has(order.status))
        throw badRequest(`Order ${orderId} cannot be invoiced in status ${order.status}`);
    }
    packages.push({ ...invoice, courierStatus: null });
    const paid = packages
      .filter((p) => p.type === "Output")
      .reduce((s, p) => s + (p.invoiceValue as number), 0);
    if (invoice.type === "Output" && paid >= order.value) {
      this.store.move(record, "invoice");
      this.store.move(record, "invoiced", { invoicedDate: this.clock.iso() });
    } else {
      this.store.touch(record);
    }
    return this.receipt(orderId);
  }

  /** Adds tracking to an invoice (OpenAPI "Update order's partial invoice (send tracking number)"). */
  patchInvoice(orderId: string, invoiceNumber: string, body: Json): Reply {
    const record = this.record(orderId);
    const pack = this.findInvoice(record, invoiceNumber);
    for (const key of ["trackingNumber", "trackingUrl", "courier", "dispatchedDate"]) {
      if (body[key] === undefined) continue;
      if (body[key] !== null && typeof body[key] !== "string") throw badRequest(`${key} must be a string`);
      pack[key] = body[key];
    }
    this.store.touch(record);
    return this.receipt(orderId);
  }

  /**
   * Tracking events (OpenAPI "Update order tracking status": for an invoice that already has a
   * tracking number). [U] Without one the simulator answers 400.
   */
  tracking(orderId: string, invoiceNumber: string, body: Json): Reply {
    const record = this.record(orderId);
    const pack = this.findInvoice(record, invoiceNumber);
    if (!pack.trackingNumber) throw badRequest(`Invoice ${invoiceNumber} has no tracking number`);
    if (body.isDelivered !== undefined && typeof body.isDelivered !== "boolean")
      throw badRequest("isDelivered must be true or false");
    if (body.events !== undefined && !Array.isArray(body.events)) throw badRequest("events must be an array");
    const delivered = body.isDelivered === true;
    pack.courierStatus = {
      status: delivered ? "delivered" : "ok",
      finished: delivered,
      deliveredDate: delivered ? (body.deliveredDate ?? this.clock.iso()) : null,
      data: ((body.events ?? []) as Json[]).map((e) => ({ ...e, createDate: e.date ?? null })),
    };
    record.order.isAllDelivered = record.order.packageAttachment.packages
      .filter((p) => p.type === "Output")
      .every((p) => (p.courierStatus as Json | null)?.finished === true);
    this.store.touch(record);
    return this.receipt(orderId);
  }

  /** [U] An unknown invoice number answers 404 in the OMS error shape. */
  private findInvoice(record: OrderRecord, invoiceNumber: string): Json {
    const pack = record.order.packageAttachment.packages.find((p) => p.invoiceNumber === invoiceNumber);
    if (!pack)
      throw omsError(404, "OMS007", `Invoice ${invoiceNumber} not found in order ${record.order.orderId}`);
    return pack;
  }

  private parseInvoice(body: Json, orderItems: Json[]): Json {
    if (body.type !== "Output" && body.type !== "Input") throw badRequest("type must be Output or Input");
    if (typeof body.invoiceNumber !== "string" || body.invoiceNumber.trim() === "")
      throw badRequest("invoiceNumber is required");
    // The OpenAPI types invoiceValue as a string of cents; a bare integer is taken too, as a JSON binder would.
    const rawValue = body.invoiceValue;
    const value =
      typeof rawValue === "string" && /^\d+$/.test(rawValue)
        ? Number(rawValue)
        : Number.isInteger(rawValue)
          ? (rawValue as number)
          : Number.NaN;
    if (!(value > 0))
      throw badRequest("invoiceValue must be the amount in cents, greater than 0, without separators");
    if (typeof body.issuanceDate !== "string" || Number.isNaN(Date.parse(body.issuanceDate)))
      throw badRequest("issuanceDate must be a date and time");
    if (!Array.isArray(body.items)) throw badRequest("items is required");
    const items = body.items.map((raw, i) => {
      if (!isObject(raw)) throw badRequest(`items[${i}] must be an object`);
      const itemIndex = orderItems.findIndex((it) => it.id === String(raw.id));
      if (itemIndex < 0) throw badRequest(`items[${i}].id ${String(raw.id)} is not an item of the order`);
      if (!Number.isInteger(raw.price) || !Number.isInteger(raw.quantity) || (raw.quantity as number) < 1)
        throw badRequest(`items[${i}] needs an integer price (cents) and quantity`);
      return {
        itemIndex,
        id: String(raw.id),
        price: raw.price,
        quantity: raw.quantity,
        description: raw.description ?? null,
      };
    });
    const text = (key: string) => (typeof body[key] === "string" ? body[key] : null);
    return {
      type: body.type,
      invoiceNumber: body.invoiceNumber,
      invoiceValue: value,
      issuanceDate: body.issuanceDate,
      invoiceKey: text("invoiceKey"),
      invoiceUrl: text("invoiceUrl"),
      embeddedInvoice: text("embeddedInvoice"),
      courier: text("courier") ?? "",
      trackingNumber: text("trackingNumber") ?? "",
      trackingUrl: text("trackingUrl") ?? "",
      dispatchedDate: text("dispatchedDate"),
      items,
    };
  }
}
