// Which IP addresses an outbound call configured by a person (a push URL) may reach. Only
// public unicast is allowed: private, loopback, link-local (cloud metadata at 169.254.169.254),
// CGNAT, multicast, reserved and documentation ranges are refused, and so is every IPv6 form
// that embeds an IPv4 address (mapped ::ffff:0:0/96, compatible ::/96, NAT64, 6to4, Teredo),
// since the IPv4 inside could be any of the above. Pure functions, no DNS.
import net from "node:net";

export type AddressClass =
  | "public"
  | "loopback"
  | "private"
  | "link_local"
  | "unspecified"
  | "multicast"
  | "reserved"
  | "ipv4_embedded";

interface Range {
  base: bigint;
  bits: number;
  kind: Exclude<AddressClass, "public">;
}

function parseV4(text: string): bigint | null {
  if (net.isIPv4(text) === false) return null;
  const parts = text.split(".").map(Number);
  return parts.reduce((acc, p) => (acc << 8n) | BigInt(p), 0n);
}

/** 128-bit value of an IPv6 address (with an optional trailing dotted quad); null when not one. */
function parseV6(text: string): bigint | null {
  if (!net.isIPv6(text) || text.includes("%")) return null;
  let head = text;
  let tail: number[] = [];
  const lastColon = text.lastIndexOf(":");
  if (text.slice(lastColon + 1).includes(".")) {
    const v4 = parseV4(text.slice(lastColon + 1));
    if (v4 === null) return null;
    tail = [Number(v4 >> 16n), Number(v4 & 0xffffn)];
    head = text.slice(0, lastColon + 1);
    if (!head.endsWith("::")) head = head.slice(0, -1);
  }
  const [left, right] = head.includes("::") ? head.split("::") : [head, undefined];
  const groups = (s: string | undefined) => (s ? s.split(":").filter((g) => g !== "") : []);
  const l = groups(left).map((g) => Number.parseInt(g, 16));
  const r = groups(right).map((g) => Number.parseInt(g, 16));
  const fill = 8 - l.length - r.length - tail.length;
  if (fill < 0 || (right === undefined && fill !== 0)) return null;
  const all = [...l, ...new Array(right === undefined ? 0 : fill).fill(0), ...r, ...tail];
  if (all.length !== 8 || all.some((g) => !(g >= 0 && g <= 0xffff))) return null;
  return all.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

function v4Range(cidr: string, kind: Range["kind"]): Range {
  const [ip, bits] = cidr.split("/");
  return { base: parseV4(ip!)!, bits: Number(bits), kind };
}

function v6Range(cidr: string, kind: Range["kind"]): Range {
  const [ip, bits] = cidr.split("/");
  return { base: parseV6(ip!)!, bits: Number(bits), kind };
}

// Most specific first where ranges nest (::1 and ::ffff:0:0/96 inside ::/96 …).
const V4_RANGES: Range[] = [
  v4Range("0.0.0.0/8", "unspecified"),
  v4Range("10.0.0.0/8", "private"),
  v4Range("100.64.0.0/10", "private"), // CGNAT
  v4Range("127.0.0.0/8", "loopback"),
  v4Range("169.254.0.0/16", "link_local"), // includes cloud metadata 169.254.169.254
  v4Range("172.16.0.0/12", "private"),
  v4Range("192.0.0.0/24", "reserved"), // IETF protocol assignments
  v4Range("192.0.2.0/24", "reserved"), // TEST-NET-1
  v4Range("192.88.99.0/24", "reserved"), // 6to4 relay anycast
  v4Range("192.168.0.0/16", "private"),
  v4Range("198.18.0.0/15", "reserved"), // benchmarking
  v4Range("198.51.100.0/24", "reserved"), // TEST-NET-2
  v4Range("203.0.113.0/24", "reserved"), // TEST-NET-3
  v4Range("224.0.0.0/4", "multicast"),
  v4Range("240.0.0.0/4", "reserved"), // includes 255.255.255.255
];

const V6_RANGES: Range[] = [
  v6Range("::/128", "unspecified"),
  v6Range("::1/128", "loopback"),
  v6Range("::ffff:0:0/96", "ipv4_embedded"), // IPv4-mapped
  v6Range("::/96", "ipv4_embedded"), // IPv4-compatible (deprecated)
  v6Range("64:ff9b::/96", "ipv4_embedded"), // NAT64
  v6Range("64:ff9b:1::/48", "ipv4_embedded"), // local-use NAT64
  v6Range("100::/64", "reserved"), // discard-only
  v6Range("2001::/32", "ipv4_embedded"), // Teredo
  v6Range("2001:db8::/32", "reserved"), // documentation
  v6Range("2002::/16", "ipv4_embedded"), // 6to4
  v6Range("fc00::/7", "private"), // unique local
  v6Range("fe80::/10", "link_local"),
  v6Range("fec0::/10", "link_local"), // site-local (deprecated)
  v6Range("ff00::/8", "multicast"),
];

const inRange = (value: bigint, range: Range, width: number) =>
  value >> BigInt(width - range.bits) === range.base >> BigInt(width - range.bits);

/**
 * The class of an IP address literal (as `new URL` or DNS give it, IPv6 without brackets).
 * Anything that is not a well-formed address is "reserved": refused like the rest.
 */
export function classifyAddress(address: string): AddressClass {
  const v4 = parseV4(address);
  if (v4 !== null) return V4_RANGES.find((r) => inRange(v4, r, 32))?.kind ?? "public";
  const v6 = parseV6(address);
  if (v6 === null) return "reserved";
  const hit = V6_RANGES.find((r) => inRange(v6, r, 128));
  if (hit) return hit.kind;
  // Global unicast is 2000::/3; everything else is unassigned or special.
  return v6 >> 125n === 1n ? "public" : "reserved";
}

/** pt-BR, for the 400 a refused URL answers and the push's last error. */
export const ADDRESS_CLASS_PT: Record<Exclude<AddressClass, "public">, string> = {
  loopback: "endereço de loopback (a própria máquina)",
  private: "endereço de rede privada",
  link_local: "endereço link-local (inclui o serviço de metadados da nuvem)",
  unspecified: "endereço não especificado (0.0.0.0 ou ::)",
  multicast: "endereço multicast",
  reserved: "endereço reservado ou de documentação",
  ipv4_embedded: "endereço IPv6 que embute um IPv4 (mapeado, NAT64, 6to4 ou Teredo)",
};
