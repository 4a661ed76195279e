// The account's orders: status moves (each one tells the feed and the hook), the window-to-cancel
// timer, and the search index behind List orders. The list is built from an index that lags (Orders
// API OpenAPI, "List orders": "returns only orders that already have been indexed, which takes
// approximately four minutes"): every change is indexed `listLagMs` later, and until then the list
// shows the order as it was (or not at all, for a new one).

import type { Random } from "../shared/random.ts";
import type { Clock } from "./clock.ts";
import { copy } from "./http.ts";
import type { OrderFactory, Seeded } from "./seed.ts";
import { describeStatus, KNOWN_STATUSES, WINDOW_TO_CANCEL_MS } from "./statuses.ts";
import type { Json, VtexOrder } from "./types.ts";

/** A status move, as the feed and the hook report it. */
export interface StatusChange {
  orderId: string;
  state: string;
  lastState: string;
  /** When the order last changed before this move. */
  lastChange: string;
  currentChange: string;
}

export interface OrderRecord {
  order: VtexOrder;
  /** The summary List orders shows now (null until first indexed). */
  listed: Json | null;
  /** The newest summary, waiting for the index. */
  pending: { summary: Json; at: number } | null;
  /** When a window-to-cancel order moves on to ready-for-handling. */
  windowEndsAt?: number;
}

export interface OrderListeners {
  status(change: StatusChange, order: VtexOrder): void;
  /** Any change to the order document (FromOrders feeds and hooks evaluate it). */
  changed(change: StatusChange, order: VtexOrder): void;
}

/** The List orders summary (fields of the OpenAPI "List orders" `list` items). */
export function summarize(order: VtexOrder): Json {
  const payments = ((order.paymentData.transactions as Json[])[0]?.payments ?? []) as Json[];
  return {
    orderId: order.orderId,
    creationDate: order.creationDate,
    clientName: `${order.clientProfileData.firstName} ${order.clientProfileData.lastName}`,
    items: null,
    totalValue: order.value,
    paymentNames: payments.map((p) => p.paymentSystemName).join(", "),
    status: order.status,
    statusDescription: order.statusDescription,
    marketPlaceOrderId: null,
    sequence: order.sequence,
    salesChannel: order.salesChannel,
    affiliateId: order.affiliateId,
    origin: order.origin,
    workflowInErrorState: false,
    workflowInRetry: false,
    lastMessageUnread: null,
    ShippingEstimatedDate: null,
    ShippingEstimatedDateMax: null,
    ShippingEstimatedDateMin: null,
    orderIsComplete: true,
    listId: null,
    listType: null,
    authorizedDate: order.authorizedDate,
    callCenterOperatorName: null,
    totalItems: order.items.reduce((n, it) => n + (it.quantity as number), 0),
    currencyCode: "BRL",
    // Kept for filtering; not sent (the OpenAPI list item has no invoicedDate).
    invoicedDate: order.invoicedDate,
  };
}

export class OrderStore {
  private readonly records = new Map<string, OrderRecord>();

  constructor(
    private readonly factory: OrderFactory,
    private readonly clock: Clock,
    private readonly chaos: Random,
    private readonly lagMs: () => number,
    private readonly listeners: OrderListeners,
  ) {}

  load(seeded: Seeded[]): void {
    for (const { order } of seeded) {
      const record: OrderRecord = { order, listed: summarize(order), pending: null };
      // A seeded order waiting in window-to-cancel moves on a few minutes after start.
      if (order.status === "window-to-cancel")
        record.windowEndsAt = this.clock.now() + this.chaos.int(5, 25) * 60_000;
      this.records.set(order.orderId, record);
    }
  }

  get(orderId: string): OrderRecord | undefined {
    return this.records.get(orderId);
  }

  all(): OrderRecord[] {
    return [...this.records.values()];
  }

  /** Summaries as the index holds them now. */
  indexed(): Json[] {
    const now = this.clock.now();
    const out: Json[] = [];
    for (const record of this.records.values()) {
      if (record.pending && record.pending.at <= now) {
        record.listed = record.pending.summary;
        record.pending = null;
      }
      if (record.listed) out.push(record.listed);
    }
    return out;
  }

