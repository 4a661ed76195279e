// PONTE_TRUST_PROXY: which reverse proxies in front of Ponte are believed when they say, in
// X-Forwarded-For/-Proto/-Host, who the client is and how it connected. Trusting every hop
// (the old `1`) let a client write its own address into X-Forwarded-For and be a new address
// at every sign-in attempt; now only the hops named here count.
import net from "node:net";
import { PonteError } from "../errors.ts";
import { classifyAddress } from "./ip-address.ts";

/** false: no proxy; a number: that many proxies in front; a list: the proxies' addresses. */
export type TrustProxy = false | number | readonly string[];

/** proxy-addr's names for address ranges. */
const RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);
const MAX_HOPS = 10;

function isAddressOrRange(entry: string): boolean {
  if (RANGES.has(entry)) return true;
  const [address, prefix, extra] = entry.split("/");
  const family = net.isIP(address ?? "");
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits >= 1 && bits <= (family === 4 ? 32 : 128);
}

/** Parses PONTE_TRUST_PROXY; `1` (and `true`) means one proxy in front, as most setups have. */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim().toLowerCase() ?? "";
  if (["", "0", "false", "no", "off"].includes(value)) return false;
  if (["true", "yes", "on"].includes(value)) return 1;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops <= MAX_HOPS) return hops;
  } else {
    const entries = value.split(",").map((entry) => entry.trim());
    if (entries.every((entry) => entry !== "" && isAddressOrRange(entry))) return entries;
  }
  throw new PonteError(
    "config_invalid",
    `PONTE_TRUST_PROXY must be 0, a number of proxies in front (1 to ${MAX_HOPS}) or a comma-separated list of the proxies' addresses (10.0.0.5, 10.0.0.0/8, loopback), got "${raw}"`,
  );
}

/** A proxy talking to Ponte directly sits on this machine or a private network. */
function isNearby(address: string): boolean {
  const kind = classifyAddress(address.startsWith("::ffff:") ? address.slice(7) : address);
  return kind === "loopback" || kind === "private" || kind === "link_local";
}

type TrustFunction = (address: string, hop: number) => boolean;

/**
 * Fastify's trustProxy. A hop count N means: the peer and the N-1 addresses before it in
 * X-Forwarded-For are proxies, so the client is the address N places from the end. The peer
 * must be a loopback or private address: a client reaching Ponte directly from the internet
 * is never taken for the proxy (Fastify's own number option trusts nothing, for that reason).
 */
export function fastifyTrustProxy(trust: TrustProxy | undefined): false | string[] | TrustFunction {
  if (!trust) return false;
  if (typeof trust === "number") {
    return (address: string, hop: number) => hop < trust && (hop > 0 || isNearby(address));
  }
  return [...trust];
}
