// Seeded buyers: names (accents, emoji, companies), e-mails, phones in several formats, addresses
// with CEPs (São Paulo's start with 0) and a CPF/CNPJ from documents.ts.

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
import { formatTime, money } from "./format.ts";
import type { Json } from "./types.ts";

export interface Address {
  name: string;
  address: string;
  number: string;
  floor: string | null;
  locality: string;
  city: string;
  province: string;
  zipcode: string;
  country: string;
  phone: string;
}

export interface Customer {
  id: number;
  name: string;
  email: string;
  phone: string;
  identification: string | null;
  business: boolean;
  address: Address;
  createdMs: number;
  /** Running total in cents, so each order's snapshot shows what was spent up to it. */
  totalSpent: number;
}

function ascii(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.|\.$/g, "");
}

export class People {
  private nextId = 60_000_000;

  constructor(private readonly rng: Random) {}

  personName(): string {
    const rng = this.rng;
    if (rng.chance(0.08)) return rng.pick(ODD_NAMES);
    const second = rng.chance(0.4) ? ` ${rng.pick(LAST_NAMES)}` : "";
    return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}${second}`;
  }

  customer(createdMs: number, kind: DocumentKind, officialExample: boolean): Customer {
    const rng = this.rng;
    const doc = makeDocument(rng, kind, officialExample);
    const name = doc.business ? rng.pick(COMPANIES) : this.personName();
    const local = `${ascii(name)}${rng.chance(0.3) ? rng.int(1, 99) : ""}${rng.chance(0.05) ? "+loja" : ""}`;
    let email = `${local}@${rng.pick(["example.com", "exemplo.com.br", "example.net"])}`;
    if (rng.chance(0.05)) email = email.toUpperCase();
    const address = this.address(name);
    return {
      id: this.nextId++,
      name,
      email,
      phone: address.phone,
      identification: doc.value,
      business: doc.business,
      address,
      createdMs,
      totalSpent: 0,
    };
  }

  address(name: string): Address {
    const rng = this.rng;
    const city = rng.pick(CITIES);
    const cep = `${city.cep}${rng.digits(3)}${rng.chance(0.7) ? "-" : ""}${rng.digits(3)}`;
    const mobile = `9${rng.digits(8)}`;
    const dashed = `${mobile.slice(0, 5)}-${mobile.slice(5)}`;
    const phone = rng.pick([
      `+55 ${city.ddd} ${dashed}`,
      `(${city.ddd}) ${dashed}`,
      `${city.ddd}${mobile}`,
      `+55${city.ddd}${mobile}`,
    ]);
    return {
      name,
      address: rng.pick(STREETS),
      number: rng.chance(0.05) ? "s/n" : String(rng.int(1, 3999)),
      floor: rng.weighted([
        [rng.pick(COMPLEMENTS), 5],
        ["", 3],
        [null, 2],
      ]),
      locality: rng.pick(BAIRROS),
      city: city.city,
      // Stores mostly hold the state's name, some the two-letter sigla.
      province: rng.chance(0.8) ? city.state : city.uf,
      zipcode: cep,
      country: "BR",
      phone,
    };
  }
}

export function addressJson(a: Address, id: number, createdMs: number): Json {
  return {
    address: a.address,
    city: a.city,
    country: a.country,
    created_at: formatTime(createdMs),
    default: true,
    floor: a.floor,
    id,
    locality: a.locality,
    name: a.name,
    number: a.number,
    phone: a.phone,
    province: a.province,
    updated_at: formatTime(createdMs),
    zipcode: a.zipcode,
  };
}

/** Nuvemshop's flat billing fields (billing_address is the street, as on the real API). */
export function billingJson(name: string, b: Address): Json {
  return {
    billing_name: name,
    billing_phone: b.phone,
    billing_address: b.address,
    billing_number: b.number,
    billing_floor: b.floor,
    billing_locality: b.locality,
    billing_zipcode: b.zipcode,
    billing_city: b.city,
    billing_province: b.province,
    billing_country: "BR",
  };
}

/** The `customer` object of an order: a snapshot as of that order. */
export function customerJson(c: Customer, orderId: number, orderMs: number, hideDocument: boolean): Json {
  const b = c.address;
  const address = addressJson(b, c.id + 7, c.createdMs);
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    identification: hideDocument ? null : c.identification,
    phone: c.phone,
    note: null,
    default_address: address,
    addresses: [address],
    ...billingJson(c.name, b),
    extra: {},
    total_spent: money(c.totalSpent),
    total_spent_currency: "BRL",
    last_order_id: orderId,
    active: true,
    accepts_marketing: c.id % 3 === 0,
    created_at: formatTime(c.createdMs),
    updated_at: formatTime(Math.max(c.createdMs, orderMs)),
  };
}
