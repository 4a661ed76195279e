// Helpers for the simulator tests: a raw HTTP client (Basic auth with the simulator's key by
// default, JSON bodies, the control key for /__ paths) and a loopback receiver for webhooks and the
// key handover that records what it got and answers the status a test sets.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { WooSimulator } from "./index.ts";

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field by the assertions
  json: () => any;
}

export function basic(key: string, secret: string): string {
  return `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`;
}

export function call(
  sim: WooSimulator,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string | object; auth?: boolean } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (path.startsWith("/__")) headers["x-simulator-key"] = sim.controlKey;
  else if (options.auth !== false) headers.authorization = basic(sim.consumerKey, sim.consumerSecret);
  let body: string | undefined;
  if (typeof options.body === "object") {
    body = JSON.stringify(options.body);
    headers["content-type"] = "application/json";
  } else body = options.body;
  Object.assign(headers, options.headers);
  const url = path.startsWith("/__") || path.startsWith("/wc-auth") ? sim.url + path : sim.apiBase + path;
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

export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The raw body as sent (signatures are checked over these bytes). */
  raw: string;
}

export interface Receiver {
  origin: string;
  received: Received[];
  /** Status answered to the next requests (default 200). */
  status: number;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const receiver = { received: [] as Received[], status: 200 } as Receiver;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      receiver.received.push({
        path: req.url ?? "/",
        headers: req.headers,
        raw: Buffer.concat(chunks).toString("utf8"),
      });
      res.writeHead(receiver.status, { "content-type": "text/plain" });
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return receiver;
}
