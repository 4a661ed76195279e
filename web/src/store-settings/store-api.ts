// One store's record and the actions on it shared by the Lojas screens.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ResponseOf } from "../api/types.ts";
import { type ApiError, api } from "../api.ts";
import { useToast } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { STORES_KEY, type Store } from "../stores.ts";

export const storeKey = (id: number) => ["stores", id] as const;

export function useStore(id: number) {
  return useQuery({
    queryKey: storeKey(id),
    queryFn: () => api<Store>(`/api/v1/stores/${id}`),
    enabled: id > 0,
  });
}

/** The API's pt-BR reason for a refused API address (another host than the platform's), else the shape. */
/** The API address as typed, before it is sent: empty, or an http(s) address. */
export function apiBaseDraftProblem(value: string): string | undefined {
  const typed = value.trim();
  return typed && !/^https?:\/\/\S+$/.test(typed)
    ? "Informe um endereço que comece com https://, ou deixe vazio."
    : undefined;
}

export function apiBaseProblem(error: ApiError): string {
  return error.details.reasonCode === "api_base_refused" && typeof error.details.reason === "string"
    ? error.details.reason
    : "Endereço inválido: use https://…";
}

/** After a store changed: its record (given, or read again by id), the list and the overview. */
export function useRefreshStores() {
  const client = useQueryClient();
  return (store?: Store | number) => {
    if (typeof store === "number") void client.invalidateQueries({ queryKey: storeKey(store), exact: true });
    else if (store) client.setQueryData(storeKey(store.id), store);
    // exact: the store's tables live under ["stores", id, …] and may be in the middle of an edit.
    void client.invalidateQueries({ queryKey: STORES_KEY, exact: true });
    void client.invalidateQueries({ queryKey: ["overview"] });
  };
}

/** "Importar agora": queues the store's import; the result shows in Última importação. */
export function useImportNow() {
  const toast = useToast();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (store: Pick<Store, "id" | "name">) =>
      api<ResponseOf<"/api/v1/stores/{id}/import", "post", 202>>(`/api/v1/stores/${store.id}/import`, {
        method: "POST",
      }),
    onSuccess: (_r, store) => {
      toast("success", `Importação da loja ${store.name} iniciada. Os pedidos aparecem em instantes.`);
      // The import runs in the worker: read the stores again once it has had time to finish.
      setTimeout(() => {
        void client.invalidateQueries({ queryKey: STORES_KEY, exact: true });
        void client.invalidateQueries({ queryKey: storeKey(store.id), exact: true });
        void client.invalidateQueries({ queryKey: ["overview"] });
      }, 3_000);
    },
    onError: (error, store) => {
      // A refusal names the store already ("Loja X: a plataforma não respondeu…").
      const why = describeError(error);
      toast(
        "error",
        why.startsWith(`${store.name}:`) ? why : `Não foi possível importar ${store.name}: ${why}`,
      );
    },
  });
}

export type ConnectionTest = ResponseOf<"/api/v1/stores/{id}/test-connection", "post">;
export type ConnectionCheck = ConnectionTest["checks"][number];

export const CHECK_LABELS: Record<string, string> = {
  credentials: "Credenciais",
  permissions: "Permissões da chave",
  orders: "Leitura de pedidos",
  customers: "Dados do cliente nos pedidos",
  feed: "Fila de pedidos (feed)",
  webhooks: "Webhooks de pedidos",
};
