// Order notes (_order-notes.md): GET|POST /orders/{id}/notes, GET|DELETE /orders/{id}/notes/{note}.
// A note has id, author ("system" unless added_by_user — the sample's "author": "system"),
// date_created(_gmt), note, customer_note (true: the buyer sees it and is e-mailed). `note` is
// required (WordPress: 400 rest_missing_callback_param). Adding a note does not change the order's
// date_modified and fires no webhook. [U] An unknown order answers 404
// woocommerce_rest_order_invalid_id "Invalid order ID.".
import { gmt, siteTime } from "./format.ts";
import { ok, type Reply, wcError } from "./http.ts";
import type { OrderStore } from "./orders.ts";
import type { NoteRecord, OrderRecord } from "./record.ts";
import type { Json } from "./types.ts";

function orderOf(store: OrderStore, id: number): OrderRecord {
  const record = store.get(id);
  if (!record) throw wcError(404, "woocommerce_rest_order_invalid_id", "Invalid order ID.");
  return record;
}

export function renderNote(note: NoteRecord, orderId: number, origin: string, offset: number): Json {
  return {
    id: note.id,
    author: note.author,
    date_created: siteTime(note.created, offset),
    date_created_gmt: gmt(note.created),
    note: note.note,
    customer_note: note.customer_note,
    _links: {
      self: [{ href: `${origin}/wp-json/wc/v3/orders/${orderId}/notes/${note.id}` }],
      collection: [{ href: `${origin}/wp-json/wc/v3/orders/${orderId}/notes` }],
      up: [{ href: `${origin}/wp-json/wc/v3/orders/${orderId}` }],
    },
  };
}

export function notesRoute(
  store: OrderStore,
  method: string,
  orderId: number,
  noteId: number | undefined,
  body: Json,
  query: URLSearchParams,
  origin: string,
  offset: number,
): Reply {
  const record = orderOf(store, orderId);
  const render = (n: NoteRecord) => renderNote(n, orderId, origin, offset);
  if (noteId === undefined && method === "GET") {
    const type = query.get("type") ?? "any";
    const notes = record.notes
      .filter((n) => type === "any" || (type === "customer" ? n.customer_note : !n.customer_note))
      .sort((a, b) => b.created - a.created || b.id - a.id);
    return ok(notes.map(render));
  }
  if (noteId === undefined && method === "POST") {
    if (typeof body.note !== "string" || body.note === "")
      throw wcError(400, "rest_missing_callback_param", "Missing parameter(s): note", { params: ["note"] });
    const author = body.added_by_user === true ? "Loja Simulada" : "system";
    return ok(render(store.addNote(record, body.note, body.customer_note === true, author)), 201);
  }
  const note = record.notes.find((n) => n.id === noteId);
  if (!note) throw wcError(404, "woocommerce_rest_invalid_id", "Invalid resource ID.");
  if (method === "GET") return ok(render(note));
  if (method === "DELETE") {
    // [U] Notes cannot be trashed: without force=true core answers 501.
    if (query.get("force") !== "true")
      throw wcError(501, "woocommerce_rest_trash_not_supported", "Resource does not support trashing.");
    record.notes = record.notes.filter((n) => n !== note);
    return ok(render(note));
  }
  throw wcError(404, "rest_no_route", "No route was found matching the URL and request method.");
}
