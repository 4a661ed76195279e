// A faithful Nuvemshop API simulator (see the shared platform notes, sections 1 and 9): a standalone
// HTTP server on 127.0.0.1 (its control endpoints need its control key) with seeded Brazilian orders, the v1 order actions, fulfillment orders,
// metafields, webhook registration and delivery (to registered URLs only, through the `hosts`
// map: no DNS), OAuth, the leaky-bucket rate limit and fault switches. Node built-ins only.
import type { AddressInfo } from "node:net";
import { FaultScript } from "../shared/fault-script.ts";
import { Random } from "../shared/random.ts";
import { FulfillmentOrders } from "./fulfillment-orders.ts";
import { LegacyFulfillments } from "./fulfillments.ts";
import { copy } from "./http.ts";
import { Metafields } from "./metafields.ts";
import { OAuth } from "./oauth.ts";
import { checkOptions, normalizeHosts, resolveOptions, type Settings } from "./options.ts";
import { OrderStore } from "./orders.ts";
import { privacyFields } from "./privacy.ts";
import { LeakyBucket } from "./rate-limit.ts";
import { createRouter } from "./routes.ts";
import { OrderFactory } from "./seed.ts";
import { createApiServer, RequestLog } from "./server.ts";
import { Subscriptions } from "./subscriptions.ts";
import type { Json, NuvemshopSimulator, Order, SimulatorOptions } from "./types.ts";
import { WebhookEmitter } from "./webhooks.ts";

export type {
  ActionRecord,
  NuvemshopSimulator,
  RequestLogEntry,
  SentWebhook,
  SimulatorOptions,
  WebhookOptions,
} from "./types.ts";
export { retryOffsets, sign as signWebhookBody } from "./webhooks.ts";

/** Options fixed at start: the seeded data and the listening socket depend on them. */
const FIXED = ["port", "storeId", "orders", "seed", "seedTime", "controlKey"] as const;

export async function startNuvemshopSimulator(options: SimulatorOptions = {}): Promise<NuvemshopSimulator> {
  let settings: Settings = resolveOptions(options);
  const factory = new OrderFactory(settings.seed, settings.storeId);
  // Faults, duplicates and ids made at run time draw from their own stream, so they never shift the data.
  const chaos = new Random(settings.seed ^ 0x2545f491);
  const subscriptions = new Subscriptions(() => settings.readCustomers);
  const emitter = new WebhookEmitter(
    () => settings.storeId,
    () => settings.clientSecret,
    chaos,
    subscriptions,
    () => settings.hosts,
  );
  emitter.configure(settings.webhook);
  const store = new OrderStore(factory, (event, id) => emitter.emit(event, id));
  store.load(factory.seed(settings.orders, settings.seedTime));
  const faults = new FaultScript();
  faults.configure(settings.faultScript);
  const bucket = new LeakyBucket();
  bucket.configure(settings.rateLimit, settings.planMultiplier);
  const metafields = new Metafields((id) => store.get(id) !== undefined);
  const oauth = new OAuth();
  const log = new RequestLog();
  let suspended = false;

  const router = createRouter({
    settings: () => settings,
    store,
    fulfillmentOrders: new FulfillmentOrders(store, chaos, (event, id, extra) =>
      emitter.emit(event, id, extra),
    ),
    fulfillments: new LegacyFulfillments(),
    metafields,
    subscriptions,
  });

  let stream: NodeJS.Timeout | undefined;
  const restartStream = () => {
    if (stream) clearInterval(stream);
    stream = undefined;
    if (settings.ratePerMinute > 0) {
      stream = setInterval(() => store.create(), Math.max(10, 60_000 / settings.ratePerMinute));
      stream.unref();
    }
  };

  const suspend = (value: boolean) => {
    if (value === suspended) return;
    // Order webhooks stop while suspended; app/suspended and app/resumed themselves always go out.
    suspended = value;
    emitter.paused = value;
    emitter.emit(value ? "app/suspended" : "app/resumed", settings.storeId, {}, true);
  };

  const setOptions = (patch: Partial<SimulatorOptions>) => {
    checkOptions(patch);
    for (const key of FIXED) {
      if (patch[key] !== undefined && patch[key] !== settings[key as keyof Settings]) {
        throw new Error(`${key} cannot change while the simulator runs`);
      }
    }
    const next: Settings = { ...settings };
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined || key === "webhook") (next as unknown as Json)[key] = value ?? undefined;
    }
    if ("hosts" in patch) next.hosts = patch.hosts ? normalizeHosts(patch.hosts) : {};
    settings = next;
    bucket.configure(settings.rateLimit, settings.planMultiplier);
    if ("webhook" in patch) emitter.configure(settings.webhook);
    if ("ratePerMinute" in patch) restartStream();
    if ("faultScript" in patch) faults.configure(settings.faultScript);
  };

  const publicSettings = (): Json => {
    const { controlKey: _key, ...shown } = settings;
    return { ...shown, suspended };
  };

  const server = createApiServer({
    settings: () => settings,
    bucket,
    router,
    oauth,
    suspended: () => suspended,
    chaos,
    faults,
    log,
    controlKey: () => settings.controlKey,
    control: (body) => {
      const { suspended: wanted, ...patch } = body;
      if (wanted !== undefined && typeof wanted !== "boolean")
        throw new Error("suspended must be true or false");
      setOptions(patch as Partial<SimulatorOptions>);
      if (typeof wanted === "boolean") suspend(wanted);
      return publicSettings();
    },
    state: publicSettings,
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
  restartStream();

  let closing: Promise<void> | undefined;
  return {
    url,
    apiBase: `${url}/v1`,
    get storeId() {
      return settings.storeId;
    },
    get accessToken() {
      return settings.accessToken;
    },
    get clientId() {
      return settings.clientId;
    },
    get clientSecret() {
      return settings.clientSecret;
    },
    get controlKey() {
      return settings.controlKey;
    },
    setOptions,
    createOrder: (overrides = {}) => copy(store.create(overrides)),
    updateOrder: (id, patch) => copy(store.update(id, patch)),
    deleteOrder: (id) => copy(store.delete(id)),
    restoreOrder: (order) => copy(store.restore(order as Order)),
    getOrder: (id) => {
      const order = store.get(id);
      return order ? copy(order) : undefined;
    },
    listOrders: () => copy(store.all()),
    suspend,
    requestLog: () => log.list(),
    clearLog: () => log.clear(),
    metafields: () => copy(metafields.all()),
    issueAuthorizationCode: () => oauth.issue(),
    sentWebhooks: () => emitter.log(),
    privacyNotice: (event, email) => {
      const requestId = chaos.int(100_000, 999_999);
      return emitter.emitFields(event, settings.storeId, privacyFields(event, store.all(), email, requestId));
    },
    actions: () => store.actionLog(),
    faultsRemaining: () => faults.remaining(),
    close() {
      closing ??= new Promise<void>((resolve) => {
        if (stream) clearInterval(stream);
        emitter.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
