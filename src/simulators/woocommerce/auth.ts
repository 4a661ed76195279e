// REST API keys (core class-wc-rest-authentication.php, read in woocommerce/woocommerce):
// - the key pair comes from ?consumer_key=&consumer_secret= when both are present, else from HTTP
//   Basic (perform_basic_authentication; _authentication.md "Authentication over HTTPS");
// - an unknown key authenticates nobody, so the route's own permission check answers 401
//   (woocommerce_rest_cannot_view "Sorry, you cannot list resources." and its siblings);
// - a known key with a wrong secret: 401 woocommerce_rest_authentication_error "Consumer secret is
//   invalid." with a WWW-Authenticate: Basic header (send_unauthorized_headers);
// - a key without the permission for the method (GET/HEAD need read, POST/PUT/PATCH/DELETE need
//   write): 401 woocommerce_rest_authentication_error "The API key provided does not have
//   read|write permissions." (check_permissions).
// [U] WooCommerce refuses Basic over plain HTTP (is_ssl()); the simulator's loopback origin stands
// for an https site and takes Basic.
import crypto from "node:crypto";
import type http from "node:http";
import { wcError } from "./http.ts";
import type { ApiKey, KeyPermission } from "./types.ts";

/** What a route does, for the permission error an unauthenticated call gets. */
export type RouteAction = "list" | "read" | "create" | "edit" | "delete" | "batch";

const CANNOT: Record<RouteAction, [string, string]> = {
  list: ["woocommerce_rest_cannot_view", "Sorry, you cannot list resources."],
  read: ["woocommerce_rest_cannot_view", "Sorry, you cannot view this resource."],
  create: ["woocommerce_rest_cannot_create", "Sorry, you are not allowed to create resources."],
  edit: ["woocommerce_rest_cannot_edit", "Sorry, you are not allowed to edit this resource."],
  delete: ["woocommerce_rest_cannot_delete", "Sorry, you are not allowed to delete this resource."],
  batch: ["woocommerce_rest_cannot_batch", "Sorry, you are not allowed to batch manipulate this resource."],
};

const BASIC_REALM =
  'Basic realm="WooCommerce API. Use a consumer key in the username field and a consumer secret in the password field."';

function same(a: string, b: string): boolean {
  const x = crypto.createHash("sha256").update(a).digest();
  const y = crypto.createHash("sha256").update(b).digest();
  return crypto.timingSafeEqual(x, y);
}

export class Keys {
  private keys: ApiKey[] = [];
  private nextId = 1;

  add(permissions: KeyPermission, description: string, pair?: { key: string; secret: string }): ApiKey {
    // wc-auth makes "ck_" / "cs_" + 40 hex characters (wc_rand_hash).
    const key: ApiKey = {
      keyId: this.nextId++,
      consumerKey: pair?.key ?? `ck_${crypto.randomBytes(20).toString("hex")}`,
      consumerSecret: pair?.secret ?? `cs_${crypto.randomBytes(20).toString("hex")}`,
      permissions,
      description,
    };
    this.keys.push(key);
    return key;
  }

  remove(keyId: number): void {
    this.keys = this.keys.filter((k) => k.keyId !== keyId);
  }

  list(): ApiKey[] {
    return this.keys.map((k) => ({ ...k }));
  }

  find(consumerKey: string): ApiKey | undefined {
    return this.keys.find((k) => same(k.consumerKey, consumerKey));
  }
}

function credentials(
  req: http.IncomingMessage,
  query: URLSearchParams,
): { key: string; secret: string } | null {
  const qKey = query.get("consumer_key");
  const qSecret = query.get("consumer_secret");
  if (qKey && qSecret) return { key: qKey, secret: qSecret };
  const header = req.headers.authorization;
  if (typeof header !== "string" || !/^basic /i.test(header)) return null;
  const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
  const at = decoded.indexOf(":");
  if (at <= 0 || at === decoded.length - 1) return null;
  return { key: decoded.slice(0, at), secret: decoded.slice(at + 1) };
}

/** The key of an API call, or throws the error WooCommerce answers. `revoked`: every key is gone. */
export function authenticate(
  req: http.IncomingMessage,
  query: URLSearchParams,
  keys: Keys,
  action: RouteAction,
  revoked: boolean,
): ApiKey {
  const given = credentials(req, query);
  const key = given && !revoked ? keys.find(given.key) : undefined;
  if (!given || !key) {
    const [code, message] = CANNOT[action];
    throw wcError(401, code, message);
  }
  if (!same(key.consumerSecret, given.secret)) {
    const error = wcError(401, "woocommerce_rest_authentication_error", "Consumer secret is invalid.");
    Object.assign(error.headers, { "www-authenticate": BASIC_REALM });
    throw error;
  }
  const method = (req.method ?? "GET").toUpperCase();
  const reading = method === "GET" || method === "HEAD";
  const allowed = reading ? key.permissions !== "write" : key.permissions !== "read";
  if (!allowed)
    throw wcError(
      401,
      "woocommerce_rest_authentication_error",
      `The API key provided does not have ${reading ? "read" : "write"} permissions.`,
    );
  return key;
}
