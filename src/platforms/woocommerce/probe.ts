// Testar conexão on WooCommerce. There is no cheap "who am I" for a key (GET /system_status is
// heavy and needs the manage_woocommerce capability; the /wp-json/wc/v3 index needs no key), so:
// - storeInfo: GET /orders?per_page=1 proves the key is accepted and reads orders. The store's
//   name is its site address.
// - permissions: the same read, then an empty batch (POST /orders/batch {} — _orders.md "Batch
//   update orders") proves the key may write without changing anything: a read-only key gets 401
//   "does not have write permissions" (core check_permissions), which Ponte needs to know before
//   a push fails. A refused key (any other 401) still throws.
// - sampleOrder: the first order of the same list, and X-WP-Total.
import type { ConnectionProbe, KeyPermissions, SampleOrder } from "../connector.ts";
import { refused, type WooClient, WooKeyPermissionError } from "./client.ts";
import { orderIdOf } from "./map-order.ts";
import { isObject, text } from "./read-json.ts";

export function wooProbe(client: WooClient, siteUrl: string): ConnectionProbe {
  const firstOrder = async () => {
    const res = await client.request("GET", client.url("/orders", { per_page: 1 }));
    if (res.status >= 400) throw refused("listing orders", res);
    const first = Array.isArray(res.body) ? res.body[0] : undefined;
    const total = Number(res.headers.get("x-wp-total") ?? Number.NaN);
    return { order: isObject(first) ? first : null, total: Number.isFinite(total) ? total : null };
  };
  return {
    async storeInfo() {
      await firstOrder();
      return { name: siteUrl.replace(/^https?:\/\//, "") };
    },

    async permissions(): Promise<KeyPermissions> {
      const allowed = async (call: () => Promise<void>, permission: "read" | "write") => {
        try {
          await call();
          return true;
        } catch (error) {
          if (error instanceof WooKeyPermissionError && error.missing === permission) return false;
          throw error;
        }
      };
      const read = await allowed(async () => void (await firstOrder()), "read");
      const write = await allowed(async () => {
        const res = await client.request("POST", client.url("/orders/batch"), { body: {} });
        if (res.status >= 400) throw refused("checking the key's write permission", res);
      }, "write");
      return { read, write };
    },

    async sampleOrder(): Promise<SampleOrder | null> {
      const { order, total } = await firstOrder();
      const id = orderIdOf(order);
      if (order === null || id === null) return null;
      return {
        externalId: id,
        number: text(order.number),
        total,
        // The REST order always carries billing (a guest's too): nothing is left out by scope.
        customerIncluded: isObject(order.billing),
      };
    },
  };
}
