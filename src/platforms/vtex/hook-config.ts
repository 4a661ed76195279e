// The order hook (platforms README §4.5; Orders API OpenAPI, "Get/Create or update/Delete hook
// configuration"): one hook config per app key, {filter{type FromWorkflow, status[]},
// hook{url, headers}}. Ours carries Ponte's secret header (webhook.ts). VTEX removes a hook that
// sent nothing for 3 days, so registration runs again and re-creates it. The GET's answer is
// not documented (an empty 200 schema): read as the POST body's shape. [U]
import type { Logger } from "../../logger.ts";
import type { WebhookSubscriptions, WebhookSyncSummary } from "../connector.ts";
import { refused, type VtexClient } from "./client.ts";
import { WORKFLOW_FILTER_STATUSES } from "./defaults.ts";
import { HOOK_SECRET_HEADER } from "./webhook.ts";

type Json = Record<string, unknown>;

/** One subscription covering every order status Ponte reads. */
export const HOOK_EVENTS: readonly string[] = ["order-status"];

const HOOK_PATH = "/api/orders/hook/config";

function pathOf(url: unknown): string | null {
  if (typeof url !== "string" || !URL.canParse(url)) return null;
  return new URL(url).pathname.replace(/\/+$/, "");
}

interface Current {
  url: unknown;
  headers: Json;
  statuses: string[];
  type: unknown;
}

function readCurrent(body: unknown): Current | null {
  if (typeof body !== "object" || body === null) return null;
  const b = body as Json;
  const hook = (typeof b.hook === "object" && b.hook !== null ? b.hook : {}) as Json;
  const filter = (typeof b.filter === "object" && b.filter !== null ? b.filter : {}) as Json;
  if (hook.url === undefined) return null;
  const headers = (typeof hook.headers === "object" && hook.headers !== null ? hook.headers : {}) as Json;
  const statuses = Array.isArray(filter.status) ? filter.status.map(String) : [];
  return { url: hook.url, headers, statuses, type: filter.type };
}

/** Header names compared case-insensitively. */
const headerValue = (headers: Json, name: string): unknown =>
  Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];

export function vtexHookSubscriptions(
  client: VtexClient,
  secret: string | undefined,
  logger: Logger,
): WebhookSubscriptions {
  async function current(): Promise<Current | null> {
    const res = await client.request("GET", client.url(HOOK_PATH));
    if (res.status === 404) return null;
    if (res.status >= 400) throw refused("reading the hook config", res);
    return readCurrent(res.body);
  }

  return {
    events: HOOK_EVENTS,

    async register(url: string): Promise<WebhookSyncSummary> {
      if (!secret)
        throw new Error(
          "no VTEX hook secret (PONTE_VTEX_HOOK_SECRET or PONTE_SECRET_KEY): the hook cannot be registered",
        );
      const found = await current();
      const right =
        found !== null &&
        found.url === url &&
        found.type === "FromWorkflow" &&
        headerValue(found.headers, HOOK_SECRET_HEADER) === secret &&
        WORKFLOW_FILTER_STATUSES.every((s) => found.statuses.includes(s));
      if (right) return { created: 0, updated: 0, deleted: 0, kept: 1 };
      if (found !== null && pathOf(found.url) !== pathOf(url)) {
        // One hook per app key: Ponte's key needs it, so another address's hook is replaced.
        logger.warn({ previous: found.url }, "VTEX hook config pointed elsewhere: replaced with Ponte's");
      }
      const res = await client.request("POST", client.url(HOOK_PATH), {
        body: {
          filter: { type: "FromWorkflow", status: [...WORKFLOW_FILTER_STATUSES] },
          hook: { url, headers: { [HOOK_SECRET_HEADER]: secret } },
        },
      });
      if (res.status >= 400) throw refused("saving the hook config", res);
      return found === null
        ? { created: 1, updated: 0, deleted: 0, kept: 0 }
        : { created: 0, updated: 1, deleted: 0, kept: 0 };
    },

    async unregister(path: string): Promise<WebhookSyncSummary> {
      const found = await current();
      if (found === null || pathOf(found.url) !== path.replace(/\/+$/, ""))
        return { created: 0, updated: 0, deleted: 0, kept: 0 };
      const res = await client.request("DELETE", client.url(HOOK_PATH));
      if (res.status >= 400 && res.status !== 404) throw refused("deleting the hook config", res);
      return { created: 0, updated: 0, deleted: 1, kept: 0 };
    },
  };
}
