// Shared by this folder's tests: a silent logger and a connector opened on a simulator's site
// (the tests start the simulator themselves: only *.test.ts files may import it).
import { createLogger } from "../../logger.ts";
import type { ConnectorDeps, StoreConnector } from "../connector.ts";
import { WooClient } from "./client.ts";
import { woocommerce } from "./index.ts";

export const silentLogger = createLogger({ logLevel: "silent", logPretty: false });

export interface SiteLike {
  url: string;
  apiBase: string;
  consumerKey: string;
  consumerSecret: string;
}

export function connectTo(
  site: SiteLike,
  deps: Partial<ConnectorDeps> = {},
  settings: Record<string, unknown> = {},
): StoreConnector {
  return woocommerce.connect(
    {
      storeExternalId: site.url,
      apiBaseUrl: site.apiBase,
      credentials: { consumerKey: site.consumerKey, consumerSecret: site.consumerSecret },
      settings,
    },
    { logger: silentLogger, userAgent: "ponte-test", retry: { maxRetries: 0 }, ...deps },
  );
}

export function clientOf(site: SiteLike, options: Partial<ConstructorParameters<typeof WooClient>[0]> = {}) {
  return new WooClient({
    apiBaseUrl: site.apiBase,
    consumerKey: site.consumerKey,
    consumerSecret: site.consumerSecret,
    userAgent: "ponte-test",
    logger: silentLogger,
    baseDelayMs: 1,
    ...options,
  });
}
