// Ponte's webhook subscriptions on a Nuvemshop store (§1.7: GET/POST/PUT/DELETE /webhooks). A
// run lists every page first, then keeps what is right, moves ours that point at another origin
// (an old public address) with PUT, creates what is missing and deletes ours that are extra, so a
// second run changes nothing. "Ours" = the URL's path is Ponte's webhook path; another app's hooks
// are never touched. Nuvemshop refuses a second hook for one event and URL with a 422: when a
// POST gets one, the hook exists (someone raced us), which is what we wanted.
import type { WebhookSubscriptions, WebhookSyncSummary } from "../connector.ts";
import { type ApiResponse, type NuvemshopClient, nextLink, PlatformRequestError } from "./client.ts";
import { APP_EVENTS, ORDER_EVENTS, PRIVACY_EVENTS } from "./webhook.ts";

/** Every order event the webhook parser handles, the app's lifecycle, and the mandatory LGPD events. */
export const SUBSCRIBED_EVENTS: readonly string[] = [...ORDER_EVENTS, ...APP_EVENTS, ...PRIVACY_EVENTS];

const PER_PAGE = 200;
/** A bound on the listing (a store has a few dozen hooks, not 10,000). */
const MAX_PAGES = 50;

interface Hook {
  id: string;
  event: string;
  url: string;
}

const refused = (what: string, res: ApiResponse) =>
  new PlatformRequestError(`${what} answered ${res.status}`, res.status, res.body, res.status >= 500);

/** The URL's path without a trailing slash; null when it is not a URL. */
function pathOf(url: string): string | null {
  try {
    return new URL(url).pathname.replace(/\/+$/, "");
  } catch {
    return null;
  }
}

export function nuvemshopWebhookSubscriptions(client: NuvemshopClient): WebhookSubscriptions {
  async function list(filter: Record<string, string> = {}): Promise<Hook[]> {
    const hooks: Hook[] = [];
    let url: string | null = client.url("/webhooks", { ...filter, per_page: PER_PAGE, page: 1 });
    for (let page = 1; url && page <= MAX_PAGES; page++) {
      const res = await client.request("GET", url);
      if (res.status === 404) break; // past the last page (page 1 itself when there are none)
      if (res.status >= 400) throw refused("listing webhooks", res);
      const items = Array.isArray(res.body) ? (res.body as Record<string, unknown>[]) : [];
      for (const h of items) hooks.push({ id: String(h.id), event: String(h.event), url: String(h.url) });
      const next = nextLink(res.headers.get("link"));
      url =
        items.length === 0
          ? null
          : (next ??
            (items.length === PER_PAGE
              ? client.url("/webhooks", { ...filter, per_page: PER_PAGE, page: page + 1 })
              : null));
    }
    return hooks;
  }

  const exists = async (event: string, url: string) =>
    (await list({ event, url })).some((h) => h.event === event && h.url === url);

  async function remove(hook: Hook): Promise<void> {
    const res = await client.request("DELETE", client.url(`/webhooks/${encodeURIComponent(hook.id)}`));
    if (res.status >= 400 && res.status !== 404) throw refused(`deleting webhook ${hook.id}`, res);
  }

  return {
    events: SUBSCRIBED_EVENTS,

    async register(target: string): Promise<WebhookSyncSummary> {
      const path = pathOf(target);
      const ours = (await list()).filter((h) => pathOf(h.url) === path);
      const summary: WebhookSyncSummary = { created: 0, updated: 0, deleted: 0, kept: 0 };
      const used = new Set<Hook>();
      const moves: Hook[] = [];
      const missing: string[] = [];
      for (const event of SUBSCRIBED_EVENTS) {
        const mine = ours.filter((h) => h.event === event);
        const right = mine.find((h) => h.url === target) ?? mine[0];
        if (!right) missing.push(event);
        else {
          used.add(right);
          if (right.url === target) summary.kept++;
          else moves.push(right);
        }
      }
      for (const hook of moves) {
        const res = await client.request("PUT", client.url(`/webhooks/${encodeURIComponent(hook.id)}`), {
          url: target,
        });
        if (res.status === 422 && (await exists(hook.event, target))) {
          await remove(hook); // the right one appeared meanwhile: this one is now extra
          summary.deleted++;
        } else if (res.status >= 400) throw refused(`moving webhook ${hook.id}`, res);
        else summary.updated++;
      }
      for (const event of missing) {
        const res = await client.request("POST", client.url("/webhooks"), { event, url: target });
        if (res.status === 422 && (await exists(event, target))) summary.kept++;
        else if (res.status >= 400) throw refused(`registering ${event}`, res);
        else summary.created++;
      }
      // Last, so the store is never without a hook while the list is being fixed.
      for (const hook of ours) {
        if (used.has(hook)) continue;
        await remove(hook);
        summary.deleted++;
      }
      return summary;
    },

    async unregister(path: string): Promise<WebhookSyncSummary> {
      const wanted = path.replace(/\/+$/, "");
      const ours = (await list()).filter((h) => pathOf(h.url) === wanted);
      for (const hook of ours) await remove(hook);
      return { created: 0, updated: 0, deleted: ours.length, kept: 0 };
    },
  };
}
