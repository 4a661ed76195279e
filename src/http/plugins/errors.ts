// One error handler: PonteError codes become statuses and a stable {error:{code,message}} body
// the panel translates. A 5xx never shows its cause: it answers `internal` with the request id,
// and the cause (a database error, a stack) goes to the log under that id. Each answer is one log
// line of bounded length: 4xx at info without a stack (a burst of bad requests must not grow the
// log faster than the requests), 5xx as errors with the stack.
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { ERROR_CATALOGUE, isPonteError } from "../../errors.ts";

/** Longest URL or message a log line carries: what a client sends is not copied whole. */
const MAX_LOGGED = 200;

export const bounded = (text: string, max = MAX_LOGGED) =>
  text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text;

/**
 * What a line about an answer says of its request: the path (a query string may carry a code, as
 * the OAuth callback's does, and the message names the field at fault) and the client's address;
 * never the body nor a header.
 */
const facts = (request: FastifyRequest, status: number, code: string) => ({
  status,
  code,
  method: request.method,
  path: bounded(request.url.split("?", 1)[0] ?? ""),
  ip: bounded(request.ip ?? "", 64),
});

const kib = (bytes: number) => Math.round(bytes / 1024);

/** 413: the route's limit, in English and pt-BR. */
function tooLarge(request: FastifyRequest) {
  const limit = request.routeOptions.bodyLimit;
  return {
    code: "payload_too_large",
    message: `the request body is larger than this route accepts (${limit} bytes)`,
    limit,
    reason: `O conteúdo enviado passa do limite desta operação (${kib(limit)} KB).`,
  };
}

/** A 4xx that Fastify raised (parsing, media type, size): its stable code and a bounded message. */
function clientError(error: FastifyError, request: FastifyRequest, status: number) {
  if (status === 413) return tooLarge(request);
  return { code: (error.code ?? "bad_request").toLowerCase(), message: bounded(error.message, 300) };
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (isPonteError(error)) {
    const line = facts(request, error.status, error.code);
    // An outage answers every request 503: one short line each, not a stack trace each. A store's
    // platform being down is not Ponte's error either (its detail was logged where it happened).
    if (error.code === "database_unavailable" || error.code === "platform_unavailable")
      request.log.warn(line, bounded(error.message));
    else if (error.status >= 500) request.log.error({ ...line, err: error }, bounded(error.message));
    else request.log.info(line, bounded(error.message));
    const requestId = error.status >= 500 ? { requestId: request.id } : {};
    return reply
      .status(error.status)
      .send({ error: { code: error.code, message: error.message, ...(error.details ?? {}), ...requestId } });
  }
  if (error.validation) {
    const fields = error.validation.map((v) => ({
      path: v.instancePath || v.params?.missingProperty,
      message: v.message,
    }));
    // The message names the first field at fault: the line needs no more of what was sent.
    const invalid = ERROR_CATALOGUE.validation_failed;
    request.log.info(facts(request, invalid, "validation_failed"), bounded(error.message));
    return reply
      .status(invalid)
      .send({ error: { code: "validation_failed", message: error.message, fields } });
  }
  const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
  if (status < 500) {
    const body = clientError(error, request, status);
    request.log.info(facts(request, status, body.code), bounded(error.message));
    return reply.status(status).send({ error: body });
  }
  // Not ours: a database error, a bug. The answer says only that, and where to look in the log.
  request.log.error({ ...facts(request, status, "internal"), err: error }, "request failed");
  return reply.status(status).send({
    error: {
      code: "internal",
      message: "internal error: the log has its cause under this request id",
      requestId: request.id,
    },
  });
}
