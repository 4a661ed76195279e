// The `filter` of a feed or hook configuration (Feed v3 guide, "filter"): FromWorkflow takes
// `status[]` and lets in status moves to those statuses; FromOrders takes a JSONata `expression`
// over the order document, evaluated on every change, and lets an order in only once unless
// `disableSingleFire` is true. Mixing the two shapes answers 409; with no filter at all the feed
// takes every status move ("If the filter is not configured, the FromWorkflow type is used").
import jsonata from "jsonata";
import { badRequest, isObject, omsError } from "./http.ts";
import type { StatusChange } from "./orders.ts";
import type { Json, VtexOrder } from "./types.ts";

export type Filter =
  | { type: "FromWorkflow"; status: string[] | null }
  | { type: "FromOrders"; expression: string; disableSingleFire: boolean };

export function parseFilter(raw: unknown): Filter {
  if (raw === undefined || raw === null) return { type: "FromWorkflow", status: null };
  if (!isObject(raw)) throw badRequest("filter must be an object");
  const hasWorkflowFields = raw.status !== undefined;
  const hasOrdersFields = raw.expression !== undefined || raw.disableSingleFire !== undefined;
  if (raw.type === "FromWorkflow") {
    if (hasOrdersFields)
      throw omsError(409, "1", "FromWorkflow filters take status only, not expression or disableSingleFire");
    if (
      raw.status !== undefined &&
      !(Array.isArray(raw.status) && raw.status.every((s) => typeof s === "string"))
    )
      throw badRequest("filter.status must be an array of statuses");
    return { type: "FromWorkflow", status: (raw.status as string[] | undefined) ?? null };
  }
  if (raw.type === "FromOrders") {
    if (hasWorkflowFields) throw omsError(409, "1", "FromOrders filters take expression, not status");
    if (typeof raw.expression !== "string" || raw.expression.trim() === "")
      throw badRequest("filter.expression must be a JSONata expression");
    try {
      jsonata(raw.expression);
    } catch (e) {
      throw badRequest(`filter.expression is not valid JSONata: ${(e as Error).message}`);
    }
    if (raw.disableSingleFire !== undefined && typeof raw.disableSingleFire !== "boolean")
      throw badRequest("filter.disableSingleFire must be true or false");
    return {
      type: "FromOrders",
      expression: raw.expression,
      disableSingleFire: raw.disableSingleFire === true,
    };
  }
  // [U] An unknown or missing type answers 400.
  throw badRequest("filter.type must be FromWorkflow or FromOrders");
}

export function filterJson(filter: Filter): Json {
  if (filter.type === "FromWorkflow")
    return filter.status ? { type: filter.type, status: filter.status } : { type: filter.type };
  return { type: filter.type, expression: filter.expression, disableSingleFire: filter.disableSingleFire };
}

/** Applies one consumer's filter to the order's changes; `accept` is called for each change let in. */
export class FilterGate {
  private readonly fired = new Set<string>();
  private readonly compiled: ReturnType<typeof jsonata> | null;

  constructor(
    readonly filter: Filter,
    private readonly accept: (change: StatusChange) => void,
  ) {
    this.compiled = filter.type === "FromOrders" ? jsonata(filter.expression) : null;
  }

  status(change: StatusChange): void {
    if (this.filter.type !== "FromWorkflow") return;
    if (this.filter.status === null || this.filter.status.includes(change.state)) this.accept(change);
  }

  changed(change: StatusChange, order: VtexOrder): void {
    if (this.filter.type !== "FromOrders" || !this.compiled) return;
    const singleFire = !this.filter.disableSingleFire;
    if (singleFire && this.fired.has(order.orderId)) return;
    const snapshot = structuredClone(order);
    this.compiled
      .evaluate(snapshot)
      .then((result: unknown) => {
        if (result !== true) return;
        if (singleFire) {
          if (this.fired.has(order.orderId)) return;
          this.fired.add(order.orderId);
        }
        this.accept(change);
      })
      .catch(() => undefined); // an expression that fails on this order lets nothing in
  }
}
