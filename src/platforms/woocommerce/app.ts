// Ponte's WooCommerce settings, server-wide: the PONTE_WOOCOMMERCE_* variables. WooCommerce signs
// each delivery with the `secret` of the webhook (_webhooks.md "secret"; core class-wc-webhook.php
// generate_signature), and Ponte chooses that secret when it registers the webhooks
// (webhook-subscriptions.ts): one app-wide secret, so the webhook route can check any store's
// delivery before it knows the store.
import type { ApiOverride } from "../api-base.ts";
import type { Env } from "../module.ts";

export interface WooApp {
  /** The secret Ponte registers on every webhook; undefined: the engine derives one. */
  webhookSecret: string | undefined;
}

/**
 * PONTE_WOOCOMMERCE_WEBHOOK_SECRET when set. Else undefined: the engine then derives a stable
 * secret from Ponte's own key (context.ts), as for VTEX's hook secret, so a server needs no extra
 * setting and the secret survives restarts.
 */
export function readWooApp(env: Env, _override: ApiOverride): WooApp {
  const explicit = env.PONTE_WOOCOMMERCE_WEBHOOK_SECRET?.trim();
  if (!explicit) return { webhookSecret: undefined };
  if (explicit.length < 16) throw new Error("PONTE_WOOCOMMERCE_WEBHOOK_SECRET: at least 16 characters");
  return { webhookSecret: explicit };
}
