// Outgoing POSTs (webhook pings and deliveries, the wc-auth key handover). The simulator does no
// DNS: a public https URL is reached only when its origin is mapped in `hosts` to a loopback origin
// (a hosts file plus a TLS-terminating tunnel); an unmapped origin fails at once, like an
// unreachable host. Redirects are not followed (class-wc-webhook.php deliver(): 'redirection' => 0).
import http from "node:http";
import https from "node:https";

export interface Outgoing {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

/** Resolves to the answer's status, or null for no route, a network error or a timeout. */
export function post(out: Outgoing, hosts: Record<string, string>): Promise<number | null> {
  return new Promise((resolve) => {
    let target: URL;
    let host: string;
    try {
      const url = new URL(out.url);
      const local = hosts[url.origin];
      if (!local) {
        resolve(null);
        return;
      }
      target = new URL(`${url.pathname}${url.search}`, local);
      host = url.host;
    } catch {
      resolve(null);
      return;
    }
    const client = target.protocol === "https:" ? https : http;
    const request = client.request(target, {
      method: "POST",
      agent: false,
      headers: {
        ...out.headers,
        host, // as a tunnel forwards it
        "content-length": String(Buffer.byteLength(out.body)),
      },
    });
    let settled = false;
    const done = (status: number | null) => {
      if (settled) return;
      settled = true;
      resolve(status);
    };
    request.setTimeout(out.timeoutMs, () => {
      request.destroy();
      done(null);
    });
    request.on("response", (response) => {
      response.resume();
      response.on("end", () => done(response.statusCode ?? null));
      response.on("error", () => done(response.statusCode ?? null));
    });
    request.on("error", () => done(null));
    request.end(out.body);
  });
}
