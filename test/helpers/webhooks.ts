// Signed Nuvemshop webhooks posted to an in-process Ponte (app.inject), as the platform sends them.
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
