// The order store: the seeded and placed orders, their changes as WooCommerce makes them (status
// transitions with their dates and notes, meta merged by id or key, trash and restore), and the
// events that feed the webhooks (order.created, order.updated, order.deleted, order.restored).
import type { Clock } from "./clock.ts";
import { ApiError, invalidParam, wcError } from "./http.ts";
import type { MetaEntry, NoteRecord, OrderRecord } from "./record.ts";
import type { OrderFactory } from "./seed.ts";
import type { Json } from "./types.ts";

export type OrderEvent = "created" | "updated" | "deleted" | "restored";

/** Core statuses without "wc-" (_orders.md "Order properties"), and checkout-draft (block checkout). */
export const CORE_STATUSES = [
  "pending",
  "processing",
  "on-hold",
  "completed",
  "cancelled",
  "refunded",
  "failed",
  "checkout-draft",
] as const;

/** pt-BR labels of a translated store, used in the status-change notes WooCommerce writes. */
const LABELS: Record<string, string> = {
  pending: "Pagamento pendente",
  processing: "Processando",
  "on-hold": "Aguardando",
  completed: "Concluído",
  cancelled: "Cancelado",
  refunded: "Reembolsado",
  failed: "Malsucedido",
  "checkout-draft": "Rascunho",
};

export const orderNotFound = () => wcError(404, "woocommerce_rest_shop_order_invalid_id", "Invalid ID.");

export class OrderStore {
  private readonly records = new Map<number, OrderRecord>();

  constructor(
    private readonly factory: OrderFactory,
    private readonly clock: Clock,
    private readonly settings: () => { customStatuses: string[]; modifiedSkewMs: number },
    private readonly emit: (event: OrderEvent, record: OrderRecord) => void,
  ) {}

  load(records: OrderRecord[]): void {
    for (const r of records) this.records.set(r.id, r);
  }

  statuses(): string[] {
    return [...CORE_STATUSES, ...this.settings().customStatuses];
  }

  get(id: number): OrderRecord | undefined {
    return this.records.get(id);
  }

  /** A live order or a trashed one; 404 otherwise. */
  require(id: number): OrderRecord {
    const record = this.records.get(id);
    if (!record) throw orderNotFound();
    return record;
  }

  all(): OrderRecord[] {
    return [...this.records.values()];
  }

  private now(): number {
    return Math.floor(this.clock.now() / 1000) * 1000;
  }

  /** Marks a change: date_modified moves to now (plus the skew switch, which can move it back). */
  touch(record: OrderRecord): void {
    record.modified = this.now() + this.settings().modifiedSkewMs;
  }

  /** A shopper places an order (pending unless the overrides say otherwise). */
  place(overrides: Json = {}, createdVia = "checkout"): OrderRecord {
    const status = typeof overrides.status === "string" ? overrides.status : "pending";
    this.checkStatus(status);
    const record = this.factory.make(this.now(), "pending", createdVia);
    this.records.set(record.id, record);
    const { status: _status, ...rest } = overrides;
    this.apply(record, rest, "system", false);
    if (status !== "pending") this.moveStatus(record, status, "system");
    record.modified = this.now();
    this.emit("created", record);
    return record;
  }

  checkStatus(status: unknown): asserts status is string {
    const allowed = this.statuses();
    if (typeof status !== "string" || !allowed.includes(status))
      throw invalidParam("status", `status is not one of ${allowed.join(", ")}.`);
  }

  /** A status transition with the dates and the note WooCommerce writes (WC_Order::status_transition). */
  moveStatus(record: OrderRecord, status: string, author: string): void {
    const from = record.status;
    if (from === status) return;
    record.status = status;
    const now = this.now();
    // WC_Order::maybe_set_date_paid / maybe_set_date_completed: set once, never cleared.
    if ((status === "processing" || status === "completed") && record.paid === null) record.paid = now;
    if (status === "completed") record.completed = now;
    const label = (s: string) => LABELS[s] ?? s;
    this.addNote(record, `Status do pedido alterado de ${label(from)} para ${label(status)}.`, false, author);
  }

