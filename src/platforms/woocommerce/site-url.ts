// A WooCommerce store is a WordPress site: its id in Ponte is the site's address (home_url), and
// its REST API lives under it at /wp-json/wc/v3 (REST docs, _introduction.md "Requirements" and
// the base URL of every example). The site's own host is the only host that ever receives the
// store's keys (api-base.ts, client.ts).

/**
 * The store id as Ponte keeps it: https, a lower-case host, an optional port and path, no query,
 * no trailing slash (WordPress sites may live in a folder: https://exemplo.com.br/loja). The
 * port has no hook to normalize what the merchant typed, so the pattern asks for this form. [U]
 */
export const SITE_URL_PATTERN =
  "^https://[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?(/[^\\s?#]*[^\\s?#/])?$";

/** What the REST API path adds to the site's address. */
export const API_PATH = "/wp-json/wc/v3";

/** The defaultApiBaseUrl the module declares: every store has its own (apiBaseUrlFor). */
export const WOO_API_BASE_URL_TEMPLATE = `{siteUrl}${API_PATH}`;

/**
 * A site address in the stored form: origin (lower-case scheme and host, default port dropped)
 * plus the path without trailing slashes. Null when it is not an http(s) URL. http is kept here
 * (a delivery's X-WC-Webhook-Source may name a loopback test site); the store id field itself
 * asks for https.
 */
export function normalizeSiteUrl(value: string): string | null {
  const text = value.trim();
  if (!URL.canParse(text)) return null;
  const url = new URL(text);
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (url.username || url.password) return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/** `${siteUrl}/wp-json/wc/v3` for a valid https site address; throws otherwise. */
export function wooApiBaseUrlFor(siteUrl: string): string {
  const normalized = normalizeSiteUrl(siteUrl);
  if (normalized === null || !new RegExp(SITE_URL_PATTERN).test(normalized) || normalized !== siteUrl.trim())
    throw new Error(`"${siteUrl}" is not a WooCommerce site address (https://…, without a trailing slash)`);
  return `${normalized}${API_PATH}`;
}
