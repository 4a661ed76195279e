// Customer documents for someone who may only read (the Leitura role, a read-only token): every
// `document` field of a JSON answer leaves masked (`***.456.789-**`), whatever route built it, so a
// new screen cannot forget; the CSV exports ask documentShown. Who may operate sees them whole.
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { formatDocument, maskDocument } from "../../domain/document.ts";
import { can } from "./auth.ts";

const mustMask = (request: FastifyRequest) => request.principal !== null && !can(request, "operate");

/** How this request's CSV shows a CPF/CNPJ. */
export function documentShown(request: FastifyRequest): (document: string) => string {
  return mustMask(request) ? maskDocument : formatDocument;
}

/** A copy of `value` with every string `document` property masked. */
function masked(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(masked);
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = key === "document" && typeof inner === "string" ? maskDocument(inner) : masked(inner);
  }
  return out;
}

export const documentMasking = fp(async (app: FastifyInstance) => {
  app.addHook("preSerialization", async (request, _reply, payload) =>
    mustMask(request) ? masked(payload) : payload,
  );
});
