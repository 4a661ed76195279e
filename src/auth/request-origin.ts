// Where a request comes from, for the two checks that care: CSRF (did our own pages send
// this?) and first-run setup (is this the machine Ponte runs on?). Both also need a Host that
// Ponte serves: with DNS rebinding, a page at http://attacker.example:3000 whose name now points
// at 127.0.0.1 is same-origin with itself, and its requests reach Ponte from a loopback socket.
import net from "node:net";

export interface OriginCheck {
  origin: string | undefined;
  referer: string | undefined;
  /** The Host the request was sent to (X-Forwarded-Host when the proxy is trusted). */
  host: string | undefined;
  /** "http" or "https": how the request reached Ponte (X-Forwarded-Proto when the proxy is trusted). */
  protocol: string;
  /** PONTE_PUBLIC_URL, when Ponte is reached under another name than its Host header. */
  publicUrl: string | undefined;
}

/** Why a request is not from Ponte's own pages: a Host Ponte does not serve, or a foreign Origin. */
export type OriginVerdict = "ok" | "foreign_host" | "foreign_origin";

function originOf(value: string | undefined): URL | undefined {
  if (!value || value === "null") return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** The Host header as a URL of that scheme writes it (":80" dropped for http, ":443" for https). */
function hostAs(protocol: string, host: string): string | undefined {
  try {
    return new URL(`${protocol}//${host}`).host;
  } catch {
    return undefined;
  }
}

/** The name in a Host header, without port or IPv6 brackets, lower-case; undefined when unparsable. */
export function hostName(host: string | undefined): string | undefined {
  if (!host) return undefined;
  try {
    return new URL(`http://${host}`).hostname.replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "");
  } catch {
    return undefined;
  }
}

/**
 * True when the Host names Ponte: `localhost`, an IP address (no DNS name, so nothing to
 * rebind: the browser was pointed at that address itself), or PONTE_PUBLIC_URL's host.
 */
export function isServedHost(host: string | undefined, publicUrl: string | undefined): boolean {
  const name = hostName(host);
  if (!name) return false;
  if (name === "localhost" || net.isIP(name) !== 0) return true;
  return name === hostName(originOf(publicUrl)?.host);
}

/**
 * "ok" when the Host is one Ponte serves and the Origin header (or, without one, the Referer)
 * names this server with the scheme the request came over, or is PONTE_PUBLIC_URL's origin.
 * A page of another site can forge neither; no header at all is refused.
 */
export function checkOrigin(check: OriginCheck): OriginVerdict {
  if (!isServedHost(check.host, check.publicUrl)) return "foreign_host";
  const source = originOf(check.origin ?? check.referer);
  if (!source) return "foreign_origin";
  if (
    check.host &&
    source.protocol === `${check.protocol}:` &&
    source.host === hostAs(source.protocol, check.host)
  ) {
    return "ok";
  }
  const publicUrl = originOf(check.publicUrl);
  return publicUrl !== undefined && source.origin === publicUrl.origin ? "ok" : "foreign_origin";
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const ip = address.startsWith("::ffff:") ? address.slice(7) : address;
  if (net.isIPv4(ip)) return ip.startsWith("127.");
  return ip === "::1";
}
