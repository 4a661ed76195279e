// Where a store's token may go. A platform's API host is fixed by its module (its real base URL):
// a store's token is sent there and nowhere else. Another base URL (an "override": a simulator, a
// test bench) is accepted only when PONTE_ALLOW_API_OVERRIDE allows it — `loopback` for addresses
// of this machine, `any` for every host — and it is off by default. A store that holds an override
// the setting does not allow gets a connector that refuses every call: its token is never decrypted
// for it. Pure functions, no DNS.
import { classifyAddress } from "../net/ip-address.ts";
import type { PlatformId, StoreConnector } from "./connector.ts";

export type ApiOverride = "off" | "loopback" | "any";

/** The form a base URL is compared and stored in: no trailing slash. */
export const normalizeApiBase = (url: string): string => url.trim().replace(/\/+$/, "");

/** A base URL as a store keeps it: null for the platform's own, else without a trailing slash. */
export function storedApiBase(platformBase: string, url: string | null): string | null {
  if (url === null) return null;
  const normalized = normalizeApiBase(url);
  return normalized === normalizeApiBase(platformBase) ? null : normalized;
}

/** localhost, 127.0.0.0/8, ::1: this machine. */
function isLoopbackHost(hostname: string): boolean {
  const bare = hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  return bare === "localhost" || classifyAddress(bare) === "loopback";
}

/** True for an http(s) URL whose host is this machine. */
export const isLoopbackUrl = (url: string): boolean =>
  URL.canParse(url) && /^https?:$/.test(new URL(url).protocol) && isLoopbackHost(new URL(url).hostname);

/** Why an API base is refused: the URL itself, or the host the setting does not allow. */
export interface ApiBaseRefusal {
  kind: "invalid_url" | "not_loopback" | "not_the_platform";
  /** English, for logs and the field error. */
  message: string;
}

/**
 * Why `url` may not be the API base of a store of a platform whose own is `platformBase`, or
 * null when it may: the platform's own always, another one only as `policy` allows.
 */
export function apiBaseRefusal(
  platformBase: string,
  url: string,
  policy: ApiOverride,
): ApiBaseRefusal | null {
  if (normalizeApiBase(url) === normalizeApiBase(platformBase)) return null;
  const invalid = (message: string): ApiBaseRefusal => ({ kind: "invalid_url", message });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return invalid("not a valid URL");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return invalid("only http(s) URLs");
  if (parsed.username || parsed.password) return invalid("a URL with a user or password");
  if (policy === "any") return null;
  if (policy === "loopback") {
    return isLoopbackHost(parsed.hostname)
      ? null
      : {
          kind: "not_loopback",
          message: `${parsed.host} is not a loopback address (PONTE_ALLOW_API_OVERRIDE=loopback)`,
        };
  }
  return {
    kind: "not_the_platform",
    message: `only the platform's API (${platformBase}) is allowed while PONTE_ALLOW_API_OVERRIDE is off`,
  };
}

/** A store's API base that the setting does not allow: nothing is sent to it. */
export class ApiBaseRefusedError extends Error {
  /** The platform error kind (platform-errors.ts): said in pt-BR, 409 on a panel action. */
  readonly kind = "api_base_refused" as const;
  readonly retryable = false;
  constructor(message: string) {
    super(message);
    this.name = "ApiBaseRefusedError";
  }
}

/**
 * The connector of a store whose API base is refused: every call fails with `error`, so the
 * import, Testar conexão, the webhooks and the pushes each say why through their usual paths.
 */
export function refusingConnector(platform: PlatformId, error: ApiBaseRefusedError): StoreConnector {
  const refuse = async (): Promise<never> => {
    throw error;
  };
  return {
    platform,
    probe: { storeInfo: refuse, sampleOrder: refuse },
    webhookSubscriptions: { events: [], register: refuse, unregister: refuse },
    listOrdersChangedSince: refuse,
    getOrder: refuse,
    // A push is not retried by waiting: it fails at once and waits in Falhas for Reenviar.
    push: async () => ({ ok: false, retryable: false, status: null, message: error.message }),
  };
}
