// A WooCommerce store simulator: a standalone HTTP server on 127.0.0.1 that answers the REST API v3
// (/wp-json/wc/v3) of a WordPress site with WooCommerce and the "Brazilian Market on WooCommerce"
// plugin, so tests and the demo talk to this machine only. It imports nothing from Ponte (a mistake
// in the connector must not be mirrored here). Its loopback origin stands for the store's https site.
//
// Facts followed (sources: woocommerce/woocommerce-rest-api-docs _orders.md, _order-notes.md,
// _webhooks.md, _authentication.md, _introduction.md; core class-wc-webhook.php,
// class-wc-rest-authentication.php, class-wc-auth.php, WC_Data::update_meta_data; WordPress
// WP_Date_Query; the plugin's class-extra-checkout-fields-for-brazil-api.php; shared notes §2, §9):
// - Auth: HTTP Basic consumer_key:consumer_secret, or ?consumer_key=&consumer_secret= (which win when
//   both are present). Unknown key → the route's 401 (woocommerce_rest_cannot_view "Sorry, you cannot
//   list resources." …); wrong secret → 401 woocommerce_rest_authentication_error "Consumer secret is
//   invalid." + WWW-Authenticate; a read key writing → 401 "…does not have write permissions." (auth.ts).
// - Errors {"code","message","data":{"status"}}; bad parameters 400 rest_invalid_param with
//   data.params; unknown order 404 woocommerce_rest_shop_order_invalid_id; no route 404 rest_no_route.
// - GET /orders: per_page 10 by default, 1..100 (above → 400), page, offset, after/before,
//   modified_after/modified_before (strict; site time, or GMT with dates_are_gmt; an explicit offset
//   is converted to site time first, as WP_Date_Query does), status (any = all but trash; a list; custom
//   statuses by slug), order/orderby, search, include/exclude, customer, product; X-WP-Total,
//   X-WP-TotalPages, Link; past the last page [] (listing.ts).
// - Orders: the docs' JSON (render.ts): money as decimal strings, line `price` a number, no order
//   subtotal, dates without offset (site time and _gmt), number a string, customer_id 0 for guests.
//   Plugin REST fields, plugin meta only, or no plugin (`plugin` option).
// - PUT/POST/PATCH /orders/{id}: status (core, checkout-draft and registered custom statuses, by slug
//   without wc-), meta_data merged by id or key (null removes), set_paid, addresses, notes written on
//   status changes; DELETE trashes (410 when already trashed) or, with force=true, deletes.
// - POST /orders/batch: ≤ 100 objects, else 413 woocommerce_rest_request_entity_too_large; per-item errors.
// - Notes: GET|POST /orders/{id}/notes {note, customer_note}; GET|DELETE /orders/{id}/notes/{id}.
// - Webhooks: CRUD at /webhooks; ping "webhook_id=<id>" on creation (needs 200; the webhook is
//   created either way); deliveries of the full order (deleted: {id}) with X-WC-Webhook-* headers, a
//   base64 HMAC-SHA256 signature over the exact bytes (PHP-escaped JSON: "\/" and \uXXXX), 60 s, no
//   redirects, success = 200..302, no retry, disabled on the 7th consecutive failure (failure_count
//   > 5), reset by a success (deliveries.ts). Control-plane changes fire them too.
// - /wc-auth/v1/authorize: the key handover, posting {key_id, user_id, consumer_key, consumer_secret,
//   key_permissions} to callback_url (needs 200, else the key is deleted) and redirecting to
//   return_url?success=1&user_id=… (key-handover.ts).
//
// [U] choices where the docs are silent (each also marked where it is made):
// - Basic auth is taken over plain http (the loopback origin stands for https).
// - Error messages are core's English strings (a pt_BR site translates them); clients match on code.
// - orderby=modified is accepted; title/slug sort like date. Link carries first and last besides
//   prev/next, built from the request's own query (a query-string key pair is repeated in it).
// - `any` lists checkout-draft orders, and they fire webhooks (core skips only draft/auto-draft).
// - An offset overrides the page, and X-WP-TotalPages still counts every match (WP_Query).
// - Search is a loose text match over the id, addresses and item names.
// - POST /orders ignores line_items: the order gets seeded items (the simulator has no catalog API).
// - Without the plugin the house number goes into address_1 ("Rua X, 123") and the neighborhood into
//   address_2; "meta" mode keeps the plugin meta without its REST fields.
// - The site's UTC offset is fixed (−180, São Paulo); dates have second precision.
// - siteDown answers the REST fatal-error JSON (500); suspended answers a 503 HTML page; 502/504
//   are the proxy's HTML; the optional host rate limit answers 429 with Retry-After (core has none).
// - The ping uses WordPress's default 5 s timeout; deliveries' timeout is 60 s (configurable).
// - A PUT back to "active" keeps the webhook's failure counter; webhook DELETE needs force=true
//   (501 otherwise); only order topics deliver.
// - The wc-auth login and approval screens are skipped: GET answers at once, approving or denying as
//   the `authorize` switch says.
// - Notes: an unknown order is 404 woocommerce_rest_order_invalid_id; notes cannot be trashed.
// - `siteUrl` (fixed at start) lets the loopback server stand for a public https site: deliveries
//   name it in X-WC-Webhook-Source, which is how the receiver knows the store.
//
// Control plane (X-Simulator-Key): GET|POST /__control (settings and switches: unauthorized,
// siteDown, suspended, plugin, faultScript, faultRate, badJsonRate, latencyMs, hostRateLimit,
// churnPerList, modifiedSkewMs, webhooks {delayMs, dropAll, dropRate, duplicateRate, signature},
// authorize, hosts…), POST /__control/time {advanceMs}, POST /__control/orders {count?, ...fields},
// POST /__control/orders/{id} {status?, ...fields, trash?, restore?}, GET|DELETE
// /__control/deliveries, GET|POST /__control/keys, DELETE /__control/keys/{id}, GET|DELETE /__log.
import type { AddressInfo } from "node:net";
import { FaultScript } from "../shared/fault-script.ts";
import { Random } from "../shared/random.ts";
import { Keys } from "./auth.ts";
import { Clock } from "./clock.ts";
import { createControl, merchantEdit } from "./control.ts";
import { Deliveries } from "./deliveries.ts";
import { copy } from "./http.ts";
import { authorize } from "./key-handover.ts";
import { checkOptions, FIXED, normalizeHosts, resolveOptions, type Settings } from "./options.ts";
import { OrderStore, orderNotFound } from "./orders.ts";
import type { OrderRecord } from "./record.ts";
import { renderOrder } from "./render.ts";
import { resolveRoute } from "./routes.ts";
import { Ids, OrderFactory } from "./seed.ts";
import { createApiServer, MinuteWindow, RequestLog } from "./server.ts";
import type { Json, ScriptedFault, SimulatorOptions, WooSimulator } from "./types.ts";
import { WebhookRegistry } from "./webhooks.ts";

