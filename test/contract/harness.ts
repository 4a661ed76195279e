// What a platform gives the contract suite (platform-contract.ts): its module, its fixtures, and
// its simulator started with a store and orders, driven only through the simulator's own API and
// control endpoints. One harness per platform, next to its entry test (<platform>.contract.test.ts).
import type { Headers, PlatformModule, PushAction, StoreAccess } from "./driver.ts";

/** A fault the simulator is switched into, until clearFaults(). */
export type Fault =
  /** The store's token is revoked: every API call answers the platform's "invalid credentials" (401). */
  | { kind: "unauthorized" }
  /** The store or the app is suspended (unpaid): every API call answers so (402 on Nuvemshop). */
  | { kind: "suspended" }
  /** The next `count` API calls answer the platform's rate-limit answer (429 with its documented headers). */
  | { kind: "rate_limited"; count: number }
  /** The next write is carried out and its answer lost on the way back (a 5xx after applying). */
  | { kind: "answer_lost" }
  /** Webhook deliveries carry a wrong signature, or none. */
  | { kind: "webhook_signature"; signature: "invalid" | "missing" };

export interface LoggedRequest {
  method: string;
  /** The path as the simulator received it. */
  path: string;
  status: number;
}

/** A running simulator holding one store and its orders. */
export interface SimulatorRun {
  /** The store access the connector is opened with. */
  access: StoreAccess;
  /** The secret webhooks of this store are signed with. */
  webhookSecret: string;
  /** Every order's external id, as the simulator holds them now. */
  orderIds(): Promise<string[]>;
  /** Deliveries to `publicOrigin` (https) reach `localOrigin`: the simulator does no DNS. */
  routeWebhooks(publicOrigin: string, localOrigin: string): Promise<void>;
  fault(fault: Fault): Promise<void>;
  /** Back to a healthy store: every fault off, the original token valid again. */
  clearFaults(): Promise<void>;
  /** API requests the simulator received since the last call, oldest first (its request log). */
  takeRequests(): Promise<LoggedRequest[]>;
  close(): Promise<void>;
}

export interface PlatformHarness {
  /** The platform's id, in test names. */
  name: string;
  module: PlatformModule;
  /** Real order payloads (the platform's documented samples and quirks), each must normalize. */
  fixtures: { name: string; raw: unknown }[];
  /** Payloads that cannot be read, each with words its MappingError's problems must name. */
  malformed: { name: string; raw: unknown; problems: string[] }[];
  /** Most orders one listing page holds (the platform's per-page maximum, as the connector asks). */
  pageSize: number;
  /** An external id no order has on the simulator. */
  missingOrderId: string;
  /**
   * False for a platform whose deliveries prove their sender but not their body (VTEX: a secret
   * header Ponte registers, no signature): a tampered body is then not detectable. Default true.
   */
  webhookSignsBody?: boolean;
  /** Signs `body` the platform's way with `secret`: the headers a delivery carries. */
  signWebhook(body: Buffer, secret: string): Headers;
  /** A push that changes an order (and makes the platform send a webhook for it), and the raw orders it applies to. */
  push: { action: PushAction; appliesTo(raw: unknown): boolean };
  /** Starts the platform's simulator on loopback with one store holding `orders` orders. */
  start(options: { orders: number }): Promise<SimulatorRun>;
}
