// /wc-auth/v1/authorize, the key handover (_authentication.md "Auto generating API keys using our
// Application Authentication Endpoint"; core class-wc-auth.php, read in woocommerce/woocommerce):
// - app_name, scope (read | write | read_write), user_id, return_url, callback_url are all
//   required; a missing or invalid one, an invalid URL or a callback_url not over https is refused
//   with WordPress's error page, 401 "Access denied" ("Error: Missing parameter app_name.").
// - On approval core creates the key (description "{app_name} - API ({date})"), POSTs
//   {key_id, user_id, consumer_key, consumer_secret, key_permissions} as JSON to callback_url (60 s),
//   and needs exactly 200 — otherwise it deletes the key and shows the error page; then it
//   redirects to return_url with success=1&user_id=… . A denial redirects with success=0.
// [U] The merchant's login and "Approve" screens are skipped: the simulator answers the GET with the
// outcome at once, approving or denying as the `authorize` switch says. user_id is echoed as given.

import type { Keys } from "./auth.ts";
import { gmt } from "./format.ts";
import type { Reply } from "./http.ts";
import { post } from "./outbound.ts";
import { phpJson } from "./php-json.ts";
import type { ApiKey, KeyPermission } from "./types.ts";

const PARAMS = ["app_name", "user_id", "return_url", "callback_url", "scope"] as const;

export interface HandoverParts {
  keys: Keys;
  decision: () => "approve" | "deny";
  hosts: () => Record<string, string>;
  now: () => number;
  /** A key made by the handover, for the control plane's record. */
  onKey?: (key: ApiKey) => void;
}

function errorPage(message: string): Reply {
  const text = `<!DOCTYPE html><html lang="pt-BR"><head><meta charset="UTF-8"><title>Access denied</title></head><body id="error-page"><div class="wp-die-message">Error: ${message
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")}.</div></body></html>`;
  return { status: 401, raw: { contentType: "text/html; charset=UTF-8", text } };
}

/** WC_Auth::get_formatted_url: a URL without a scheme gets https://. */
const formatted = (url: string) => (url.includes("://") ? url : `https://${url}`);

function withResult(returnUrl: string, success: 0 | 1, userId: string): string {
  const url = new URL(formatted(returnUrl));
  url.searchParams.set("success", String(success));
  url.searchParams.set("user_id", userId);
  return url.toString();
}

export async function authorize(query: URLSearchParams, parts: HandoverParts): Promise<Reply> {
  const data: Record<string, string> = {};
  for (const name of PARAMS) {
    const value = query.get(name);
    if (!value) return errorPage(`Missing parameter ${name}`);
    data[name] = value;
  }
  const scope = data.scope as string;
  if (!["read", "write", "read_write"].includes(scope)) return errorPage(`Invalid scope ${scope}`);
  for (const name of ["return_url", "callback_url"] as const) {
    const url = formatted(data[name] as string);
    if (!URL.canParse(url)) return errorPage(`The ${url} is not a valid URL`);
  }
  const callback = formatted(data.callback_url as string);
  if (!callback.toLowerCase().startsWith("https://"))
    return errorPage("The callback_url needs to be over SSL");
  const userId = data.user_id as string;
  if (parts.decision() === "deny") {
    return { status: 302, headers: { location: withResult(data.return_url as string, 0, userId) } };
  }
  const key = parts.keys.add(
    scope as KeyPermission,
    `${(data.app_name as string).slice(0, 170)} - API (${gmt(parts.now()).replace("T", " ")})`,
  );
  const body = phpJson({
    key_id: key.keyId,
    user_id: userId,
    consumer_key: key.consumerKey,
    consumer_secret: key.consumerSecret,
    key_permissions: key.permissions,
  });
  const status = await post(
    { url: callback, body, headers: { "content-type": "application/json;charset=UTF-8" }, timeoutMs: 60_000 },
    parts.hosts(),
  );
  if (status !== 200) {
    parts.keys.remove(key.keyId);
    return errorPage(
      status === null
        ? "cURL error 7: Failed to connect"
        : "An error occurred in the request and at the time were unable to send the consumer data",
    );
  }
  parts.onKey?.(key);
  return { status: 302, headers: { location: withResult(data.return_url as string, 1, userId) } };
}