export { MAX_FAILURES, sign as signWebhookBody } from "./deliveries.ts";
export { DEFAULT_PER_PAGE, MAX_PER_PAGE } from "./listing.ts";
export { phpJson } from "./php-json.ts";
export { MAX_BATCH } from "./routes.ts";
export type {
  ApiKey,
  Delivery,
  KeyPermission,
  PluginMode,
  RequestLogEntry,
  ScriptedFault,
  SimulatorOptions as WooSimulatorOptions,
  WebhookOptions,
  WooSimulator,
} from "./types.ts";

export async function startWooSimulator(options: SimulatorOptions = {}): Promise<WooSimulator> {
  let settings: Settings = resolveOptions(options);
  const clock = new Clock();
  const ids = new Ids();
  const factory = new OrderFactory(settings.seed, ids, () => settings.customStatuses);
  // Run-time randomness (faults, churn, drops) has its own stream, so it never shifts the data.
  const chaos = new Random(settings.seed ^ 0x2545f491);
  let origin = "http://127.0.0.1";
  const render = (record: OrderRecord): Json =>
    renderOrder(record, {
      plugin: settings.plugin,
      personType: settings.personType,
      offsetMinutes: settings.gmtOffsetMinutes,
      wcVersion: settings.wcVersion,
      origin,
    });
  const registry = new WebhookRegistry(clock, () => settings.gmtOffsetMinutes);
  const deliveries = new Deliveries({
    registry,
    clock,
    chaos,
    options: () => settings.webhooks,
    hosts: () => settings.hosts,
    siteUrl: () => settings.siteUrl ?? `${origin}/`,
    userAgent: () => `WooCommerce/${settings.wcVersion} Hookshot (WordPress/${settings.wpVersion})`,
  });
  const store = new OrderStore(
    factory,
    clock,
    () => settings,
    (event, record) =>
      deliveries.emit(`order.${event}`, record.id, () =>
        store.get(record.id) ? render(record) : (orderNotFound().body as Json),
      ),
  );
  store.load(factory.seed(settings.orders, settings.seedTime));
  const keys = new Keys();
  const first = keys.add(settings.permissions, "Ponte (simulador)", {
    key: settings.consumerKey,
    secret: settings.consumerSecret,
  });
  const faults = new FaultScript<ScriptedFault>();
  faults.configure(settings.faultScript);
  const log = new RequestLog();

  let stream: NodeJS.Timeout | undefined;
  const restartStream = () => {
    if (stream) clearInterval(stream);
    stream = undefined;
    if (settings.ratePerMinute > 0) {
      stream = setInterval(() => store.place(), Math.max(10, 60_000 / settings.ratePerMinute));
      stream.unref();
    }
  };
  const advanceTime = (ms: number) => {
    if (!(Number.isFinite(ms) && ms >= 0)) throw new Error("advanceMs must be a number >= 0");
    clock.advance(ms);
  };

  const setOptions = (patch: Partial<SimulatorOptions>) => {
    checkOptions(patch);
    for (const key of FIXED) {
      if (patch[key] !== undefined && patch[key] !== settings[key as keyof Settings])
        throw new Error(`${key} cannot change while the simulator runs`);
    }
    const next: Settings = { ...settings };
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) (next as unknown as Json)[key] = value;
    }
    if ("hosts" in patch) next.hosts = patch.hosts ? normalizeHosts(patch.hosts) : {};
    if ("faultScript" in patch) next.faultScript = patch.faultScript ?? null;
    if ("webhooks" in patch) next.webhooks = patch.webhooks ?? {};
    if ("hostRateLimit" in patch) next.hostRateLimit = patch.hostRateLimit ?? null;
    settings = next;
    if ("ratePerMinute" in patch) restartStream();
    if ("faultScript" in patch) faults.configure(settings.faultScript);
  };

  const routerParts = {
    store,
    registry,
    deliveries,
    chaos,
    render,
    offsetMinutes: () => settings.gmtOffsetMinutes,
    churnPerList: () => settings.churnPerList,
  };
  const server = createApiServer({
    settings: () => settings,
    keys,
    resolve: (method, path) => resolveRoute(method, path, routerParts),
    authorize: (query) =>
      authorize(query, {
        keys,
        decision: () => settings.authorize,
        hosts: () => settings.hosts,
        now: () => clock.now(),
      }),
    faults,
    chaos,
    log,
    window: new MinuteWindow(),
    control: createControl({
      settings: () => settings,
      setOptions,
      advanceTime,
      clock,
      store,
      keys,
      registry,
      deliveries,
      faults,
      render,
    }),
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(settings.port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  origin = url;
  restartStream();

  let closing: Promise<void> | undefined;
  return {
    url,
    siteUrl: settings.siteUrl ?? `${url}/`,
    apiBase: `${url}/wp-json/wc/v3`,
    consumerKey: first.consumerKey,
    consumerSecret: first.consumerSecret,
    get controlKey() {
      return settings.controlKey;
    },
    setOptions,
    addKey: (permissions, description = "Chave criada no simulador") => keys.add(permissions, description),
    keys: () => keys.list(),
    createOrder: (overrides = {}) => copy(render(store.place(overrides))),
    updateOrder: (id, patch) => copy(render(merchantEdit(store, id, patch))),
    getOrder: (id) => {
      const record = store.get(id);
      return record ? copy(render(record)) : undefined;
    },
    listOrders: () => store.all().map((r) => copy(render(r))),
    advanceTime,
    now: () => clock.now(),
    requestLog: () => log.list(),
    clearLog: () => log.clear(),
    deliveries: () => deliveries.list(),
    settled: () => deliveries.settled(),
    faultsRemaining: () => faults.remaining(),
    close() {
      closing ??= new Promise<void>((resolve) => {
        if (stream) clearInterval(stream);
        deliveries.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
