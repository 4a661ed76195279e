// Testar conexão on Nuvemshop: GET /store proves the token, one order from GET /orders proves
// orders can be read (and whether the read_customers scope lets the buyer through). The client
// given here fails fast. (Webhooks are registered, not just read: webhook-subscriptions.ts.)
import type { ConnectionProbe, SampleOrder } from "../connector.ts";
import { type NuvemshopClient, PlatformRequestError } from "./client.ts";

type Json = Record<string, unknown>;

const refused = (what: string, status: number, body: unknown) =>
  new PlatformRequestError(`${what} answered ${status}`, status, body, status >= 500);

/** A localized Nuvemshop name ({pt: "…"}) or a plain string. */
function nameOf(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") {
    const names = value as Record<string, unknown>;
    const first = names.pt ?? names.es ?? Object.values(names)[0];
    return typeof first === "string" ? first : null;
  }
  return null;
}

export function nuvemshopProbe(client: NuvemshopClient): ConnectionProbe {
  return {
    async storeInfo() {
      const res = await client.request("GET", client.url("/store"));
      if (res.status >= 400) throw refused("reading the store", res.status, res.body);
      return { name: nameOf((res.body as Json | null)?.name) };
    },

    async sampleOrder(): Promise<SampleOrder | null> {
      const res = await client.request("GET", client.url("/orders", { per_page: 1 }));
      // An empty store: Nuvemshop answers [] or 404 past the last page, and page 1 is past it.
      if (res.status === 404) return null;
      if (res.status >= 400) throw refused("listing orders", res.status, res.body);
      const order = Array.isArray(res.body) ? (res.body[0] as Json | undefined) : undefined;
      if (!order) return null;
      const total = Number(res.headers.get("x-total-count") ?? Number.NaN);
      return {
        externalId: String(order.id),
        number: order.number === undefined || order.number === null ? null : String(order.number),
        total: Number.isFinite(total) ? total : null,
        customerIncluded: order.customer !== undefined && order.customer !== null,
      };
    },
  };
}
