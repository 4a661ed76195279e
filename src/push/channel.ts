// A store's push channel (R8.2), kept in stores.settings.pushChannel: the platform's API
// (default), an XML POST to a URL, or a JSON webhook signed with HMAC-SHA256. Configured URLs
// pass the SSRF check when saved (and again when sent). The webhook secret is generated when
// none is given, sealed like store credentials (AES-256-GCM, bound to the store) and shown once:
// in the answer of the change that generated it. `rotateSecret` makes a new one.
import crypto from "node:crypto";
import type { AppContext } from "../context.ts";
import { decryptCredentials, encryptCredentials } from "../crypto/credentials.ts";
import { PonteError } from "../errors.ts";
import { checkTargetUrl, UnsafeUrlError } from "../net/safe-fetch.ts";
import { urlPolicy } from "./settings.ts";

export type PushChannelKind = "platform" | "xml" | "webhook";

export type PushChannelInput =
  | { kind: "platform" }
  | { kind: "xml"; url: string }
  | { kind: "webhook"; url: string; secret?: string; rotateSecret?: boolean };

/** As stored: the webhook secret sealed (base64). */
export type StoredPushChannel =
  | { kind: "platform" }
  | { kind: "xml"; url: string }
  | { kind: "webhook"; url: string; secret: string };

/** As the API shows it: never the secret. */
export interface PublicPushChannel {
  kind: PushChannelKind;
  url?: string;
  hasSecret?: boolean;
}

export const MIN_SECRET_LENGTH = 16;

const PLATFORM: StoredPushChannel = { kind: "platform" };

/** The store's channel; anything unreadable counts as the default (the platform's API). */
export function readPushChannel(settings: Record<string, unknown>): StoredPushChannel {
  const value = settings.pushChannel as Record<string, unknown> | undefined;
  if (!value || typeof value !== "object") return PLATFORM;
  if (value.kind === "xml" && typeof value.url === "string") return { kind: "xml", url: value.url };
  if (value.kind === "webhook" && typeof value.url === "string" && typeof value.secret === "string") {
    return { kind: "webhook", url: value.url, secret: value.secret };
  }
  return PLATFORM;
}

export function publicPushChannel(settings: Record<string, unknown>): PublicPushChannel {
  const channel = readPushChannel(settings);
  if (channel.kind === "platform") return { kind: "platform" };
  if (channel.kind === "xml") return { kind: "xml", url: channel.url };
  return { kind: "webhook", url: channel.url, hasSecret: true };
}

const secretContext = (orgId: number, storeId: number) => `ponte:push-webhook-secret:${orgId}:${storeId}`;

function seal(ctx: AppContext, orgId: number, storeId: number, secret: string): string {
  return encryptCredentials(ctx.secretKey, secretContext(orgId, storeId), { secret }).toString("base64");
}

/** The webhook's signing secret, unsealed. */
export function webhookSecret(ctx: AppContext, orgId: number, storeId: number, sealed: string): string {
  return decryptCredentials<{ secret: string }>(
    ctx.secretKey,
    secretContext(orgId, storeId),
    Buffer.from(sealed, "base64"),
  ).secret;
}

/** 32 random bytes, URL-safe: letters, digits, - and _ only (safe in any header or config file). */
export const generateSecret = () => `whsec_${crypto.randomBytes(32).toString("base64url")}`;

const invalid = (message: string, reason: string) =>
  new PonteError("validation_failed", message, { details: { reason } });

/** 400 unsafe_url with the reason (pt-BR in details.reason) when the URL may not be called. */
export async function checkChannelUrl(ctx: AppContext, url: string): Promise<void> {
  try {
    await checkTargetUrl(url, urlPolicy(ctx.push));
  } catch (error) {
    if (!(error instanceof UnsafeUrlError)) throw error;
    throw new PonteError("unsafe_url", `pushChannel.url refused: ${error.message}`, {
      details: { reason: error.reasonPt, reasonCode: error.reason },
    });
  }
}

/**
 * The value to store for a requested channel, and the secret to show once (null unless Ponte
 * generated it now). A webhook keeps its secret when the URL changes, unless one is given or
 * rotateSecret asks for a new one.
 */
export async function preparePushChannel(
  ctx: AppContext,
  store: { id: number; orgId: number; settings: Record<string, unknown> },
  input: PushChannelInput,
): Promise<{ stored: StoredPushChannel; revealedSecret: string | null }> {
  const given = input as { url?: unknown; secret?: unknown; rotateSecret?: unknown };
  if (input.kind === "platform") {
    if (given.url !== undefined || given.secret !== undefined || given.rotateSecret !== undefined) {
      throw invalid(
        "pushChannel: the platform channel takes no url or secret",
        "O canal da plataforma não usa URL nem segredo",
      );
    }
    return { stored: PLATFORM, revealedSecret: null };
  }
  if (typeof given.url !== "string" || given.url.trim() === "") {
    throw invalid(`pushChannel.url is required for the ${input.kind} channel`, "Informe a URL de destino");
  }
  const url = given.url.trim();
  await checkChannelUrl(ctx, url);
  if (input.kind === "xml") {
    if (given.secret !== undefined || given.rotateSecret !== undefined) {
      throw invalid("pushChannel: the xml channel takes no secret", "O canal XML não usa segredo");
    }
    return { stored: { kind: "xml", url }, revealedSecret: null };
  }
  if (input.secret !== undefined && input.rotateSecret) {
    throw invalid(
      "pushChannel: give a secret or ask for rotateSecret, not both",
      "Informe o segredo ou peça um novo, não os dois",
    );
  }
  if (input.secret !== undefined) {
    if (input.secret.length < MIN_SECRET_LENGTH || /[\s]/.test(input.secret)) {
      throw invalid(
        `pushChannel.secret must have at least ${MIN_SECRET_LENGTH} characters and no spaces`,
        `O segredo deve ter ao menos ${MIN_SECRET_LENGTH} caracteres, sem espaços`,
      );
    }
    return {
      stored: { kind: "webhook", url, secret: seal(ctx, store.orgId, store.id, input.secret) },
      revealedSecret: null,
    };
  }
  const current = readPushChannel(store.settings);
  if (current.kind === "webhook" && !input.rotateSecret) {
    return { stored: { kind: "webhook", url, secret: current.secret }, revealedSecret: null };
  }
  const secret = generateSecret();
  return {
    stored: { kind: "webhook", url, secret: seal(ctx, store.orgId, store.id, secret) },
    revealedSecret: secret,
  };
}
