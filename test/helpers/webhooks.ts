// Signed Nuvemshop webhooks posted to an in-process Ponte (app.inject), as the platform sends them.
import crypto from "node:crypto";
import type { FastifyInstance } from "fastify";
import { signedWebhook } from "./reliability.ts";

/** Posts one order (or app) notice; returns the HTTP status and the ack (accepted / duplicate / ignored). */
export async function injectWebhook(
  app: FastifyInstance,
  secret: string,
  storeExternalId: number,
  event: string,
  id: number | string,
): Promise<{ status: number; ack: string | undefined }> {
  const hook = signedWebhook(secret, storeExternalId, event, id);
  const res = await app.inject({
    method: "POST",
    url: "/webhooks/nuvemshop",
    headers: { "content-type": "application/json", "x-linkedstore-hmac-sha256": hook.signature },
    payload: hook.body,
  });
  return { status: res.statusCode, ack: (res.json() as { status?: string }).status };
}

/** Posts a body as the platform signs it (an LGPD notice from the simulator); returns status and ack. */
export async function injectSignedBody(
  app: FastifyInstance,
  secret: string,
  body: string,
): Promise<{ status: number; ack: string | undefined }> {
  const signature = crypto.createHmac("sha256", secret).update(body, "utf8").digest("hex");
  const res = await app.inject({
    method: "POST",
    url: "/webhooks/nuvemshop",
    headers: { "content-type": "application/json", "x-linkedstore-hmac-sha256": signature },
    payload: body,
  });
  return { status: res.statusCode, ack: (res.json() as { status?: string }).status };
}