  addNote(record: OrderRecord, note: string, customerNote: boolean, author: string): NoteRecord {
    const entry = {
      id: this.factory.ids.note(),
      author,
      created: this.now(),
      note,
      customer_note: customerNote,
    };
    record.notes.push(entry);
    return entry;
  }

  /**
   * The writable fields of a REST update or a wp-admin edit. meta_data entries are merged as
   * WC_Data::update_meta_data does: by id when given, else the first entry with that key gets the
   * value and other entries with the key are removed; a null value removes the entry.
   */
  apply(record: OrderRecord, body: Json, author: string, emit = true): void {
    if (body.status !== undefined) this.checkStatus(body.status);
    for (const key of [
      "customer_note",
      "transaction_id",
      "payment_method",
      "payment_method_title",
    ] as const) {
      if (body[key] !== undefined && typeof body[key] !== "string")
        throw invalidParam(key, `${key} is not of type string.`);
    }
    if (body.meta_data !== undefined && !Array.isArray(body.meta_data))
      throw invalidParam("meta_data", "meta_data is not of type array.");
    if (typeof body.customer_note === "string") record.customerNote = body.customer_note;
    if (typeof body.transaction_id === "string") record.transactionId = body.transaction_id;
    if (typeof body.payment_method === "string") record.paymentMethod = body.payment_method;
    if (typeof body.payment_method_title === "string") record.paymentMethodTitle = body.payment_method_title;
    for (const part of ["billing", "shipping"] as const) {
      const patch = body[part];
      if (patch && typeof patch === "object") {
        for (const [k, v] of Object.entries(patch as Json)) {
          if (k in record[part] && typeof v === "string") (record[part] as unknown as Json)[k] = v;
        }
      }
    }
    for (const item of (body.meta_data as Json[] | undefined) ?? []) this.mergeMeta(record.meta, item);
    // set_paid (write-only): processing and a payment date (_orders.md "set_paid").
    if (body.set_paid === true) {
      if (record.paid === null) record.paid = this.now();
      if (body.status === undefined) this.moveStatus(record, "processing", author);
    }
    if (typeof body.status === "string") this.moveStatus(record, body.status, author);
    this.touch(record);
    if (emit) this.emit("updated", record);
  }

  private mergeMeta(meta: MetaEntry[], item: Json): void {
    if (typeof item !== "object" || item === null || typeof item.key !== "string") return;
    const value = item.value === undefined ? null : item.value;
    let target: MetaEntry | undefined;
    if (item.id !== undefined && item.id !== null && item.id !== 0) {
      target = meta.find((m) => m.id === Number(item.id));
    } else {
      const matches = meta.filter((m) => m.key === item.key);
      target = matches[0];
      for (const extra of matches.slice(1)) meta.splice(meta.indexOf(extra), 1);
    }
    if (target) {
      target.key = item.key;
      target.value = value;
      if (value === null) meta.splice(meta.indexOf(target), 1);
    } else if (value !== null) {
      meta.push({ id: this.factory.ids.metaEntry(), key: item.key, value });
    }
  }

  /** DELETE without force: to the trash (order.deleted with {id}); 410 when already there. */
  trash(record: OrderRecord): void {
    if (record.status === "trash")
      throw wcError(410, "woocommerce_rest_already_trashed", "The order has already been deleted.");
    record.meta.push({
      id: this.factory.ids.metaEntry(),
      key: "_wp_trash_meta_status",
      value: `wc-${record.status}`,
    });
    record.status = "trash";
    this.touch(record);
    this.emit("deleted", record);
  }

  /** Out of the trash (wp-admin's Restore): order.restored. */
  restore(record: OrderRecord): void {
    if (record.status !== "trash") throw new ApiError(400, { error: "the order is not in the trash" });
    const saved = record.meta.find((m) => m.key === "_wp_trash_meta_status");
    record.status = String(saved?.value ?? "wc-pending").replace(/^wc-/, "");
    record.meta = record.meta.filter((m) => m.key !== "_wp_trash_meta_status");
    this.touch(record);
    this.emit("restored", record);
  }

  /** DELETE with force=true: gone for good. No webhook: order.deleted hooks only the trash actions. */
  remove(record: OrderRecord): void {
    this.records.delete(record.id);
  }
}
