// `ponte simulate nuvemshop|vtex|woocommerce`: runs a platform API simulator as a standalone
// server, for demos and for pointing a Ponte store at it by hand. Runs until SIGINT/SIGTERM. The
// VTEX and WooCommerce parts live in simulate-vtex.ts and simulate-woocommerce.ts.
import { type SimulatorOptions, startNuvemshopSimulator } from "../../simulators/nuvemshop/index.ts";
import { type Command, UsageError } from "../command.ts";
import {
  controlKeyFlag,
  faultRateFlag,
  hostsFlag,
  integer,
  nonEmptyFlag,
  rateFlag,
  refuseFlags,
  seedFlag,
} from "./simulate-flags.ts";
import { runVtexSimulator, VTEX_HELP } from "./simulate-vtex.ts";
import { runWooSimulator, WOO_HELP } from "./simulate-woocommerce.ts";

/** The VTEX-only flags, refused for nuvemshop. */
const NOT_NUVEMSHOP = [
  "account",
  "app-key",
  "app-token",
  "list-lag-ms",
  "consumer-key",
  "consumer-secret",
  "no-plugin",
] as const;

export const simulate: Command = {
  name: "simulate",
  summary: "run a platform API simulator (nuvemshop, vtex, woocommerce) with seeded orders",
  help: `ponte simulate nuvemshop [--port N] [--orders N] [--seed S] [--rate N/min] [--fault-rate F]
       [--latency-ms N] [--no-rate-limit] [--host ORIGIN=URL]... [--store-id N] [--token T]
       [--client-secret S] [--control-key K]

Serves a Nuvemshop-like API on 127.0.0.1 (routes under /v1/{store_id} and /2025-03/{store_id}),
seeded with Brazilian orders, and keeps running until Ctrl-C. A Ponte store pointed at it needs
Ponte started with PONTE_ALLOW_API_OVERRIDE=loopback.

  --port N            port to listen on (default: a free one)
  --orders N          orders seeded at start (default 50)
  --seed S            seed for the data: the same seed gives the same orders (default 1)
  --rate N/min        keep placing new orders at this rate, e.g. 5 or 5/min (default off)
  --fault-rate F      0..1 share of API requests answered with a random 5xx (default 0)
  --latency-ms N      delay added to every API request
  --no-rate-limit     turn off the leaky bucket (40 requests, 2/s)
  --host ORIGIN=URL   reach the public https ORIGIN at URL (repeatable): webhooks go only to the
                      URLs registered with POST /webhooks, and the simulator does no DNS
  --store-id N        store id (default 1234567)
  --token T           access token the API accepts (default sim-token)
  --client-secret S   app secret for OAuth and webhook signatures (default sim-secret)
  --control-key K     the key of the control endpoints (default: a random one, printed at start)

GET /__log shows the requests received; POST /__control with JSON options changes them live,
e.g. {"faultRate":0.2} or {"suspended":true}. Both need the control key printed at start, in
the X-Simulator-Key header: they show the token and the webhook-signing secret.

Example (start Ponte with PONTE_PUBLIC_URL=https://ponte.test, connect a store to the simulator;
Ponte registers its webhooks, and they reach it here):
  ponte simulate nuvemshop --orders 500 --rate 10 --host https://ponte.test=http://127.0.0.1:3000

${VTEX_HELP}

${WOO_HELP}`,
  options: {
    port: { type: "string" },
    orders: { type: "string" },
    seed: { type: "string" },
    rate: { type: "string" },
    "fault-rate": { type: "string" },
    "latency-ms": { type: "string" },
    "no-rate-limit": { type: "boolean" },
    host: { type: "string", multiple: true },
    "store-id": { type: "string" },
    token: { type: "string" },
    "client-secret": { type: "string" },
    "control-key": { type: "string" },
    account: { type: "string" },
    "app-key": { type: "string" },
    "app-token": { type: "string" },
    "list-lag-ms": { type: "string" },
    "consumer-key": { type: "string" },
    "consumer-secret": { type: "string" },
    "no-plugin": { type: "boolean" },
  },
  async run({ values, positionals }) {
    const [platform, ...extra] = positionals;
    if (platform !== "nuvemshop" && platform !== "vtex" && platform !== "woocommerce") {
      throw new UsageError(
        `simulate: ${platform ? `unknown platform "${platform}"` : "name a platform"} (nuvemshop, vtex, woocommerce)`,
      );
    }
    if (extra.length > 0) throw new UsageError(`simulate: unexpected argument "${extra[0]}"`);
    if (platform === "vtex") return runVtexSimulator(values);
    if (platform === "woocommerce") return runWooSimulator(values);
    const options = nuvemshopOptionsFromFlags(values);
    const sim = await startNuvemshopSimulator(options);
    console.log(
      `Nuvemshop simulator on ${sim.url} (API base ${sim.apiBase}) store ${sim.storeId} token ${sim.accessToken}`,
    );
    console.log(`control key ${sim.controlKey} (X-Simulator-Key header of /__log and /__control)`);
    await new Promise<void>((resolve) => {
      process.once("SIGINT", () => resolve());
      process.once("SIGTERM", () => resolve());
    });
    await sim.close();
    return 0;
  },
};

export function nuvemshopOptionsFromFlags(values: Record<string, unknown>): SimulatorOptions {
  refuseFlags("nuvemshop", values, NOT_NUVEMSHOP);
  const options: SimulatorOptions = {
    port: integer("port", values.port, 0, 65535),
    orders: integer("orders", values.orders, 0, 1_000_000),
    storeId: integer("store-id", values["store-id"], 1),
  };
  const seed = seedFlag(values.seed);
  if (seed !== undefined) options.seed = seed;
  const rate = rateFlag(values.rate);
  if (rate !== undefined) options.ratePerMinute = rate;
  const faultRate = faultRateFlag(values["fault-rate"]);
  if (faultRate !== undefined) options.faultRate = faultRate;
  options.latencyMs = integer("latency-ms", values["latency-ms"], 0, 600_000);
  if (values["no-rate-limit"]) options.rateLimit = false;
  const hosts = hostsFlag(values.host);
  if (hosts !== undefined) options.hosts = hosts;
  const token = nonEmptyFlag("token", values.token);
  if (token !== undefined) options.accessToken = token;
  const secret = nonEmptyFlag("client-secret", values["client-secret"]);
  if (secret !== undefined) options.clientSecret = secret;
  const controlKey = controlKeyFlag(values["control-key"]);
  if (controlKey !== undefined) options.controlKey = controlKey;
  return options;
}
