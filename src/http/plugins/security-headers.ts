// Browser hardening on every response (panel, assets, API, errors), the headers helmet sets:
// - a Content Security Policy: scripts only from Ponte's own files (the built panel has no
//   inline script), nothing framed from or into another origin (`frame-ancestors 'none'`:
//   no clickjacking), no plugins, forms and fetches back to Ponte only. Styles may be inline
//   and images any https: the customer e-mails previewed in the panel are the store's HTML,
//   styled inline, and a sandboxed srcdoc frame takes its policy from the page around it;
// - X-Frame-Options: DENY for browsers without CSP, X-Content-Type-Options: nosniff;
// - Referrer-Policy: same-origin, so panel addresses (searches, order ids) never leave Ponte;
// - HSTS (honoured only over https), without subdomains: they are not Ponte's to decide.
// Swagger UI (/api/docs) runs under the same policy.
//
// The headers are the same for every response, so helmet runs once, at start, and each
// response gets the finished list: built per request (as @fastify/helmet does) it cost a
// sixth of the webhook route's throughput.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import helmet, { type HelmetOptions } from "helmet";

const options: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      "default-src": ["'self'"],
      "base-uri": ["'self'"],
      "connect-src": ["'self'"],
      "font-src": ["'self'", "data:"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'none'"],
      "img-src": ["'self'", "data:", "https:"],
      "object-src": ["'none'"],
      "script-src": ["'self'"],
      "script-src-attr": ["'none'"],
      "style-src": ["'self'", "'unsafe-inline'"],
    },
  },
  frameguard: { action: "deny" },
  referrerPolicy: { policy: "same-origin" },
  strictTransportSecurity: { maxAge: 180 * 24 * 3600, includeSubDomains: false },
};

/** The headers helmet sets with `options`, read by running it once on a recording response. */
export function securityHeaderList(): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: () => {},
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

export const securityHeaders = fp(async (app: FastifyInstance) => {
  const headers = securityHeaderList();
  app.addHook("onRequest", (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
});
