// Where a request comes from, for the two checks that care: CSRF (did our own pages send
// this?) and first-run setup (is this the machine Ponte runs on?).
import net from "node:net";

export interface OriginCheck {
  origin: string | undefined;
  referer: string | undefined;
  /** The Host the request was sent to (X-Forwarded-Host when the proxy is trusted). */
  host: string | undefined;
  /** PONTE_PUBLIC_URL, when Ponte is reached under another name than its Host header. */
  publicUrl: string | undefined;
}

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

/**
 * True when the Origin header (or, without one, the Referer) names this server: a page
 * of another site cannot forge either. No header at all is refused.
 */
export function isSameOrigin(check: OriginCheck): boolean {
  const source = originOf(check.origin ?? check.referer);
  if (!source) return false;
  if (check.host && source.host === hostAs(source.protocol, check.host)) return true;
  const publicUrl = originOf(check.publicUrl);
  return publicUrl !== undefined && source.origin === publicUrl.origin;
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const ip = address.startsWith("::ffff:") ? address.slice(7) : address;
  if (net.isIPv4(ip)) return ip.startsWith("127.");
  return ip === "::1";
}
