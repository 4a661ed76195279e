// Testar conexão on VTEX: VTEX has no cheap "who am I" for an app key, so the store's record is
// the list of orders with per_page 1 (it proves the key, its OMS role and the account); its name
// is the account name. One order read in full proves orders can be read, and whether the key sees
// the buyer (a key without PII rights gets masked data: customerIncluded false).

import { isMaskedDocument } from "../../domain/document.ts";
import type { ConnectionProbe, SampleOrder } from "../connector.ts";
import { refused, type VtexClient } from "./client.ts";
import { text } from "./map-order.ts";

type Json = Record<string, unknown>;

export function vtexProbe(
  client: VtexClient,
  account: string,
  feed: { ensureConfig(): Promise<void> },
): ConnectionProbe {
  const firstPage = async () => {
    const res = await client.request("GET", client.url("/api/oms/pvt/orders", { per_page: 1, page: 1 }));
    if (res.status >= 400) throw refused("listing orders", res);
    return res.body as { list?: Json[]; paging?: { total?: unknown } } | null;
  };
  return {
    async storeInfo() {
      await firstPage();
      return { name: account };
    },

    async sampleOrder(): Promise<SampleOrder | null> {
      const body = await firstPage();
      const summary = Array.isArray(body?.list) ? body.list[0] : undefined;
      const id = text(summary?.orderId);
      if (id === null) return null;
      const order = await client.getOrder(id);
      if (order === null) return null;
      const profile = (order.clientProfileData ?? null) as Json | null;
      const document = text(profile?.isCorporate === true ? profile?.corporateDocument : profile?.document);
      const total = Number(body?.paging?.total);
      return {
        externalId: id,
        number: text(order.sequence),
        total: Number.isFinite(total) ? total : null,
        customerIncluded: profile !== null && !(document !== null && isMaskedDocument(document)),
      };
    },

    feed: () => feed.ensureConfig(),
  };
}
