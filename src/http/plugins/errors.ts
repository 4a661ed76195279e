// One error handler: PonteError codes become statuses and a stable {error:{code,message}}
// body the panel translates; 5xx are logged as errors, 4xx as info.
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { isPonteError } from "../../errors.ts";

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (isPonteError(error)) {
    // An outage answers every request 503: one short line each, not a stack trace each. A store's
    // platform being down is not Ponte's error either (its detail was logged where it happened).
    if (error.code === "database_unavailable" || error.code === "platform_unavailable")
      request.log.warn({ code: error.code }, error.message);
    else request.log[error.status >= 500 ? "error" : "info"]({ err: error, code: error.code }, error.message);
    return reply
      .status(error.status)
      .send({ error: { code: error.code, message: error.message, ...(error.details ?? {}) } });
  }
  if (error.validation) {
    request.log.info({ validation: error.validation }, "request validation failed");
    return reply.status(400).send({
      error: {
        code: "validation_failed",
        message: error.message,
        fields: error.validation.map((v) => ({
          path: v.instancePath || v.params?.missingProperty,
          message: v.message,
        })),
      },
    });
  }
  const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
  if (status >= 500) request.log.error({ err: error }, "request failed");
  return reply.status(status).send({
    error: {
      code: status >= 500 ? "internal" : (error.code ?? "bad_request").toLowerCase(),
      message: error.message,
    },
  });
}
