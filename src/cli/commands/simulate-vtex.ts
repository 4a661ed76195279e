// `ponte simulate vtex`: runs the VTEX OMS simulator as a standalone server for demos and for
// pointing a Ponte store at it by hand.
import { startVtexSimulator, type VtexSimulatorOptions } from "../../simulators/vtex/index.ts";
import { UsageError } from "../command.ts";
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

export const VTEX_HELP = `ponte simulate vtex [--port N] [--orders N] [--seed S] [--rate N/min] [--account NAME]
       [--app-key K] [--app-token T] [--list-lag-ms N] [--fault-rate F] [--latency-ms N]
       [--no-rate-limit] [--host ORIGIN=URL]... [--control-key K]

Serves VTEX's Orders API (/api/oms/pvt/orders…, Feed v3 and hook under /api/orders) for one
account on 127.0.0.1; its origin stands for https://{account}.vtexcommercestable.com.br.

  --account NAME      the account name (default lojasimulada)
  --app-key K         X-VTEX-API-AppKey the API accepts (default vtexappkey-lojasimulada-SIMKEY)
  --app-token T       X-VTEX-API-AppToken the API accepts (default SIMAPPTOKEN-lojasimulada-000…)
  --list-lag-ms N     how late new and changed orders show in List orders (default 3000 here)
  --no-rate-limit     turn off the Get order limit (6000/min)
  --host ORIGIN=URL   reach the public https ORIGIN (the hook url) at URL (repeatable)

Control (X-Simulator-Key): POST /__control {"suspended":true}, POST /__control/time
{"advanceMs":1800000}, POST /__control/orders {"count":3}, POST /__control/orders/{id}/status
{"status":"payment-approved"}, GET /__control/notices, GET /__log.`;

/** The Nuvemshop and WooCommerce flags, refused for vtex. */
const NOT_VTEX = [
  "store-id",
  "token",
  "client-secret",
  "consumer-key",
  "consumer-secret",
  "no-plugin",
] as const;

export function vtexOptionsFromFlags(values: Record<string, unknown>): VtexSimulatorOptions {
  refuseFlags("vtex", values, NOT_VTEX);
  const options: VtexSimulatorOptions = {
    port: integer("port", values.port, 0, 65535),
    orders: integer("orders", values.orders, 0, 1_000_000),
    seed: seedFlag(values.seed),
    ratePerMinute: rateFlag(values.rate),
    faultRate: faultRateFlag(values["fault-rate"]),
    latencyMs: integer("latency-ms", values["latency-ms"], 0, 600_000),
    // A demo sees the index lag; tests start the simulator without it.
    listLagMs: integer("list-lag-ms", values["list-lag-ms"], 0, 3_600_000) ?? 3000,
    hosts: hostsFlag(values.host),
    account: nonEmptyFlag("account", values.account),
    appKey: nonEmptyFlag("app-key", values["app-key"]),
    appToken: nonEmptyFlag("app-token", values["app-token"]),
    controlKey: controlKeyFlag(values["control-key"]),
  };
  if (values["no-rate-limit"]) options.rateLimit = false;
  if (options.account !== undefined && !/^[a-z0-9][a-z0-9-]{0,62}$/.test(options.account))
    throw new UsageError("simulate: --account must be lowercase letters, digits and dashes");
  for (const key of Object.keys(options) as (keyof VtexSimulatorOptions)[])
    if (options[key] === undefined) delete options[key];
  return options;
}

export async function runVtexSimulator(values: Record<string, unknown>): Promise<number> {
  const sim = await startVtexSimulator(vtexOptionsFromFlags(values));
  console.log(`VTEX simulator on ${sim.url} (stands for https://${sim.account}.vtexcommercestable.com.br)`);
  console.log(`X-VTEX-API-AppKey ${sim.appKey}  X-VTEX-API-AppToken ${sim.appToken}`);
  console.log(`control key ${sim.controlKey} (X-Simulator-Key header of /__log and /__control)`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
  await sim.close();
  return 0;
}
