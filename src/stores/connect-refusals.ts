// Why connecting a platform store is refused: Ponte has it already, here or in another
// organisation. A pt-BR reason says what to do instead.
import { PonteError } from "../errors.ts";
import type { ConnectStoreInput, Store } from "./stores.ts";

/** 409 for a connection that would take over a store Ponte has; the reason says how to reconnect it. */
export function storeExists(
  store: Pick<Store, "id" | "name" | "connectionState">,
  input: ConnectStoreInput,
  label: string,
) {
  const reason =
    store.connectionState === "disconnected"
      ? `A loja ${input.externalId} da ${label} já existe no Ponte como "${store.name}" (desconectada). Para conectá-la de novo, use "Conectar a loja de novo" na página da loja.`
      : `A loja ${input.externalId} da ${label} já está conectada no Ponte como "${store.name}". Para trocar o token dela, use "Trocar o token de acesso" na página da loja.`;
  return new PonteError(
    "conflict",
    `store ${store.id} already connects ${input.platform} store ${input.externalId}`,
    {
      details: { reason, reasonCode: "store_exists", storeId: store.id },
    },
  );
}

/** The platform store is connected in another organisation of this Ponte. */
export function storeElsewhere(input: ConnectStoreInput, label: string): PonteError {
  return new PonteError(
    "conflict",
    `${input.platform} store ${input.externalId} belongs to another organisation`,
    {
      details: {
        reasonCode: "store_exists",
        reason: `A loja ${input.externalId} da ${label} já está conectada em outra organização deste Ponte.`,
      },
    },
  );
}
