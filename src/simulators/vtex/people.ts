// Seeded buyers: clientProfileData and a delivery address in VTEX's shape (OpenAPI "Get order":
// clientProfileData{email, firstName, lastName, documentType, document, phone, corporateName,
// tradeName, corporateDocument, stateInscription, corporatePhone, isCorporate}, shippingData.address
// {addressType, receiverName, postalCode, city, state, country, street, number, neighborhood,
// complement, reference}).

import type { Random } from "../shared/random.ts";
import {
  BAIRROS,
  CITIES,
  COMPANIES,
  COMPLEMENTS,
  FIRST_NAMES,
  LAST_NAMES,
  ODD_NAMES,
  STREETS,
} from "./data.ts";
import { type DocumentKind, formatCpf, makeDocument, randomCpf } from "./documents.ts";
import type { Json } from "./types.ts";

export interface Buyer {
  profile: Json;
  address: Json;
  /** For the list's clientName. */
  name: string;
}

function ascii(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.|\.$/g, "");
}

export function makeBuyer(rng: Random, kind: DocumentKind, officialExample: boolean): Buyer {
  const doc = makeDocument(rng, kind, officialExample);
  const first = rng.chance(0.06) ? rng.pick(ODD_NAMES) : rng.pick(FIRST_NAMES);
  const last = `${rng.pick(LAST_NAMES)}${rng.chance(0.4) ? ` ${rng.pick(LAST_NAMES)}` : ""}`;
  const city = rng.pick(CITIES);
  const phone = `+55${city.ddd}9${rng.digits(8)}`;
  const masked = kind === "masked";
  // [U] Keys without PII rights see VTEX's conversation e-mail ({hash}@ct.vtex.com.br) instead of the buyer's.
  const email = masked
    ? `${rng.hex(32)}@ct.vtex.com.br`
    : `${ascii(`${first} ${last}`)}${rng.chance(0.3) ? rng.int(1, 99) : ""}@${rng.pick(["example.com", "exemplo.com.br"])}`;
  const company = doc.corporate ? rng.pick(COMPANIES) : null;
  const profile: Json = {
    id: "clientProfileData",
    email,
    firstName: first,
    lastName: last,
    documentType: "cpf",
    // A company buyer's person behind the purchase often has a CPF too.
    document: doc.corporate
      ? masked
        ? null
        : rng.chance(0.5)
          ? formatCpf(randomCpf(rng))
          : null
      : doc.value,
    phone,
    corporateName: company,
    tradeName: company ? company.replace(/ (Ltda|ME|Eireli|S\.A\.)$/, "") : null,
    corporateDocument: doc.corporate ? doc.value : null,
    stateInscription: doc.corporate ? (rng.chance(0.5) ? rng.digits(12) : "Isento") : null,
    corporatePhone: doc.corporate ? `+55${city.ddd}3${rng.digits(7)}` : null,
    isCorporate: doc.corporate,
    userProfileId: `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`,
    customerClass: null,
  };
  const cep = `${city.cep}${rng.digits(3)}${rng.digits(3)}`;
  const address: Json = {
    addressType: "residential",
    receiverName: company && rng.chance(0.5) ? company : `${first} ${last}`,
    addressId: rng.hex(13),
    postalCode: rng.chance(0.7) ? `${cep.slice(0, 5)}-${cep.slice(5)}` : cep,
    city: city.city,
    state: city.uf,
    country: "BRA",
    street: rng.pick(STREETS),
    number: rng.chance(0.05) ? "s/n" : String(rng.int(1, 4000)),
    neighborhood: rng.pick(BAIRROS),
    complement: rng.chance(0.5) ? rng.pick(COMPLEMENTS) : null,
    reference: null,
    geoCoordinates: [],
  };
  return { profile, address, name: `${first} ${last}` };
}
