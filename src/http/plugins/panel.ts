// Serves the built panel (web/dist) at `/`. Hashed assets are cached for good; index.html is
// revalidated so a new build shows at the next load. Any other GET that is not an API path
// and not a file gets index.html: the panel's router owns those addresses (/pedidos/42…).
import fs from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

export const PANEL_DIR = path.resolve(import.meta.dirname, "../../../web/dist");

const notBuilt = `<!doctype html><html lang="pt-BR"><meta charset="utf-8"><title>Ponte</title>
<p>O painel ainda não foi gerado. Rode <code>npm install</code> ou <code>npm start</code> na pasta do Ponte.</p>
<p lang="en">The panel has not been built yet: run <code>npm install</code> or <code>npm start</code>.</p></html>`;

const isApiPath = (url: string) =>
  /^\/(api|webhooks)(\/|$|\?)/.test(url) || /^\/(health|ready|metrics)(\?|$)/.test(url);

export async function panelPlugin(app: FastifyInstance) {
  const built = fs.existsSync(path.join(PANEL_DIR, "index.html"));
  if (built) {
    await app.register(fastifyStatic, {
      root: PANEL_DIR,
      prefix: "/",
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders(res, file) {
        res.setHeader(
          "cache-control",
          file.includes(`${path.sep}assets${path.sep}`) ? "public, max-age=31536000, immutable" : "no-cache",
        );
      },
    });
  }

  const sendPanel = (reply: FastifyReply) => {
    if (!built) return reply.type("text/html; charset=utf-8").status(503).send(notBuilt);
    return reply.header("cache-control", "no-cache").sendFile("index.html");
  };

  app.get("/", { schema: { hide: true } }, (_request, reply) => sendPanel(reply));

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const isPage = !/\.[a-z0-9]+$/i.test(request.url.split("?")[0] ?? ""); // a missing asset is a 404
    if ((request.method === "GET" || request.method === "HEAD") && isPage && !isApiPath(request.url)) {
      return sendPanel(reply);
    }
    return reply.status(404).send({
      error: { code: "not_found", message: `no route ${request.method} ${request.url.split("?")[0]}` },
    });
  });
}
