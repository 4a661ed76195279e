// The buyer and the addresses of a WooCommerce order. Core has no CPF/CNPJ, house number nor
// neighbourhood: Brazilian stores use the "Brazilian Market on WooCommerce" plugin (platforms
// README §2.3, read in its class-extra-checkout-fields-for-brazil-api.php), which adds
// billing.{persontype, cpf, cnpj, number, neighborhood} and shipping.{number, neighborhood} to the
// REST order and keeps the same values in the order meta (_billing_persontype 1 = Física,
// 2 = Jurídica, _billing_cpf, _billing_cnpj, _billing_number, _shipping_neighborhood…). The REST
// fields are read first, the meta when they are absent (an old plugin, a REST-less one).
import { checkDocument, normalizeDocument } from "../../domain/document.ts";
import type { Address, CanonicalOrder } from "../connector.ts";
import { isObject, type Json, meta, text } from "./read-json.ts";

type Kind = "F" | "J" | null;

/** billing.persontype ("F", "J", "" when the plugin's setting is "none"), else the meta (1, 2). */
function personType(billing: Json, metaData: unknown): Kind {
  const rest = text(billing.persontype)?.toUpperCase();
  if (rest === "F" || rest === "J") return rest;
  const stored = meta(metaData, "_billing_persontype");
  if (stored === "1") return "F";
  if (stored === "2") return "J";
  return null;
}

/** A billing field the plugin adds: the REST field, else its `_billing_<name>` meta. */
const pluginField = (address: Json, metaData: unknown, prefix: string, name: string): string | null =>
  text(address[name]) ?? meta(metaData, `_${prefix}_${name}`);

export function wooCustomer(o: Json): CanonicalOrder["customer"] {
  const billing = isObject(o.billing) ? o.billing : {};
  const kind = personType(billing, o.meta_data);
  const cpf = pluginField(billing, o.meta_data, "billing", "cpf");
  const cnpj = pluginField(billing, o.meta_data, "billing", "cnpj");
  // The person type picks the document; when it is unset (both shown), the one typed wins. A
  // CNPJ may carry letters (alphanumeric CNPJ): it is normalized, never stripped to digits.
  const raw = kind === "J" ? (cnpj ?? cpf) : kind === "F" ? (cpf ?? cnpj) : (cpf ?? cnpj);
  const person = [text(billing.first_name), text(billing.last_name)].filter(Boolean).join(" ") || null;
  const company = text(billing.company);
  const check = checkDocument(raw);
  return {
    // customer_id 0 is a guest (_orders.md "customer_id": "User ID who owns the order. 0 for guests").
    externalId: text(o.customer_id) === "0" ? null : text(o.customer_id),
    name: kind === "J" || (raw !== null && raw === cnpj && kind === null) ? (company ?? person) : person,
    email: text(billing.email),
    phone: text(billing.phone) ?? pluginField(billing, o.meta_data, "billing", "cellphone"),
    document: raw === null ? null : normalizeDocument(raw),
    documentKind: check.ok ? check.kind : null,
    documentProblem: check.ok ? null : check.reason,
  };
}

/** billing or shipping (same keys; shipping has no e-mail; newer cores add shipping.phone). */
export function wooAddress(
  raw: unknown,
  o: Json,
  prefix: "billing" | "shipping",
  fallbackPhone: string | null,
): Address {
  const a = isObject(raw) ? raw : {};
  const name = [text(a.first_name), text(a.last_name)].filter(Boolean).join(" ") || null;
  return {
    name: name ?? text(a.company),
    street: text(a.address_1),
    number: pluginField(a, o.meta_data, prefix, "number"),
    complement: text(a.address_2),
    neighborhood: pluginField(a, o.meta_data, prefix, "neighborhood"),
    city: text(a.city),
    state: text(a.state),
    zipcode: text(a.postcode),
    country: text(a.country),
    phone: text(a.phone) ?? fallbackPhone,
  };
}

/** True when the shipping address holds anything (a virtual or pickup order leaves it empty). */
export function hasAddress(raw: unknown): boolean {
  if (!isObject(raw)) return false;
  return ["first_name", "last_name", "company", "address_1", "city", "postcode"].some(
    (k) => text(raw[k]) !== null,
  );
}
