// The key handover (REST docs, _authentication.md "Auto generating API keys using our Application
// Authentication Endpoint"; core class-wc-auth.php): the merchant names the site, is sent to its
// /wc-auth/v1/authorize, approves there, and WooCommerce POSTs the new key pair as JSON to
// callback_url (it must answer exactly 200, else the key is deleted) before it redirects the
// browser to return_url with success=1|0&user_id=… . user_id is any string of the app's: Ponte
// sends the install's state there, so the delivery says which install it is for.
import { InstallRefusedError, type InstallStoreAddress, type PlatformInstall } from "../module.ts";
import type { WooApp } from "./app.ts";
import { API_PATH, wooApiBaseUrlFor } from "./site-url.ts";

/** The key description WooCommerce shows the merchant: "{app_name} - API ({date})". */
const APP_NAME = "Ponte";

/** The site the handover runs on: the API base (the store's, or another one the server allows) without /wp-json/wc/v3. */
function siteOf(store: InstallStoreAddress): string {
  const apiBase = store.apiBaseUrl ?? wooApiBaseUrlFor(store.externalId);
  return apiBase.endsWith(API_PATH) ? apiBase.slice(0, -API_PATH.length) : new URL(apiBase).origin;
}

interface KeyDelivery {
  user_id?: unknown;
  consumer_key?: unknown;
  consumer_secret?: unknown;
  key_permissions?: unknown;
}

const text = (value: unknown, pattern: RegExp): string | null =>
  typeof value === "string" && pattern.test(value) ? value : null;

export const wooInstall: PlatformInstall<WooApp> = {
  // Nothing of an app to register: the way back needs Ponte's https address (context.ts checks it).
  available: () => true,
  settings: ["PONTE_PUBLIC_URL"],
  startsFromStore: true,
  authorizeUrl(_app, state, start) {
    if (!start.store) throw new Error("the WooCommerce key handover starts from the store's site");
    const returnUrl = new URL(start.returnUrl);
    returnUrl.searchParams.set("state", state);
    const query = new URLSearchParams({
      app_name: APP_NAME,
      scope: "read_write",
      user_id: state,
      return_url: returnUrl.toString(),
      callback_url: start.deliveryUrl,
    });
    return `${siteOf(start.store)}/wc-auth/v1/authorize?${query}`;
  },
  readDelivery(body) {
    if (typeof body !== "object" || body === null) return null;
    const delivery = body as KeyDelivery;
    const state = text(delivery.user_id, /^[A-Za-z0-9_-]{16,200}$/);
    const consumerKey = text(delivery.consumer_key, /^ck_[A-Za-z0-9]{8,120}$/);
    const consumerSecret = text(delivery.consumer_secret, /^cs_[A-Za-z0-9]{8,120}$/);
    // Ponte asks for read_write: a key that cannot write could not push a status back.
    if (!state || !consumerKey || !consumerSecret || delivery.key_permissions !== "read_write") return null;
    return { state, credentials: { consumerKey, consumerSecret } };
  },
  async exchange(_app, { query, store, delivered }) {
    if (query.success === "0")
      throw new InstallRefusedError(
        "the store owner denied Ponte's access on WooCommerce",
        "O acesso do Ponte foi negado na loja WooCommerce: nenhuma chave foi criada. Para conectar, comece de novo e clique em Aprovar.",
      );
    if (!store) throw new InstallRefusedError("the WooCommerce install did not start from a store");
    if (!delivered)
      throw new InstallRefusedError(
        "WooCommerce sent the owner back without delivering the keys",
        "A loja WooCommerce não entregou as chaves ao Ponte. Confira se o site alcança o endereço público do Ponte e comece de novo.",
      );
    const site = new URL(store.externalId);
    return {
      externalId: store.externalId,
      name: `${site.host}${site.pathname === "/" ? "" : site.pathname}`,
      credentials: delivered,
      apiBaseUrl: store.apiBaseUrl,
    };
  },
};
