// A raw HTTP client for the simulator tests: VTEX's auth headers by default, JSON bodies, and the
// control key for /__ paths.
import http from "node:http";
import type { VtexSimulator } from "./index.ts";

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field by the assertions
  json: () => any;
}

export function call(
  sim: VtexSimulator,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string | object; auth?: boolean } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (path.startsWith("/__")) headers["x-simulator-key"] = sim.controlKey;
  else if (options.auth !== false) {
    headers["x-vtex-api-appkey"] = sim.appKey;
    headers["x-vtex-api-apptoken"] = sim.appToken;
  }
  let body: string | undefined;
  if (typeof options.body === "object") {
    body = JSON.stringify(options.body);
    headers["content-type"] = "application/json";
  } else body = options.body;
  Object.assign(headers, options.headers);
  return new Promise((resolve, reject) => {
    const req = http.request(sim.url + path, { method, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c) => {
        text += c;
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) }),
      );
    });
    req.on("error", reject);
    req.end(body);
  });
}
