// The status event the XML and webhook channels send (docs/PUSH.md has the schema): a snapshot
// taken when the back office changed the order, serialized as XML (namespace urn:ponte:push:1,
// every value escaped) or JSON. The same event always serializes to the same bytes, so a retry
// sends what the first attempt sent.
import type { CanonicalStatus } from "../domain/order-status.ts";

export const XML_NAMESPACE = "urn:ponte:push:1";

export interface StatusEvent {
  /** Stable across retries: the receiver dedupes on it (also sent as X-Ponte-Event-Id). */
  id: string;
  type: "order.status_changed" | "order.invoiced";
  occurredAt: string;
  store: { id: number; name: string; platform: string };
  order: {
    salesOrderId: number;
    salesOrderNumber: number;
    storeOrderId: string | null;
    storeOrderNumber: string | null;
  };
  status: {
    code: CanonicalStatus;
    label: string;
    previousCode: CanonicalStatus | null;
    /** The status value the store's status table maps this status to (its first value). */
    platformStatus: string | null;
    /** Grows by one with every change of the order's status. */
    version: number;
  };
  tracking: { carrier: string; code: string | null; url: string | null } | null;
  invoice: {
    kind: "nfe" | "simple";
    accessKey: string | null;
    number: string | null;
    series: string | null;
    issuedAt: string | null;
    xmlUrl: string | null;
  } | null;
  deliveredAt: string | null;
  /** Whether the customer is to be told (false when Ponte itself e-mails the customer). */
  notifyCustomer: boolean;
}

export function statusEventJson(event: StatusEvent): string {
  return JSON.stringify(event);
}

// XML 1.0 allows tab, LF, CR and U+0020 upwards except surrogates and U+FFFE/U+FFFF: anything
// else cannot be written even escaped, so it is dropped.
const NOT_XML_CHAR =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters removed
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text or attribute value, escaped for XML. */
export function escapeXml(value: string): string {
  return value.replace(NOT_XML_CHAR, "").replace(/[&<>"']/g, (c) => {
    switch (c) {
      case "&":
        return "&amp;";
      case "<":
        return "&lt;";
      case ">":
        return "&gt;";
      case '"':
        return "&quot;";
      default:
        return "&apos;";
    }
  });
}

/** `<name>value</name>`, or nothing when the value is null (optional elements are left out). */
function element(name: string, value: string | number | boolean | null, indent: string): string {
  if (value === null) return "";
  return `${indent}<${name}>${escapeXml(String(value))}</${name}>\n`;
}

export function statusEventXml(event: StatusEvent): string {
  const i2 = "    ";
  const { store, order, status, tracking, invoice } = event;
  let xml = '<?xml version="1.0" encoding="UTF-8"?>\n';
  xml += `<statusEvent xmlns="${XML_NAMESPACE}" version="1">\n`;
  xml += element("id", event.id, "  ");
  xml += element("type", event.type, "  ");
  xml += element("occurredAt", event.occurredAt, "  ");
  xml += `  <store id="${store.id}" platform="${escapeXml(store.platform)}">${escapeXml(store.name)}</store>\n`;
  xml += "  <order>\n";
  xml += element("salesOrderId", order.salesOrderId, i2);
  xml += element("salesOrderNumber", order.salesOrderNumber, i2);
  xml += element("storeOrderId", order.storeOrderId, i2);
  xml += element("storeOrderNumber", order.storeOrderNumber, i2);
  xml += "  </order>\n";
  xml += `  <status version="${status.version}">\n`;
  xml += element("code", status.code, i2);
  xml += element("label", status.label, i2);
  xml += element("previousCode", status.previousCode, i2);
  xml += element("platformStatus", status.platformStatus, i2);
  xml += "  </status>\n";
  if (tracking) {
    xml += "  <tracking>\n";
    xml += element("carrier", tracking.carrier, i2);
    xml += element("code", tracking.code, i2);
    xml += element("url", tracking.url, i2);
    xml += "  </tracking>\n";
  }
  if (invoice) {
    xml += `  <invoice kind="${escapeXml(invoice.kind)}">\n`;
    xml += element("accessKey", invoice.accessKey, i2);
    xml += element("number", invoice.number, i2);
    xml += element("series", invoice.series, i2);
    xml += element("issuedAt", invoice.issuedAt, i2);
    xml += element("xmlUrl", invoice.xmlUrl, i2);
    xml += "  </invoice>\n";
  }
  xml += element("deliveredAt", event.deliveredAt, "  ");
  xml += element("notifyCustomer", event.notifyCustomer, "  ");
  xml += "</statusEvent>\n";
  return xml;
}
