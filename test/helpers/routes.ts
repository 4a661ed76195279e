import type { FastifyInstance } from "fastify";

/** Every (method, path) the app serves, read from its route tree so new routes are covered. */
export function allRoutes(app: FastifyInstance): { method: string; url: string }[] {
  const routes: { method: string; url: string }[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]+)\))?$/.exec(line.trimEnd());
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const url = `${stack[depth - 1] ?? ""}${match[2]}`.replace(/^\/\//, "/");
    stack[depth] = url;
    stack.length = depth + 1;
    for (const method of match[3]?.split(", ") ?? []) routes.push({ method, url });
  }
  return routes;
}