  /** A new order placed by a shopper: order-created, then payment-pending (or the status asked for). */
  create(overrides: Json = {}): VtexOrder {
    const now = this.clock.now();
    const { status, ...rest } = overrides;
    const order = this.factory.build(now, { ...rest, status: "order-created" });
    order.lastChange = this.clock.iso(now);
    const record: OrderRecord = { order, listed: null, pending: null };
    this.records.set(order.orderId, record);
    this.reindex(record);
    const created: StatusChange = {
      orderId: order.orderId,
      state: "order-created",
      lastState: "",
      lastChange: order.lastChange,
      currentChange: order.lastChange,
    };
    this.listeners.status(created, order);
    this.listeners.changed(created, order);
    this.move(record, "payment-pending");
    if (typeof status === "string" && status !== "payment-pending") this.storeMove(order.orderId, status);
    return order;
  }

  /** Moves an order one status on, telling the listeners. */
  move(record: OrderRecord, status: string, patch: Partial<VtexOrder> = {}): void {
    const order = record.order;
    const now = this.clock.iso();
    const change: StatusChange = {
      orderId: order.orderId,
      state: status,
      lastState: order.status,
      lastChange: order.lastChange,
      currentChange: now,
    };
    Object.assign(order, patch);
    order.status = status;
    order.statusDescription = describeStatus(status);
    order.lastChange = now;
    record.windowEndsAt = status === "window-to-cancel" ? this.clock.now() + WINDOW_TO_CANCEL_MS : undefined;
    this.reindex(record);
    this.listeners.status(change, order);
    this.listeners.changed(change, order);
  }

  /** A change that is not a status move (an invoice's tracking, a delivery). */
  touch(record: OrderRecord): void {
    const order = record.order;
    const now = this.clock.iso();
    const change: StatusChange = {
      orderId: order.orderId,
      state: order.status,
      lastState: order.status,
      lastChange: order.lastChange,
      currentChange: now,
    };
    order.lastChange = now;
    this.reindex(record);
    this.listeners.changed(change, order);
  }

  /**
   * What the store does outside the API (control endpoint): payment approved (then the cancel
   * window opens), canceled by the shopper, or any status of the vocabulary.
   */
  storeMove(orderId: string, status: string): VtexOrder {
    const record = this.records.get(orderId);
    if (!record) throw new Error(`no order ${orderId}`);
    if (!KNOWN_STATUSES.includes(status))
      throw new Error(`unknown status ${status} (known: ${KNOWN_STATUSES.join(", ")})`);
    if (status === "payment-approved") {
      this.move(record, "payment-approved", { authorizedDate: this.clock.iso() });
      this.move(record, "window-to-cancel");
    } else if (status === "canceled") {
      this.move(record, "cancellation-requested");
      this.move(record, "canceled", {
        allowCancellation: false,
        cancelReason: "Cancelado pelo cliente",
        cancellationData: {
          RequestedByUser: true,
          RequestedBySystem: false,
          RequestedBySellerNotification: false,
          RequestedByPaymentNotification: false,
          Reason: "Cancelado pelo cliente",
          CancellationDate: this.clock.iso(),
        },
      });
    } else {
      this.move(record, status);
    }
    return record.order;
  }

  /** Runs what the clock makes due: window-to-cancel → ready-for-handling after 30 minutes. */
  tick(): void {
    const now = this.clock.now();
    for (const record of this.records.values()) {
      if (
        record.order.status === "window-to-cancel" &&
        record.windowEndsAt !== undefined &&
        record.windowEndsAt <= now
      ) {
        this.move(record, "ready-for-handling");
      }
    }
  }

  private reindex(record: OrderRecord): void {
    const lag = this.lagMs();
    const summary = summarize(copy(record.order));
    if (lag <= 0) {
      record.listed = summary;
      record.pending = null;
    } else {
      record.pending = { summary, at: this.clock.now() + lag };
    }
  }
}
