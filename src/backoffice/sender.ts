// The shipping label's sender (remetente): the organization's address, set once in the back
// office (PUT /api/v1/settings/sender). Until it is set, labels carry the store's name only.
import type { Queryable } from "../db/db.ts";
import { normalizeCep } from "../domain/cep.ts";
import { checkDocument, formatDocument } from "../domain/document.ts";
import { fieldError } from "./field-error.ts";

export interface SenderAddress {
  name: string;
  /** CPF/CNPJ, shown masked as typed by formatDocument. */
  document: string | null;
  street: string | null;
  number: string | null;
  complement: string | null;
  neighborhood: string | null;
  city: string | null;
  /** UF sigla, e.g. SP. */
  state: string | null;
  /** Eight digits. */
  zipcode: string | null;
  phone: string | null;
}

export type SenderInput = { name: string } & Partial<Omit<SenderAddress, "name">>;

const clean = (value: string | null | undefined) => value?.trim() || null;

export function validateSender(input: SenderInput): SenderAddress {
  const name = input.name.trim();
  if (!name) throw fieldError("name", "missing", "is required", "Informe o nome do remetente");
  let zipcode: string | null = null;
  if (clean(input.zipcode)) {
    zipcode = normalizeCep(input.zipcode);
    if (!zipcode) throw fieldError("zipcode", "bad_format", "a CEP has 8 digits", "CEP inválido: 8 dígitos");
  }
  const state = clean(input.state)?.toUpperCase() ?? null;
  if (state && !/^[A-Z]{2}$/.test(state)) {
    throw fieldError("state", "bad_format", "a UF is two letters", "UF inválida: duas letras (ex.: SP)");
  }
  let document: string | null = null;
  if (clean(input.document)) {
    const check = checkDocument(input.document);
    if (!check.ok) throw fieldError("document", check.reason, "is not a valid CPF/CNPJ", "CPF/CNPJ inválido");
    document = formatDocument(check.value);
  }
  return {
    name,
    document,
    street: clean(input.street),
    number: clean(input.number),
    complement: clean(input.complement),
    neighborhood: clean(input.neighborhood),
    city: clean(input.city),
    state,
    zipcode,
    phone: clean(input.phone),
  };
}

export async function getSender(q: Queryable, orgId: number): Promise<SenderAddress | null> {
  const { rows } = await q.query<{ sender_address: SenderAddress | null }>(
    "select sender_address from organizations where id = $1",
    [orgId],
  );
  return rows[0]?.sender_address ?? null;
}

export async function setSender(q: Queryable, orgId: number, sender: SenderAddress): Promise<SenderAddress> {
  await q.query("update organizations set sender_address = $2 where id = $1", [
    orgId,
    JSON.stringify(sender),
  ]);
  return sender;
}
