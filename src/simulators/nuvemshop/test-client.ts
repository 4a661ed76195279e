// A raw HTTP client for the simulator tests (node:http, not fetch: fetch always adds a
// User-Agent, and the request checks need full control over the headers).
import http from "node:http";
import type { NuvemshopSimulator } from "./index.ts";

export const UA = "PonteTest (dev@example.com)";

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field by the assertions
  json: () => any;
}

/** `path` is under the store (/orders…), under the root (/apps…), or a full URL. */
export function call(
  sim: NuvemshopSimulator,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string | object; auth?: boolean } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {
    "user-agent": UA,
    ...(options.auth === false ? {} : { authentication: `bearer ${sim.accessToken}` }),
  };
  let body: string | undefined;
  if (typeof options.body === "object") {
    body = JSON.stringify(options.body);
    headers["content-type"] = "application/json";
  } else body = options.body;
  Object.assign(headers, options.headers);
  for (const [k, v] of Object.entries(headers)) if (v === "") delete headers[k];
  const url = path.startsWith("http")
    ? path
    : path.startsWith("/apps")
      ? sim.url + path
      : `${sim.apiBase}/${sim.storeId}${path}`;
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
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
