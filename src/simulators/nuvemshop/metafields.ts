// Metafields (§1.6 NF-e): string values attached to an order, read back by owner/namespace/key.
import { formatTime } from "./format.ts";
import { FieldErrors, notFound, positiveInt } from "./http.ts";
import type { Json } from "./types.ts";

const OWNERS = ["Order", "Product", "Category", "Page", "Customer", "Variant"];

export class Metafields {
  private readonly list: Json[] = [];
  private nextId = 3_000_001;

  /** `orderExists` checks owner_id for Order metafields. */
  constructor(private readonly orderExists: (id: number) => boolean) {}

  all(): Json[] {
    return this.list;
  }

  create(body: Json): Json {
    const errors = new FieldErrors();
    for (const field of ["namespace", "key"]) {
      const value = body[field];
      if (typeof value !== "string" || value.trim() === "") errors.add(field, "can't be blank");
      else if (value.length > 255) errors.add(field, "is too long (maximum is 255 characters)");
    }
    if (typeof body.value !== "string") errors.add("value", "must be a string");
    if (body.description !== undefined && body.description !== null && typeof body.description !== "string") {
      errors.add("description", "must be a string");
    }
    if (!OWNERS.includes(String(body.owner_resource))) errors.add("owner_resource", "is invalid");
    const ownerId =
      typeof body.owner_id === "number" ? body.owner_id : positiveInt(String(body.owner_id ?? ""));
    if (ownerId === undefined || !Number.isSafeInteger(ownerId)) errors.add("owner_id", "must be an integer");
    else if (body.owner_resource === "Order" && !this.orderExists(ownerId))
      errors.add("owner_id", "not found");
    errors.check();
    const taken = this.list.some(
      (m) =>
        m.owner_resource === body.owner_resource &&
        m.owner_id === ownerId &&
        m.namespace === body.namespace &&
        m.key === body.key,
    );
    if (taken) {
      errors.add("key", "has already been taken");
      errors.check();
    }
    const now = formatTime(Date.now());
    const metafield: Json = {
      id: this.nextId++,
      key: body.key,
      value: body.value,
      namespace: body.namespace,
      description: body.description ?? null,
      owner_id: ownerId,
      owner_resource: body.owner_resource,
      created_at: now,
      updated_at: now,
    };
    this.list.push(metafield);
    return metafield;
  }

  /** GET /metafields/{resource}?owner_id=&namespace=&key= */
  query(resource: string, query: URLSearchParams): Json[] {
    const owner = query.get("owner_id");
    const namespace = query.get("namespace");
    const key = query.get("key");
    return this.list.filter(
      (m) =>
        m.owner_resource === resource &&
        (!owner || String(m.owner_id) === owner) &&
        (!namespace || m.namespace === namespace) &&
        (!key || m.key === key),
    );
  }

  find(idText: string): Json {
    const metafield = this.list.find((m) => m.id === positiveInt(idText));
    if (!metafield) throw notFound("Metafield not found");
    return metafield;
  }

  update(idText: string, body: Json): Json {
    const metafield = this.find(idText);
    const errors = new FieldErrors();
    if ("value" in body && typeof body.value !== "string") errors.add("value", "must be a string");
    if ("description" in body && body.description !== null && typeof body.description !== "string") {
      errors.add("description", "must be a string");
    }
    errors.check();
    if ("value" in body) metafield.value = body.value;
    if ("description" in body) metafield.description = body.description;
    metafield.updated_at = formatTime(Date.now());
    return metafield;
  }

  remove(idText: string): void {
    const metafield = this.find(idText);
    this.list.splice(this.list.indexOf(metafield), 1);
  }
}
