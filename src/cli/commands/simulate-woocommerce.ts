// `ponte simulate woocommerce`: runs the WooCommerce REST API simulator as a standalone server for
// demos and for pointing a Ponte store at it by hand.
import { startWooSimulator, type WooSimulatorOptions } from "../../simulators/woocommerce/index.ts";
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

export const WOO_HELP = `ponte simulate woocommerce [--port N] [--orders N] [--seed S] [--rate N/min]
       [--consumer-key K] [--consumer-secret S] [--no-plugin] [--fault-rate F] [--latency-ms N]
       [--host ORIGIN=URL]... [--control-key K]

Serves a WooCommerce store's REST API v3 (/wp-json/wc/v3: orders, notes, batch, webhooks) and the
key handover (/wc-auth/v1/authorize) on 127.0.0.1, with the "Brazilian Market on WooCommerce"
plugin's CPF/CNPJ fields; its origin stands for the store's https site.

  --consumer-key K    the REST key's consumer key (default ck_simulada…)
  --consumer-secret S the REST key's consumer secret (default cs_simulada…)
  --no-plugin         a store without the Brazilian Market plugin (no CPF/CNPJ in orders)
  --host ORIGIN=URL   reach the public https ORIGIN (webhook delivery URLs, the key handover's
                      callback_url) at URL (repeatable); the simulator does no DNS

Control (X-Simulator-Key): POST /__control {"siteDown":true}, POST /__control/orders {"count":3},
POST /__control/orders/{id} {"status":"completed"}, GET /__control/deliveries, GET /__log.`;

/** The flags of the other platforms' simulators, refused for woocommerce. */
const NOT_WOO = [
  "account",
  "app-key",
  "app-token",
  "list-lag-ms",
  "store-id",
  "token",
  "client-secret",
  "no-rate-limit",
] as const;

export function wooOptionsFromFlags(values: Record<string, unknown>): WooSimulatorOptions {
  refuseFlags("woocommerce", values, NOT_WOO);
  const options: WooSimulatorOptions = {
    port: integer("port", values.port, 0, 65535),
    orders: integer("orders", values.orders, 0, 1_000_000),
    seed: seedFlag(values.seed),
    ratePerMinute: rateFlag(values.rate),
    faultRate: faultRateFlag(values["fault-rate"]),
    latencyMs: integer("latency-ms", values["latency-ms"], 0, 600_000),
    hosts: hostsFlag(values.host),
    consumerKey: nonEmptyFlag("consumer-key", values["consumer-key"]),
    consumerSecret: nonEmptyFlag("consumer-secret", values["consumer-secret"]),
    controlKey: controlKeyFlag(values["control-key"]),
  };
  if (values["no-plugin"]) options.plugin = "absent";
  for (const key of Object.keys(options) as (keyof WooSimulatorOptions)[])
    if (options[key] === undefined) delete options[key];
  return options;
}

export async function runWooSimulator(values: Record<string, unknown>): Promise<number> {
  const sim = await startWooSimulator(wooOptionsFromFlags(values));
  console.log(`WooCommerce simulator on ${sim.url} (REST API ${sim.apiBase})`);
  console.log(`consumer key ${sim.consumerKey}  consumer secret ${sim.consumerSecret}`);
  console.log(`control key ${sim.controlKey} (X-Simulator-Key header of /__log and /__control)`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
  await sim.close();
  return 0;
}
