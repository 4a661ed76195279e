// Seeded buyers: billing and shipping in WooCommerce's shape (_orders.md "Order - Billing
// properties": first_name, last_name, company, address_1, address_2, city, state, postcode,
// country, email, phone; shipping the same without email and phone — newer cores add a shipping
// phone, left out as in the docs), and the "Brazilian Market on WooCommerce" meta the checkout
// stores (_billing_persontype 1 = Física / 2 = Jurídica, _billing_cpf, _billing_rg, _billing_cnpj,
// _billing_ie, _billing_birthdate dd/mm/yyyy, _billing_gender, _billing_cellphone, _billing_number,
// _billing_neighborhood, _shipping_number, _shipping_neighborhood; shared platform notes §2.3).

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
import { type DocumentKind, makeDocument } from "./documents.ts";

export interface Address {
  first_name: string;
  last_name: string;
  company: string;
  /** The street only: the plugin keeps the number and the neighborhood in their own fields. */
  address_1: string;
  address_2: string;
  city: string;
  state: string;
  postcode: string;
  country: string;
  /** Plugin fields, kept here and shown (or not) by the renderer. */
  number: string;
  neighborhood: string;
}

export interface Buyer {
  billing: Address & { email: string; phone: string };
  shipping: Address;
  /** The plugin's billing meta as stored (keys without the "_billing_" prefix). */
  plugin: {
    persontype: "1" | "2";
    cpf: string;
    rg: string;
    cnpj: string;
    ie: string;
    birthdate: string;
    gender: string;
    cellphone: string;
  };
}

function ascii(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.|\.$/g, "");
}

function address(rng: Random, first: string, last: string, company: string): Address {
  const city = rng.pick(CITIES);
  const cep = `${city.cep}${rng.digits(3)}${rng.digits(3)}`;
  return {
    first_name: first,
    last_name: last,
    company,
    address_1: rng.pick(STREETS),
    address_2: rng.chance(0.5) ? rng.pick(COMPLEMENTS) : "",
    city: city.city,
    state: city.uf,
    // The plugin masks the CEP as 00000-000; imported or old orders carry bare digits.
    postcode: rng.chance(0.8) ? `${cep.slice(0, 5)}-${cep.slice(5)}` : cep,
    country: "BR",
    number: rng.chance(0.05) ? "S/N" : String(rng.int(1, 4000)),
    neighborhood: rng.pick(BAIRROS),
  };
}

export function makeBuyer(rng: Random, kind: DocumentKind, officialExample: boolean): Buyer {
  const doc = makeDocument(rng, kind, officialExample);
  const first = rng.chance(0.06) ? rng.pick(ODD_NAMES) : rng.pick(FIRST_NAMES);
  const last = `${rng.pick(LAST_NAMES)}${rng.chance(0.4) ? ` ${rng.pick(LAST_NAMES)}` : ""}`;
  const company = doc.corporate ? rng.pick(COMPANIES) : "";
  const bill = address(rng, first, last, company);
  const ddd = CITIES.find((c) => c.city === bill.city)?.ddd ?? "11";
  const email = `${ascii(`${first} ${last}`)}${rng.chance(0.3) ? rng.int(1, 99) : ""}@${rng.pick(["example.com", "exemplo.com.br"])}`;
  const phone = rng.chance(0.7) ? `(${ddd}) 9${rng.digits(4)}-${rng.digits(4)}` : `${ddd}9${rng.digits(8)}`;
  const shipping = rng.chance(0.8) ? { ...bill } : address(rng, first, last, "");
  const day = String(rng.int(1, 28)).padStart(2, "0");
  const month = String(rng.int(1, 12)).padStart(2, "0");
  return {
    billing: { ...bill, email, phone },
    shipping,
    plugin: {
      persontype: doc.corporate ? "2" : "1",
      cpf: doc.corporate ? "" : doc.value,
      rg:
        !doc.corporate && rng.chance(0.3)
          ? `${rng.digits(2)}.${rng.digits(3)}.${rng.digits(3)}-${rng.digits(1)}`
          : "",
      cnpj: doc.corporate ? doc.value : "",
      ie: doc.corporate
        ? rng.chance(0.5)
          ? `${rng.digits(3)}.${rng.digits(3)}.${rng.digits(3)}.${rng.digits(3)}`
          : "ISENTO"
        : "",
      birthdate: !doc.corporate && rng.chance(0.5) ? `${day}/${month}/${rng.int(1950, 2004)}` : "",
      gender: !doc.corporate && rng.chance(0.5) ? rng.pick(["Feminino", "Masculino"]) : "",
      cellphone: rng.chance(0.5) ? `(${ddd}) 9${rng.digits(4)}-${rng.digits(4)}` : "",
    },
  };
}
